//! Form pieces that show translated errors, with or without JavaScript.

use crate::i18n::Messages;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::SchoolOption;
use nguon_shared::AppError;

/// The error to show for a form: the action's own (with JavaScript) or the
/// one carried back in `?error=` after a plain form post (without it).
pub fn form_error<T, S>(value: S) -> Signal<Option<AppError>>
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || match value.get() {
        Some(Err(e)) => Some(e),
        Some(Ok(_)) => None,
        None => query.with(|q| q.get("error").and_then(|v| AppError::from_query_value(&v))),
    })
}

/// A refused form's error summary, the one error component of every form:
/// the sentence, then each refused field with its message — a form's input
/// by its label, linking to its own message under the field (`#f-{name}-err`);
/// a file's row by its line ("Dòng 12: …"); any other reason as it is. The page scrolls to it after a
/// refused plain form post (`#outcome`).
#[component]
pub fn ErrorBanner(m: &'static Messages, error: Signal<Option<AppError>>) -> impl IntoView {
    move || error.get().map(|e| error_summary(m, &e, "f", &|field| m.field_label(field).map(str::to_string)))
}

/// The error summary of `e` (see [`ErrorBanner`]): fields named by
/// `label_of` link to their message `#{prefix}-{field}-err`.
pub fn error_summary(m: &'static Messages, e: &AppError, prefix: &str, label_of: &dyn Fn(&str) -> Option<String>) -> AnyView {
    error_summary_at(m, e, prefix, label_of, "")
}

