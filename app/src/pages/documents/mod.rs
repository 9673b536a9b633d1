//! Print-ready documents (A4, printed from the browser): the list of what
//! the user may print, and the shared parts of a document — the header in
//! the official layout, the dated place line, the boxes the user types
//! into before printing (kept in the browser, never sent or stored).
//! Documents are official Vietnamese papers: their text is Vietnamese
//! whatever the interface language; the hints around them follow it.

mod progress;
mod report;
mod resolution;

pub use progress::ProgressDocPage;
pub use report::ReportDocPage;
pub use resolution::ResolutionDocPage;

use crate::api::documents_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::i18n::Messages;
use chrono::Datelike;
use leptos::prelude::*;
use nguon_shared::views::documents::{DocHeader, DocumentsView};
use nguon_shared::views::CurrentUserView;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// `/documents`: what the user may print.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let data: Res<DocumentsView> = Resource::new(|| (), |_| documents_view());
    view! { <WithUser render=move |page, user| documents_page(page, user, data)/> }
}

fn documents_page(page: PageCtx, _user: CurrentUserView, data: Res<DocumentsView>) -> AnyView {
    let m = page.m;
    let d = m.dc;
    view! {
        <h1>{d.title}</h1>
        <p class="muted">{d.intro}</p>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! {
                    {(!v.report_schools.is_empty()).then(|| view! {
                        <section class="card" id="doc-reports">
                            <h2>{d.report}</h2>
                            <ul class="plain">
                                {v.scope_report.then(|| view! { <li><a href="/documents/report" id="report-scope">{d.report_scope}</a></li> })}
                                {v.report_schools.iter().map(|s| view! {
                                    <li><a href=format!("/documents/report?school={}", s.id)>{s.name.clone()}</a></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    <section class="card" id="doc-candidates">
                        <h2>{d.candidates}</h2>
                        {if v.candidates.is_empty() {
                            view! { <p class="muted">{d.no_candidates}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain" id="doc-candidate-list">
                                    {v.candidates.iter().map(|c| view! {
                                        <li><strong>{c.name.clone()}</strong>" · "{m.stage_label(c.stage)}<span class="muted">" · "{c.school.clone()}</span><br/>
                                            {c.resolution.then(|| view! { <a href=format!("/documents/resolution/{}", c.candidacy_id)>{d.resolution}</a> })}
                                            {(c.resolution && c.progress).then(|| " · ")}
                                            {c.progress.then(|| view! { <a href=format!("/documents/progress/{}", c.candidacy_id)>{d.progress}</a> })}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

/// The bar above a document on screen (never printed): how to fill and print it, and the way back.
pub(crate) fn tools(m: &'static Messages) -> AnyView {
    view! {
        <div class="doc-tools">
            <p><a href="/documents">{m.dc.back}</a></p>
            <p class="hint">{m.dc.how_to}</p>
        </div>
    }
    .into_any()
}

/// A box the user types into before printing (a number, a name, a day).
pub(crate) fn blank(id: &'static str, value: String) -> AnyView {
    view! { <span class="fill" contenteditable="true" id=id>{value}</span> }.into_any()
}

/// A paragraph the user types before printing; `hint` shows on screen only while it is empty.
pub(crate) fn block(id: &'static str, hint: &'static str) -> AnyView {
    view! { <div class="fill-block" contenteditable="true" id=id data-hint=hint></div> }.into_any()
}

/// "Tân Hà, ngày 27 tháng 11 năm 2026", the place editable.
pub(crate) fn place_and_date(h: &DocHeader) -> AnyView {
    let place = if h.place.is_empty() { "…………".to_string() } else { h.place.clone() };
    let t = h.today;
    view! {
        <p class="doc-date">{blank("doc-place", place)}{format!(", ngày {:02} tháng {:02} năm {}", t.day(), t.month(), t.year())}</p>
    }
    .into_any()
}

/// The official header: the issuer top left (under the body above it), the
/// motto top right with the place and date; `motto` is "ĐẢNG CỘNG SẢN VIỆT
/// NAM" or "ĐOÀN TNCS HỒ CHÍ MINH"; `symbol` ends the number ("BC/ĐU").
pub(crate) fn header(h: &DocHeader, motto: &'static str, issuer_prefix: &str, symbol: &'static str) -> AnyView {
    let upper = h.upper.clone().map(|u| u.to_uppercase());
    let issuer = format!("{issuer_prefix}{}", h.issuer).to_uppercase();
    view! {
        <header class="doc-head">
            <div class="doc-issuer">
                {upper.map(|u| view! { <div>{u}</div> })}
                <div><strong>{issuer}</strong></div>
                <div>"*"</div>
                <div>"Số: "{blank("doc-number", "…".into())}{format!("-{symbol}")}</div>
            </div>
            <div class="doc-motto">
                <div><strong class="underline">{motto}</strong></div>
                {place_and_date(h)}
            </div>
        </header>
    }
    .into_any()
}

/// A day as documents write it, or dots when unknown.
pub(crate) fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "……/……/……".to_string(), crate::format::date)
}

/// Who signs for the issuing Party body: a Party committee signs for a
/// "Đảng bộ" or "Đảng ủy", a cell's secretary for a "Chi bộ".
pub(crate) fn party_signer(issuer: &str) -> &'static str {
    let folded = issuer.trim().to_lowercase();
    if folded.starts_with("đảng bộ") || folded.starts_with("đảng ủy") {
        "T/M ĐẢNG ỦY"
    } else {
        "T/M CHI BỘ"
    }
}

/// "Nơi nhận" and the signature block side by side.
pub(crate) fn signature(for_body: &'static str, title: &'static str, recipients: &[&'static str]) -> AnyView {
    view! {
        <footer class="doc-sign">
            <div class="doc-recipients">
                <em><strong>"Nơi nhận:"</strong></em>
                {recipients.iter().map(|r| view! { <div>{format!("- {r}")}</div> }).collect_view()}
            </div>
            <div class="doc-signer">
                <div><strong>{for_body}</strong></div>
                <div><strong>{title}</strong></div>
                <div class="doc-sign-space"></div>
                <div><strong>{blank("doc-signer", "…………………".into())}</strong></div>
            </div>
        </footer>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::party_signer;

    #[test]
    fn the_body_that_signs() {
        assert_eq!(party_signer("Đảng bộ THPT Tân Hà"), "T/M ĐẢNG ỦY");
        assert_eq!(party_signer("Đảng ủy xã Tân Hà"), "T/M ĐẢNG ỦY");
        assert_eq!(party_signer("Chi bộ Trường THPT Lâm Hà"), "T/M CHI BỘ");
    }
}
