//! The inputs of one form on a page that may hold many (a decision form per
//! proposal, a completion form per enrolment …): when this very form was
//! sent and refused, it shows the error summary at its top, marks each
//! refused field with its own message, and gives back every value typed,
//! selects included. Other forms of the same kind on the page stay as they were.

use crate::components::form::{error_summary_at, SuccessLine};
use crate::i18n::Messages;
use crate::outcome;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use nguon_shared::AppError;
use std::sync::{Arc, Mutex};

/// One form's inputs. `form` names the form instance (`decide-12`); field
/// ids are `{form}-{name}` and their messages `{form}-{name}-err`, where the
/// summary links, naming each field by the label it was rendered with: build
/// the inputs first, then the summary.
#[derive(Clone)]
pub struct FormInputs {
    m: &'static Messages,
    form: String,
    /// The refusal of this form instance, if it is the one that was sent.
    error: Option<AppError>,
    /// The values typed into it when it was refused.
    typed: Vec<(String, String)>,
    /// Whether this form instance is the one that was sent and accepted.
    succeeded: bool,
    /// The label of each input rendered so far, for the summary.
    labels: Arc<Mutex<Vec<(String, String)>>>,
    /// Whose form it is, named at the top of a refusal (a card among many).
    subject: Option<String>,
    /// The page where a refused procedure check is fixed (empty: this page).
    fix_page: String,
}

impl FormInputs {
    /// The inputs of form instance `form` posting to server function `S`;
    /// `key` is the hidden field that tells instances apart (`("proposal", "12")`),
    /// `None` when the page has one such form.
    pub fn new<S: ServerFn>(m: &'static Messages, form: impl Into<String>, key: Option<(&str, String)>) -> Self {
        let sent = outcome::current().filter(|o| o.path == S::PATH).filter(|o| match &key {
            None => true,
            Some((name, value)) => o.values.iter().any(|(k, v)| k == name && v == value),
        });
        let succeeded = sent.as_ref().is_some_and(|o| o.ok);
        let refused = sent.filter(|o| !o.ok);
        let error = refused.as_ref().and_then(|o| o.result::<()>()).and_then(|r| r.err());
        let typed = refused.map(|o| o.values).unwrap_or_default();
        FormInputs { m, form: form.into(), error, typed, succeeded, labels: Arc::default(), subject: None, fix_page: String::new() }
    }

    /// Whether this form instance is the one that was sent and refused (a
    /// folded `<details>` holding it opens again).
    pub fn refused(&self) -> bool {
        self.error.is_some()
    }

    /// The form's id (`form` given to [`FormInputs::new`]).
    pub fn id(&self) -> String {
        self.form.clone()
    }

    /// The outcome of this form when it is the one that was sent: the error
    /// summary, each field named by its label, or "Saved." (unless
    /// [`FormInputs::quiet`]); the page scrolls to it. Call it after rendering the inputs.
    pub fn summary(&self) -> AnyView {
        if self.succeeded {
            let saved = self.m.mt.saved;
            return view! { <SuccessLine>{saved}</SuccessLine> }.into_any();
        }
        let Some(e) = &self.error else { return ().into_any() };
        let labels = self.labels.lock().map(|l| l.clone()).unwrap_or_default();
        let m = self.m;
        let label_of = move |field: &str| labels.iter().find(|(n, _)| n == field).map(|(_, l)| l.clone()).or_else(|| m.field_label(field).map(str::to_string));
        let summary = error_summary_at(m, e, &self.form, &label_of, &self.fix_page);
        match &self.subject {
            Some(who) => view! { <div class="refused-about"><p><strong>{who.clone()}</strong></p>{summary}</div> }.into_any(),
            None => summary,
        }
    }

    /// Names field `name` by `label` in the summary, for inputs rendered by
    /// hand (a table of lines, each field named after its row).
    pub fn remember(&self, name: &str, label: &str) {
        if let Ok(mut l) = self.labels.lock() {
            l.push((name.to_string(), label.to_string()));
        }
    }

    /// A form about one person among many on the page (a card on the board):
    /// a refusal names them, and its checks link to `fix_page`.
    pub fn about(mut self, subject: impl Into<String>, fix_page: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self.fix_page = fix_page.into();
        self
    }

    /// For a form whose page says what it changed elsewhere (with a count):
    /// its summary then shows only refusals.
    pub fn quiet(mut self) -> Self {
        self.succeeded = false;
        self
    }

    /// The value typed into `name` when this form was refused.
    pub fn typed(&self, name: &str) -> Option<String> {
        self.typed.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    fn invalid(&self, name: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.field_errors(name).next().is_some())
    }

    fn field_id(&self, name: &str) -> String {
        format!("{}-{name}", self.form)
    }

    /// The messages of field `name`, under it.
    pub fn messages(&self, name: &str) -> AnyView {
        let m = self.m;
        let codes: Vec<String> = self.error.as_ref().map(|e| e.field_errors(name).map(|c| m.field_error(c)).collect()).unwrap_or_default();
        view! {
            <div class="field-errors" id=format!("{}-err", self.field_id(name))>
                {codes.into_iter().map(|c| view! { <p class="field-error">{c}</p> }).collect_view()}
            </div>
        }
        .into_any()
    }

