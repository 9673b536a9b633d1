//! The parts of the dashboard, shared by `/oversight` and a superior
//! officer's home page: the plan, the key figures, admissions by month
//! against the pace, each school's row, the funnel, time in stage, stalled
//! cards, exits, awareness classes and the breakdowns.

use crate::components::charts::{bars_and_lines, horizontal_bars, Bar, Column};
use crate::format;
use crate::i18n::{fill, Messages};
use chrono::Datelike;
use leptos::prelude::*;
use nguon_shared::oversight::{Count, FunnelStep, PeriodKind};
use nguon_shared::views::oversight::{DashboardView, Funnel, SchoolProgress};

/// The address of the dashboard for the same period, drilled into `school` (none: every school).
pub fn dashboard_href(v: &DashboardView, school: Option<i64>) -> String {
    let mut q = format!("/oversight?period={}", v.period.kind.code());
    if v.period.kind == PeriodKind::Custom {
        q.push_str(&format!("&from={}&to={}", format::date(v.period.from), format::date(v.period.to)));
    }
    if let Some(id) = school {
        q.push_str(&format!("&school={id}"));
    }
    q
}

/// The dashboard; `full` adds the funnel, time in stage, stalled cards,
/// exits, awareness classes and breakdowns (the home page shows the rest).
pub fn dashboard_body(m: &'static Messages, v: DashboardView, full: bool) -> AnyView {
    view! {
        {plans(m, &v)}
        {key_figures(m, &v)}
        {months(m, &v)}
        {schools(m, &v)}
        {full.then(|| view! {
            {funnel(m, &v.funnel)}
            {durations(m, &v.funnel)}
            {stalled(m, &v.funnel)}
            {exits_and_classes(m, &v)}
            {breakdowns(m, &v)}
        })}
        {(!full).then(|| view! { <p><a class="button" href=dashboard_href(&v, None)>{m.ov.title}</a></p> })}
    }
    .into_any()
}

fn plans(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    view! {
        <section class="card" id="dash-plans">
            {if v.plans.is_empty() {
                view! { <p class="muted">{o.no_plan}</p> }.into_any()
            } else {
                v.plans.iter().map(|p| view! {
                    <p><strong>{fill(o.plan_line, &[("number", &p.number), ("date", &format::date(p.issued_on)), ("issuer", &p.issuer)])}</strong>
                        <br/>{p.title.clone()}
                        {(p.carried_by != p.issuer).then(|| view! { <br/><em>{fill(o.carried_by, &[("body", &p.carried_by)])}</em> })}
                    </p>
                }).collect_view().into_any()
            }}
            {v.may_edit_plans.then(|| view! { <p><a href="/oversight/plans">{o.edit_plans}</a></p> })}
        </section>
    }
    .into_any()
}

fn key_figures(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    let admitted: u32 = v.rows.iter().map(|r| r.admitted).sum();
    let in_progress: u32 = v.rows.iter().map(|r| r.in_progress).sum();
    let behind = v.rows.iter().filter(|r| r.behind).count();
    let none_yet = v.rows.iter().filter(|r| r.admitted == 0).count();
    let target = v.target.student_members.map_or_else(|| o.no_target.to_string(), |t| t.to_string());
    let figure = |id: &'static str, label: &'static str, value: String, warn: bool| {
        view! { <div class="figure" class:warn=warn id=id><span class="figure-value">{value}</span><span class="figure-label">{label}</span></div> }
    };
    view! {
        <section class="figures" aria-label=o.title>
            {figure("fig-target", o.kpi_target, target, false)}
            {figure("fig-admitted", o.kpi_admitted, admitted.to_string(), false)}
            {figure("fig-in-progress", o.kpi_in_progress, in_progress.to_string(), false)}
            {figure("fig-behind", o.kpi_behind, behind.to_string(), behind > 0)}
            {figure("fig-none-yet", o.kpi_none_yet, none_yet.to_string(), none_yet > 0)}
        </section>
        <p class="muted small">{o.admitted_note}</p>
    }
    .into_any()
}

