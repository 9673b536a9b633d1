//! Pure rules of results, classification and outstanding-student criteria:
//! the result scales and the older scale's mapping, the classification
//! suggested from thresholds, and the per-criterion evaluation with reasons.

use chrono::{Datelike, NaiveDate};
use nguon_shared::merit::{
    ClassificationThresholds, Criterion, LevelThreshold, Outcome, OutstandingCriteria, PeriodLabel, Reason, GRADES, UNION_LEVELS,
};

/// Rank of a result code on the four-level scale: higher is better; `None`
/// for an unknown code.
pub fn grade_rank(code: &str) -> Option<u8> {
    GRADES.iter().position(|g| *g == code).map(|i| (GRADES.len() - i) as u8)
}

/// Whether `got` is at least `min` (both result codes).
pub fn at_least(got: &str, min: &str) -> bool {
    matches!((grade_rank(got), grade_rank(min)), (Some(g), Some(m)) if g >= m)
}

/// Rank of a union classification code: higher is better.
pub fn level_rank(code: &str) -> Option<u8> {
    UNION_LEVELS.iter().position(|g| *g == code).map(|i| (UNION_LEVELS.len() - i) as u8)
}

/// The default mapping of older-scale words (học lực Giỏi/Khá/Trung
/// bình/Yếu/Kém, hạnh kiểm Tốt/Khá/Trung bình/Yếu), folded, to current codes.
pub fn default_old_scale() -> Vec<(String, String)> {
    [("gioi", "tot"), ("xuat sac", "tot"), ("trung binh", "dat"), ("tb", "dat"), ("yeu", "chua_dat"), ("kem", "chua_dat")]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A result as written in a file or form, on the current scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadGrade {
    /// Current-scale code.
    pub code: String,
    /// The word as written, when it came from the older scale.
    pub original: Option<String>,
}

/// Reads a result word: a current code or word (Tốt, Khá, Đạt, Chưa đạt,
/// also `tot`…) as is; an older word through `mapping` (folded word → code).
/// `Ok(None)` for an empty cell; `Err(())` for a word on no scale.
pub fn read_grade(raw: &str, mapping: &[(String, String)]) -> Result<Option<ReadGrade>, ()> {
    let word = raw.trim();
    if word.is_empty() {
        return Ok(None);
    }
    let folded = crate::names::fold(word).replace('_', " ");
    let current = match folded.as_str() {
        "tot" | "t" => Some("tot"),
        "kha" | "k" => Some("kha"),
        "dat" | "d" => Some("dat"),
        "chua dat" | "cd" => Some("chua_dat"),
        _ => None,
    };
    if let Some(code) = current {
        return Ok(Some(ReadGrade { code: code.to_string(), original: None }));
    }
    mapping
        .iter()
        .find(|(from, to)| crate::names::fold(from) == folded && grade_rank(to).is_some())
        .map(|(_, to)| Some(ReadGrade { code: to.clone(), original: Some(word.to_string()) }))
        .ok_or(())
}

/// The default classification thresholds.
pub fn default_thresholds() -> ClassificationThresholds {
    let t = |points: i64, study: &str, conduct: &str| LevelThreshold {
        min_points: points,
        min_study: Some(study.to_string()),
        min_conduct: Some(conduct.to_string()),
    };
    ClassificationThresholds { excellent: t(100, "kha", "tot"), good: t(60, "dat", "kha"), complete: t(20, "dat", "dat") }
}

fn meets(t: &LevelThreshold, points: i64, study: Option<&str>, conduct: Option<&str>) -> bool {
    let ok = |min: &Option<String>, got: Option<&str>| min.as_deref().is_none_or(|m| got.is_some_and(|g| at_least(g, m)));
    points >= t.min_points && ok(&t.min_study, study) && ok(&t.min_conduct, conduct)
}

/// The classification suggested for a year's record: the best level whose
/// every minimum is met (a missing result meets no required minimum).
pub fn suggest_level(t: &ClassificationThresholds, points: i64, study: Option<&str>, conduct: Option<&str>) -> &'static str {
    if meets(&t.excellent, points, study, conduct) {
        UNION_LEVELS[0]
    } else if meets(&t.good, points, study, conduct) {
        UNION_LEVELS[1]
    } else if meets(&t.complete, points, study, conduct) {
        UNION_LEVELS[2]
    } else {
        UNION_LEVELS[3]
    }
}

/// The weakest of some result codes (unknown codes ignored).
pub fn weakest<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    codes.into_iter().filter(|c| grade_rank(c).is_some()).min_by_key(|c| grade_rank(c))
}

