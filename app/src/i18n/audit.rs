//! The audit log in words: actions, the kinds of record they touched, and
//! the fields of their details. Codes are what the database stores; each
//! language labels every code in the same order (compiler-checked lengths).

/// Action codes, as stored.
pub const ACTIONS: [&str; 38] = [
    "accept", "add_introducer", "anonymise", "answer", "approve", "assign_mentor", "cancel", "confirm", "copy_catalogue", "correct", "create",
    "decline", "delete", "enrol", "enter_pool", "export", "grant", "import", "load_demo", "log", "login", "logout", "move", "propose",
    "read_sensitive", "reject", "reverse", "revoke", "revoke_sessions", "roll_over", "set_rule", "update", "upload", "withdraw",
    "password_change", "password_reset", "adopt", "set_target",
];

/// Kinds of record, as stored.
pub const ENTITIES: [&str; 33] = [
    "awareness_class", "candidacy", "class", "consent", "data_request", "dossier_item", "erasure", "holiday", "ledger_batch", "ledger_entry",
    "org_unit", "pool_proposal", "role_grant", "roster_upload", "rule_value", "school_year", "staff", "student", "student_list", "study_result",
    "union_classification", "unit_link", "user", "activity", "activity_category", "assessment", "biography_return", "certificate",
    "joint_meeting", "plan", "plan_target", "stalled_candidacies", "report",
];

/// Fields of the details, as stored (others are shown as stored).
pub const KEYS: [&str; 40] = [
    "name", "student_id", "status", "school_id", "candidacy_id", "unit_id", "students", "school_year_id", "received_on", "kind", "year_id",
    "valid_from", "user_id", "staff_id", "reason", "points", "on", "valid_until", "stage", "role", "level", "grade", "starts_on", "ends_on",
    "from", "to", "occurred_on", "activity_id", "approved", "overridden", "view", "value", "rule", "reverses", "study", "conduct", "class",
    "file_name", "proposals", "classes",
];

