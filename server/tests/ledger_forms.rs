//! The ledger's plain forms over HTTP, as a phone without the wasm sends
//! them, on both engines: a date outside the activity's period is refused by
//! naming its dates; logging the same activity for the same class on the
//! same day again asks for confirmation and writes nothing until given; a
//! review of a whole class refused for a missing reason comes back with
//! every entry still ticked, and once sent again decides every ticked entry.

use nguon_domain::entities::{activity, audit_log, class, enrolment, ledger_entry, user};
use nguon_testkit::{both_engines, TestDb};
use reqwest::{header, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

mod common;
use common::*;

/// The page a plain form post led back to, as the browser shows it (with the outcome cookie).
async fn after(s: &Server, res: reqwest::Response, session: &str) -> String {
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()[header::LOCATION].to_str().unwrap().split('#').next().unwrap().to_string();
    let cookie = match outcome_cookie(res.headers()) {
        Some(o) => format!("{session}; {o}"),
        None => session.to_string(),
    };
    s.page(&to, Some(&cookie)).await.text().await.unwrap()
}

async fn pending_of(s: &Server, logger: i64) -> Vec<i64> {
    ledger_entry::Entity::find()
        .filter(ledger_entry::Column::Status.eq("pending"))
        .filter(ledger_entry::Column::LoggedBy.eq(logger))
        .order_by_asc(ledger_entry::Column::Id)
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect()
}

async fn logging_and_review_never_go_silently_wrong(t: TestDb) {
    let s = Server::start(t, |_| {}).await;
    admin_and_demo(&s.db).await;
    let doan = s.login("demo.doan", PW).await.unwrap();
    let doan2 = s.login("demo.doan2", PW).await.unwrap();
    let doan2_id = user::Entity::find().filter(user::Column::Username.eq("demo.doan2")).one(&s.db).await.unwrap().unwrap().id;
    let act = activity::Entity::find().order_by_asc(activity::Column::Id).one(&s.db).await.unwrap().unwrap();
    // The biggest class: 43 to 45 students.
    let mut biggest = Vec::new();
    for c in class::Entity::find().all(&s.db).await.unwrap() {
        let ids: Vec<String> = enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(c.id)).all(&s.db).await.unwrap().into_iter().map(|e| e.student_id.to_string()).collect();
        if ids.len() > biggest.len() {
            biggest = ids;
        }
    }
    assert!(biggest.len() >= 43, "{}", biggest.len());
    let act_id = act.id.to_string();
    let log_form = |key: &'static str, on: &'static str, repeat: bool| {
        let mut f: Vec<(&str, String)> = vec![("request_key", key.into()), ("activity", act_id.clone()), ("level", String::new()), ("occurred_on", on.into()), ("evidence", String::new())];
        f.extend(biggest.iter().map(|id| ("students[]", id.clone())));
        if repeat {
            f.push(("repeat", "1".into()));
        }
        f
    };
    let post = |name: &'static str, from: &'static str, f: Vec<(&'static str, String)>, cookie: String| {
        let s = &s;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            s.plain_form_post_as(name, from, &pairs, Some(&cookie)).await
        }
    };
    let entries_before = ledger_entry::Entity::find().count(&s.db).await.unwrap();

    // Outside the activity's period: refused, naming the dates; nothing written.
    let from = "/ledger/log?class=1&activity=1";
    let html = after(&s, post("log_activity", from, log_form("k-outside", "01/01/2027", false), doan2.clone()).await, &doan2).await;
    let last = act.ends_on.unwrap_or(chrono::NaiveDate::from_ymd_opt(2026, 5, 31).unwrap());
    let named = format!("Ngày phải trong khoảng {} – {}.", act.starts_on.format("%d/%m/%Y"), last.format("%d/%m/%Y"));
    assert!(html.contains(&named), "the refusal names the dates: {named}");
    assert_eq!(ledger_entry::Entity::find().count(&s.db).await.unwrap(), entries_before);

    // Logged once (the digits alone are a date, as a phone's keypad types it).
    let html = after(&s, post("log_activity", from, log_form("k-first", "02032026", false), doan2.clone()).await, &doan2).await;
    assert!(html.contains(r#"id="logged""#), "logged");
    let first = pending_of(&s, doan2_id).await;
    assert_eq!(first.len(), biggest.len());
    // Again the same day: the form asks, nothing is written.
    let html = after(&s, post("log_activity", from, log_form("k-again", "02/03/2026", false), doan2.clone()).await, &doan2).await;
    assert!(html.contains(&format!("{} học sinh đã được ghi hoạt động này vào ngày này (người ghi: demo.doan2)", biggest.len())), "asks before logging twice");
    assert!(html.contains(r#"id="f-repeat""#), "with the box to confirm");
    assert_eq!(pending_of(&s, doan2_id).await.len(), biggest.len(), "nothing written while unconfirmed");
    // Confirmed: written.
    let html = after(&s, post("log_activity", from, log_form("k-again-2", "02/03/2026", true), doan2.clone()).await, &doan2).await;
    assert!(html.contains(r#"id="logged""#));
    assert_eq!(pending_of(&s, doan2_id).await.len(), 2 * biggest.len());

    // Reviewing the first logging: a rejection without a reason is refused, and every ticked entry stays ticked.
    let ticked: Vec<String> = first.iter().map(|id| id.to_string()).collect();
    let review_form = |reason: &str| {
        let mut f: Vec<(&'static str, String)> = ticked.iter().map(|id| ("entries[]", id.clone())).collect();
        f.push(("decision", "reject".into()));
        f.push(("reason", reason.to_string()));
        f
    };
    let html = after(&s, post("review_entries", "/ledger/review?show=200", review_form(""), doan.clone()).await, &doan).await;
    assert!(html.contains("Không được để trống."), "the missing reason is named");
    assert_eq!(pending_of(&s, doan2_id).await.len(), 2 * biggest.len(), "nothing decided");
    for id in &ticked {
        let input = format!(r#"name="entries[]" value="{id}" checked"#);
        assert!(html.contains(&input), "entry {id} is still ticked after the refusal");
    }
    let others_ticked = pending_of(&s, doan2_id).await.into_iter().filter(|id| !first.contains(id)).any(|id| html.contains(&format!(r#"name="entries[]" value="{id}" checked"#)));
    assert!(!others_ticked, "entries not sent stay unticked");
    // Sent again with the reason: every ticked entry is rejected, none left pending.
    let html = after(&s, post("review_entries", "/ledger/review?show=200", review_form("Sai lớp"), doan.clone()).await, &doan).await;
    assert!(html.contains(&format!("{} lượt", ticked.len())) || html.contains(&ticked.len().to_string()), "says how many");
    let rejected = ledger_entry::Entity::find().filter(ledger_entry::Column::Id.is_in(first.clone())).filter(ledger_entry::Column::Status.eq("rejected")).count(&s.db).await.unwrap();
    assert_eq!(rejected as usize, first.len(), "every ticked entry decided");
    assert_eq!(pending_of(&s, doan2_id).await.len(), biggest.len(), "the second logging still waits");

    // The audit log of all this (and of loading the demo: accounts, roles, proposals, stage moves…) speaks words, not codes.
    let stored = audit_log::Entity::find().all(&s.db).await.unwrap();
    let vi = nguon_app::i18n::messages(nguon_shared::Locale::Vi).au;
    for r in &stored {
        assert!(vi.knows_action(&r.action), "action {} has no words", r.action);
        assert!(vi.knows_entity(&r.entity), "record kind {} has no words", r.entity);
    }
    let admin = s.login("admin", PW).await.unwrap();
    let html = s.page("/admin/audit", Some(&admin)).await.text().await.unwrap();
    assert!(html.contains("Từ chối") && html.contains("Điểm thi đua") && html.contains("Lý do"), "rejections in words");
    let table = &html[html.find(r#"id="audit-table""#).expect("the log's table")..];
    let table = &table[..table.find("</table>").unwrap()];
    for code in nguon_app::i18n::audit::ACTIONS.iter().chain(nguon_app::i18n::audit::ENTITIES.iter()) {
        assert!(!table.contains(&format!(">{code}<")) && !table.contains(&format!(">{code} ")), "raw code {code} in the log's table");
    }
    assert!(!table.contains("<code>") && !table.contains("<pre>") && !table.contains("\"status\""), "no raw codes or JSON");
}

both_engines!(logging_and_review_never_go_silently_wrong);