/// The default outstanding-student criteria (domain.md §4's typical ones).
pub fn default_criteria() -> OutstandingCriteria {
    OutstandingCriteria {
        conduct_every_semester: Some("tot".into()),
        study_every_semester: Some("kha".into()),
        top_percent_of_grade: Some(20),
        min_points: None,
        union_member: true,
        min_age: None,
        min_classification: None,
    }
}

/// Whole years of age on `on`.
pub fn age_on(dob: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - dob.year();
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// A semester that has ended, with the student's result for it if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SemesterFacts {
    /// Which semester.
    pub period: PeriodLabel,
    /// Study code.
    pub study: Option<String>,
    /// Conduct code.
    pub conduct: Option<String>,
}

/// Everything the criteria look at for one student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentFacts {
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Union member since.
    pub union_joined_on: Option<NaiveDate>,
    /// Ended semesters at the school (oldest first), with results.
    pub semesters: Vec<SemesterFacts>,
    /// Rank in the grade this year and how many were ranked.
    pub grade_rank: (u32, u32),
    /// Approved points this year.
    pub points: i64,
    /// Last confirmed classification: (year name, level code).
    pub classification: Option<(String, String)>,
}

fn every_semester(criterion: Criterion, min: &str, semesters: &[SemesterFacts], pick: fn(&SemesterFacts) -> Option<&String>) -> Outcome {
    if semesters.is_empty() {
        return Outcome { criterion, met: false, reason: Reason::NoSemesterYet };
    }
    for s in semesters {
        match pick(s) {
            None => return Outcome { criterion, met: false, reason: Reason::NoResult { period: s.period.clone() } },
            Some(got) if !at_least(got, min) => {
                return Outcome {
                    criterion,
                    met: false,
                    reason: Reason::BelowIn { got: got.clone(), min: min.to_string(), period: s.period.clone() },
                }
            }
            Some(_) => {}
        }
    }
    Outcome { criterion, met: true, reason: Reason::AllSemesters { min: min.to_string(), semesters: semesters.len() as u32 } }
}

/// The rank a top-percent criterion reaches in a grade of `size`
/// (at least 1 when anyone is ranked).
pub fn top_cutoff(size: u32, percent: u8) -> u32 {
    if size == 0 {
        return 0;
    }
    ((size as u64 * percent as u64).div_ceil(100) as u32).max(1)
}

/// Evaluates one student against the criteria on `on`: one outcome per
/// criterion the school applies, each with its reason.
pub fn evaluate(c: &OutstandingCriteria, f: &StudentFacts, on: NaiveDate) -> Vec<Outcome> {
    let mut out = Vec::new();
    if let Some(min) = &c.conduct_every_semester {
        out.push(every_semester(Criterion::Conduct, min, &f.semesters, |s| s.conduct.as_ref()));
    }
    if let Some(min) = &c.study_every_semester {
        out.push(every_semester(Criterion::Study, min, &f.semesters, |s| s.study.as_ref()));
    }
    if c.top_percent_of_grade.is_some() || c.min_points.is_some() {
        let (rank, of) = f.grade_rank;
        let cutoff = c.top_percent_of_grade.map(|p| top_cutoff(of, p));
        let by_rank = cutoff.is_some_and(|cut| rank >= 1 && rank <= cut);
        let by_points = c.min_points.is_some_and(|m| f.points >= m);
        out.push(Outcome {
            criterion: Criterion::Emulation,
            met: by_rank || by_points,
            reason: Reason::Standing { rank, of, cutoff, points: f.points, min_points: c.min_points },
        });
    }
    if c.union_member {
        out.push(match f.union_joined_on.filter(|d| *d <= on) {
            Some(since) => Outcome { criterion: Criterion::UnionMember, met: true, reason: Reason::MemberSince { since } },
            None => Outcome { criterion: Criterion::UnionMember, met: false, reason: Reason::NotMember },
        });
    }
    if let Some(min) = c.min_age {
        let years = age_on(f.date_of_birth, on);
        out.push(Outcome { criterion: Criterion::Age, met: years >= min as u32, reason: Reason::Age { years, min: min as u32 } });
    }
    if let Some(min) = &c.min_classification {
        out.push(match &f.classification {
            Some((year, level)) => Outcome {
                criterion: Criterion::Classification,
                met: matches!((level_rank(level), level_rank(min)), (Some(g), Some(m)) if g >= m),
                reason: Reason::Classified { level: level.clone(), year: year.clone(), min: min.clone() },
            },
            None => Outcome { criterion: Criterion::Classification, met: false, reason: Reason::NotClassified },
        });
    }
    out
}