/// The labels of one language.
#[allow(missing_docs)]
pub struct Au {
    pub actions: [&'static str; 38],
    pub entities: [&'static str; 33],
    pub keys: [&'static str; 40],
    pub any_action: &'static str,
    pub any_entity: &'static str,
    pub record: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
}

fn label(codes: &[&str], labels: &[&'static str], code: &str) -> Option<&'static str> {
    codes.iter().position(|c| *c == code).and_then(|i| labels.get(i).copied())
}

impl Au {
    /// An action in words (an unknown code as stored).
    pub fn action(&self, code: &str) -> String {
        label(&ACTIONS, &self.actions, code).map_or_else(|| code.to_string(), str::to_string)
    }

    /// A kind of record in words (an unknown code as stored).
    pub fn entity(&self, code: &str) -> String {
        label(&ENTITIES, &self.entities, code).map_or_else(|| code.to_string(), str::to_string)
    }

    /// A field of the details in words (an unknown one as stored).
    pub fn key(&self, code: &str) -> String {
        label(&KEYS, &self.keys, code).map_or_else(|| code.to_string(), str::to_string)
    }

    /// Whether an action code has a label (tests check every stored one has).
    pub fn knows_action(&self, code: &str) -> bool {
        label(&ACTIONS, &self.actions, code).is_some()
    }

    /// Whether a kind of record has a label.
    pub fn knows_entity(&self, code: &str) -> bool {
        label(&ENTITIES, &self.entities, code).is_some()
    }
}

/// Vietnamese.
pub static VI: Au = Au {
    actions: [
        "Chấp nhận", "Ghi người giới thiệu", "Ẩn danh hóa", "Trả lời", "Duyệt", "Phân công người giúp đỡ", "Hủy", "Xác nhận", "Sao chép danh mục",
        "Đính chính", "Tạo mới", "Không chấp nhận", "Xóa", "Ghi danh", "Đưa vào nguồn", "Xuất dữ liệu", "Cấp vai trò", "Nhập từ tệp",
        "Tải trường mẫu", "Ghi điểm", "Đăng nhập", "Đăng xuất", "Chuyển bước", "Đề xuất", "Xem thông tin nhạy cảm", "Từ chối",
        "Hủy điểm ghi nhầm", "Thu hồi vai trò", "Đăng xuất các phiên khác", "Lên lớp", "Đặt quy định", "Cập nhật", "Tải tệp lên", "Rút lại",
        "Đổi mật khẩu", "Đặt lại mật khẩu", "Kế thừa thực hiện", "Đặt chỉ tiêu",
    ],
    entities: [
        "Lớp bồi dưỡng", "Hồ sơ phát triển đảng viên", "Lớp học", "Sự đồng ý", "Yêu cầu về dữ liệu cá nhân", "Giấy tờ hồ sơ", "Xóa dữ liệu",
        "Ngày nghỉ", "Lần ghi điểm", "Điểm thi đua", "Đơn vị", "Đề xuất vào nguồn", "Vai trò", "Tệp danh sách học sinh", "Quy định",
        "Năm học", "Cán bộ, giáo viên", "Học sinh", "Danh sách học sinh", "Kết quả học tập", "Xếp loại đoàn viên", "Quan hệ đơn vị",
        "Tài khoản", "Hoạt động thi đua", "Nhóm hoạt động", "Nhận xét của người giúp đỡ", "Trả lại lý lịch", "Giấy chứng nhận bồi dưỡng",
        "Họp liên tịch", "Kế hoạch", "Chỉ tiêu kế hoạch", "Danh sách hồ sơ dừng lâu", "Báo cáo Excel",
    ],
    keys: [
        "Tên", "Học sinh (mã)", "Trạng thái", "Trường (mã)", "Hồ sơ (mã)", "Đơn vị (mã)", "Học sinh", "Năm học (mã)", "Ngày nhận", "Loại",
        "Năm học (mã)", "Từ ngày", "Tài khoản (mã)", "Cán bộ (mã)", "Lý do", "Điểm", "Ngày", "Hiệu lực đến", "Bước", "Vai trò", "Mức",
        "Khối", "Ngày bắt đầu", "Ngày kết thúc", "Từ", "Đến", "Ngày diễn ra", "Hoạt động (mã)", "Đã duyệt", "Bỏ qua điều kiện", "Trang",
        "Giá trị", "Quy định", "Hủy điểm (mã)", "Học tập", "Rèn luyện", "Lớp", "Tên tệp", "Đề xuất", "Lớp",
    ],
    any_action: "Mọi hành động",
    any_entity: "Mọi đối tượng",
    record: "bản ghi số {id}",
    yes: "có",
    no: "không",
};

/// English.
pub static EN: Au = Au {
    actions: [
        "Accepted", "Recorded an introducer", "Anonymised", "Answered", "Approved", "Assigned a mentor", "Cancelled", "Confirmed",
        "Copied the catalogue", "Corrected", "Created", "Declined", "Deleted", "Enrolled", "Entered the pool", "Exported", "Granted a role",
        "Imported", "Loaded the demo school", "Logged points", "Signed in", "Signed out", "Moved a stage", "Proposed", "Read sensitive data",
        "Rejected", "Cancelled points logged by mistake", "Revoked a role", "Signed out other sessions", "Rolled over the year", "Set a rule",
        "Updated", "Uploaded a file", "Withdrew", "Changed the password", "Reset the password", "Carried a plan on",
        "Set a target",
    ],
    entities: [
        "Awareness class", "Candidacy", "Class", "Consent", "Personal-data request", "Dossier document", "Erasure", "Holiday", "Logging",
        "Emulation points", "Unit", "Pool proposal", "Role", "Student list file", "Rule", "School year", "Staff member", "Student",
        "Student list", "Study result", "Union member classification", "Unit link", "Account", "Activity", "Activity category",
        "Mentor's assessment", "Biography returned", "Awareness certificate", "Joint meeting", "Plan", "Plan target",
        "Stalled candidacies", "Excel report",
    ],
    keys: [
        "Name", "Student (id)", "Status", "School (id)", "Candidacy (id)", "Unit (id)", "Students", "School year (id)", "Received on", "Kind",
        "School year (id)", "From", "Account (id)", "Staff (id)", "Reason", "Points", "On", "Valid until", "Stage", "Role", "Level", "Grade",
        "Starts on", "Ends on", "From", "To", "Took place on", "Activity (id)", "Approved", "Checks overridden", "Page", "Value", "Rule",
        "Cancels (id)", "Study", "Conduct", "Class", "File name", "Proposals", "Classes",
    ],
    any_action: "Any action",
    any_entity: "Any record",
    record: "record {id}",
    yes: "yes",
    no: "no",
};
