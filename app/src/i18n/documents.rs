//! Messages around the print-ready documents (their own text is Vietnamese,
//! as official papers are); each language fills every field.

/// The catalogue of the documents' pages.
#[allow(missing_docs)]
pub struct Dc {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub report: &'static str,
    pub report_scope: &'static str,
    pub candidates: &'static str,
    pub no_candidates: &'static str,
    pub resolution: &'static str,
    pub progress: &'static str,
    pub back: &'static str,
    pub how_to: &'static str,
    pub type_assessment: &'static str,
    pub type_shortcomings: &'static str,
    pub type_next: &'static str,
}

/// Vietnamese.
pub static VI: Dc = Dc {
    nav: "Văn bản",
    title: "Văn bản để in",
    intro: "Văn bản khổ A4 điền sẵn từ dữ liệu đã nhập. Phần nhận xét, đánh giá gõ trực tiếp trên văn bản trước khi in và không được lưu lại.",
    report: "Báo cáo kết quả phát triển đảng viên",
    report_scope: "Toàn bộ các trường thuộc phạm vi",
    candidates: "Nghị quyết giới thiệu, phiếu theo dõi",
    no_candidates: "Chưa có hồ sơ nào.",
    resolution: "Nghị quyết giới thiệu đoàn viên ưu tú (4-KNĐ)",
    progress: "Phiếu theo dõi quá trình",
    back: "← Danh sách văn bản",
    how_to: "Bấm vào các chỗ có dấu chấm hoặc khung trống để gõ, rồi dùng lệnh In của trình duyệt (Ctrl+P, hoặc Chia sẻ → In trên điện thoại). Những gì bạn gõ chỉ ở trên máy này, không gửi đi và không lưu lại.",
    type_assessment: "Gõ nhận xét ưu điểm, khuyết điểm của đoàn viên (không lưu lại)…",
    type_shortcomings: "Gõ hạn chế và nguyên nhân (không lưu lại)…",
    type_next: "Gõ phương hướng, nhiệm vụ thời gian tới (không lưu lại)…",
};

/// English.
pub static EN: Dc = Dc {
    nav: "Documents",
    title: "Documents to print",
    intro: "A4 documents filled from the data already entered. Assessments are typed straight onto the document before printing and are not stored.",
    report: "Report on developing Party members",
    report_scope: "Every school in scope",
    candidates: "Union resolutions, progress sheets",
    no_candidates: "No candidacy yet.",
    resolution: "Union resolution introducing a member (4-KNĐ)",
    progress: "Progress sheet",
    back: "← Documents",
    how_to: "Tap the dotted places or empty boxes to type, then use the browser's Print (Ctrl+P, or Share → Print on a phone). What you type stays on this device: it is neither sent nor stored. The documents themselves are in Vietnamese.",
    type_assessment: "Type the member's strengths and shortcomings (not stored)…",
    type_shortcomings: "Type the shortcomings and their causes (not stored)…",
    type_next: "Type the next tasks (not stored)…",
};
