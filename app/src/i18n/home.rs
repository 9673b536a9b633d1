//! Messages of the home page ("what do I do today?"), per role; each
//! language fills every field (compiler-checked).

use nguon_shared::views::home::SetupStep;

/// The catalogue of the home page.
#[allow(missing_docs)]
pub struct Hm {
    pub union_title: &'static str,
    pub to_review: &'static str,
    pub to_review_none: &'static str,
    pub review_now: &'static str,
    pub rejected_title: &'static str,
    pub rejected_intro: &'static str,
    pub rejected_line: &'static str,
    pub no_reason: &'static str,
    pub week_title: &'static str,
    pub week_line: &'static str,
    pub week_none: &'static str,
    pub log_now: &'static str,
    pub top_title: &'static str,
    pub top_empty: &'static str,
    pub whole_ranking: &'static str,
    pub no_year: &'static str,
    pub cell_title: &'static str,
    pub tasks_more: &'static str,
    pub no_tasks: &'static str,
    pub proposals_line: &'static str,
    pub proposals_none: &'static str,
    pub flagged_title: &'static str,
    pub flagged_none: &'static str,
    pub flagged_more: &'static str,
    pub open_board: &'static str,
    pub mentor_title: &'static str,
    pub mentor_none: &'static str,
    pub next_due: &'static str,
    pub last_written: &'static str,
    pub never_written: &'static str,
    pub admin_title: &'static str,
    pub admin_done: &'static str,
    pub admin_progress: &'static str,
    pub steps: [&'static str; 4],
    pub roles_title: &'static str,
}

impl Hm {
    /// The label of a set-up step.
    pub fn step(&self, step: SetupStep) -> &'static str {
        self.steps[match step {
            SetupStep::SchoolYear => 0,
            SetupStep::Staff => 1,
            SetupStep::Roster => 2,
            SetupStep::Officers => 3,
        }]
    }
}

/// Where a set-up step is done.
pub fn step_href(step: SetupStep) -> &'static str {
    match step {
        SetupStep::SchoolYear => "/admin/years",
        SetupStep::Staff => "/admin/staff",
        SetupStep::Roster => "/admin/import",
        SetupStep::Officers => "/admin/users",
    }
}

/// Vietnamese.
pub static VI: Hm = Hm {
    union_title: "Đoàn trường: việc hôm nay",
    to_review: "{n} lượt điểm ({b} lần ghi) do cán bộ khác ghi đang chờ bạn duyệt.",
    to_review_none: "Không có điểm nào chờ bạn duyệt.",
    review_now: "Duyệt ngay",
    rejected_title: "Điểm bạn ghi bị từ chối",
    rejected_intro: "Trong 30 ngày qua. Nếu cần, hãy ghi lại cho đúng.",
    rejected_line: "{activity}, ngày {date} — từ chối bởi {by}",
    no_reason: "(không ghi lý do)",
    week_title: "Tuần này (từ thứ Hai {date})",
    week_line: "{batches} lần ghi, {entries} lượt điểm; bạn ghi {mine} lượt.",
    week_none: "Chưa ai ghi điểm tuần này.",
    log_now: "Ghi điểm cho một lớp",
    top_title: "Dẫn đầu bảng xếp hạng",
    top_empty: "Chưa có điểm nào được duyệt trong năm học.",
    whole_ranking: "Xem cả bảng xếp hạng",
    no_year: "Trường chưa có năm học. Quản trị viên tạo năm học trước khi ghi điểm.",
    cell_title: "Chi bộ: việc hôm nay",
    tasks_more: "Xem tất cả {n} việc",
    no_tasks: "Không có việc nào đến hạn.",
    proposals_line: "{n} đề xuất của Đoàn đang chờ chi bộ quyết định.",
    proposals_none: "Không có đề xuất nào chờ quyết định.",
    flagged_title: "Cảnh báo trên bảng theo dõi",
    flagged_none: "Không có hồ sơ nào bị cảnh báo.",
    flagged_more: "và {n} hồ sơ khác trên bảng theo dõi",
    open_board: "Mở bảng theo dõi",
    mentor_title: "Người bạn giúp đỡ",
    mentor_none: "Bạn chưa được phân công giúp đỡ ai.",
    next_due: "Nhận xét tiếp theo: {date}",
    last_written: "lần trước {date}",
    never_written: "chưa có nhận xét",
    admin_title: "Quản trị: việc còn thiếu",
    admin_done: "Tất cả {n} trường đã thiết lập đủ.",
    admin_progress: "{done}/{total} trường đã thiết lập đủ. Còn thiếu:",
    steps: ["Tạo năm học (và học kỳ)", "Nhập danh sách cán bộ, giáo viên", "Nhập danh sách học sinh vào lớp", "Cấp tài khoản cho cán bộ Đoàn, chi bộ"],
    roles_title: "Vai trò của bạn",
};

/// English.
pub static EN: Hm = Hm {
    union_title: "Youth Union: today",
    to_review: "{n} entries ({b} loggings) by other officers wait for your review.",
    to_review_none: "Nothing waits for your review.",
    review_now: "Review now",
    rejected_title: "Your entries that were rejected",
    rejected_intro: "In the last 30 days. Log them again correctly if needed.",
    rejected_line: "{activity}, on {date} — rejected by {by}",
    no_reason: "(no reason given)",
    week_title: "This week (since Monday {date})",
    week_line: "{batches} loggings, {entries} entries; {mine} of them by you.",
    week_none: "Nobody has logged points this week.",
    log_now: "Log points for a class",
    top_title: "Top of the leaderboard",
    top_empty: "No approved points this school year yet.",
    whole_ranking: "See the whole leaderboard",
    no_year: "The school has no school year yet. An administrator creates it before points are logged.",
    cell_title: "Party cell: today",
    tasks_more: "See all {n} tasks",
    no_tasks: "No task is due.",
    proposals_line: "{n} Youth Union proposals wait for the cell's decision.",
    proposals_none: "No proposal waits for a decision.",
    flagged_title: "Warnings on the board",
    flagged_none: "No candidacy carries a warning.",
    flagged_more: "and {n} more on the board",
    open_board: "Open the board",
    mentor_title: "The candidates you mentor",
    mentor_none: "You mentor nobody yet.",
    next_due: "Next assessment: {date}",
    last_written: "last on {date}",
    never_written: "no assessment yet",
    admin_title: "Administration: what is missing",
    admin_done: "All {n} schools are set up.",
    admin_progress: "{done} of {total} schools are set up. Missing:",
    steps: ["Create the school year (and semesters)", "Import the staff list", "Import the students into classes", "Give Youth Union and Party cell officers their accounts"],
    roles_title: "Your roles",
};
