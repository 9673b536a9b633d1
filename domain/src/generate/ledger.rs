//! Each school's emulation ledger, year by year: a catalogue, a logging per
//! class and activity (about 80 % of the class), statuses as real use leaves
//! them (mostly approved by the second officer, the latest loggings of the
//! current year pending, some rejected with a reason, a few corrected by a
//! reversing entry), the per-student totals of the approved entries, and
//! the study results of every ended semester.

use super::bulk::{insert, Ids};
use super::school::{People, School};
use super::{Generated, Preset, Rng};
use crate::entities::{activity, activity_category, ledger_batch, ledger_entry, student_total, study_result, union_classification};
use nguon_shared::merit::UNION_LEVELS;
use crate::ledger::status;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use nguon_shared::AppError;
use rand::Rng as _;
use sea_orm::{DatabaseTransaction, Set};
use std::collections::HashMap;

const CATEGORIES: [&str; 5] = ["Học tập", "Tình nguyện", "Văn hóa – thể thao", "Học tập chính trị", "Công tác Đoàn"];
const GRADES: [&str; 4] = ["tot", "kha", "dat", "chua_dat"];

fn moment(day: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).expect("a valid time"))
}

/// The school's categories, then each year's catalogue, loggings, totals and results.
#[allow(clippy::too_many_arguments)]
pub async fn year_by_year(
    txn: &DatabaseTransaction,
    ids: &mut Ids,
    s: &School,
    people: &People,
    p: Preset,
    today: NaiveDate,
    rng: &mut Rng,
    out: &mut Generated,
) -> Result<(), AppError> {
    let [logger, reviewer] = people.union_officers;
    let categories: Vec<i64> = CATEGORIES.iter().map(|_| ids.next("activity_categories")).collect();
    let rows = categories
        .iter()
        .zip(CATEGORIES)
        .enumerate()
        .map(|(k, (id, name))| activity_category::ActiveModel {
            id: Set(*id),
            school_id: Set(s.id),
            name: Set(name.into()),
            sort_order: Set(k as i32),
            created_at: Set(Utc::now()),
        })
        .collect();
    insert(txn, rows, 5).await?;
    // A student keeps roughly the same level year after year.
    let mut level: HashMap<i64, f64> = HashMap::new();
    for y in &people.years {
        let span = (y.ends_on - y.starts_on).num_days().max(1) as u64;
        let step = (span / (p.activities_per_year as u64 + 1)).max(1);
        let mut activities = Vec::new();
        let mut catalogue = Vec::new();
        for k in 0..p.activities_per_year {
            let on = y.starts_on + Days::new(9 + step * k as u64);
            let id = ids.next("activities");
            let points = [2, 3, 4, 5, 10][k % 5];
            let category = categories[k % categories.len()];
            activities.push(activity::ActiveModel {
                id: Set(id),
                school_id: Set(s.id),
                school_year_id: Set(y.id),
                category_id: Set(category),
                name: Set(format!("Hoạt động {} – {}", k + 1, CATEGORIES[k % CATEGORIES.len()])),
                starts_on: Set(on),
                ends_on: Set(None),
                organiser: Set(Some("Đoàn trường".into())),
                rule_kind: Set("fixed".into()),
                points: Set(points),
                created_by: Set(Some(logger)),
                created_at: Set(moment(y.starts_on)),
            });
            catalogue.push((id, on, points, category));
        }
        insert(txn, activities, 12).await?;
        // The two latest loggings of the current year still wait for the second officer.
        let happened: Vec<&(i64, NaiveDate, i32, i64)> = catalogue.iter().filter(|a| a.1 <= today && a.1 <= y.ends_on).collect();
        let current = y.starts_on <= today && today <= y.ends_on;
        let waiting_from = if current { happened.len().saturating_sub(2) } else { usize::MAX };
        let mut batches = Vec::new();
        let mut entries = Vec::new();
        let mut totals: HashMap<(i64, i16, i64), i64> = HashMap::new();
        for (k, (activity_id, on, points, category)) in happened.into_iter().enumerate() {
            let semester: i16 = if *on <= y.first_semester_ends { 1 } else { 2 };
            for (class_id, members) in &y.classes {
                let took_part: Vec<i64> = members.iter().copied().filter(|_| rng.random_bool(0.8)).collect();
                if took_part.is_empty() {
                    continue;
                }
                let batch_id = ids.next("ledger_batches");
                let logged_at = moment(*on);
                batches.push(ledger_batch::ActiveModel {
                    id: Set(batch_id),
                    school_id: Set(s.id),
                    activity_id: Set(*activity_id),
                    request_key: Set(format!("gen-{batch_id}-{class_id}")),
                    logged_by: Set(logger),
                    logged_at: Set(logged_at),
                    evidence: Set(Some("Sổ theo dõi của chi đoàn".into())),
                    entries: Set(took_part.len() as i32),
                });
                for student_id in took_part {
                    let id = ids.next("ledger_entries");
                    let (state, reason) = if k >= waiting_from {
                        (status::PENDING, None)
                    } else if rng.random_bool(0.01) {
                        (status::REJECTED, Some("Không có trong danh sách tham gia".to_string()))
                    } else {
                        (status::APPROVED, None)
                    };
                    let reviewed = state != status::PENDING;
                    entries.push(entry(id, s.id, y.id, student_id, *activity_id, Some(batch_id), *points, *on, state, logger, reviewed.then_some(reviewer), None, reason));
                    if state == status::APPROVED {
                        *totals.entry((student_id, semester, *category)).or_default() += i64::from(*points);
                        // A few approved entries are later found wrong and cancelled by a reversing entry.
                        if rng.random_bool(0.003) {
                            let rid = ids.next("ledger_entries");
                            let why = Some("Ghi nhầm học sinh".to_string());
                            entries.push(entry(rid, s.id, y.id, student_id, *activity_id, None, -points, *on, status::APPROVED, logger, Some(reviewer), Some(id), why));
                            *totals.entry((student_id, semester, *category)).or_default() -= i64::from(*points);
                        }
                    }
                }
            }
        }
        out.entries += entries.len();
        insert(txn, batches, 8).await?;
        insert(txn, entries, 17).await?;
        let mut year_points: HashMap<i64, i64> = HashMap::new();
        for ((student_id, _, _), points) in &totals {
            *year_points.entry(*student_id).or_default() += points;
        }
        let total_rows = totals
            .into_iter()
            .map(|((student_id, semester, category), points)| student_total::ActiveModel {
                id: Set(ids.next("student_totals")),
                student_id: Set(student_id),
                school_year_id: Set(y.id),
                semester: Set(semester),
                category_id: Set(category),
                points: Set(points),
            })
            .collect();
        insert(txn, total_rows, 6).await?;
        // Results of each ended semester (kept per student for the classification).
        let mut results = Vec::new();
        let mut marks: HashMap<i64, Vec<(&'static str, &'static str)>> = HashMap::new();
        for (number, ends) in [(1i16, y.first_semester_ends), (2, y.ends_on)] {
            if ends >= today {
                continue;
            }
            for (_, members) in &y.classes {
                for student_id in members {
                    let base = *level.entry(*student_id).or_insert_with(|| rng.random_range(0.0..1.0));
                    let pick = |r: f64| GRADES[[0.35, 0.75, 0.97].iter().take_while(|c| r >= **c).count()];
                    let study = pick((base + rng.random_range(-0.1..0.1)).clamp(0.0, 0.999));
                    let conduct = pick((base * 0.6 + rng.random_range(-0.05..0.05)).clamp(0.0, 0.999));
                    marks.entry(*student_id).or_default().push((study, conduct));
                    results.push(study_result::ActiveModel {
                        id: Set(ids.next("study_results")),
                        student_id: Set(*student_id),
                        school_year_id: Set(y.id),
                        period: Set(number),
                        study: Set(Some(study.into())),
                        conduct: Set(Some(conduct.into())),
                        study_original: Set(None),
                        conduct_original: Set(None),
                        source: Set("import".into()),
                        recorded_by: Set(logger),
                        recorded_at: Set(moment(ends)),
                    });
                }
            }
        }
        out.results += results.len();
        insert(txn, results, 11).await?;
        if y.ends_on < today {
            let rows = classifications(ids, y, people, &year_points, &marks, reviewer);
            out.classifications += rows.len();
            insert(txn, rows, 7).await?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn entry(
    id: i64,
    school: i64,
    year: i64,
    student: i64,
    activity: i64,
    batch: Option<i64>,
    points: i32,
    on: NaiveDate,
    state: &str,
    logger: i64,
    reviewer: Option<i64>,
    reverses: Option<i64>,
    reason: Option<String>,
) -> ledger_entry::ActiveModel {
    ledger_entry::ActiveModel {
        id: Set(id),
        school_id: Set(school),
        school_year_id: Set(year),
        student_id: Set(student),
        activity_id: Set(activity),
        level_id: Set(None),
        batch_id: Set(batch),
        points: Set(points),
        occurred_on: Set(on),
        evidence: Set(batch.map(|_| "Sổ theo dõi của chi đoàn".to_string())),
        status: Set(state.to_string()),
        logged_by: Set(logger),
        logged_at: Set(moment(on)),
        reviewed_by: Set(reviewer),
        reviewed_at: Set(reviewer.map(|_| moment(on + Days::new(2)))),
        reverses_id: Set(reverses),
        reason: Set(reason),
    }
}

/// The union's classification of an ended year, as an officer confirms it:
/// each union member's level suggested from the year's points and weakest
/// results by the default thresholds, about one in twenty moved a level down.
fn classifications(
    ids: &mut Ids,
    y: &super::school::Year,
    people: &People,
    points: &HashMap<i64, i64>,
    marks: &HashMap<i64, Vec<(&'static str, &'static str)>>,
    by: i64,
) -> Vec<union_classification::ActiveModel> {
    let thresholds = crate::merit::rules::default_thresholds();
    let mut rows = Vec::new();
    for student_id in y.classes.iter().flat_map(|(_, m)| m.iter().copied()) {
        if people.union_since.get(&student_id).is_none_or(|since| *since > y.ends_on) {
            continue;
        }
        let mine = marks.get(&student_id).map(Vec::as_slice).unwrap_or_default();
        let study = crate::merit::rules::weakest(mine.iter().map(|m| m.0));
        let conduct = crate::merit::rules::weakest(mine.iter().map(|m| m.1));
        let suggested = crate::merit::rules::suggest_level(&thresholds, points.get(&student_id).copied().unwrap_or(0), study, conduct);
        // A deterministic few are confirmed one level lower than suggested.
        let at = UNION_LEVELS.iter().position(|l| *l == suggested).unwrap_or(0);
        let level = if student_id % 20 == 0 { UNION_LEVELS[(at + 1).min(UNION_LEVELS.len() - 1)] } else { suggested };
        rows.push(union_classification::ActiveModel {
            id: Set(ids.next("union_classifications")),
            student_id: Set(student_id),
            school_year_id: Set(y.id),
            suggested: Set(suggested.into()),
            level: Set(level.into()),
            confirmed_by: Set(by),
            confirmed_at: Set(moment(y.ends_on)),
        });
    }
    rows
}