fn months(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    let label = |d: chrono::NaiveDate, many_years: bool| {
        let short = o.month_short[d.month0() as usize];
        if many_years && d.month() == 1 { format!("{short}/{}", d.year() % 100) } else { short.to_string() }
    };
    let many_years = v.months.first().map(|f| f.month.year()) != v.months.last().map(|l| l.month.year());
    let columns: Vec<Column> = v
        .months
        .iter()
        .map(|p| Column { label: label(p.month, many_years), bar: p.admitted, line: p.past.then_some(p.cumulative), dashed: p.pace })
        .collect();
    let has_pace = v.months.iter().any(|p| p.pace.is_some());
    view! {
        <section class="card" id="dash-months">
            <h2>{o.chart_months_title}</h2>
            <p class="muted small">{o.chart_months_desc}</p>
            {bars_and_lines("chart-months", o.chart_months_title.to_string(), &columns)}
            <details>
                <summary>{o.col_month}" / "{o.col_admitted}</summary>
                <div class="table-wrap"><table id="months-table" class="numbers">
                    <thead><tr>
                        <th scope="col">{o.col_month}</th>
                        <th scope="col">{o.col_admitted}</th>
                        <th scope="col">{o.col_cumulative}</th>
                        {has_pace.then(|| view! { <th scope="col">{o.col_pace}</th> })}
                    </tr></thead>
                    <tbody>
                        {v.months.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{format!("{:02}/{}", p.month.month(), p.month.year())}</th>
                                <td>{p.admitted}</td>
                                <td>{p.past.then_some(p.cumulative)}</td>
                                {has_pace.then(|| view! { <td>{p.pace.map(|x| format!("{x:.1}"))}</td> })}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></div>
            </details>
        </section>
    }
    .into_any()
}

fn status(m: &'static Messages, r: &SchoolProgress) -> (&'static str, &'static str) {
    let o = m.ov;
    if r.behind {
        (o.status_behind, "badge warn")
    } else if r.admitted == 0 {
        (o.status_none, "badge")
    } else if r.target.is_none() {
        (o.status_no_target, "badge")
    } else {
        (o.status_ok, "badge ok")
    }
}

fn schools(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    let names = |pick: &dyn Fn(&SchoolProgress) -> bool| v.rows.iter().filter(|r| pick(r)).map(|r| r.school.name.clone()).collect::<Vec<_>>().join(", ");
    let (behind, none_yet) = (names(&|r| r.behind), names(&|r| r.admitted == 0));
    let drilled = v.school.is_some();
    view! {
        <section class="card" id="dash-schools">
            <h2>{o.schools_title}</h2>
            {(!behind.is_empty()).then(|| view! { <p class="alert" id="schools-behind">{fill(o.behind_list, &[("names", &behind)])}</p> })}
            {(!none_yet.is_empty() && !drilled).then(|| view! { <p id="schools-none-yet">{fill(o.none_list, &[("names", &none_yet)])}</p> })}
            <div class="table-wrap"><table id="schools-table" class="stack">
                <thead><tr>
                    <th scope="col">{o.col_school}</th>
                    <th scope="col">{o.col_target}</th>
                    <th scope="col">{o.col_admitted}</th>
                    <th scope="col">{o.col_expected}</th>
                    <th scope="col">{o.col_in_progress}</th>
                    <th scope="col">{o.col_status}</th>
                </tr></thead>
                <tbody>
                    {v.rows.iter().map(|r| {
                        let (word, class) = status(m, r);
                        view! {
                            <tr>
                                <td class="name">
                                    {if drilled { view! { <strong>{r.school.name.clone()}</strong> }.into_any() } else { view! { <a href=dashboard_href(v, Some(r.school.id))>{r.school.name.clone()}</a> }.into_any() }}
                                    " · "<a href=format!("/pipeline?school={}", r.school.id)>{o.open_board}</a>
                                </td>
                                <td data-label=o.col_target>{r.target.map_or_else(|| o.no_target.to_string(), |t| t.to_string())}</td>
                                <td data-label=o.col_admitted>{r.admitted}</td>
                                <td data-label=o.col_expected>{r.expected_by_now.map(|e| format!("{e:.1}"))}</td>
                                <td data-label=o.col_in_progress>{r.in_progress}</td>
                                <td data-label=o.col_status><span class=class>{word}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
            {drilled.then(|| view! { <p><a href=dashboard_href(v, None)>{o.back_to_all}</a></p> })}
        </section>
    }
    .into_any()
}

fn funnel(m: &'static Messages, f: &Funnel) -> AnyView {
    let o = m.ov;
    // Union members outnumber the rest a hundredfold: the chart starts at the union's proposals; the table has them all.
    let bars: Vec<Bar> = f.steps.iter().filter(|s| s.step != FunnelStep::UnionMembers).map(|s| Bar { label: o.step(s.step).to_string(), value: s.count }).collect();
    view! {
        <section class="card" id="dash-funnel">
            <h2>{o.funnel_title}</h2>
            <p class="muted small">{o.funnel_desc}</p>
            {crate::components::form::export_link(m, "funnel")}
            {horizontal_bars("chart-funnel", o.funnel_title.to_string(), &bars)}
            <div class="table-wrap"><table id="funnel-table" class="numbers">
                <thead><tr><th scope="col">{o.col_step}</th><th scope="col">{o.col_count}</th><th scope="col">{o.col_conversion}</th></tr></thead>
                <tbody>
                    {f.steps.iter().map(|s| view! {
                        <tr><th scope="row">{o.step(s.step)}</th><td>{s.count}</td><td>{s.conversion_pct.map(|p| format!("{p} %"))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
    }
    .into_any()
}

fn durations(m: &'static Messages, f: &Funnel) -> AnyView {
    let o = m.ov;
    view! {
        <section class="card" id="dash-durations">
            <h2>{o.durations_title}</h2>
            {if f.durations.is_empty() {
                view! { <p class="muted">{o.durations_none}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table id="durations-table" class="numbers">
                        <thead><tr><th scope="col">{o.col_stage}</th><th scope="col">{o.col_stays}</th><th scope="col">{o.col_median}</th><th scope="col">{o.col_p90}</th></tr></thead>
                        <tbody>
                            {f.durations.iter().map(|d| view! {
                                <tr><th scope="row">{m.stage_label(d.stage)}</th><td>{d.stays}</td><td>{d.median_days}</td><td>{d.p90_days}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn stalled(m: &'static Messages, f: &Funnel) -> AnyView {
    let o = m.ov;
    let more = f.stalled_total as usize - f.stalled.len();
    view! {
        <section class="card" id="dash-stalled">
            <h2>{fill(o.stalled_title, &[("n", &f.stalled_after_days.to_string())])}</h2>
            {if f.stalled.is_empty() {
                view! { <p class="muted">{o.stalled_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain" id="stalled-list">
                        {f.stalled.iter().map(|c| {
                            let line = fill(o.stalled_line, &[("stage", m.stage_label(c.stage)), ("date", &format::date(c.since)), ("n", &c.days.to_string())]);
                            let who = match &c.name {
                                Some(n) => view! { <a href=format!("/pipeline/{}", c.candidacy_id)>{n.clone()}</a> }.into_any(),
                                None => view! { <span class="muted">{o.hidden_name}</span> }.into_any(),
                            };
                            view! { <li>{who}" · "{c.school.clone()}<br/><small>{line}</small></li> }
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="muted">{fill(o.stalled_more, &[("n", &more.to_string())])}</p> })}
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn exits_and_classes(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    let a = &v.awareness;
    view! {
        <section class="card" id="dash-exits">
            <h2>{o.exits_title}</h2>
            {if v.funnel.exits.is_empty() {
                view! { <p class="muted">{o.exits_none}</p> }.into_any()
            } else {
                view! { <ul class="plain" id="exits-list">{v.funnel.exits.iter().map(|e| view! { <li>{m.stage_label(e.stage)}": "<strong>{e.count}</strong></li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <section class="card" id="dash-awareness">
            <h2>{o.awareness_title}</h2>
            <p>{fill(o.awareness_line, &[("classes", &a.classes.to_string()), ("trainees", &a.trainees.to_string()), ("completed", &a.completed.to_string())])}</p>
            {v.target.trainees.map(|t| view! { <p class="muted">{fill(o.trainees_target, &[("n", &t.to_string())])}</p> })}
        </section>
    }
    .into_any()
}

fn count_text(m: &'static Messages, c: Count) -> String {
    match c {
        Count::Shown(n) => n.to_string(),
        Count::Few { below } => fill(m.ov.few, &[("n", &below.to_string())]),
    }
}

fn breakdowns(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    let b = &v.breakdowns;
    let age = |a: Option<f64>| a.map_or_else(|| o.average_hidden.to_string(), |x| format!("{x:.1}"));
    view! {
        <section class="card" id="dash-breakdowns">
            <h2>{o.breakdown_title}</h2>
            <p class="muted small">{fill(o.breakdown_note, &[("n", &b.smallest_shown.to_string())])}</p>
            {b.groups.iter().map(|g| view! {
                <div class="table-wrap"><table class="numbers breakdown">
                    <caption>{o.dim(g.dimension)}</caption>
                    <thead><tr><th scope="col">{o.col_value}</th><th scope="col">{o.col_admitted}</th><th scope="col">{o.col_in_progress}</th></tr></thead>
                    <tbody>
                        {g.rows.iter().map(|r| view! {
                            <tr><th scope="row">{o.key(&r.key)}</th><td>{count_text(m, r.admitted)}</td><td>{count_text(m, r.in_progress)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table></div>
            }).collect_view()}
            <p id="average-ages">{fill(o.average_age, &[("a", &age(b.average_age_admitted))])}<br/>{fill(o.average_age_progress, &[("a", &age(b.average_age_in_progress))])}</p>
        </section>
    }
    .into_any()
}
