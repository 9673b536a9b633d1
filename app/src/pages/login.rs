//! The login page. Works as a plain HTML form before the wasm loads.

use crate::app::Actions;
use crate::components::form::{form_error, ErrorBanner, Field};
use crate::components::layout::{PageCtx, WithShell};
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Username and password form.
#[component]
pub fn LoginPage() -> impl IntoView {
    view! { <WithShell render=login_form/> }
}

fn login_form(page: PageCtx) -> AnyView {
    let m = page.m;
    let login = expect_context::<Actions>().login;
    let error = form_error(login.value());
    // Only the server redirects: in the browser the shell facts can be a
    // moment stale right after logging out, and bouncing on them would undo
    // the navigation to this page.
    if cfg!(feature = "ssr") {
        if page.info.user.is_some() {
            return view! { <Redirect path="/"/> }.into_any();
        }
        if page.info.needs_setup {
            return view! { <Redirect path="/setup"/> }.into_any();
        }
    }
    view! {
        <section class="card narrow">
            <h1>{m.login_title}</h1>
            <p class="muted">{m.login_intro}</p>
            <ErrorBanner m=m error=error/>
            <ActionForm action=login attr:id="login-form">
                <Field m=m name="username" label=m.username autocomplete="username" error=error/>
                <Field m=m name="password" label=m.password kind="password" autocomplete="current-password" error=error/>
                <button type="submit" disabled=move || login.pending().get()>{m.login_button}</button>
            </ActionForm>
            // No e-mail at a school: the way back is the administrator who gave the account.
            <details class="forgot" id="forgot-password">
                <summary>{m.forgot_password}</summary>
                <p>{m.forgot_password_help}</p>
            </details>
        </section>
    }
    .into_any()
}