    /// A labelled text input: the value typed after a refusal, else `value`.
    pub fn text(&self, name: &'static str, label: impl Into<String>, value: String) -> AnyView {
        self.input(name, label, value, "text", None)
    }

    /// A labelled number input (numeric keyboard on phones).
    pub fn number(&self, name: &'static str, label: impl Into<String>, value: String) -> AnyView {
        self.input(name, label, value, "numeric", None)
    }

    /// A labelled date input shown dd/mm/yyyy; on a phone's numeric keypad,
    /// which often lacks "/", the digits alone (05102025) are enough.
    pub fn date(&self, name: &'static str, label: impl Into<String>, value: String) -> AnyView {
        let value = self.typed(name).unwrap_or(value);
        let hint = self.m.date_hint;
        self.field(name, label, |c| {
            let hint_id = format!("{}-hint", c.id);
            view! {
                <input id=c.id name=name type="text" inputmode="numeric" placeholder="dd/mm/yyyy" value=value autocomplete="off"
                    aria-invalid=c.invalid aria-describedby=format!("{hint_id} {}", c.described_by)/>
                <small class="hint" id=hint_id>{hint}</small>
            }
            .into_any()
        })
    }

    /// What every labelled control shares: its label remembered for the
    /// summary, its id, whether it was refused, and its messages under it.
    fn field(&self, name: &'static str, label: impl Into<String>, control: impl FnOnce(Control) -> AnyView) -> AnyView {
        let label: String = label.into();
        self.remember(name, &label);
        let id = self.field_id(name);
        let c = Control { described_by: format!("{id}-err"), invalid: self.invalid(name).then_some("true"), id: id.clone() };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {control(c)}
                {self.messages(name)}
            </div>
        }
        .into_any()
    }

    fn input(&self, name: &'static str, label: impl Into<String>, value: String, mode: &'static str, placeholder: Option<&'static str>) -> AnyView {
        let value = self.typed(name).unwrap_or(value);
        self.field(name, label, |c| {
            view! {
                <input id=c.id name=name type="text" inputmode=mode placeholder=placeholder value=value
                    aria-invalid=c.invalid aria-describedby=c.described_by/>
            }
            .into_any()
        })
    }

    /// A confirmation box for an act that is hard to undo, named `name`
    /// (sent as "1" when ticked): always shown when `always`, else only when
    /// this form came back asking for it. Never ticked in advance.
    pub fn confirm(&self, name: &'static str, label: impl Into<String>, always: bool) -> AnyView {
        if !always && !self.invalid(name) {
            return ().into_any();
        }
        let label: String = label.into();
        self.remember(name, &label);
        let id = self.field_id(name);
        let invalid = self.invalid(name).then_some("true");
        view! {
            <div class="field checkbox confirm">
                {self.messages(name)}
                <input id=id.clone() type="checkbox" name=name value="1" aria-invalid=invalid aria-describedby=format!("{id}-err")/>
                <label for=id>{label}</label>
            </div>
        }
        .into_any()
    }

    /// A labelled text area.
    pub fn textarea(&self, name: &'static str, label: impl Into<String>, value: String) -> AnyView {
        let value = self.typed(name).unwrap_or(value);
        self.field(name, label, |c| {
            view! { <textarea id=c.id name=name rows="3" aria-invalid=c.invalid aria-describedby=c.described_by>{value}</textarea> }.into_any()
        })
    }

    /// A labelled select of `(value, label)` options: the choice sent after a
    /// refusal, else `selected`.
    pub fn select(&self, name: &'static str, label: impl Into<String>, options: Vec<(String, String)>, selected: Option<String>) -> AnyView {
        let chosen = self.typed(name).or(selected);
        self.field(name, label, |c| {
            view! {
                <select id=c.id name=name aria-invalid=c.invalid aria-describedby=c.described_by>
                    {options.into_iter().map(|(v, text)| {
                        let sel = chosen.as_deref() == Some(v.as_str());
                        view! { <option value=v selected=sel>{text}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        })
    }

    /// A labelled tick box (`value="on"`): ticked as sent after a refusal, else as `checked`.
    pub fn checkbox(&self, name: &'static str, label: impl Into<String>, checked: bool) -> AnyView {
        let label: String = label.into();
        self.remember(name, &label);
        let id = self.field_id(name);
        let ticked = if self.refused() { self.typed(name).is_some() } else { checked };
        view! {
            <div class="field checkbox">
                <input id=id.clone() name=name type="checkbox" value="on" checked=ticked/>
                <label for=id>{label}</label>
                {self.messages(name)}
            </div>
        }
        .into_any()
    }

    /// The value typed into `name` after a refusal, else `value`; for inputs laid out by hand.
    pub fn value(&self, name: &str, value: String) -> String {
        self.typed(name).unwrap_or(value)
    }
}

/// `(code, label)` choices for [`FormInputs::select`], each code labelled by `label`.
pub fn choices(codes: &[&str], label: impl Fn(&str) -> String) -> Vec<(String, String)> {
    codes.iter().map(|k| (k.to_string(), label(k))).collect()
}

/// The attributes a labelled control takes from its field.
struct Control {
    id: String,
    invalid: Option<&'static str>,
    described_by: String,
}
