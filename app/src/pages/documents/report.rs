//! `/documents/report`: the periodic report on developing Party members
//! among students — results against the target, the numbers sent to the
//! awareness class, proposed and admitted, the make-up of the new members —
//! with the shortcomings and next tasks typed at print time.

use super::{block, header, signature, tools, Res};
use crate::api::report_doc_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::pages::ledger::param;
use leptos::prelude::*;
use nguon_shared::oversight::{Count, FunnelStep};
use nguon_shared::views::documents::ReportDocView;
use nguon_shared::views::oversight::Dimension;
use nguon_shared::views::CurrentUserView;

/// The report page (the dashboard's filters in its address).
#[component]
pub fn ReportDocPage() -> impl IntoView {
    let (period, from, to, school) = (param("period"), param("from"), param("to"), param("school"));
    let data: Res<ReportDocView> = Resource::new(move || (period(), from(), to(), school()), |(p, f, t, s)| report_doc_view(p, f, t, s));
    view! { <WithUser render=move |page, user| report_page(page, user, data)/> }
}

fn report_page(page: PageCtx, _user: CurrentUserView, data: Res<ReportDocView>) -> AnyView {
    let m = page.m;
    view! {
        <h1 class="doc-screen-title">{m.dc.report}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! { {tools(m)}{document(m, v)} }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

fn count_text(c: Option<Count>) -> String {
    match c {
        Some(Count::Shown(n)) => n.to_string(),
        Some(Count::Few { below }) => format!("dưới {below}"),
        None => "0".into(),
    }
}

fn document(m: &'static crate::i18n::Messages, v: ReportDocView) -> AnyView {
    let f = &v.figures;
    let step = |s: FunnelStep| f.funnel.steps.iter().find(|x| x.step == s).map_or(0, |x| x.count);
    let admitted: u32 = f.rows.iter().map(|r| r.admitted).sum();
    let in_progress: u32 = f.rows.iter().map(|r| r.in_progress).sum();
    let of = |d: Dimension, key: &str| f.breakdowns.groups.iter().find(|g| g.dimension == d).and_then(|g| g.rows.iter().find(|r| r.key == key)).map(|r| r.admitted);
    let target = |t: Option<u32>| t.map_or_else(|| "—".to_string(), |t| t.to_string());
    let age = f.breakdowns.average_age_admitted.map_or_else(|| format!("(dưới {} người, không tính)", f.breakdowns.smallest_shown), |a| format!("{a:.1}"));
    let several = f.rows.len() > 1;
    view! {
        <article class="doc a4" id="doc-report">
            {header(&v.header, "ĐẢNG CỘNG SẢN VIỆT NAM", "", "BC")}
            <h2 class="doc-title">"BÁO CÁO"<br/><span class="doc-subtitle">"Kết quả công tác phát triển đảng viên trong học sinh"</span><br/>
                <span class="doc-period">{format!("(từ ngày {} đến ngày {})", format::date(f.period.from), format::date(f.period.to))}</span></h2>
            <p>{format!("Thực hiện kế hoạch phát triển đảng viên trong học sinh, {} báo cáo kết quả như sau:", v.covers)}</p>
            {f.plans.first().map(|p| view! { <p>{format!("Căn cứ Kế hoạch số {} ngày {} của {}.", p.number, format::date(p.issued_on), p.issuer)}</p> })}
            <h3>"I. KẾT QUẢ THỰC HIỆN"</h3>
            <table class="doc-table" id="doc-results">
                <thead><tr><th>"Nội dung"</th><th>"Chỉ tiêu"</th><th>"Thực hiện"</th></tr></thead>
                <tbody>
                    <tr><td>"Học sinh được Đoàn giới thiệu, đề nghị vào nguồn"</td><td>"—"</td><td>{step(FunnelStep::Proposed)}</td></tr>
                    <tr><td>"Học sinh học lớp bồi dưỡng nhận thức về Đảng (hoàn thành)"</td><td>{target(f.target.trainees)}</td><td>{format!("{} ({})", f.awareness.trainees, f.awareness.completed)}</td></tr>
                    <tr><td>"Học sinh được kết nạp vào Đảng"</td><td>{target(f.target.student_members)}</td><td>{admitted}</td></tr>
                    <tr><td>"Hồ sơ đang trong quy trình"</td><td>"—"</td><td>{in_progress}</td></tr>
                </tbody>
            </table>
            <p>{format!(
                "Trong số đảng viên mới kết nạp: nữ {}; người dân tộc thiểu số {}; đoàn viên {}; tuổi bình quân {}. (Số dưới {} người không ghi cụ thể để bảo vệ dữ liệu cá nhân.)",
                count_text(of(Dimension::Gender, "female")), count_text(of(Dimension::Ethnicity, "minority")), count_text(of(Dimension::UnionMember, "yes")), age, f.breakdowns.smallest_shown
            )}</p>
            {several.then(|| view! {
                <table class="doc-table" id="doc-schools">
                    <thead><tr><th>"Trường"</th><th>"Chỉ tiêu"</th><th>"Kết nạp"</th><th>"Đang trong quy trình"</th></tr></thead>
                    <tbody>
                        {f.rows.iter().map(|r| view! { <tr><td>{r.school.name.clone()}</td><td>{target(r.target)}</td><td>{r.admitted}</td><td>{r.in_progress}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            })}
            <h3>"II. HẠN CHẾ, NGUYÊN NHÂN"</h3>
            {block("doc-shortcomings", m.dc.type_shortcomings)}
            <h3>"III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"</h3>
            {block("doc-next", m.dc.type_next)}
            {signature(super::party_signer(&v.header.issuer), "BÍ THƯ", &["Cấp ủy cấp trên (để báo cáo)", "Lưu Chi bộ"])}
        </article>
    }
    .into_any()
}
