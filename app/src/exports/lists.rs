//! The lists' exports: leaderboard, outstanding students, students, board,
//! tasks and the audit log.

use super::{Cell, Report, Sheet};
use crate::api::queries;
use crate::i18n::Messages;
use chrono::NaiveDate;
use nguon_domain::audit::AuditContext;
use nguon_domain::policy::Actor;
use nguon_shared::AppError;
use nguon_domain::DatabaseConnection;

/// Most rows an export holds (a province's list is read page by page on screen, not here).
const MOST: usize = 20_000;

pub(super) async fn leaderboard(db: &DatabaseConnection, actor: &Actor, m: &'static Messages, p: &(dyn Fn(&str) -> String + Sync), today: NaiveDate) -> Result<Report, AppError> {
    let e = m.ex;
    let query = queries::leaderboard(&p("year"), &p("scope"), &p("semester"), &p("category"), &p("q"), MOST)?;
    let view = nguon_domain::views::ledger::leaderboard(db, actor, query, today).await?;
    let mut sheet = Sheet::new(e.leaderboard, &[e.rank, e.name, e.class, e.points]);
    for r in view.ranks.rows {
        sheet.rows.push(vec![Cell::Int(i64::from(r.rank)), Cell::text(r.name), Cell::text(r.class_name), Cell::Int(r.points)]);
    }
    Ok(Report { file_name: "bang-xep-hang".into(), sheets: vec![sheet] })
}

pub(super) async fn outstanding(db: &DatabaseConnection, actor: &Actor, m: &'static Messages, p: &(dyn Fn(&str) -> String + Sync), today: NaiveDate) -> Result<Report, AppError> {
    use crate::pages::merit::criteria::{criterion_label, reason_text};
    use nguon_domain::views::merit::OutstandingQuery;
    let e = m.ex;
    let query = OutstandingQuery { year: crate::api::context::optional_number("year", &p("year"))?, search: crate::api::context::search_text(&p("q"))?, qualifying: MOST, one_short: MOST };
    let view = nguon_domain::views::merit::outstanding(db, actor, query, today).await?;
    let mut sheets = Vec::new();
    if let Some(lists) = view.lists {
        for (title, list) in [(e.outstanding_ok, lists.qualifying.rows), (e.outstanding_short, lists.one_short.rows)] {
            let mut sheet = Sheet::new(title, &[e.name, e.class, e.missed, e.proposal]);
            for r in list {
                let missed: Vec<String> = r.outcomes.iter().filter(|o| !o.met).map(|o| format!("{}: {}", criterion_label(m, o.criterion), reason_text(m, o))).collect();
                let proposal = r.proposal.as_deref().map(|s| m.proposal_status(s).to_string()).unwrap_or_default();
                sheet.rows.push(vec![Cell::text(r.name), Cell::text(r.class_name), Cell::text(missed.join("; ")), Cell::text(proposal)]);
            }
            sheets.push(sheet);
        }
    }
    Ok(Report { file_name: "hoc-sinh-tieu-bieu".into(), sheets })
}

