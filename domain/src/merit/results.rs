//! Study and conduct results per semester (1, 2) and year (0): entered for
//! a class, or imported from the `.xlsx`/`.csv` the school-management
//! software exports, the older scale accepted through the school's mapping.

use super::rules::{self, ReadGrade};
use super::YearRoll;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::study_result;
use crate::policy::{Actor, Permission};
use crate::roster::read::{self, Cell};
use crate::rules_config::{self, RESULT_OLD_SCALE};
use chrono::Utc;
use nguon_shared::merit::{ResultRow, ResultsImport};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// Most row errors reported for one file (enough to fix in one go; the redirect carries them).
pub const MAX_ROW_ERRORS: usize = 30;

fn check_period(period: i16) -> Result<(), AppError> {
    if (0..=2).contains(&period) {
        Ok(())
    } else {
        Err(AppError::invalid("period", ErrorCode::InvalidValue))
    }
}

/// The results of a class (in class-list order) for a period.
pub async fn class_results<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64, class_id: i64, period: i16) -> Result<Vec<ResultRow>, AppError> {
    check_period(period)?;
    let roll = YearRoll::load(conn, actor, Permission::ViewStudents, year_id).await?;
    if !roll.classes.contains_key(&class_id) {
        return Err(AppError::NotFound);
    }
    let ids = roll.ordered(Some(class_id));
    let stored: HashMap<i64, study_result::Model> = study_result::Entity::find()
        .filter(study_result::Column::SchoolYearId.eq(year_id))
        .filter(study_result::Column::Period.eq(period))
        .filter(study_result::Column::StudentId.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.student_id, r))
        .collect();
    Ok(ids
        .into_iter()
        .map(|id| {
            let r = stored.get(&id);
            let original = r.and_then(|r| match (&r.study_original, &r.conduct_original) {
                (None, None) => None,
                (a, b) => Some(format!("{} / {}", a.as_deref().unwrap_or("–"), b.as_deref().unwrap_or("–"))),
            });
            ResultRow {
                student_id: id,
                name: roll.students[&id].person_name().full(),
                study: r.and_then(|r| r.study.clone()),
                conduct: r.and_then(|r| r.conduct.clone()),
                original,
            }
        })
        .collect())
}

/// One student's results to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultInput {
    /// The student (placed in the year).
    pub student_id: i64,
    /// Study result.
    pub study: Option<ReadGrade>,
    /// Conduct result.
    pub conduct: Option<ReadGrade>,
}

