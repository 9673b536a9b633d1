//! The personal-data pages: the register of data-subject requests (with the
//! search for a student and the numbers), one student's page (requests and
//! answers, correction, erasure) and the printable export.

mod export;
mod register;
mod student;

pub use export::ExportPage;
pub use register::PrivacyPage;
pub use student::PrivacyStudentPage;

use crate::format;
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use nguon_shared::privacy::RequestRow;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// The status cell of a request: when it was answered, or that it is not, and late.
fn request_status(m: &'static Messages, r: &RequestRow) -> AnyView {
    match r.answered_on {
        Some(d) => view! { <span>{fill(m.pv.answered_on_line, &[("date", &format::date(d))])}</span> }.into_any(),
        None => view! {
            <span>{m.pv.not_answered}</span>
            {r.overdue.then(|| view! { " "<span class="badge warn">{m.mt.overdue}</span> })}
        }
        .into_any(),
    }
}
