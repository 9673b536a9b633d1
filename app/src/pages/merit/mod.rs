//! Pages of results, union classification and outstanding students:
//! entering or importing a class's results, confirming the suggested
//! classifications, and the outstanding-student lists with the reason for
//! every criterion, from which the union proposes students to the pool.


mod classification;
pub(crate) mod criteria;
mod outstanding;
mod results;

pub use classification::ClassificationPage;
pub(crate) use criteria::outcomes_list;
pub use outstanding::OutstandingPage;
pub use results::ResultsPage;

use crate::pages::ledger::{param, subnav, year_select};
use crate::api::{
    classification_view, outstanding_view, results_view, ConfirmClassification, ProposeStudents, SaveResults, SetClassificationThresholds,
    SetOutstandingCriteria,
};
use crate::components::form::SuccessLine;
use crate::components::paging::{rows_to_show, show_more, PAGE_CARDS};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::components::inputs::FormInputs;
use crate::outcome::{form_action, typed_values};
use leptos::prelude::*;
use leptos_router::components::Form;
use nguon_shared::merit::{
    ClassificationRow, ClassificationThresholds, Criterion, Evaluation, Outcome, Reason, ResultRow, GRADES, UNION_LEVELS,
};
use nguon_shared::views::merit::{ClassificationView, OutstandingPageView, ResultsView};
use nguon_shared::views::{ClassOption, CurrentUserView, Slice, YearChoice};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

fn period_of(text: &str) -> i16 {
    match text {
        "0" => 0,
        "2" => 2,
        _ => 1,
    }
}

fn period_label(m: &'static Messages, period: i16) -> String {
    if period == 0 {
        m.whole_year.to_string()
    } else {
        fill(m.semester_n, &[("n", &period.to_string())])
    }
}

/// A grade picker: `name`, current `value`, with an empty choice labelled `empty`.
fn grade_select(m: &'static Messages, id: String, name: &'static str, value: Option<String>, empty: &'static str, label: String) -> AnyView {
    view! {
        <select id=id name=name aria-label=label>
            <option value="" selected=value.is_none()>{empty}</option>
            {GRADES.iter().map(|g| view! { <option value=*g selected=value.as_deref() == Some(*g)>{m.grade_label(g)}</option> }).collect_view()}
        </select>
    }
    .into_any()
}

fn class_select(m: &'static Messages, classes: &[ClassOption], chosen: &str) -> AnyView {
    view! {
        <div class="field">
            <label for="f-class">{m.col_class}</label>
            <select id="f-class" name="class">
                <option value="">{m.choose}</option>
                {classes.iter().map(|c| {
                    let v = c.id.to_string();
                    let selected = v == chosen;
                    view! { <option value=v selected=selected>{c.name.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

fn error_view(m: &'static Messages, e: &nguon_shared::AppError) -> AnyView {
    crate::components::form::load_error(m, e)
}

/// `(grade, label)` choices, with an empty one labelled `empty`.
fn grade_choices(m: &'static Messages, empty: &'static str) -> Vec<(String, String)> {
    std::iter::once((String::new(), empty.to_string())).chain(GRADES.iter().map(|g| (g.to_string(), m.grade_label(g)))).collect()
}

/// Each student's value of a per-row select (`name[]`) as sent when the form was refused.
fn sent_per_student<S: leptos::server_fn::ServerFn>(name: &str) -> Option<std::collections::HashMap<String, String>> {
    let students = typed_values::<S>("student")?;
    let values = typed_values::<S>(name).unwrap_or_default();
    Some(students.into_iter().zip(values).collect())
}

