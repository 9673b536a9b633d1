//! `/documents/progress/:id`: a candidate's progress sheet — the day of
//! every step and where each paper of the dossier stands — under the
//! school's Party organisation's header.

use super::{day, header, signature, tools, Res};
use crate::api::progress_doc_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::i18n::{messages, Messages};
use crate::pages::id_param;
use leptos::prelude::*;
use nguon_shared::views::documents::ProgressDocView;
use nguon_shared::views::CurrentUserView;
use nguon_shared::Locale;

/// The progress sheet's page.
#[component]
pub fn ProgressDocPage() -> impl IntoView {
    let id = id_param();
    let data: Res<ProgressDocView> = Resource::new(id, progress_doc_view);
    view! { <WithUser render=move |page, user| progress_page(page, user, data)/> }
}

fn progress_page(page: PageCtx, _user: CurrentUserView, data: Res<ProgressDocView>) -> AnyView {
    let m = page.m;
    view! {
        <h1 class="doc-screen-title">{m.dc.progress}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! { {tools(m)}{document(v)} }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

fn document(v: ProgressDocView) -> AnyView {
    // The paper is Vietnamese whatever the reader's language.
    let vi: &'static Messages = messages(Locale::Vi);
    let c = &v.candidacy;
    let mentors = c.mentors.iter().map(|(name, from, to, _)| format!("{name} ({} – {})", day(Some(*from)), to.map_or_else(String::new, |t| day(Some(t))))).collect::<Vec<_>>().join("; ");
    let introducers = c.introducers.iter().map(|(name, since, _)| format!("{name} (cùng đơn vị từ {})", day(Some(*since)))).collect::<Vec<_>>().join("; ");
    view! {
        <article class="doc a4" id="doc-progress">
            {header(&v.header, "ĐẢNG CỘNG SẢN VIỆT NAM", "", "PTD")}
            <h2 class="doc-title">"PHIẾU THEO DÕI"<br/><span class="doc-subtitle">"Quá trình phát triển đảng viên"</span></h2>
            <p>"Họ và tên: "<strong>{c.card.name.clone()}</strong>"; sinh ngày "{day(Some(c.date_of_birth))}"; lớp "{c.card.class_name.clone().unwrap_or_else(|| "…".into())}", "{v.school.clone()}"."</p>
            <p>"Bước hiện tại: "<strong>{vi.stage_label(c.card.stage)}</strong>"."</p>
            <p>"Giấy chứng nhận bồi dưỡng nhận thức về Đảng: "{c.certificate.as_ref().map_or_else(|| "chưa có".to_string(), |(n, d)| format!("số {n}, ngày {}", day(Some(*d))))}"."</p>
            <p>"Đảng viên giúp đỡ: "{if mentors.is_empty() { "chưa phân công".to_string() } else { mentors }}"."</p>
            <p>"Người giới thiệu: "{if introducers.is_empty() { "chưa có".to_string() } else { introducers }}"."</p>
            <h3>"1. Các mốc"</h3>
            <table class="doc-table" id="doc-steps">
                <thead><tr><th>"Bước"</th><th>"Ngày"</th><th>"Ghi chú"</th></tr></thead>
                <tbody>
                    {c.events.iter().map(|e| view! {
                        <tr><td>{vi.stage_label(e.to)}</td><td>{day(Some(e.on))}</td><td>{e.reason.clone()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"2. Hồ sơ"</h3>
            <table class="doc-table" id="doc-dossier">
                <thead><tr><th>"Giấy tờ"</th><th>"Tình trạng"</th><th>"Ngày nhận"</th><th>"Hiệu lực đến"</th></tr></thead>
                <tbody>
                    {c.dossier.iter().map(|i| view! {
                        <tr><td>{vi.document_kind(&i.kind)}</td><td>{vi.item_status(&i.status)}</td><td>{i.received_on.map(|d| day(Some(d)))}</td><td>{i.valid_until.map(|d| day(Some(d)))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!c.biography_returns.is_empty()).then(|| view! { <p>{format!("Lý lịch trả lại để viết lại: {} lần.", c.biography_returns.len())}</p> })}
            <p>{format!("Sự đồng ý xử lý dữ liệu cá nhân: {} lần ghi nhận.", c.consents.len())}</p>
            {signature(super::party_signer(&v.header.issuer), "BÍ THƯ", &["Hồ sơ đảng viên"])}
        </article>
    }
    .into_any()
}