/// [`error_summary`] for a form whose refused procedure checks are fixed on
/// another page: `fix_page` (`/pipeline/12`) is where each check's link leads
/// (empty: this page).
pub fn error_summary_at(m: &'static Messages, e: &AppError, prefix: &str, label_of: &dyn Fn(&str) -> Option<String>, fix_page: &str) -> AnyView {
    let items: Vec<(Option<String>, String)> = match e {
        AppError::Invalid(list) => list.iter().map(|f| summary_item(m, prefix, &f.field, &f.code, label_of, fix_page)).collect(),
        _ => Vec::new(),
    };
    view! {
        <div class="alert error" role="alert" id="outcome" tabindex="-1">
            <p>{m.error(e)}</p>
            {(!items.is_empty()).then(|| view! {
                <ul class="error-summary" id="error-list">
                    {items.into_iter().map(|(href, text)| match href {
                        Some(href) => view! { <li><a href=href>{text}</a></li> }.into_any(),
                        None => view! { <li>{text}</li> }.into_any(),
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// One line of the error summary: where it links (a named field's message)
/// and what it says.
fn summary_item(
    m: &'static Messages,
    prefix: &str,
    field: &str,
    code: &nguon_shared::ErrorCode,
    label_of: &dyn Fn(&str) -> Option<String>,
    fix_page: &str,
) -> (Option<String>, String) {
    let message = m.field_error(code);
    // A rule of the procedure links to the part of the candidacy's page where it is fixed.
    if let nguon_shared::ErrorCode::Rule { failure } = code {
        return (fix_anchor(failure).map(|a| format!("{fix_page}#{a}")), message);
    }
    if let Some(n) = field.strip_prefix("line:") {
        return (None, format!("{}: {message}", crate::i18n::fill(m.line_n, &[("n", n)])));
    }
    // Only a form's own inputs have a message to link to; a rule of the
    // procedure (a refused move) has no field and reads as plain text.
    match label_of(field) {
        Some(label) => (Some(format!("#{prefix}-{field}-err")), format!("{label}: {message}")),
        None => (None, message),
    }
}

/// Where on a candidacy's page a refused check is fixed: the consents, the
/// awareness certificate, the mentor and introducers, or the dossier. Checks
/// that only time fixes (age, the order of steps) link nowhere.
pub fn fix_anchor(failure: &nguon_shared::pipeline::CheckFailure) -> Option<&'static str> {
    use nguon_shared::pipeline::CheckFailure as F;
    match failure {
        F::NoConsent => Some("sec-consents"),
        F::NoCertificate | F::CertificateLapsed { .. } => Some("sec-certificate"),
        F::NoMentor | F::NotFullMember { .. } | F::IntroducerTooRecent { .. } | F::Introducers { .. } => Some("sec-people"),
        F::DocumentMissing { .. } | F::DocumentExpired { .. } | F::VerificationPending { .. } => Some("sec-dossier"),
        _ => None,
    }
}

/// A page's data refused or failed to load: the message, and for "not
/// found" or "not allowed" why that may be and where to go instead (home,
/// which lists what the user can do), so no page is a dead end.
pub fn load_error(m: &'static Messages, e: &AppError) -> AnyView {
    let lost = matches!(e, AppError::NotFound | AppError::Forbidden);
    view! {
        <div class="alert error" role="alert">
            <p>{m.error(e)}</p>
            {lost.then(|| view! { <p>{m.lost_why}" "<a href="/" id="go-home">{m.lost_go_home}</a></p> })}
        </div>
    }
    .into_any()
}

/// What an accepted form changed, in one line ("Đã ghi 43 dòng điểm"); the
/// page scrolls to it after a plain form post (`#outcome`).
#[component]
pub fn SuccessLine(
    /// The line's own id, for links and tests.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The sentence.
    children: Children,
) -> impl IntoView {
    view! { <div id="outcome"><p class="alert ok" role="status" id=id>{children()}</p></div> }
}

/// The messages of field `name` when its form was refused, placed under the
/// field (`id="f-{name}-err"`, where the error summary links).
pub fn field_messages(m: &'static Messages, error: Signal<Option<AppError>>, name: &'static str) -> impl IntoView {
    view! {
        <div class="field-errors" id=format!("f-{name}-err")>
            {move || error.with(|e| {
                e.as_ref().map(|e| e.field_errors(name).map(|c| view! { <p class="field-error">{m.field_error(c)}</p> }).collect_view())
            })}
        </div>
    }
}

/// A labelled input with its field errors underneath.
#[component]
pub fn Field(
    m: &'static Messages,
    /// The form field's name (matches the server function's argument).
    name: &'static str,
    /// Visible label.
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("f-{name}");
    let invalid = move || error.with(|e| e.as_ref().is_some_and(|e| e.field_errors(name).next().is_some())).then_some("true");
    // The value typed when this form was refused (never a password).
    let typed = error.with_untracked(|e| e.is_some()).then(|| crate::outcome::typed_value_any(name)).flatten();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                name=name
                type=kind
                value=typed
                autocomplete=autocomplete
                aria-invalid=invalid
                aria-describedby=format!("{id}-err")
            />
            {hint.map(|h| view! { <small class="hint">{h}</small> })}
            {field_messages(m, error, name)}
        </div>
    }
}

/// The school picker above a page's content, shown when the user sees more than one school.
pub fn school_filter(m: &'static Messages, schools: &[SchoolOption], school: i64) -> AnyView {
    let options: Vec<(i64, String)> = schools.iter().map(|s| (s.id, s.name.clone())).collect();
    (options.len() > 1).then(|| picker_filter(m, m.school, "f-school", "school", options, school)).into_any()
}

/// A one-choice filter form (GET): a labelled select of `(id, label)` options and a "show" button.
pub fn picker_filter(m: &'static Messages, label: &'static str, id: &'static str, name: &'static str, options: Vec<(i64, String)>, selected: i64) -> AnyView {
    view! {
        <Form method="GET" action="" attr:class="card filters">
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name=name>
                    {options.into_iter().map(|(value, text)| view! { <option value=value.to_string() selected=value == selected>{text}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="secondary">{m.show_button}</button>
        </Form>
    }
    .into_any()
}

/// The link that downloads the page's list for Excel with the filters in
/// the page's address (`/export/{name}?…`): a plain download, no script.
pub fn export_link(m: &'static Messages, name: &'static str) -> AnyView {
    let search = leptos_router::hooks::use_location().search.get_untracked();
    let href = if search.is_empty() { format!("/export/{name}") } else { format!("/export/{name}?{}", search.trim_start_matches('?')) };
    view! { <p class="export"><a href=href download="" id=format!("export-{name}") class="export-link">{m.ex.download}</a></p> }.into_any()
}
