//! Roster import: a class list exported by the school-management software
//! (`.xlsx` or `.csv`) is uploaded, its columns mapped (guessed from the
//! Vietnamese headers), previewed with per-row errors, then imported in one
//! transaction. Re-importing updates instead of duplicating: a row matches a
//! student by student code, else by name and date of birth.
//!
//! Only administrators of the school's scope may import
//! ([`Permission::ManageOrganisation`]); an upload is visible to its
//! uploader only. The file is erased once imported, or after a day.

pub mod fields;
pub mod read;

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{class, enrolment, org_unit, roster_upload, school_year, student};
use crate::names::{fold, PersonName};
use crate::policy::{authorize_at, Actor, Permission};
use chrono::Utc;
use fields::ParsedStudent;
use nguon_shared::roster::{ImportCounts, ImportField, ImportPreview, PreviewRow, RowAction, UploadRow};
use nguon_shared::{AppError, ErrorCode, FieldError};
use read::Sheet;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use std::collections::HashMap;

/// Largest file accepted (a school's whole roster is far smaller).
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// A file to upload.
pub struct UploadInput {
    /// The school to import into.
    pub school_id: i64,
    /// The school year whose classes the rows fill.
    pub school_year_id: i64,
    /// Original file name (its extension decides the reader).
    pub file_name: String,
    /// The file.
    pub bytes: Vec<u8>,
}

/// The choices of the mapping screen; `None` means "as guessed".
#[derive(Clone, Debug, Default)]
pub struct MappingChoice {
    /// Sheet index.
    pub sheet: Option<usize>,
    /// Field per column.
    pub mapping: Option<Vec<Option<ImportField>>>,
}

/// Refuses unless `actor` administers `school_id`; another scope's school
/// answers like a missing one.
async fn require_admin<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<(), AppError> {
    authorize_at(conn, actor, Permission::ManageOrganisation, school_id).await
}

