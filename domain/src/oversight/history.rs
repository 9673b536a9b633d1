//! The append-only stage events of the schools shown, read once and
//! replayed in memory: admissions by month, the funnel's stage counts, time
//! in stage, stalled cards and exits all come from them (a province holds
//! about ten thousand candidacies, so one read beats a query per figure).

use chrono::NaiveDate;
use nguon_shared::pipeline::Stage;
use nguon_shared::AppError;
use sea_orm::{ConnectionTrait, FromQueryResult, Value};

/// A stage a candidacy entered, and the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The stage entered.
    pub stage: Stage,
    /// The day.
    pub on: NaiveDate,
}

/// One candidacy's way so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Way {
    /// Candidacy id.
    pub candidacy_id: i64,
    /// Its school.
    pub school_id: i64,
    /// Its student.
    pub student_id: i64,
    /// Every stage entered, in order.
    pub steps: Vec<Step>,
}

/// Stages a card waits in before moving on (probation lasts its year by rule, so it never stalls).
pub fn is_under_way(stage: Stage) -> bool {
    !stage.is_final() && stage != Stage::Probation
}

impl Way {
    /// The stage held at the end of `day` (none before the first step).
    pub fn stage_on(&self, day: NaiveDate) -> Option<Stage> {
        self.steps.iter().rev().find(|s| s.on <= day).map(|s| s.stage)
    }

    /// The first day in `from..=to` the candidacy entered `stage`.
    pub fn entered(&self, stage: Stage, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        self.steps.iter().find(|s| s.stage == stage && from <= s.on && s.on <= to).map(|s| s.on)
    }

    /// The stage held now and since when.
    pub fn current(&self) -> Option<Step> {
        self.steps.last().copied()
    }

    /// Each stay that ended in `from..=to`: the stage left and the days spent in it.
    pub fn stays_ended(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (Stage, u32)> + '_ {
        self.steps.windows(2).filter(move |w| from <= w[1].on && w[1].on <= to).map(|w| (w[0].stage, (w[1].on - w[0].on).num_days().max(0) as u32))
    }
}

/// One event row.
#[derive(FromQueryResult)]
struct EventRow {
    candidacy_id: i64,
    school_id: i64,
    student_id: i64,
    to_stage: String,
    happened_on: NaiveDate,
}

/// `?, ?, …` for `n` values.
pub fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// The ways of every candidacy of `schools`, by candidacy id.
pub async fn load<C: ConnectionTrait>(conn: &C, schools: &[i64]) -> Result<Vec<Way>, AppError> {
    if schools.is_empty() {
        return Ok(Vec::new());
    }
    let text = format!(
        "SELECT e.candidacy_id, c.school_id, c.student_id, e.to_stage, e.happened_on FROM candidacy_events e \
         JOIN candidacies c ON c.id = e.candidacy_id WHERE c.school_id IN ({}) ORDER BY e.candidacy_id, e.happened_on, e.id",
        placeholders(schools.len())
    );
    let values: Vec<Value> = schools.iter().map(|s| (*s).into()).collect();
    let rows = EventRow::find_by_statement(crate::sql::statement(conn.get_database_backend(), &text, values)).all(conn).await?;
    let mut ways: Vec<Way> = Vec::new();
    for r in rows {
        let Some(stage) = Stage::from_code(&r.to_stage) else { continue };
        let step = Step { stage, on: r.happened_on };
        match ways.last_mut() {
            Some(w) if w.candidacy_id == r.candidacy_id => w.steps.push(step),
            _ => ways.push(Way { candidacy_id: r.candidacy_id, school_id: r.school_id, student_id: r.student_id, steps: vec![step] }),
        }
    }
    Ok(ways)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn replays_a_way() {
        let way = Way {
            candidacy_id: 1,
            school_id: 2,
            student_id: 3,
            steps: vec![
                Step { stage: Stage::Pool, on: d(1, 10) },
                Step { stage: Stage::AwarenessClass, on: d(2, 1) },
                Step { stage: Stage::Candidate, on: d(3, 1) },
                Step { stage: Stage::Withdrawn, on: d(6, 1) },
            ],
        };
        assert_eq!(way.stage_on(d(1, 9)), None);
        assert_eq!(way.stage_on(d(2, 1)), Some(Stage::AwarenessClass));
        assert_eq!(way.stage_on(d(12, 31)), Some(Stage::Withdrawn));
        assert_eq!(way.entered(Stage::Candidate, d(1, 1), d(3, 31)), Some(d(3, 1)));
        assert_eq!(way.entered(Stage::Candidate, d(4, 1), d(12, 31)), None);
        let stays: Vec<_> = way.stays_ended(d(2, 15), d(12, 31)).collect();
        assert_eq!(stays, vec![(Stage::AwarenessClass, 28), (Stage::Candidate, 92)]);
        assert!(is_under_way(Stage::Dossier) && !is_under_way(Stage::Probation) && !is_under_way(Stage::Withdrawn));
    }
}
