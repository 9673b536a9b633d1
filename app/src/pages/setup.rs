//! First-run set-up: the first organisation unit and administrator.

use crate::app::Actions;
use crate::components::form::{form_error, ErrorBanner, Field};
use crate::components::layout::{PageCtx, WithShell};
use leptos::prelude::*;

/// Offered while the installation has no account.
#[component]
pub fn SetupPage() -> impl IntoView {
    view! { <WithShell render=setup_form/> }
}

fn setup_form(page: PageCtx) -> AnyView {
    let m = page.m;
    let setup = expect_context::<Actions>().setup;
    let error = form_error(setup.value());
    if !page.info.needs_setup {
        return view! {
            <section class="card narrow">
                <h1>{m.setup_title}</h1>
                <p>{m.setup_already_done}</p>
                <p><a href="/login">{m.go_to_login}</a></p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card narrow">
            <h1>{m.setup_title}</h1>
            <p class="muted">{m.setup_intro}</p>
            <ErrorBanner m=m error=error/>
            <ActionForm action=setup attr:id="setup-form">
                <Field m=m name="organisation" label=m.organisation hint=m.organisation_hint autocomplete="organization" error=error/>
                <Field m=m name="full_name" label=m.full_name autocomplete="name" error=error/>
                <Field m=m name="username" label=m.username autocomplete="username" error=error/>
                <Field m=m name="password" label=m.password kind="password" autocomplete="new-password" hint=m.password_hint error=error/>
                <Field m=m name="confirm" label=m.confirm_password kind="password" autocomplete="new-password" error=error/>
                <div class="field checkbox">
                    <input id="f-demo" name="demo" type="checkbox" value="1"/>
                    <label for="f-demo">{m.setup_demo}</label>
                </div>
                <p class="hint">{m.setup_demo_hint}</p>
                <button type="submit" disabled=move || setup.pending().get()>{m.setup_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