/// Stores an uploaded file after checking that it can be read (refusing
/// legacy encodings). Returns the upload's id.
pub async fn upload(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: UploadInput) -> Result<i64, AppError> {
    require_admin(db, actor, input.school_id).await?;
    let year = school_year::Entity::find_by_id(input.school_year_id).one(db).await?;
    if year.is_none_or(|y| y.school_id != input.school_id) {
        return Err(AppError::invalid("school_year", ErrorCode::InvalidValue));
    }
    let file_name: String = input.file_name.trim().chars().take(255).collect();
    if input.bytes.is_empty() || file_name.is_empty() {
        return Err(AppError::invalid("file", ErrorCode::Required));
    }
    if input.bytes.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::invalid("file", ErrorCode::TooLong { max: MAX_UPLOAD_BYTES as u32 }));
    }
    read::open(&file_name, &input.bytes)?;
    let txn = crate::db::begin_write(db).await?;
    purge_stale(&txn).await?;
    let row = roster_upload::ActiveModel {
        school_id: Set(input.school_id),
        school_year_id: Set(input.school_year_id),
        uploaded_by: Set(actor.user_id),
        file_name: Set(file_name.clone()),
        size_bytes: Set(input.bytes.len() as i64),
        content: Set(Some(input.bytes)),
        uploaded_at: Set(Utc::now()),
        committed_at: Set(None),
        summary: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "upload",
            entity: "roster_upload",
            entity_id: Some(row.id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "school_id": input.school_id, "school_year_id": input.school_year_id,
                "file_name": file_name, "size_bytes": row.size_bytes,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Erases files of uploads older than a day (imported or not).
async fn purge_stale<C: ConnectionTrait>(conn: &C) -> Result<(), AppError> {
    let cutoff = Utc::now() - chrono::Duration::days(1);
    roster_upload::Entity::update_many()
        .col_expr(roster_upload::Column::Content, sea_orm::sea_query::Expr::value(Option::<Vec<u8>>::None))
        .filter(roster_upload::Column::UploadedAt.lt(cutoff))
        .filter(roster_upload::Column::Content.is_not_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// The user's ten latest uploads.
pub async fn my_uploads<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<UploadRow>, AppError> {
    let rows = roster_upload::Entity::find()
        .filter(roster_upload::Column::UploadedBy.eq(actor.user_id))
        .order_by_desc(roster_upload::Column::Id)
        .limit(10)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        let school_name = org_unit::Entity::find_by_id(r.school_id).one(conn).await?.map(|u| u.name).unwrap_or_default();
        out.push(UploadRow {
            id: r.id,
            file_name: r.file_name,
            school_name,
            uploaded_at: r.uploaded_at,
            done: r.summary.as_deref().and_then(|s| serde_json::from_str(s).ok()),
        });
    }
    Ok(out)
}

/// Loads an upload of the actor's, still under their administration.
async fn load_upload<C: ConnectionTrait>(conn: &C, actor: &Actor, upload_id: i64) -> Result<roster_upload::Model, AppError> {
    let row = roster_upload::Entity::find_by_id(upload_id)
        .one(conn)
        .await?
        .filter(|r| r.uploaded_by == actor.user_id)
        .ok_or(AppError::NotFound)?;
    require_admin(conn, actor, row.school_id).await?;
    Ok(row)
}

/// What importing would do, row by row.
struct Plan {
    preview: ImportPreview,
    ops: Vec<Op>,
    year_id: i64,
    school_id: i64,
}

enum Op {
    Create(ParsedStudent),
    Update(Box<student::Model>, ParsedStudent),
}

/// Builds the preview (and the operations behind it) against the current
/// state of the database.
async fn plan<C: ConnectionTrait>(conn: &C, upload: &roster_upload::Model, choice: &MappingChoice) -> Result<Plan, AppError> {
    let school_name = org_unit::Entity::find_by_id(upload.school_id).one(conn).await?.map(|u| u.name).unwrap_or_default();
    let year = school_year::Entity::find_by_id(upload.school_year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let mut preview = ImportPreview {
        upload_id: upload.id,
        file_name: upload.file_name.clone(),
        school_name,
        school_year_name: year.name.clone(),
        sheets: Vec::new(),
        sheet: 0,
        header_line: 0,
        headers: Vec::new(),
        mapping: Vec::new(),
        mapping_errors: Vec::new(),
        rows: Vec::new(),
        counts: ImportCounts::default(),
        new_classes: Vec::new(),
        done: upload.summary.as_deref().and_then(|s| serde_json::from_str(s).ok()),
    };
    let Some(content) = upload.content.as_deref() else {
        // Imported or expired: only the summary remains.
        return Ok(Plan { preview, ops: Vec::new(), year_id: year.id, school_id: upload.school_id });
    };
    let sheets: Vec<Sheet> = read::open(&upload.file_name, content)?;
    preview.sheets = sheets.iter().map(|s| s.name.clone()).collect();
    // Default sheet: the first one with a recognisable header row.
    let sheet_index = match choice.sheet {
        Some(i) if i < sheets.len() => i,
        Some(_) => return Err(AppError::invalid("sheet", ErrorCode::InvalidValue)),
        None => sheets
            .iter()
            .position(|s| {
                let h = fields::find_header_row(&s.rows);
                s.rows.get(h).is_some_and(|r| r.iter().filter(|c| fields::guess_field(&c.text()).is_some()).count() >= 2)
            })
            .unwrap_or(0),
    };
    preview.sheet = sheet_index;
    let sheet = &sheets[sheet_index];
    let header_index = fields::find_header_row(&sheet.rows);
    preview.header_line = header_index as u32 + 1;
    preview.headers = sheet.rows.get(header_index).map(|r| r.iter().map(|c| c.text()).collect()).unwrap_or_default();
    let mut mapping = match &choice.mapping {
        Some(m) => m.clone(),
        None => fields::guess_mapping(&preview.headers),
    };
    mapping.resize(preview.headers.len(), None);
    preview.mapping_errors = fields::check_mapping(&mapping);
    preview.mapping = mapping.clone();

    // Existing students and this year's classes and enrolments.
    let existing = student::Entity::find().filter(student::Column::SchoolId.eq(upload.school_id)).all(conn).await?;
    let by_code: HashMap<String, usize> = existing
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.student_code.as_ref().map(|c| (c.to_uppercase(), i)))
        .collect();
    let by_name: HashMap<(String, chrono::NaiveDate), usize> =
        existing.iter().enumerate().map(|(i, s)| ((s.search_key.clone(), s.date_of_birth), i)).collect();
    let classes: HashMap<String, i64> = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(year.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    let placed: HashMap<i64, i64> = enrolment::Entity::find()
        .filter(enrolment::Column::SchoolYearId.eq(year.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|e| (e.student_id, e.class_id))
        .collect();
    let class_names_by_id: HashMap<i64, &String> = classes.iter().map(|(n, id)| (*id, n)).collect();

    let mut ops = Vec::new();
    let mut first_seen: HashMap<String, u32> = HashMap::new();
    for (offset, cells) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        if fields::is_blank(cells) {
            continue;
        }
        let line = offset as u32 + 1;
        let parsed = if preview.mapping_errors.is_empty() {
            fields::parse_row(cells, &mapping)
        } else {
            Err(Vec::new())
        };
        let (mut row, parsed) = match parsed {
            Ok(p) => (
                PreviewRow {
                    line,
                    family_name: p.family.clone(),
                    middle_name: p.middle.clone(),
                    given_name: p.given.clone(),
                    date_of_birth: p.date_of_birth,
                    class_name: p.class_name.clone(),
                    student_code: p.student_code.clone(),
                    action: RowAction::Create,
                    errors: Vec::new(),
                },
                Some(p),
            ),
            Err(errors) => (
                PreviewRow {
                    line,
                    family_name: String::new(),
                    middle_name: String::new(),
                    given_name: cells.iter().map(|c| c.text()).filter(|t| !t.is_empty()).take(3).collect::<Vec<_>>().join(" · "),
                    date_of_birth: None,
                    class_name: String::new(),
                    student_code: None,
                    action: RowAction::Skip,
                    errors,
                },
                None,
            ),
        };
        if let Some(p) = parsed {
            let name_key = fold(&PersonName { family: p.family.clone(), middle: p.middle.clone(), given: p.given.clone() }.full());
            let dob = p.date_of_birth.expect("parse_row requires a date of birth");
            let file_key = match &p.student_code {
                Some(code) => format!("code:{}", code.to_uppercase()),
                None => format!("name:{name_key}:{dob}"),
            };
            if let Some(first) = first_seen.get(&file_key) {
                row.action = RowAction::Skip;
                let field = if p.student_code.is_some() { ImportField::StudentCode } else { ImportField::FullName };
                row.errors.push(FieldError::new(field.code(), ErrorCode::DuplicateInFile { line: *first }));
            } else {
                first_seen.insert(file_key, line);
                let found = p
                    .student_code
                    .as_ref()
                    .and_then(|c| by_code.get(&c.to_uppercase()))
                    .or_else(|| by_name.get(&(name_key, dob)))
                    .map(|i| &existing[*i]);
                match found {
                    None => {
                        if !classes.contains_key(&p.class_name) && !preview.new_classes.contains(&p.class_name) {
                            preview.new_classes.push(p.class_name.clone());
                        }
                        ops.push(Op::Create(p));
                    }
                    Some(current) => {
                        let moved = placed.get(&current.id).and_then(|c| class_names_by_id.get(c)).map(|n| n.as_str())
                            != Some(p.class_name.as_str());
                        if !classes.contains_key(&p.class_name) && !preview.new_classes.contains(&p.class_name) {
                            preview.new_classes.push(p.class_name.clone());
                        }
                        let merged = merge(current, &p);
                        if merged != *current || moved {
                            row.action = RowAction::Update;
                            ops.push(Op::Update(Box::new(current.clone()), p));
                        } else {
                            row.action = RowAction::Unchanged;
                        }
                    }
                }
            }
        }
        match row.action {
            RowAction::Create => preview.counts.created += 1,
            RowAction::Update => preview.counts.updated += 1,
            RowAction::Unchanged => preview.counts.unchanged += 1,
            RowAction::Skip => preview.counts.skipped += 1,
        }
        preview.rows.push(row);
    }
    preview.new_classes.sort();
    preview.counts.classes_created = preview.new_classes.len() as u32;
    Ok(Plan { preview, ops, year_id: year.id, school_id: upload.school_id })
}

/// The existing record with the file's non-empty values laid over it (an
/// absent or empty column never erases what is stored).
fn merge(current: &student::Model, p: &ParsedStudent) -> student::Model {
    let mut m = current.clone();
    m.family_name = p.family.clone();
    m.middle_name = p.middle.clone();
    m.given_name = p.given.clone();
    m.search_key = fold(&PersonName { family: p.family.clone(), middle: p.middle.clone(), given: p.given.clone() }.full());
    if let Some(d) = p.date_of_birth {
        m.date_of_birth = d;
    }
    fn over<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
        if value.is_some() {
            slot.clone_from(value);
        }
    }
    over(&mut m.student_code, &p.student_code);
    over(&mut m.gender, &p.gender);
    over(&mut m.ethnicity, &p.ethnicity);
    over(&mut m.religion, &p.religion);
    over(&mut m.union_joined_on, &p.union_joined_on);
    over(&mut m.hometown_commune, &p.hometown_commune);
    over(&mut m.hometown_province, &p.hometown_province);
    over(&mut m.residence_commune, &p.residence_commune);
    over(&mut m.residence_province, &p.residence_province);
    over(&mut m.guardian_name, &p.guardian_name);
    over(&mut m.guardian_phone, &p.guardian_phone);
    m
}

/// A student as recorded in the audit log: sensitive values are replaced by
/// a marker (the log says they changed, not what they are).
fn audit_view(s: &student::Model, class_name: &str) -> serde_json::Value {
    let hidden = |v: &Option<String>| v.as_ref().map(|_| "•••");
    serde_json::json!({
        "student_code": s.student_code, "family_name": s.family_name, "middle_name": s.middle_name,
        "given_name": s.given_name, "date_of_birth": s.date_of_birth.to_string(), "gender": s.gender,
        "ethnicity": hidden(&s.ethnicity), "religion": hidden(&s.religion),
        "union_joined_on": s.union_joined_on.map(|d| d.to_string()),
        "hometown": [s.hometown_commune, s.hometown_province], "residence": [s.residence_commune, s.residence_province],
        "guardian_name": s.guardian_name, "guardian_phone": s.guardian_phone, "class": class_name,
    })
}

/// The mapping screen and preview of an upload.
pub async fn preview<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    upload_id: i64,
    choice: &MappingChoice,
) -> Result<ImportPreview, AppError> {
    let upload = load_upload(conn, actor, upload_id).await?;
    Ok(plan(conn, &upload, choice).await?.preview)
}

/// Imports the valid rows of an upload in one transaction: creates missing
/// classes, creates or updates students, places each in their class for the
/// school year, and audits every change. Rows with errors are skipped and
/// counted. Importing an upload twice does nothing the second time and
/// returns the first summary.
pub async fn commit(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    upload_id: i64,
    choice: &MappingChoice,
) -> Result<ImportCounts, AppError> {
    let txn = crate::db::begin_write(db).await?;
    let upload = load_upload(&txn, actor, upload_id).await?;
    if let Some(done) = upload.summary.as_deref().and_then(|s| serde_json::from_str::<ImportCounts>(s).ok()) {
        return Ok(done);
    }
    if upload.content.is_none() {
        return Err(AppError::NotFound);
    }
    let Plan { preview, ops, year_id, school_id } = plan(&txn, &upload, choice).await?;
    if !preview.mapping_errors.is_empty() {
        return Err(AppError::Invalid(preview.mapping_errors.into_iter().map(|e| FieldError::new("mapping", e.code)).collect()));
    }
    let mut class_ids: HashMap<String, i64> = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(year_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    for name in &preview.new_classes {
        let (name, grade) = fields::parse_class(name).map_err(|_| AppError::internal("class name re-parse"))?;
        let c = class::ActiveModel {
            school_year_id: Set(year_id),
            name: Set(name.clone()),
            grade: Set(grade),
            homeroom_staff_id: Set(None),
            branch_unit_id: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            ctx,
            AuditEntry::created("class", c.id, serde_json::json!({ "school_year_id": year_id, "name": name, "grade": grade })),
        )
        .await?;
        class_ids.insert(name, c.id);
    }
    let now = Utc::now();
    for op in ops {
        let (before, p) = match op {
            Op::Create(p) => (None, p),
            Op::Update(current, p) => (Some(*current), p),
        };
        let class_id = *class_ids.get(&p.class_name).ok_or_else(|| AppError::internal("class missing after creation"))?;
        let saved = match &before {
            None => {
                let blank = student::Model {
                    id: 0,
                    school_id,
                    student_code: None,
                    family_name: String::new(),
                    middle_name: String::new(),
                    given_name: String::new(),
                    search_key: String::new(),
                    date_of_birth: p.date_of_birth.expect("validated"),
                    gender: None,
                    ethnicity: None,
                    religion: None,
                    union_joined_on: None,
                    hometown_commune: None,
                    hometown_province: None,
                    residence_commune: None,
                    residence_province: None,
                    guardian_name: None,
                    guardian_phone: None,
                    created_at: now,
                    updated_at: now,
                    anonymised_at: None,
                    name_key: None,
                };
                let m = merge(&blank, &p);
                let mut active: student::ActiveModel = m.into();
                active.id = sea_orm::ActiveValue::NotSet;
                active.insert(&txn).await?
            }
            Some(current) => {
                let mut m = merge(current, &p);
                m.updated_at = now;
                let mut active: student::ActiveModel = current.clone().into();
                active.family_name = Set(m.family_name);
                active.middle_name = Set(m.middle_name);
                active.given_name = Set(m.given_name);
                active.search_key = Set(m.search_key);
                active.date_of_birth = Set(m.date_of_birth);
                active.student_code = Set(m.student_code);
                active.gender = Set(m.gender);
                active.ethnicity = Set(m.ethnicity);
                active.religion = Set(m.religion);
                active.union_joined_on = Set(m.union_joined_on);
                active.hometown_commune = Set(m.hometown_commune);
                active.hometown_province = Set(m.hometown_province);
                active.residence_commune = Set(m.residence_commune);
                active.residence_province = Set(m.residence_province);
                active.guardian_name = Set(m.guardian_name);
                active.guardian_phone = Set(m.guardian_phone);
                active.updated_at = Set(now);
                active.update(&txn).await?
            }
        };
        let placement = enrolment::Entity::find()
            .filter(enrolment::Column::StudentId.eq(saved.id))
            .filter(enrolment::Column::SchoolYearId.eq(year_id))
            .one(&txn)
            .await?;
        let old_class = match placement {
            Some(e) if e.class_id == class_id => Some(p.class_name.clone()),
            Some(e) => {
                let old = class::Entity::find_by_id(e.class_id).one(&txn).await?.map(|c| c.name);
                let mut active: enrolment::ActiveModel = e.into();
                active.class_id = Set(class_id);
                active.update(&txn).await?;
                old
            }
            None => {
                enrolment::ActiveModel {
                    student_id: Set(saved.id),
                    class_id: Set(class_id),
                    school_year_id: Set(year_id),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                None
            }
        };
        audit::record(
            &txn,
            ctx,
            AuditEntry {
                action: if before.is_some() { "update" } else { "create" },
                entity: "student",
                entity_id: Some(saved.id.to_string()),
                before: before.as_ref().map(|b| audit_view(b, old_class.as_deref().unwrap_or(""))),
                after: Some(audit_view(&saved, &p.class_name)),
            },
        )
        .await?;
    }
    let counts = preview.counts.clone();
    let mut active: roster_upload::ActiveModel = upload.into();
    active.content = Set(None);
    active.committed_at = Set(Some(now));
    active.summary = Set(Some(serde_json::to_string(&counts).map_err(AppError::internal)?));
    active.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "import",
            entity: "roster_upload",
            entity_id: Some(upload_id.to_string()),
            before: None,
            after: serde_json::to_value(&counts).ok(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(counts)
}