/// Checks criteria a school submits: known codes, a sensible percentage.
pub fn criteria_valid(c: &OutstandingCriteria) -> Result<(), &'static str> {
    let grade_ok = |g: &Option<String>| g.as_deref().is_none_or(|g| grade_rank(g).is_some());
    if !grade_ok(&c.conduct_every_semester) {
        return Err("conduct_every_semester");
    }
    if !grade_ok(&c.study_every_semester) {
        return Err("study_every_semester");
    }
    if c.top_percent_of_grade.is_some_and(|p| p == 0 || p > 100) {
        return Err("top_percent_of_grade");
    }
    if c.min_points.is_some_and(|p| p < 0) {
        return Err("min_points");
    }
    if c.min_age.is_some_and(|a| !(14..=25).contains(&a)) {
        return Err("min_age");
    }
    if c.min_classification.as_deref().is_some_and(|l| level_rank(l).is_none()) {
        return Err("min_classification");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sem(year: &str, period: i16, study: Option<&str>, conduct: Option<&str>) -> SemesterFacts {
        SemesterFacts {
            period: PeriodLabel { year: year.into(), period },
            study: study.map(String::from),
            conduct: conduct.map(String::from),
        }
    }

    #[test]
    fn reads_current_and_older_scales() {
        let map = default_old_scale();
        let code = |w: &str| read_grade(w, &map).map(|g| g.map(|g| (g.code, g.original)));
        assert_eq!(code("Tốt"), Ok(Some(("tot".into(), None))));
        assert_eq!(code(" khá "), Ok(Some(("kha".into(), None))));
        assert_eq!(code("Đạt"), Ok(Some(("dat".into(), None))));
        assert_eq!(code("Chưa đạt"), Ok(Some(("chua_dat".into(), None))));
        assert_eq!(code("CĐ"), Ok(Some(("chua_dat".into(), None))));
        assert_eq!(code("Giỏi"), Ok(Some(("tot".into(), Some("Giỏi".into())))));
        assert_eq!(code("Trung bình"), Ok(Some(("dat".into(), Some("Trung bình".into())))));
        assert_eq!(code("Yếu"), Ok(Some(("chua_dat".into(), Some("Yếu".into())))));
        assert_eq!(code("Kém"), Ok(Some(("chua_dat".into(), Some("Kém".into())))));
        assert_eq!(code(""), Ok(None));
        assert_eq!(code("Xuất sắc lắm"), Err(()));
        // A school's own mapping replaces the default one.
        let own = vec![("Trung bình".to_string(), "chua_dat".to_string())];
        assert_eq!(read_grade("trung binh", &own).unwrap().unwrap().code, "chua_dat");
        assert_eq!(read_grade("Giỏi", &own), Err(()));
        // A mapping to an unknown code is ignored.
        assert_eq!(read_grade("Giỏi", &[("gioi".into(), "excellent".into())]), Err(()));
    }

    #[test]
    fn result_order() {
        assert!(at_least("tot", "kha"));
        assert!(at_least("kha", "kha"));
        assert!(!at_least("dat", "kha"));
        assert!(!at_least("chua_dat", "dat"));
        assert!(!at_least("unknown", "dat"));
        assert_eq!(weakest(["tot", "dat", "kha"]), Some("dat"));
        assert_eq!(weakest([]), None);
    }

    #[test]
    fn classification_thresholds() {
        let t = default_thresholds();
        let table: &[(i64, Option<&str>, Option<&str>, &str)] = &[
            (150, Some("tot"), Some("tot"), "xuat_sac"),
            (100, Some("kha"), Some("tot"), "xuat_sac"),
            (99, Some("tot"), Some("tot"), "tot"),
            (150, Some("dat"), Some("tot"), "tot"),
            (150, Some("tot"), Some("kha"), "tot"),
            (60, Some("dat"), Some("kha"), "tot"),
            (59, Some("tot"), Some("tot"), "hoan_thanh"),
            (20, Some("dat"), Some("dat"), "hoan_thanh"),
            (19, Some("tot"), Some("tot"), "khong_hoan_thanh"),
            (150, Some("chua_dat"), Some("tot"), "khong_hoan_thanh"),
            (150, None, Some("tot"), "khong_hoan_thanh"),
            (-5, Some("tot"), Some("tot"), "khong_hoan_thanh"),
        ];
        for (points, study, conduct, want) in table {
            assert_eq!(suggest_level(&t, *points, *study, *conduct), *want, "{points} {study:?} {conduct:?}");
        }
        // A level without a study minimum does not need a study result.
        let mut loose = t.clone();
        loose.complete.min_study = None;
        assert_eq!(suggest_level(&loose, 20, None, Some("dat")), "hoan_thanh");
    }

    #[test]
    fn top_percent_cutoff() {
        assert_eq!(top_cutoff(0, 20), 0);
        assert_eq!(top_cutoff(3, 20), 1);
        assert_eq!(top_cutoff(10, 20), 2);
        assert_eq!(top_cutoff(11, 20), 3);
        assert_eq!(top_cutoff(400, 20), 80);
        assert_eq!(top_cutoff(400, 100), 400);
    }

    #[test]
    fn ages() {
        assert_eq!(age_on(d(2008, 5, 20), d(2026, 5, 19)), 17);
        assert_eq!(age_on(d(2008, 5, 20), d(2026, 5, 20)), 18);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
    }

    fn good_student() -> StudentFacts {
        StudentFacts {
            date_of_birth: d(2008, 5, 20),
            union_joined_on: Some(d(2023, 3, 26)),
            semesters: vec![sem("2024-2025", 1, Some("tot"), Some("tot")), sem("2024-2025", 2, Some("kha"), Some("tot"))],
            grade_rank: (5, 400),
            points: 80,
            classification: Some(("2024-2025".into(), "tot".into())),
        }
    }

    #[test]
    fn criteria_met_with_reasons() {
        let mut c = default_criteria();
        c.min_age = Some(17);
        c.min_classification = Some("tot".into());
        let out = evaluate(&c, &good_student(), d(2025, 12, 1));
        assert!(out.iter().all(|o| o.met), "{out:?}");
        assert_eq!(out.len(), 6);
        assert_eq!(out[0].reason, Reason::AllSemesters { min: "tot".into(), semesters: 2 });
        assert_eq!(out[2].reason, Reason::Standing { rank: 5, of: 400, cutoff: Some(80), points: 80, min_points: None });
        assert_eq!(out[3].reason, Reason::MemberSince { since: d(2023, 3, 26) });
        assert_eq!(out[4].reason, Reason::Age { years: 17, min: 17 });
    }

    #[test]
    fn criteria_missed_say_why() {
        let c = default_criteria();
        let mut f = good_student();
        f.semesters[1].conduct = Some("kha".into());
        f.semesters[0].study = None;
        f.grade_rank = (81, 400);
        f.union_joined_on = None;
        let out = evaluate(&c, &f, d(2025, 12, 1));
        let p = |period| PeriodLabel { year: "2024-2025".into(), period };
        assert_eq!(out[0], Outcome { criterion: Criterion::Conduct, met: false, reason: Reason::BelowIn { got: "kha".into(), min: "tot".into(), period: p(2) } });
        assert_eq!(out[1], Outcome { criterion: Criterion::Study, met: false, reason: Reason::NoResult { period: p(1) } });
        assert!(!out[2].met);
        assert_eq!(out[3].reason, Reason::NotMember);
        // Points rescue the emulation criterion when the school sets them.
        let c2 = OutstandingCriteria { min_points: Some(80), ..c.clone() };
        assert!(evaluate(&c2, &f, d(2025, 12, 1))[2].met);
        // A grade-10 student with no ended semester.
        f.semesters.clear();
        assert_eq!(evaluate(&c, &f, d(2025, 12, 1))[0].reason, Reason::NoSemesterYet);
        // A union date in the future does not count yet.
        f.union_joined_on = Some(d(2026, 3, 26));
        assert!(!evaluate(&c, &f, d(2025, 12, 1))[3].met);
    }

    #[test]
    fn classification_criterion() {
        let c = OutstandingCriteria {
            conduct_every_semester: None,
            study_every_semester: None,
            top_percent_of_grade: None,
            min_points: None,
            union_member: false,
            min_age: None,
            min_classification: Some("tot".into()),
        };
        let mut f = good_student();
        assert!(evaluate(&c, &f, d(2025, 12, 1))[0].met);
        f.classification = Some(("2024-2025".into(), "hoan_thanh".into()));
        assert!(!evaluate(&c, &f, d(2025, 12, 1))[0].met);
        f.classification = None;
        assert_eq!(evaluate(&c, &f, d(2025, 12, 1))[0].reason, Reason::NotClassified);
    }

    #[test]
    fn criteria_validation() {
        assert!(criteria_valid(&default_criteria()).is_ok());
        assert_eq!(criteria_valid(&OutstandingCriteria { top_percent_of_grade: Some(0), ..default_criteria() }), Err("top_percent_of_grade"));
        assert_eq!(criteria_valid(&OutstandingCriteria { study_every_semester: Some("gioi".into()), ..default_criteria() }), Err("study_every_semester"));
        assert_eq!(criteria_valid(&OutstandingCriteria { min_age: Some(40), ..default_criteria() }), Err("min_age"));
    }
}
