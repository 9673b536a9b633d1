//! How a student's evaluation against the outstanding-student criteria reads.

use super::*;

/// A criterion's name.
pub(crate) fn criterion_label(m: &'static Messages, c: Criterion) -> &'static str {
    match c {
        Criterion::Conduct => m.col_conduct,
        Criterion::Study => m.col_study,
        Criterion::Emulation => m.crit_emulation,
        Criterion::UnionMember => m.crit_union,
        Criterion::Age => m.crit_age,
        Criterion::Classification => m.ledger_classification,
    }
}

/// The sentence explaining one criterion's outcome.
pub(crate) fn reason_text(m: &'static Messages, o: &Outcome) -> String {
    let period = |p: &nguon_shared::merit::PeriodLabel| fill(m.semester_of_year, &[("n", &p.period.to_string()), ("y", &p.year)]);
    match &o.reason {
        Reason::AllSemesters { min, semesters } => fill(m.r_all_semesters, &[("min", &m.grade_label(min)), ("n", &semesters.to_string())]),
        Reason::BelowIn { got, min, period: p } => fill(m.r_below_in, &[("got", &m.grade_label(got)), ("min", &m.grade_label(min)), ("p", &period(p))]),
        Reason::NoResult { period: p } => fill(m.r_no_result, &[("p", &period(p))]),
        Reason::NoSemesterYet => m.r_no_semester.to_string(),
        Reason::Standing { rank, of, cutoff, points, min_points } => {
            let mut t = fill(m.r_standing, &[("rank", &rank.to_string()), ("of", &of.to_string()), ("points", &points.to_string())]);
            if let Some(cut) = cutoff {
                t.push_str(&fill(m.r_cutoff, &[("cut", &cut.to_string())]));
            }
            if let Some(min) = min_points {
                t.push_str(&fill(m.r_min_points, &[("min", &min.to_string())]));
            }
            t
        }
        Reason::MemberSince { since } => fill(m.r_member_since, &[("date", &format::date(*since))]),
        Reason::NotMember => m.r_not_member.to_string(),
        Reason::Age { years, min } => fill(m.r_age, &[("n", &years.to_string()), ("min", &min.to_string())]),
        Reason::Classified { level, year, min } => fill(m.r_classified, &[("y", year), ("level", &m.level_label(level)), ("min", &m.level_label(min))]),
        Reason::NotClassified => m.r_not_classified.to_string(),
    }
}

/// The criteria of one evaluation as a list of met / missed lines.
pub(crate) fn outcomes_list(m: &'static Messages, e: &Evaluation) -> AnyView {
    view! {
        <ul class="criteria">
            {e.outcomes.iter().map(|o| {
                let (mark, class) = if o.met { ("✓", "met") } else { ("✗", "missed") };
                view! {
                    <li class=class>
                        <span class="mark" aria-label=if o.met { m.met } else { m.missed }>{mark}</span>" "
                        <strong>{criterion_label(m, o.criterion)}</strong>": "{reason_text(m, o)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

