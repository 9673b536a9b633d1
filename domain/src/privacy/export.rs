//! The export of everything the app holds about a student (a data subject's
//! right of access): every table that refers to the student or to their
//! candidacies, each row whole (with the names its ids point to), and the
//! audit log's records about the student, reads of sensitive data included.
//! A test compares [`SOURCES`] with the schema, so a new table about
//! students cannot be left out.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{org_unit, student};
use crate::policy::Actor;
use chrono::Utc;
use nguon_shared::privacy::{ExportSection, ExportValue, StudentExport};
use nguon_shared::AppError;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, JsonValue, Statement};

/// Where the records of one table about a student come from.
pub struct Source {
    /// The table.
    pub table: &'static str,
    /// The query; `{s}` stands for the student's id.
    pub sql: &'static str,
}

/// The candidacies of the student (the tables about a candidacy filter on it).
macro_rules! of_candidacies {
    () => {
        "candidacy_id IN (SELECT id FROM candidacies WHERE student_id = {s})"
    };
}

/// Every table about a student, in the export's order.
pub const SOURCES: &[Source] = &[
    Source { table: "students", sql: "SELECT * FROM students WHERE id = {s}" },
    Source {
        table: "enrolments",
        sql: "SELECT e.*, y.name AS school_year, c.name AS class FROM enrolments e JOIN school_years y ON y.id = e.school_year_id \
              JOIN classes c ON c.id = e.class_id WHERE e.student_id = {s} ORDER BY y.starts_on",
    },
    Source {
        table: "ledger_entries",
        sql: "SELECT e.*, a.name AS activity FROM ledger_entries e JOIN activities a ON a.id = e.activity_id WHERE e.student_id = {s} ORDER BY e.occurred_on, e.id",
    },
    Source {
        table: "student_totals",
        sql: "SELECT t.*, y.name AS school_year FROM student_totals t JOIN school_years y ON y.id = t.school_year_id WHERE t.student_id = {s} ORDER BY t.id",
    },
    Source {
        table: "study_results",
        sql: "SELECT r.*, y.name AS school_year FROM study_results r JOIN school_years y ON y.id = r.school_year_id WHERE r.student_id = {s} ORDER BY y.starts_on, r.period",
    },
    Source {
        table: "union_classifications",
        sql: "SELECT u.*, y.name AS school_year FROM union_classifications u JOIN school_years y ON y.id = u.school_year_id WHERE u.student_id = {s} ORDER BY y.starts_on",
    },
    Source { table: "pool_proposals", sql: "SELECT * FROM pool_proposals WHERE student_id = {s} ORDER BY id" },
    Source { table: "consents", sql: "SELECT * FROM consents WHERE student_id = {s} ORDER BY id" },
    Source { table: "candidacies", sql: "SELECT * FROM candidacies WHERE student_id = {s} ORDER BY id" },
    Source { table: "candidacy_events", sql: concat!("SELECT * FROM candidacy_events WHERE ", of_candidacies!(), " ORDER BY happened_on, id") },
    Source { table: "certificates", sql: concat!("SELECT * FROM certificates WHERE ", of_candidacies!(), " ORDER BY id") },
    Source { table: "dossier_items", sql: concat!("SELECT * FROM dossier_items WHERE ", of_candidacies!(), " ORDER BY id") },
    Source {
        table: "introducers",
        sql: concat!(
            "SELECT i.*, st.family_name || ' ' || st.middle_name || ' ' || st.given_name AS introducer FROM introducers i JOIN staff st ON st.id = i.staff_id WHERE i.",
            of_candidacies!(),
            " ORDER BY i.id"
        ),
    },
    Source {
        table: "mentor_assignments",
        sql: concat!(
            "SELECT m.*, st.family_name || ' ' || st.middle_name || ' ' || st.given_name AS mentor FROM mentor_assignments m JOIN staff st ON st.id = m.staff_id WHERE m.",
            of_candidacies!(),
            " ORDER BY m.from_date"
        ),
    },
    Source { table: "assessments", sql: concat!("SELECT * FROM assessments WHERE ", of_candidacies!(), " ORDER BY written_on, id") },
    Source {
        table: "awareness_enrolments",
        sql: concat!(
            "SELECT e.*, c.name AS awareness_class FROM awareness_enrolments e JOIN awareness_classes c ON c.id = e.class_id WHERE e.",
            of_candidacies!(),
            " ORDER BY e.id"
        ),
    },
    Source { table: "votes", sql: concat!("SELECT * FROM votes WHERE ", of_candidacies!(), " ORDER BY meeting_on, id") },
    Source { table: "decisions", sql: concat!("SELECT * FROM decisions WHERE ", of_candidacies!(), " ORDER BY id") },
    Source { table: "biography_returns", sql: concat!("SELECT * FROM biography_returns WHERE ", of_candidacies!(), " ORDER BY id") },
    Source {
        table: "joint_meeting_students",
        sql: "SELECT s.*, m.held_on, m.decisions FROM joint_meeting_students s JOIN joint_meetings m ON m.id = s.meeting_id WHERE s.student_id = {s} ORDER BY m.held_on",
    },
    Source { table: "data_requests", sql: "SELECT * FROM data_requests WHERE student_id = {s} ORDER BY id" },
    Source { table: "erasures", sql: "SELECT * FROM erasures WHERE student_id = {s} ORDER BY id" },
    // The log's records about the student, and reads of lists that showed the student's sensitive data.
    Source {
        table: "audit_log",
        sql: "SELECT a.id, a.occurred_at, u.full_name AS actor, a.action, a.entity, a.entity_id, a.before, a.after FROM audit_log a \
              LEFT JOIN users u ON u.id = a.actor_user_id \
              WHERE (a.entity = 'student' AND a.entity_id = '{s}') OR (a.entity = 'student_list' AND a.action = 'read_sensitive' AND a.after LIKE '%{s}%') \
              ORDER BY a.id",
    },
];