/// Writes results in one transaction: a new row, or the stored one changed
/// (audited with before and after); unchanged rows are left alone, and an
/// empty value never erases a stored one. Returns the rows written.
async fn write<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    year_id: i64,
    period: i16,
    inputs: &[ResultInput],
    source: &str,
) -> Result<u32, AppError> {
    let ids: Vec<i64> = inputs.iter().map(|i| i.student_id).collect();
    let stored: HashMap<i64, study_result::Model> = study_result::Entity::find()
        .filter(study_result::Column::SchoolYearId.eq(year_id))
        .filter(study_result::Column::Period.eq(period))
        .filter(study_result::Column::StudentId.is_in(ids))
        .all(txn)
        .await?
        .into_iter()
        .map(|r| (r.student_id, r))
        .collect();
    let mut written = 0;
    for input in inputs {
        let old = stored.get(&input.student_id);
        let pick = |new: &Option<ReadGrade>, code: Option<&String>, orig: Option<&String>| match new {
            Some(g) => (Some(g.code.clone()), g.original.clone()),
            None => (code.cloned(), orig.cloned()),
        };
        let (study, study_original) = pick(&input.study, old.and_then(|o| o.study.as_ref()), old.and_then(|o| o.study_original.as_ref()));
        let (conduct, conduct_original) =
            pick(&input.conduct, old.and_then(|o| o.conduct.as_ref()), old.and_then(|o| o.conduct_original.as_ref()));
        let after = serde_json::json!({ "student_id": input.student_id, "year_id": year_id, "period": period, "study": study, "conduct": conduct, "study_original": study_original, "conduct_original": conduct_original, "source": source });
        let (row, before) = match old {
            Some(o) if o.study == study && o.conduct == conduct && o.study_original == study_original && o.conduct_original == conduct_original => {
                continue
            }
            Some(o) => {
                let before = serde_json::json!({ "study": o.study, "conduct": o.conduct, "study_original": o.study_original, "conduct_original": o.conduct_original, "source": o.source });
                let mut a: study_result::ActiveModel = o.clone().into();
                a.study = Set(study);
                a.conduct = Set(conduct);
                a.study_original = Set(study_original);
                a.conduct_original = Set(conduct_original);
                a.source = Set(source.to_string());
                a.recorded_by = Set(actor.user_id);
                a.recorded_at = Set(Utc::now());
                (a.update(txn).await?, Some(before))
            }
            None if study.is_none() && conduct.is_none() => continue,
            None => (
                study_result::ActiveModel {
                    student_id: Set(input.student_id),
                    school_year_id: Set(year_id),
                    period: Set(period),
                    study: Set(study),
                    conduct: Set(conduct),
                    study_original: Set(study_original),
                    conduct_original: Set(conduct_original),
                    source: Set(source.to_string()),
                    recorded_by: Set(actor.user_id),
                    recorded_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(txn)
                .await?,
                None,
            ),
        };
        audit::record(
            txn,
            ctx,
            AuditEntry { action: if before.is_some() { "update" } else { "create" }, entity: "study_result", entity_id: Some(row.id.to_string()), before, after: Some(after) },
        )
        .await?;
        written += 1;
    }
    Ok(written)
}

/// Records results entered for a class: (student, study code, conduct code),
/// codes from the current scale or empty. All or nothing.
pub async fn record(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    year_id: i64,
    period: i16,
    rows: &[(i64, String, String)],
) -> Result<u32, AppError> {
    check_period(period)?;
    let roll = YearRoll::load(db, actor, Permission::LogEmulation, year_id).await?;
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for (student_id, study, conduct) in rows {
        if !roll.students.contains_key(student_id) {
            return Err(AppError::NotFound);
        }
        // The form offers the current scale only.
        let read = |field: &str, v: &str, errors: &mut Vec<FieldError>| match v.trim() {
            "" => None,
            code if rules::grade_rank(code).is_some() => Some(ReadGrade { code: code.to_string(), original: None }),
            other => {
                errors.push(FieldError::new(field, ErrorCode::UnknownGrade { value: other.to_string() }));
                None
            }
        };
        let study = read("study", study, &mut errors);
        let conduct = read("conduct", conduct, &mut errors);
        inputs.push(ResultInput { student_id: *student_id, study, conduct });
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let n = write(&txn, actor, ctx, year_id, period, &inputs, "entry").await?;
    txn.commit().await?;
    Ok(n)
}

/// Columns of a results file, by folded header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Columns {
    code: Option<usize>,
    name: Option<usize>,
    dob: Option<usize>,
    study: Option<usize>,
    conduct: Option<usize>,
}

fn guess_column(header: &str) -> Option<&'static str> {
    let h = crate::names::fold(header);
    let has = |words: &[&str]| words.iter().any(|w| h == *w || h.starts_with(&format!("{w} ")));
    if has(&["ma hoc sinh", "ma hs", "ma dinh danh", "ma so hoc sinh", "student code"]) {
        Some("code")
    } else if has(&["ho va ten", "ho ten", "ho va ten hoc sinh", "full name"]) {
        Some("name")
    } else if has(&["ngay sinh", "ngay thang nam sinh", "date of birth"]) {
        Some("dob")
    } else if has(&["ket qua hoc tap", "kqht", "hoc luc", "xep loai hoc luc", "study"]) {
        Some("study")
    } else if has(&["ket qua ren luyen", "kqrl", "hanh kiem", "xep loai hanh kiem", "conduct"]) {
        Some("conduct")
    } else {
        None
    }
}

fn find_columns(rows: &[Vec<Cell>]) -> Option<(usize, Columns)> {
    for (i, row) in rows.iter().take(15).enumerate() {
        let mut c = Columns::default();
        for (j, cell) in row.iter().enumerate() {
            let slot = match guess_column(&cell.text()) {
                Some("code") => &mut c.code,
                Some("name") => &mut c.name,
                Some("dob") => &mut c.dob,
                Some("study") => &mut c.study,
                Some("conduct") => &mut c.conduct,
                _ => continue,
            };
            slot.get_or_insert(j);
        }
        let identifies = c.code.is_some() || (c.name.is_some() && c.dob.is_some());
        if identifies && (c.study.is_some() || c.conduct.is_some()) {
            return Some((i, c));
        }
    }
    None
}

