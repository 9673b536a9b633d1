//! The message catalogues: one per language, checked complete by the compiler
//! (every catalogue is a value of the same struct).

mod en;
pub mod audit;
pub mod home;
pub mod documents;
pub mod exports;
pub mod mentoring;
pub mod oversight;
pub mod privacy;
mod vi;

use nguon_shared::roster::ImportField;
use nguon_shared::{AppError, ErrorCode, Locale, Role};

/// Every user-interface string. A new string is a new field, so a catalogue
/// that forgets it does not compile.
pub struct Messages {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub menu: &'static str,
    pub nav_home: &'static str,
    pub nav_account: &'static str,
    pub nav_users: &'static str,
    pub logout: &'static str,
    pub language: &'static str,
    pub signed_in_as: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub login_button: &'static str,
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub organisation: &'static str,
    pub organisation_hint: &'static str,
    pub full_name: &'static str,
    pub confirm_password: &'static str,
    pub password_hint: &'static str,
    pub setup_button: &'static str,
    pub setup_already_done: &'static str,
    pub go_to_login: &'static str,
    /// `{reason}`: why a reviewer rejected an entry.
    pub rejected_because: &'static str,
    /// Under a date field: how to type a date on a phone.
    pub date_hint: &'static str,
    /// `{from}`, `{to}`: the days an activity can be logged on.
    pub log_dates_hint: &'static str,
    pub log_repeat_confirm: &'static str,
    /// `{class}`, `{date}`, `{by}`, `{n}`: one logging in the review queue.
    pub review_batch_line: &'static str,
    /// `{p}`: signed points.
    pub review_points_each: &'static str,
    /// `{p}`: signed points.
    pub review_points_total: &'static str,
    pub tick_batch: &'static str,
    pub confirm_override: &'static str,
    pub confirm_withdraw: &'static str,
    /// `{role}`: the role and its unit.
    pub confirm_revoke: &'static str,
    /// `{docs}`: the documents the next step still needs.
    pub dossier_missing: &'static str,
    pub lost_why: &'static str,
    pub lost_go_home: &'static str,
    pub not_a_logger: &'static str,
    /// `{login}`: the account.
    pub reset_password: &'static str,
    pub reset_password_hint: &'static str,
    /// `{login}`: the account.
    pub password_reset_done: &'static str,
    pub forgot_password: &'static str,
    pub forgot_password_help: &'static str,
    /// `{stages}`: the stages nobody is at.
    pub empty_stages: &'static str,
    pub board_scrolls: &'static str,
    /// `{next}`: the name of the year to create.
    pub roll_over_needs_year: &'static str,
    pub home_title: &'static str,
    /// `{name}`: the user's full name.
    pub home_welcome: &'static str,
    pub home_no_roles: &'static str,
    pub account_title: &'static str,
    pub change_password_title: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub change_password_button: &'static str,
    pub password_changed: &'static str,
    pub sessions_title: &'static str,
    pub session_this_device: &'static str,
    pub session_started: &'static str,
    pub session_last_seen: &'static str,
    pub session_address: &'static str,
    pub revoke_others_button: &'static str,
    /// `{n}`: how many sessions were ended.
    pub revoked_sessions: &'static str,
    pub nav_students: &'static str,
    pub students_title: &'static str,
    pub school: &'static str,
    pub search_students: &'static str,
    /// Label of a name search on a ranked or evaluated list.
    pub search_names: &'static str,
    /// A link that opens one row's form for a change ("Đổi").
    pub change: &'static str,
    /// A link that closes a row's open form.
    pub close: &'static str,
    pub grade: &'static str,
    pub all_grades: &'static str,
    pub union_only: &'static str,
    pub adult_on: &'static str,
    pub filter_button: &'static str,
    pub col_no: &'static str,
    pub col_dob: &'static str,
    pub col_class: &'static str,
    pub col_union: &'static str,
    pub col_ethnicity: &'static str,
    pub col_religion: &'static str,
    pub no_students: &'static str,
    pub no_schools: &'static str,
    /// `{n}`: a count.
    pub students_count: &'static str,
    pub users_title: &'static str,
    pub users_active: &'static str,
    pub users_inactive: &'static str,
    pub roles: &'static str,
    pub status: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub loading: &'static str,
    pub role_administrator: &'static str,
    pub role_superior_officer: &'static str,
    pub role_party_cell_officer: &'static str,
    pub role_mentor: &'static str,
    pub role_youth_union_officer: &'static str,
    pub err_unauthenticated: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_invalid: &'static str,
    pub err_invalid_credentials: &'static str,
    /// `{n}`: minutes to wait.
    pub err_throttled: &'static str,
    pub err_cross_origin: &'static str,
    pub err_already_set_up: &'static str,
    pub err_conflict: &'static str,
    pub err_request: &'static str,
    /// `{ref}`: the log reference.
    pub err_internal: &'static str,
    pub code_required: &'static str,
    /// `{n}`: minimum length.
    pub code_too_short: &'static str,
    /// `{n}`: maximum length.
    pub code_too_long: &'static str,
    pub code_username_chars: &'static str,
    pub code_username_taken: &'static str,
    pub code_password_mismatch: &'static str,
    pub code_wrong_current_password: &'static str,
    pub code_password_too_guessable: &'static str,
    pub code_invalid_value: &'static str,
    pub nav_years: &'static str,
    pub nav_import: &'static str,
    pub none: &'static str,
    pub years_title: &'static str,
    pub no_years: &'static str,
    pub col_year: &'static str,
    pub col_semesters: &'static str,
    pub col_classes: &'static str,
    pub col_students: &'static str,
    /// `{n}`, `{from}`, `{to}`.
    pub semester_dates: &'static str,
    pub new_year_title: &'static str,
    pub starts_on: &'static str,
    pub second_semester_on: &'static str,
    pub ends_on: &'static str,
    pub create_year_button: &'static str,
    pub year_created: &'static str,
    pub roll_over_title: &'static str,
    pub roll_over_intro: &'static str,
    pub from_year: &'static str,
    pub to_year: &'static str,
    pub roll_over_button: &'static str,
    /// `{moved}`, `{graduated}`.
    pub rolled_over: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub school_year: &'static str,
    pub file_label: &'static str,
    pub file_hint: &'static str,
    pub upload_button: &'static str,
    pub uploading: &'static str,
    pub recent_uploads: &'static str,
    pub not_imported_yet: &'static str,
    /// `{created}`, `{updated}`, `{skipped}`.
    pub import_done_short: &'static str,
    pub back_to_uploads: &'static str,
    pub mapping_title: &'static str,
    pub sheet: &'static str,
    /// `{n}`.
    pub header_row: &'static str,
    pub ignore_column: &'static str,
    pub apply_mapping: &'static str,
    pub mapping_problem: &'static str,
    pub preview_title: &'static str,
    /// Counts.
    pub import_plan: &'static str,
    /// `{list}`.
    pub new_classes: &'static str,
    /// `{n}`.
    pub import_button: &'static str,
    /// Counts.
    pub import_done: &'static str,
    pub view_students: &'static str,
    /// `{n}`.
    pub error_rows: &'static str,
    pub all_rows: &'static str,
    pub col_line: &'static str,
    pub col_code: &'static str,
    pub col_result: &'static str,
    pub action_create: &'static str,
    pub action_update: &'static str,
    pub action_unchanged: &'static str,
    pub action_skip: &'static str,
    pub code_invalid_date: &'static str,
    pub code_unreadable_file: &'static str,
    /// `{enc}`: TCVN3 or VNI.
    pub code_legacy_encoding: &'static str,
    /// `{n}`.
    pub code_duplicate_in_file: &'static str,
    pub code_invalid_class: &'static str,
    pub code_bad_mapping: &'static str,
    pub nav_staff: &'static str,
    pub nav_audit: &'static str,
    pub show_button: &'static str,
    pub staff_title: &'static str,
    pub staff_added: &'static str,
    pub no_staff: &'static str,
    /// `{n}`.
    pub staff_count: &'static str,
    pub party_membership: &'static str,
    pub member_since_short: &'static str,
    pub not_member: &'static str,
    pub no_account: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    /// `{who}`, `{when}`.
    pub granted_by: &'static str,
    /// `{who}`, `{when}`.
    pub revoked_by: &'static str,
    pub revoke: &'static str,
    pub grant_role: &'static str,
    pub grant_at: &'static str,
    pub add_staff_title: &'static str,
    pub username_optional: &'static str,
    pub first_password: &'static str,
    pub first_role: &'static str,
    pub party_full_member_since: &'static str,
    pub party_since_hint: &'static str,
    pub party_cell: &'static str,
    pub add_staff_button: &'static str,
    pub audit_title: &'static str,
    pub from_date: &'static str,
    pub to_date: &'static str,
    pub audit_action: &'static str,
    pub audit_entity: &'static str,
    pub audit_when: &'static str,
    pub audit_change: &'static str,
    pub audit_details: &'static str,
    pub audit_before: &'static str,
    pub audit_after: &'static str,
    pub older_entries: &'static str,
    pub nav_org: &'static str,
    pub org_title: &'static str,
    pub unit_name: &'static str,
    pub unit_kind: &'static str,
    pub unit_code: &'static str,
    pub parent_unit: &'static str,
    pub in_force: &'static str,
    pub valid_from: &'static str,
    pub valid_to: &'static str,
    pub school_links: &'static str,
    pub add_unit_title: &'static str,
    pub add_unit_button: &'static str,
    pub relation: &'static str,
    pub set_link_button: &'static str,
    /// Unit kind names, in the order of `views::UNIT_KINDS`.
    pub unit_kinds: [&'static str; 8],
    /// Relation names, in the order of `views::RELATIONS`.
    pub relations: [&'static str; 5],
    pub setup_demo: &'static str,
    pub setup_demo_hint: &'static str,
    pub all_classes: &'static str,
    pub pages: &'static str,
    pub classes_of: &'static str,
    pub homeroom: &'static str,
    pub add_class: &'static str,
    pub code_own_entry: &'static str,
    pub code_already_done: &'static str,
    pub code_second_person: &'static str,
    pub code_file_too_big: &'static str,
    pub code_kept_by_rule: &'static str,
    pub code_out_of_period: &'static str,
    pub nav_ledger: &'static str,
    pub ledger_ranking: &'static str,
    pub ledger_log: &'static str,
    pub ledger_review: &'static str,
    pub ledger_catalogue: &'static str,
    pub scope: &'static str,
    pub whole_school: &'static str,
    /// `{n}`.
    pub grade_n: &'static str,
    pub semester: &'static str,
    pub whole_year: &'static str,
    /// `{n}`.
    pub semester_n: &'static str,
    pub category: &'static str,
    pub all_categories: &'static str,
    pub col_rank: &'static str,
    pub col_points: &'static str,
    pub tie_note: &'static str,
    pub activity: &'static str,
    pub level: &'static str,
    pub occurred_on: &'static str,
    pub evidence: &'static str,
    pub evidence_hint: &'static str,
    pub choose: &'static str,
    /// Under a long list: how many rows are shown (`{shown}`, `{total}`).
    pub shown_of: &'static str,
    /// The link showing `{n}` more rows.
    pub show_more: &'static str,
    /// The "tick all" box above a list of checkboxes.
    pub tick_all: &'static str,
    pub tick_students: &'static str,
    /// `{n}`.
    pub log_button: &'static str,
    /// `{n}`.
    pub logged: &'static str,
    pub no_activities: &'static str,
    pub review_intro: &'static str,
    pub nothing_to_review: &'static str,
    pub decision: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub reason: &'static str,
    pub reason_hint: &'static str,
    pub review_button: &'static str,
    /// `{n}`.
    pub reviewed: &'static str,
    pub logged_by: &'static str,
    pub status_pending: &'static str,
    pub status_approved: &'static str,
    pub status_rejected: &'static str,
    pub reverse: &'static str,
    /// `{id}`.
    pub reverses: &'static str,
    /// `{name}`.
    pub student_ledger_title: &'static str,
    /// `{n}`.
    pub total_approved: &'static str,
    pub add_category: &'static str,
    pub add_activity: &'static str,
    pub rule: &'static str,
    pub rule_fixed: &'static str,
    pub rule_by_level: &'static str,
    pub rule_deduction: &'static str,
    pub points: &'static str,
    pub levels: &'static str,
    pub organiser: &'static str,
    pub copy_catalogue: &'static str,
    pub copy_button: &'static str,
    pub period: &'static str,
    /// Labels of the import fields, in the order of `ImportField::ALL`.
    pub import_fields: [&'static str; 20],
    pub ledger_results: &'static str,
    pub ledger_classification: &'static str,
    pub ledger_outstanding: &'static str,
    pub ledger_lines: &'static str,
    pub result_period: &'static str,
    pub line_n: &'static str,
    pub results_saved: &'static str,
    pub results_imported: &'static str,
    pub not_recorded: &'static str,
    pub old_scale_was: &'static str,
    pub col_study: &'static str,
    pub col_conduct: &'static str,
    pub results_import_title: &'static str,
    pub results_import_hint: &'static str,
    pub results_file_for: &'static str,
    pub min_points: &'static str,
    pub min_study: &'static str,
    pub min_conduct: &'static str,
    pub no_requirement: &'static str,
    pub confirmed_n: &'static str,
    pub classification_intro: &'static str,
    pub no_members: &'static str,
    pub col_suggested: &'static str,
    pub col_confirmed: &'static str,
    pub not_confirmed: &'static str,
    pub confirm_button: &'static str,
    pub thresholds_title: &'static str,
    pub thresholds_hint: &'static str,
    pub crit_emulation: &'static str,
    pub crit_union: &'static str,
    pub crit_age: &'static str,
    pub semester_of_year: &'static str,
    pub r_all_semesters: &'static str,
    pub r_below_in: &'static str,
    pub r_no_result: &'static str,
    pub r_no_semester: &'static str,
    pub r_standing: &'static str,
    pub r_cutoff: &'static str,
    pub r_min_points: &'static str,
    pub r_member_since: &'static str,
    pub r_not_member: &'static str,
    pub r_age: &'static str,
    pub r_classified: &'static str,
    pub r_not_classified: &'static str,
    pub met: &'static str,
    pub missed: &'static str,
    pub criteria_title: &'static str,
    pub criteria_hint: &'static str,
    pub crit_conduct: &'static str,
    pub crit_study: &'static str,
    pub crit_top: &'static str,
    pub crit_points: &'static str,
    pub crit_min_age: &'static str,
    pub crit_classification: &'static str,
    pub crit_union_member: &'static str,
    pub proposed_n: &'static str,
    pub evaluated_on: &'static str,
    pub qualifying_title: &'static str,
    pub one_short_title: &'static str,
    pub nobody: &'static str,
    pub others_note: &'static str,
    pub propose_title: &'static str,
    pub propose_hint: &'static str,
    pub propose_button: &'static str,
    pub timeline_title: &'static str,
    pub nothing_yet: &'static str,
    pub tl_result: &'static str,
    pub tl_classification: &'static str,
    pub tl_proposal: &'static str,
    pub code_unknown_student: &'static str,
    pub code_unknown_grade: &'static str,
    pub grades: [&'static str; 4],
    pub union_levels: [&'static str; 4],
    pub proposal_statuses: [&'static str; 3],
    pub chk_not_allowed: &'static str,
    pub chk_no_consent: &'static str,
    pub chk_underage_month: &'static str,
    pub chk_underage_day: &'static str,
    pub chk_no_certificate: &'static str,
    pub chk_certificate_lapsed: &'static str,
    pub chk_no_mentor: &'static str,
    pub chk_not_full_member: &'static str,
    pub chk_introducer_recent: &'static str,
    pub chk_introducers: &'static str,
    pub chk_union_resolution: &'static str,
    pub chk_document_missing: &'static str,
    pub chk_document_expired: &'static str,
    pub chk_verification_pending: &'static str,
    pub chk_vote_failed: &'static str,
    pub chk_ceremony_late: &'static str,
    pub chk_probation_not_over: &'static str,
    pub chk_missing: &'static str,
    pub code_full: &'static str,
    pub code_already_exists: &'static str,
    pub code_not_before: &'static str,
    pub code_too_large: &'static str,
    /// `{from}`, `{to}`: the first and last day allowed.
    pub code_outside_dates: &'static str,
    pub code_needs_confirmation: &'static str,
    /// `{n}`: students already logged; `{by}`: who logged them.
    pub code_already_logged: &'static str,
    /// The audit log in words.
    pub au: &'static audit::Au,
    /// The home page.
    pub hm: &'static home::Hm,
    /// The oversight pages.
    pub ov: &'static oversight::Ov,
    /// The Excel exports.
    pub ex: &'static exports::Ex,
    /// The print-ready documents.
    pub dc: &'static documents::Dc,
    /// Mentoring and follow-up.
    pub mt: &'static mentoring::Mt,
    /// The personal-data pages.
    pub pv: &'static privacy::Pv,
    pub stages: [&'static str; 14],
    pub document_kinds: [&'static str; 7],
    pub tl_stage: &'static str,
    pub nav_pipeline: &'static str,
    pub risk_age_after_school: &'static str,
    pub risk_certificate: &'static str,
    pub risk_ceremony_overdue: &'static str,
    pub risk_decision_overdue: &'static str,
    pub risk_biography: &'static str,
    pub days_in_stage: &'static str,
    pub mentor_is: &'static str,
    pub no_consent_yet: &'static str,
    pub consent_line: &'static str,
    pub consent_withdrawn_on: &'static str,
    pub consents_title: &'static str,
    pub record_consent: &'static str,
    pub consent_subject: &'static str,
    pub consent_student: &'static str,
    pub consent_guardian: &'static str,
    pub consent_person: &'static str,
    pub consent_relation: &'static str,
    pub consent_given_on: &'static str,
    pub consent_how: &'static str,
    pub consent_scope: &'static str,
    pub consent_scope_default: &'static str,
    pub accept_into_pool: &'static str,
    pub decline: &'static str,
    pub meeting_on: &'static str,
    pub record_decision: &'static str,
    pub accepted_into_pool: &'static str,
    pub declined_done: &'static str,
    pub board_summary: &'static str,
    pub proposals_waiting: &'static str,
    pub ended_candidacies: &'static str,
    pub party_member: &'static str,
    pub move_title: &'static str,
    pub next_step_ok: &'static str,
    pub next_step_blocked: &'static str,
    pub move_to: &'static str,
    pub move_on: &'static str,
    pub vote_legend: &'static str,
    pub vote_members: &'static str,
    pub vote_present: &'static str,
    pub vote_for: &'static str,
    pub vote_against: &'static str,
    pub vote_abstain: &'static str,
    pub decision_legend: &'static str,
    pub decision_number: &'static str,
    pub decided_on: &'static str,
    pub superior_agreement: &'static str,
    pub override_reason: &'static str,
    pub override_hint: &'static str,
    pub move_button: &'static str,
    pub student_profile: &'static str,
    pub history_title: &'static str,
    pub overridden_label: &'static str,
    pub certificate_title: &'static str,
    pub certificate_line: &'static str,
    pub certificate_number: &'static str,
    pub issued_on: &'static str,
    pub issuer: &'static str,
    pub mentors_title: &'static str,
    pub replacement_mark: &'static str,
    pub replacement_reason: &'static str,
    pub assign_mentor: &'static str,
    pub introducers_title: &'static str,
    pub together_since_line: &'static str,
    pub together_since: &'static str,
    pub replacement_introducer: &'static str,
    pub add_introducer: &'static str,
    pub dossier_title: &'static str,
    pub dossier_hint: &'static str,
    pub document: &'static str,
    pub dates: &'static str,
    pub holder: &'static str,
    pub requested_on_line: &'static str,
    pub received_on_line: &'static str,
    pub valid_until_line: &'static str,
    pub add_item: &'static str,
    pub update_item: &'static str,
    pub verification_of: &'static str,
    pub verification_at: &'static str,
    pub requested_on: &'static str,
    pub received_on: &'static str,
    pub biography_returns_title: &'static str,
    pub returned_on: &'static str,
    pub return_biography: &'static str,
    pub withdrawn_on: &'static str,
    pub withdraw_consent: &'static str,
    pub consent_methods: [&'static str; 3],
    pub item_statuses: [&'static str; 4],
    pub verification_subjects: [&'static str; 4],
    pub verification_places: [&'static str; 3],
}

/// The label of `code` from parallel lists of codes and labels (the code itself if unknown).
pub fn code_label(codes: &[&str], labels: &[&'static str], code: &str) -> String {
    codes.iter().position(|c| *c == code).and_then(|i| labels.get(i)).map_or_else(|| code.to_string(), |l| l.to_string())
}

/// The catalogue of a locale.
pub fn messages(locale: Locale) -> &'static Messages {
    match locale {
        Locale::Vi => &vi::VI,
        Locale::En => &en::EN,
    }
}

/// Replaces `{key}` placeholders in a catalogue string.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

impl Messages {
    /// A role's name.
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Administrator => self.role_administrator,
            Role::SuperiorOfficer => self.role_superior_officer,
            Role::PartyCellOfficer => self.role_party_cell_officer,
            Role::Mentor => self.role_mentor,
            Role::YouthUnionOfficer => self.role_youth_union_officer,
        }
    }

    /// The sentence shown for an error.
    pub fn error(&self, e: &AppError) -> String {
        match e {
            AppError::Unauthenticated => self.err_unauthenticated.into(),
            AppError::Forbidden => self.err_forbidden.into(),
            AppError::NotFound => self.err_not_found.into(),
            AppError::Invalid(_) => self.err_invalid.into(),
            AppError::InvalidCredentials => self.err_invalid_credentials.into(),
            AppError::Throttled { retry_after_minutes } => {
                fill(self.err_throttled, &[("n", &retry_after_minutes.to_string())])
            }
            AppError::CrossOrigin => self.err_cross_origin.into(),
            AppError::AlreadySetUp => self.err_already_set_up.into(),
            AppError::Conflict => self.err_conflict.into(),
            AppError::Request(_) => self.err_request.into(),
            AppError::Internal { reference } => fill(self.err_internal, &[("ref", reference)]),
        }
    }

    /// The label of a form field by its name, for the error summary at the
    /// top of a refused form; `None` for fields without a common label.
    pub fn field_label(&self, name: &str) -> Option<&'static str> {
        Some(match name {
            "username" => self.username,
            "password" => self.password,
            "organisation" => self.organisation,
            "full_name" => self.full_name,
            "confirm" => self.confirm_password,
            "current" => self.current_password,
            "new" => self.new_password,
            "school" => self.school,
            "school_year" | "year" => self.school_year,
            "file" => self.file_label,
            "class" => self.col_class,
            "activity" => self.activity,
            "level" => self.level,
            "occurred_on" => self.occurred_on,
            "evidence" => self.evidence,
            "decision" => self.decision,
            "reason" => self.reason,
            _ => return None,
        })
    }

    /// The sentence shown under a refused field.
    pub fn field_error(&self, code: &ErrorCode) -> String {
        match code {
            ErrorCode::Required => self.code_required.into(),
            ErrorCode::TooShort { min } => fill(self.code_too_short, &[("n", &min.to_string())]),
            ErrorCode::TooLong { max } => fill(self.code_too_long, &[("n", &max.to_string())]),
            ErrorCode::UsernameChars => self.code_username_chars.into(),
            ErrorCode::UsernameTaken => self.code_username_taken.into(),
            ErrorCode::PasswordMismatch => self.code_password_mismatch.into(),
            ErrorCode::WrongCurrentPassword => self.code_wrong_current_password.into(),
            ErrorCode::PasswordTooGuessable => self.code_password_too_guessable.into(),
            ErrorCode::InvalidValue => self.code_invalid_value.into(),
            ErrorCode::InvalidDate => self.code_invalid_date.into(),
            ErrorCode::UnreadableFile => self.code_unreadable_file.into(),
            ErrorCode::LegacyEncoding { encoding } => fill(self.code_legacy_encoding, &[("enc", encoding)]),
            ErrorCode::DuplicateInFile { line } => fill(self.code_duplicate_in_file, &[("n", &line.to_string())]),
            ErrorCode::InvalidClass => self.code_invalid_class.into(),
            ErrorCode::BadMapping => self.code_bad_mapping.into(),
            ErrorCode::OwnEntry => self.code_own_entry.into(),
            ErrorCode::AlreadyDone => self.code_already_done.into(),
            ErrorCode::SecondPerson => self.code_second_person.into(),
            ErrorCode::FileTooBig { rows, columns } => fill(self.code_file_too_big, &[("rows", &rows.to_string()), ("columns", &columns.to_string())]),
            ErrorCode::KeptByRule => self.code_kept_by_rule.into(),
            ErrorCode::OutOfPeriod => self.code_out_of_period.into(),
            ErrorCode::NeedsConfirmation => self.code_needs_confirmation.into(),
            ErrorCode::OutsideDates { from, to } => fill(self.code_outside_dates, &[("from", &crate::format::date(*from)), ("to", &crate::format::date(*to))]),
            ErrorCode::AlreadyLogged { students, by } => fill(self.code_already_logged, &[("n", &students.to_string()), ("by", by)]),
            ErrorCode::UnknownStudent => self.code_unknown_student.into(),
            ErrorCode::Full => self.code_full.into(),
            ErrorCode::AlreadyExists => self.code_already_exists.into(),
            ErrorCode::NotBefore { date } => fill(self.code_not_before, &[("date", &crate::format::date(*date))]),
            ErrorCode::TooLarge { max } => fill(self.code_too_large, &[("n", &max.to_string())]),
            ErrorCode::UnknownGrade { value } => fill(self.code_unknown_grade, &[("v", value)]),
            ErrorCode::Rule { failure } => self.check_text(failure),
        }
    }

    /// A unit kind's name from its code (the code itself if unknown).
    pub fn unit_kind_label(&self, code: &str) -> String {
        code_label(&nguon_shared::views::UNIT_KINDS, &self.unit_kinds, code)
    }

    /// A relation's name from its code.
    pub fn relation_label(&self, code: &str) -> String {
        code_label(&nguon_shared::views::RELATIONS, &self.relations, code)
    }

    /// A result code's label (the code itself if unknown).
    pub fn grade_label(&self, code: &str) -> String {
        code_label(&nguon_shared::merit::GRADES, &self.grades, code)
    }

    /// A union classification code's label.
    pub fn level_label(&self, code: &str) -> String {
        code_label(&nguon_shared::merit::UNION_LEVELS, &self.union_levels, code)
    }

    /// A stage's name.
    pub fn stage_label(&self, stage: nguon_shared::pipeline::Stage) -> &'static str {
        let i = nguon_shared::pipeline::Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stages[i]
    }

    /// A dossier document kind's name (the code itself if unknown).
    pub fn document_kind(&self, code: &str) -> String {
        code_label(&nguon_shared::pipeline::DOCUMENT_KINDS, &self.document_kinds, code)
    }

    /// The sentence explaining a failed check of the admission procedure.
    pub fn check_text(&self, f: &nguon_shared::pipeline::CheckFailure) -> String {
        use crate::format::date;
        use nguon_shared::pipeline::CheckFailure as F;
        match f {
            F::NotAllowed { from, to } => fill(self.chk_not_allowed, &[("from", self.stage_label(*from)), ("to", self.stage_label(*to))]),
            F::NoConsent => self.chk_no_consent.into(),
            F::Underage { meeting, eligible_from, by_month: true, years } => fill(
                self.chk_underage_month,
                &[("n", &years.to_string()), ("meeting", &date(*meeting)), ("month", &eligible_from.format("%m/%Y").to_string())],
            ),
            F::Underage { meeting, eligible_from, by_month: false, years } => {
                fill(self.chk_underage_day, &[("n", &years.to_string()), ("meeting", &date(*meeting)), ("date", &date(*eligible_from))])
            }
            F::NoCertificate => self.chk_no_certificate.into(),
            F::CertificateLapsed { valid_until, on } => fill(self.chk_certificate_lapsed, &[("until", &date(*valid_until)), ("on", &date(*on))]),
            F::NoMentor => self.chk_no_mentor.into(),
            F::NotFullMember { name } => fill(self.chk_not_full_member, &[("name", name)]),
            F::IntroducerTooRecent { name, since, from } => {
                fill(self.chk_introducer_recent, &[("name", name), ("since", &date(*since)), ("from", &date(*from))])
            }
            F::Introducers { needed, have, union_resolution_missing } => {
                let mut parts = Vec::new();
                if have < needed {
                    parts.push(fill(self.chk_introducers, &[("needed", &needed.to_string()), ("have", &have.to_string())]));
                }
                if *union_resolution_missing {
                    parts.push(self.chk_union_resolution.to_string());
                }
                parts.join(" ")
            }
            F::DocumentMissing { kind } => fill(self.chk_document_missing, &[("doc", &self.document_kind(kind))]),
            F::DocumentExpired { kind, valid_until } => fill(self.chk_document_expired, &[("doc", &self.document_kind(kind)), ("until", &date(*valid_until))]),
            F::VerificationPending { open } => fill(self.chk_verification_pending, &[("n", &open.to_string())]),
            F::VoteFailed { for_votes, members, needed } => fill(
                self.chk_vote_failed,
                &[("for", &for_votes.to_string()), ("members", &members.to_string()), ("needed", &needed.to_string())],
            ),
            F::CeremonyLate { due } => fill(self.chk_ceremony_late, &[("due", &date(*due))]),
            F::ProbationNotOver { ends } => fill(self.chk_probation_not_over, &[("ends", &date(*ends))]),
            F::Missing { field } => fill(self.chk_missing, &[("field", field)]),
        }
    }

    /// A consent method's name.
    pub fn consent_method(&self, code: &str) -> String {
        code_label(&nguon_shared::pipeline::CONSENT_METHODS, &self.consent_methods, code)
    }

    /// A dossier line status's name.
    pub fn item_status(&self, code: &str) -> String {
        code_label(&nguon_shared::pipeline::ITEM_STATUSES, &self.item_statuses, code)
    }

    /// A verification subject's name.
    pub fn verification_subject(&self, code: &str) -> String {
        code_label(&nguon_shared::pipeline::VERIFICATION_SUBJECTS, &self.verification_subjects, code)
    }

    /// A verification place's name.
    pub fn verification_place(&self, code: &str) -> String {
        code_label(&nguon_shared::pipeline::VERIFICATION_PLACES, &self.verification_places, code)
    }

    /// A pool proposal status's label.
    pub fn proposal_status(&self, status: &str) -> &'static str {
        match status {
            "accepted" => self.proposal_statuses[1],
            "declined" => self.proposal_statuses[2],
            _ => self.proposal_statuses[0],
        }
    }

    /// An entry status's name.
    pub fn entry_status(&self, status: &str) -> &'static str {
        match status {
            "approved" => self.status_approved,
            "rejected" => self.status_rejected,
            _ => self.status_pending,
        }
    }

    /// An import field's label.
    pub fn import_field(&self, f: ImportField) -> &'static str {
        let i = ImportField::ALL.iter().position(|x| *x == f).unwrap_or(0);
        self.import_fields[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_failures_read_as_sentences() {
        use chrono::NaiveDate;
        use nguon_shared::pipeline::CheckFailure;
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let under = CheckFailure::Underage { meeting: d(2026, 3, 12), eligible_from: d(2026, 5, 1), by_month: true, years: 18 };
        assert_eq!(
            messages(Locale::Vi).field_error(&ErrorCode::Rule { failure: under.clone() }),
            "Học sinh chưa đủ 18 tuổi (tính theo tháng) tại ngày họp chi bộ 12/03/2026: đủ tuổi từ tháng 05/2026."
        );
        assert_eq!(
            messages(Locale::En).check_text(&under),
            "The student is not yet 18 (counted by month) on the cell meeting day 12/03/2026: old enough from 05/2026."
        );
        let intro = CheckFailure::Introducers { needed: 1, have: 0, union_resolution_missing: true };
        assert_eq!(
            messages(Locale::Vi).check_text(&intro),
            "Cần 1 đảng viên chính thức giới thiệu, hiện có 0. Thiếu nghị quyết giới thiệu của Ban Chấp hành Đoàn trường."
        );
        let doc = CheckFailure::DocumentMissing { kind: "biography".into() };
        assert_eq!(messages(Locale::Vi).check_text(&doc), "Thiếu: Lý lịch người xin vào Đảng.");
        for l in [Locale::Vi, Locale::En] {
            for stage in nguon_shared::pipeline::Stage::ALL {
                assert!(!messages(l).stage_label(stage).is_empty());
            }
        }
    }

    #[test]
    fn placeholders_are_filled() {
        let m = messages(Locale::Vi);
        assert_eq!(m.error(&AppError::Throttled { retry_after_minutes: 7 }).contains('7'), true);
        assert!(m.field_error(&ErrorCode::TooShort { min: 10 }).contains("10"));
        assert!(!m.error(&AppError::Internal { reference: "ab12".into() }).contains("{ref}"));
        assert_eq!(fill("a {x} b {x}", &[("x", "1")]), "a 1 b 1");
    }

    #[test]
    fn catalogues_differ_and_are_not_empty() {
        let (vi, en) = (messages(Locale::Vi), messages(Locale::En));
        assert_ne!(vi.login_title, en.login_title);
        for m in [vi, en] {
            for r in Role::ALL {
                assert!(!m.role(r).is_empty());
            }
        }
    }
}