fn value(v: &JsonValue) -> ExportValue {
    match v {
        JsonValue::Null => ExportValue::Empty,
        JsonValue::Bool(b) => ExportValue::Bool(*b),
        JsonValue::Number(n) => n.as_i64().map(ExportValue::Integer).or_else(|| n.as_f64().map(ExportValue::Number)).unwrap_or(ExportValue::Empty),
        JsonValue::String(s) => ExportValue::Text(s.clone()),
        other => ExportValue::Text(other.to_string()),
    }
}

/// Whether a `student_list` read in the log showed `student_id` (the query's
/// `LIKE` also matches ids that merely contain its digits).
fn list_read_shows(row: &serde_json::Map<String, JsonValue>, student_id: i64) -> bool {
    if row.get("entity").and_then(|e| e.as_str()) != Some("student_list") {
        return true;
    }
    let after = row.get("after").and_then(|a| a.as_str()).and_then(|a| serde_json::from_str::<JsonValue>(a).ok());
    after.and_then(|a| a.get("students").and_then(|s| s.as_array()).map(|ids| ids.iter().any(|i| i.as_i64() == Some(student_id)))).unwrap_or(false)
}

/// The records of one source.
pub async fn section<C: ConnectionTrait>(conn: &C, source: &Source, student_id: i64) -> Result<ExportSection, AppError> {
    let sql = source.sql.replace("{s}", &student_id.to_string());
    let rows = JsonValue::find_by_statement(Statement::from_string(conn.get_database_backend(), sql)).all(conn).await?;
    let mut columns: Vec<String> = Vec::new();
    let mut maps = Vec::new();
    for row in rows {
        let JsonValue::Object(mut map) = row else { continue };
        if source.table == "audit_log" {
            if !list_read_shows(&map, student_id) {
                continue;
            }
            // A list read names the other students shown too: keep only that it happened.
            if map.get("entity").and_then(|e| e.as_str()) == Some("student_list") {
                map.insert("after".into(), JsonValue::Null);
            }
        }
        for k in map.keys() {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
        maps.push(map);
    }
    let rows = maps.iter().map(|m| columns.iter().map(|c| m.get(c).map_or(ExportValue::Empty, value)).collect()).collect();
    Ok(ExportSection { table: source.table.to_string(), columns, rows })
}

/// Everything held about a student, for a reader who may see all of it;
/// producing it is itself recorded (and so appears in it).
pub async fn export(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, student_id: i64) -> Result<StudentExport, AppError> {
    let s = student::Entity::find_by_id(student_id).one(db).await?.ok_or(AppError::NotFound)?;
    if !super::may_export(db, actor, s.school_id).await {
        // Like every refusal at a unit: the same answer as a missing student.
        return Err(AppError::NotFound);
    }
    audit::record(db, ctx, AuditEntry { action: "export", entity: "student", entity_id: Some(s.id.to_string()), before: None, after: None }).await?;
    let school = org_unit::Entity::find_by_id(s.school_id).one(db).await?.map(|u| u.name).unwrap_or_default();
    let mut sections = Vec::with_capacity(SOURCES.len());
    for source in SOURCES {
        sections.push(section(db, source, s.id).await?);
    }
    Ok(StudentExport { student_id: s.id, name: s.person_name().full(), school, produced_at: Utc::now(), sections })
}

/// The tables of the schema that refer to a student or a candidacy (a
/// `student_id` or `candidacy_id` column), and `students` itself: what the
/// export must cover.
pub async fn tables_about_students<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>, AppError> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Sqlite => "SELECT DISTINCT m.name AS t FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND p.name IN ('student_id', 'candidacy_id') ORDER BY 1"
            .to_string(),
        _ => "SELECT DISTINCT table_name AS t FROM information_schema.columns WHERE table_schema = current_schema() \
              AND column_name IN ('student_id', 'candidacy_id') ORDER BY 1"
            .to_string(),
    };
    #[derive(FromQueryResult)]
    struct Table {
        t: String,
    }
    let mut out: Vec<String> = Table::find_by_statement(Statement::from_string(backend, sql)).all(conn).await?.into_iter().map(|r| r.t).collect();
    out.push("students".into());
    Ok(out)
}