/// Reads a results file and records every row in one transaction, or
/// nothing when any row is wrong (the row errors say which line and why,
/// as fields `line:N`). Students are matched by code, else by full name and
/// date of birth, among those placed in the year.
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    year_id: i64,
    period: i16,
    file_name: &str,
    bytes: &[u8],
) -> Result<ResultsImport, AppError> {
    check_period(period)?;
    let roll = YearRoll::load(db, actor, Permission::LogEmulation, year_id).await?;
    let sheets = read::open(file_name, bytes)?;
    let texts: Vec<String> = sheets.iter().flat_map(|s| s.rows.iter().flatten().map(|c| c.text())).collect();
    if let Some(enc) = read::detect_legacy(texts.iter().map(String::as_str)) {
        return Err(AppError::invalid("file", ErrorCode::LegacyEncoding { encoding: enc.name().to_string() }));
    }
    let (sheet, (header, cols)) = sheets
        .iter()
        .find_map(|s| find_columns(&s.rows).map(|f| (s, f)))
        .ok_or_else(|| AppError::invalid("file", ErrorCode::BadMapping))?;
    let mapping = rules_config::value(db, &RESULT_OLD_SCALE, roll.year.school_id, roll.year.starts_on).await?;
    let by_code: HashMap<String, i64> =
        roll.students.values().filter_map(|s| s.student_code.as_ref().map(|c| (c.trim().to_uppercase(), s.id))).collect();
    let by_name: HashMap<(String, chrono::NaiveDate), i64> =
        roll.students.values().map(|s| ((crate::names::fold(&s.person_name().full()), s.date_of_birth), s.id)).collect();
    let mut inputs: Vec<ResultInput> = Vec::new();
    let mut first_line: HashMap<i64, u32> = HashMap::new();
    let mut errors: Vec<FieldError> = Vec::new();
    let mut mapped = 0;
    for (i, row) in sheet.rows.iter().enumerate().skip(header + 1) {
        if row.iter().all(|c| c.text().is_empty()) {
            continue;
        }
        let line = (i + 1) as u32;
        let field = format!("line:{line}");
        let cell = |col: Option<usize>| col.and_then(|j| row.get(j)).cloned().unwrap_or(Cell::Empty);
        let code = cell(cols.code).text().to_uppercase();
        let student = if !code.is_empty() {
            by_code.get(&code).copied()
        } else {
            let dob = crate::roster::fields::parse_date_cell(&cell(cols.dob)).ok().flatten();
            dob.and_then(|d| by_name.get(&(crate::names::fold(&cell(cols.name).text()), d)).copied())
        };
        let Some(student_id) = student else {
            errors.push(FieldError::new(&field, ErrorCode::UnknownStudent));
            continue;
        };
        if let Some(first) = first_line.insert(student_id, line) {
            errors.push(FieldError::new(&field, ErrorCode::DuplicateInFile { line: first }));
            continue;
        }
        let mut grade = |col: Option<usize>| match rules::read_grade(&cell(col).text(), &mapping) {
            Ok(g) => {
                if g.as_ref().is_some_and(|g| g.original.is_some()) {
                    mapped += 1;
                }
                Some(g)
            }
            Err(()) => {
                errors.push(FieldError::new(&field, ErrorCode::UnknownGrade { value: cell(col).text() }));
                None
            }
        };
        let (study, conduct) = (grade(cols.study), grade(cols.conduct));
        if let (Some(study), Some(conduct)) = (study, conduct) {
            inputs.push(ResultInput { student_id, study, conduct });
        }
    }
    if !errors.is_empty() {
        errors.truncate(MAX_ROW_ERRORS);
        return Err(AppError::Invalid(errors));
    }
    if inputs.is_empty() {
        return Err(AppError::invalid("file", ErrorCode::Required));
    }
    let txn = crate::db::begin_write(db).await?;
    let rows = write(&txn, actor, ctx, year_id, period, &inputs, "import").await?;
    txn.commit().await?;
    Ok(ResultsImport { rows, mapped })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn finds_header_below_a_title() {
        let rows = vec![
            vec![t("SỞ GD&ĐT LÂM ĐỒNG"), Cell::Empty],
            vec![t("STT"), t("Mã học sinh"), t("Họ và tên"), t("Ngày sinh"), t("Học lực"), t("Hạnh kiểm")],
        ];
        let (i, c) = find_columns(&rows).unwrap();
        assert_eq!(i, 1);
        assert_eq!(c, Columns { code: Some(1), name: Some(2), dob: Some(3), study: Some(4), conduct: Some(5) });
        let rows = vec![vec![t("Họ tên"), t("Ngày sinh"), t("Kết quả rèn luyện")]];
        assert_eq!(find_columns(&rows).unwrap().1, Columns { name: Some(0), dob: Some(1), conduct: Some(2), ..Default::default() });
        // Without a way to identify the student, or without results, it is not a results sheet.
        assert!(find_columns(&[vec![t("Họ và tên"), t("Học lực")]]).is_none());
        assert!(find_columns(&[vec![t("Mã học sinh"), t("Họ và tên")]]).is_none());
    }
}
