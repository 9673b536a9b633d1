//! `/privacy/student/:id/export`: everything held about a student, one
//! table per kind of record, readable on a phone and printable.

use super::Res;
use crate::api::student_export_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use nguon_shared::privacy::{ExportSection, ExportValue, StudentExport};

/// `/privacy/student/:id/export`.
#[component]
pub fn ExportPage() -> impl IntoView {
    let data: Res<StudentExport> =
        Resource::new(crate::pages::id_param(), student_export_view);
    view! { <WithUser render=move |page, _user| export_page(page, data)/> }
}

/// A value as shown: dates dd/mm/yyyy, moments in Vietnam time, yes/no.
fn shown(m: &'static Messages, v: &ExportValue) -> String {
    match v {
        ExportValue::Empty => String::new(),
        ExportValue::Bool(b) => (if *b { m.pv.yes } else { m.pv.no }).to_string(),
        ExportValue::Integer(n) => n.to_string(),
        ExportValue::Number(n) => n.to_string(),
        ExportValue::Text(s) => {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                format::date(d)
            } else if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
                format::date_time(t.with_timezone(&chrono::Utc))
            } else if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s.trim_end_matches("+00:00"), "%Y-%m-%d %H:%M:%S%.f") {
                format::date_time(t.and_utc())
            } else {
                s.clone()
            }
        }
    }
}

fn section(m: &'static Messages, s: &ExportSection) -> AnyView {
    let t = m.pv;
    let body = if s.rows.is_empty() {
        view! { <p class="muted">{t.none}</p> }.into_any()
    } else if s.rows.len() == 1 {
        // One record (the identity, most often): label and value, one under the other, fit a phone.
        view! {
            <dl class="facts record">{s.columns.iter().zip(&s.rows[0]).filter(|(_, v)| **v != ExportValue::Empty).map(|(c, v)| view! {
                <dt>{t.column_title(c)}</dt><dd>{shown(m, v)}</dd>
            }).collect_view()}</dl>
        }
        .into_any()
    } else {
        view! {
            <div class="table-wrap"><table>
                <thead><tr>{s.columns.iter().map(|c| view! { <th scope="col">{t.column_title(c)}</th> }).collect_view()}</tr></thead>
                <tbody>{s.rows.iter().map(|r| view! {
                    <tr>{r.iter().map(|v| view! { <td>{shown(m, v)}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <section class="export-section" id=format!("export-{}", s.table)>
            <h2>{t.section_title(&s.table)}" ("{s.rows.len()}")"</h2>
            {body}
        </section>
    }
    .into_any()
}

fn export_page(page: PageCtx, data: Res<StudentExport>) -> AnyView {
    let m = page.m;
    let t = m.pv;
    view! {
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                // No heading of its own to show: the refusal is the page.
                Err(e) => view! { <h1>{m.error(&e)}</h1>{crate::components::form::load_error(m, &e)} }.into_any(),
                Ok(x) => view! {
                    <p class="no-print"><a href=format!("/privacy/student/{}", x.student_id)>{x.name.clone()}</a></p>
                    <h1 id="export-name">{fill(t.export_heading, &[("name", &x.name)])}</h1>
                    <p>{fill(t.produced, &[("school", &x.school), ("time", &format::date_time(x.produced_at))])}</p>
                    <p class="hint no-print">{t.print_hint}" "<a href=format!("/privacy/student/{}/export.json", x.student_id) download>{t.export_json}</a></p>
                    {x.sections.iter().map(|s| section(m, s)).collect_view()}
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}