pub(super) async fn students(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, m: &'static Messages, p: &(dyn Fn(&str) -> String + Sync), today: NaiveDate) -> Result<Report, AppError> {
    use nguon_domain::views::students::PageOf;
    let e = m.ex;
    let filter = queries::students(&p("q"), &p("grade"), &p("class"), matches!(p("union_only").as_str(), "true" | "on" | "1"), &p("adult_on"))?;
    let school = crate::api::context::optional_number("school", &p("school"))?;
    let view = nguon_domain::views::students::students(db, actor, ctx, school, &filter, PageOf { number: 1, size: MOST }, today).await?;
    let sensitive = view.list.rows.iter().any(|r| r.sensitive_visible);
    let mut headers = vec![e.code, e.family, e.given, e.born, e.class, e.grade, e.union_since];
    if sensitive {
        headers.extend([e.ethnicity, e.religion]);
    }
    let mut sheet = Sheet::new(e.students, &headers);
    for r in view.list.rows {
        let family = [r.family_name.as_str(), r.middle_name.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
        let mut row = vec![
            Cell::text(r.code.unwrap_or_default()),
            Cell::text(family),
            Cell::text(r.given_name),
            Cell::Date(r.date_of_birth),
            Cell::text(r.class_name.unwrap_or_default()),
            r.grade.map_or(Cell::Empty, |g| Cell::Int(i64::from(g))),
            Cell::date(r.union_joined_on),
        ];
        if sensitive {
            row.extend([Cell::text(r.ethnicity.unwrap_or_default()), Cell::text(r.religion.unwrap_or_default())]);
        }
        sheet.rows.push(row);
    }
    Ok(Report { file_name: "hoc-sinh".into(), sheets: vec![sheet] })
}

pub(super) async fn board(db: &DatabaseConnection, actor: &Actor, m: &'static Messages, p: &(dyn Fn(&str) -> String + Sync), today: NaiveDate) -> Result<Report, AppError> {
    let e = m.ex;
    let school = crate::api::context::optional_number("school", &p("school"))?;
    let view = nguon_domain::views::pipeline::board(db, actor, school, today).await?;
    let mut sheet = Sheet::new(e.board, &[e.name, e.class, e.stage, e.since, e.days, e.mentor, e.warnings]);
    for c in view.cards {
        let warnings: Vec<String> = c.risks.iter().map(|r| crate::pages::pipeline::risk_text(m, r)).collect();
        sheet.rows.push(vec![
            Cell::text(c.name),
            Cell::text(c.class_name.unwrap_or_default()),
            Cell::text(m.stage_label(c.stage)),
            Cell::Date(today - chrono::Days::new(c.days_in_stage.max(0) as u64)),
            Cell::Int(c.days_in_stage),
            Cell::text(c.mentor.unwrap_or_default()),
            Cell::text(warnings.join("; ")),
        ]);
    }
    Ok(Report { file_name: "bang-theo-doi".into(), sheets: vec![sheet] })
}

pub(super) async fn tasks(db: &DatabaseConnection, actor: &Actor, m: &'static Messages, today: NaiveDate) -> Result<Report, AppError> {
    let e = m.ex;
    let list = nguon_domain::pipeline::tasks::my_tasks(db, actor, today).await?;
    let mut sheet = Sheet::new(e.tasks, &[e.task, e.name, e.due]);
    for t in list {
        sheet.rows.push(vec![Cell::text(crate::pages::mentoring::task_text(m, &t)), Cell::text(t.name.clone()), Cell::date(t.due)]);
    }
    Ok(Report { file_name: "viec-can-lam".into(), sheets: vec![sheet] })
}

pub(super) async fn audit(db: &DatabaseConnection, actor: &Actor, m: &'static Messages, p: &(dyn Fn(&str) -> String + Sync)) -> Result<Report, AppError> {
    let e = m.ex;
    let mut filter = queries::audit(&p("from"), &p("to"), &p("actor_name"), &p("action"), &p("entity"), &p("before"))?;
    let mut sheet = Sheet::new(e.audit, &[e.when, e.who, e.action, e.record, e.record_id, e.address]);
    let local = nguon_domain::local_time::offset();
    loop {
        let page = nguon_domain::audit::browse(db, actor, &filter).await?;
        for r in page.rows {
            sheet.rows.push(vec![
                Cell::Time(r.occurred_at.with_timezone(&local).naive_local()),
                Cell::text(r.actor.unwrap_or_default()),
                Cell::text(m.au.action(&r.action)),
                Cell::text(m.au.entity(&r.entity)),
                Cell::text(r.entity_id.unwrap_or_default()),
                Cell::text(r.client_addr.unwrap_or_default()),
            ]);
        }
        match page.next_before {
            Some(before) if sheet.rows.len() < MOST => filter.before_id = Some(before),
            _ => break,
        }
    }
    Ok(Report { file_name: "nhat-ky".into(), sheets: vec![sheet] })
}
