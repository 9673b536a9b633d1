//! `/documents/resolution/:id`: the school union's resolution introducing a
//! union member to the Party (form 4-KNĐ). The meeting's numbers, the
//! assessment and the signer are typed at print time and never stored.

use super::{block, blank, day, header, signature, tools, Res};
use crate::api::resolution_doc_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::pages::id_param;
use leptos::prelude::*;
use nguon_shared::views::documents::ResolutionDocView;
use nguon_shared::views::CurrentUserView;

/// The resolution page.
#[component]
pub fn ResolutionDocPage() -> impl IntoView {
    let id = id_param();
    let data: Res<ResolutionDocView> = Resource::new(id, resolution_doc_view);
    view! { <WithUser render=move |page, user| resolution_page(page, user, data)/> }
}

fn gender_word(g: Option<&str>) -> &'static str {
    match g {
        Some("female") => "Nữ",
        Some("male") => "Nam",
        _ => "…",
    }
}

fn resolution_page(page: PageCtx, _user: CurrentUserView, data: Res<ResolutionDocView>) -> AnyView {
    let m = page.m;
    view! {
        <h1 class="doc-screen-title">{m.dc.resolution}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! { {tools(m)}{document(m, v)} }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

fn document(m: &'static crate::i18n::Messages, v: ResolutionDocView) -> AnyView {
    view! {
        <article class="doc a4" id="doc-resolution">
            {header(&v.header, "ĐOÀN TNCS HỒ CHÍ MINH", "BCH ", "NQ/ĐTN")}
            <h2 class="doc-title">"NGHỊ QUYẾT"<br/><span class="doc-subtitle">"Về việc giới thiệu đoàn viên ưu tú vào Đảng"</span></h2>
            <p>"- Căn cứ Điều lệ Đảng Cộng sản Việt Nam và Điều lệ Đoàn TNCS Hồ Chí Minh;"</p>
            <p>"- Căn cứ tiêu chuẩn đảng viên và kết quả rèn luyện, phấn đấu của đoàn viên."</p>
            <p>"Ngày "{blank("doc-meeting", day(v.received_on.or(v.requested_on)))}", Ban Chấp hành Đoàn trường đã họp xét giới thiệu đoàn viên ưu tú vào Đảng. "
                "Tổng số ủy viên Ban Chấp hành: "{blank("doc-members", "…".into())}"; có mặt: "{blank("doc-present", "…".into())}"; vắng mặt: "{blank("doc-absent", "…".into())}"."</p>
            <p>"Họ và tên đoàn viên: "<strong>{v.name.clone()}</strong>"; "{gender_word(v.gender.as_deref())}"; sinh ngày "{day(Some(v.date_of_birth))}"; "
                "vào Đoàn ngày "{day(v.union_joined_on)}"; học sinh lớp "{v.class_name.clone().unwrap_or_else(|| "…".into())}", "{v.school.clone()}"."</p>
            <p><strong>"Nhận xét ưu điểm, khuyết điểm:"</strong></p>
            {block("doc-assessment", m.dc.type_assessment)}
            <p>"Số ủy viên Ban Chấp hành đồng ý giới thiệu: "{blank("doc-for", "…".into())}"/"{blank("doc-of", "…".into())}
                "; không đồng ý: "{blank("doc-against", "…".into())}"."</p>
            <p><strong>"QUYẾT NGHỊ:"</strong>" Giới thiệu đoàn viên "<strong>{v.name.clone()}</strong>" để chi bộ xem xét, kết nạp vào Đảng Cộng sản Việt Nam."</p>
            {signature("T/M BAN CHẤP HÀNH", "BÍ THƯ", &["Chi bộ trường (để xét)", "Lưu Văn phòng Đoàn"])}
        </article>
    }
    .into_any()
}
