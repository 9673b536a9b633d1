//! HTTP tests against the real router on a real socket, on SQLite and PostgreSQL.

use chrono::{Duration, Utc};
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{audit_log, login_attempt, session, user};
use nguon_domain::{AppError, ErrorCode, Locale};
use nguon_app::outcome::FormOutcome;
use nguon_testkit::{both_engines, TestDb};
use reqwest::header;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};

mod common;
use common::*;

async fn login_success_and_failure(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    assert_eq!(s.login("admin", "wrong-password").await.unwrap_err(), AppError::InvalidCredentials);
    assert_eq!(s.login("", "").await.unwrap_err(), AppError::InvalidCredentials);
    let res = s.call("login", &[("username", "ADMIN"), ("password", PW)], None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let set_cookie = res.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap().to_string();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(!set_cookie.contains("Secure"), "plain HTTP gets no Secure flag");
    let cookie = session_cookie(res.headers()).unwrap();
    assert_eq!(signed_in_user(&s, &cookie).await.as_deref(), Some("admin"));

    let page = s.page("/", Some(&cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()[header::CACHE_CONTROL], "no-store");
    let html = page.text().await.unwrap();
    assert!(html.contains("Nguyễn Thị Ánh Đào"), "user's name, with diacritics, on the page");
    assert!(html.contains("lang=\"vi\""));
    assert!(html.contains("Quản trị viên"));
}

async fn secure_cookie_when_configured(t: TestDb) {
    let s = Server::with_admin(t, |c| c.secure_cookies = true).await;
    let res = s.call("login", &[("username", "admin"), ("password", PW)], None).await;
    let set_cookie = res.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap().to_string();
    assert!(set_cookie.contains("; Secure"), "{set_cookie}");
    assert!(res.headers().contains_key(header::STRICT_TRANSPORT_SECURITY));
}

async fn login_is_throttled(t: TestDb) {
    let s = Server::with_admin(t, |c| c.login_max_failures_per_account = 3).await;
    for _ in 0..3 {
        assert_eq!(s.login("admin", "wrong-password").await.unwrap_err(), AppError::InvalidCredentials);
    }
    match s.login("admin", PW).await.unwrap_err() {
        AppError::Throttled { retry_after_minutes } => assert!(retry_after_minutes >= 1),
        other => panic!("expected throttling, got {other:?}"),
    }
    // Throttled attempts are not even checked, so they are not recorded as successes.
    assert_eq!(login_attempt::Entity::find().count(&s.db).await.unwrap(), 3);
    // The answer says so: 429 with when to come back.
    let res = s.call("login", &[("username", "admin"), ("password", PW)], None).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!(retry >= 60, "{retry} s");
}

/// A server function's refusal answers with the status that says what happened
/// (the body is the translated error as before).
async fn server_function_answers_say_what_happened(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let blank = |school: &'static str, grade: &'static str| {
        [("school", school), ("q", ""), ("grade", grade), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")]
    };
    let admin = s.login("admin", PW).await.unwrap();
    let cases: Vec<(&str, Vec<(&str, &str)>, Option<&str>, StatusCode)> = vec![
        ("students_view", blank("", "").to_vec(), None, StatusCode::UNAUTHORIZED),
        ("students_view", blank("", "").to_vec(), Some(&admin), StatusCode::OK),
        ("students_view", blank("abc", "").to_vec(), Some(&admin), StatusCode::BAD_REQUEST),
        ("students_view", blank("", "13").to_vec(), Some(&admin), StatusCode::BAD_REQUEST),
        ("students_view", blank("999999", "").to_vec(), Some(&admin), StatusCode::NOT_FOUND),
        ("list_users", vec![], Some(&admin), StatusCode::OK),
        ("login", vec![("username", "admin"), ("password", "sai-mat-khau-roi")], None, StatusCode::UNAUTHORIZED),
        ("setup", vec![("organisation", "X"), ("full_name", "Người Khác"), ("username", "khac"), ("password", PW), ("confirm", PW), ("locale", "vi")], None, StatusCode::CONFLICT),
    ];
    for (name, args, cookie, status) in cases {
        let res = s.call(name, &args, cookie).await;
        assert_eq!(res.status(), status, "{name} {args:?}");
        if !status.is_success() {
            // Still the translated error, for scripts and the form path alike.
            let _ = app_error(res).await;
        }
    }
    let no_role = {
        use nguon_domain::accounts::{self, FullName, NewPassword, NewUser, Username};
        let ctx = nguon_domain::audit::AuditContext::default();
        let user = NewUser {
            username: Username::parse("khongvaitro").unwrap(),
            full_name: FullName::parse("full_name", "Người Thử").unwrap(),
            password: NewPassword::parse(PW, PW, "khongvaitro").unwrap(),
            locale: nguon_domain::Locale::Vi,
        };
        accounts::create_user(&s.db, &ctx, user).await.unwrap();
        s.login("khongvaitro", PW).await.unwrap()
    };
    assert_eq!(s.call("list_users", &[], Some(&no_role)).await.status(), StatusCode::FORBIDDEN);
}

async fn idle_session_expires(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let cookie = s.login("admin", PW).await.unwrap();
    assert!(signed_in_user(&s, &cookie).await.is_some());
    // Age the session past the 30-minute idle timeout.
    let row = session::Entity::find().one(&s.db).await.unwrap().unwrap();
    let mut active: session::ActiveModel = row.into();
    active.last_seen_at = Set(Utc::now() - Duration::minutes(31));
    active.update(&s.db).await.unwrap();
    let res = s.page("/account", Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FOUND, "sent to the login page");
    assert_eq!(res.headers()[header::LOCATION], "/login");
    let cleared = res.headers().get_all(header::SET_COOKIE).iter().any(|v| v.to_str().unwrap().contains("Max-Age=0"));
    assert!(cleared, "the stale cookie is cleared");
    assert_eq!(session::Entity::find().count(&s.db).await.unwrap(), 0, "expired session deleted");
}

async fn logout_invalidates_the_session_server_side(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let cookie = s.login("admin", PW).await.unwrap();
    let res = s.call("logout", &[], Some(&cookie)).await;
    assert!(res.status().is_success());
    // Replaying the old cookie value does not work: the session is gone on the server.
    assert_eq!(signed_in_user(&s, &cookie).await, None);
    assert_eq!(app_error(s.call("my_sessions", &[], Some(&cookie)).await).await, AppError::Unauthenticated);
    // Both events are in the audit log, with the client address.
    let events: Vec<(String, Option<String>)> = audit_log::Entity::find()
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "login" || e.action == "logout")
        .map(|e| (e.action, e.client_addr))
        .collect();
    let addr = Some("127.0.0.1".to_string());
    assert_eq!(events, vec![("login".into(), addr.clone()), ("logout".into(), addr)]);
}

async fn login_rotates_the_session_id(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let first = s.login("admin", PW).await.unwrap();
    let res = s.call("login", &[("username", "admin"), ("password", PW)], Some(&first)).await;
    let second = session_cookie(res.headers()).unwrap();
    assert_ne!(first, second);
    assert_eq!(signed_in_user(&s, &first).await, None, "the old session ended");
    assert!(signed_in_user(&s, &second).await.is_some());
}

async fn cross_origin_posts_are_refused(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let url = format!("{}/api/login", s.base);
    let body = encode(&[("username", "admin"), ("password", PW)]);
    let cases: [&[(&str, &str)]; 3] = [
        &[("origin", "http://evil.example")],
        &[("sec-fetch-site", "cross-site"), ("origin", "http://evil.example")],
        &[],
    ];
    for headers in cases {
        let mut req = s.http.post(&url).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(body.clone());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(res.headers().get(header::SET_COOKIE).is_none());
        assert_eq!(app_error(res).await, AppError::CrossOrigin);
    }
    assert_eq!(login_attempt::Entity::find().count(&s.db).await.unwrap(), 0, "nothing reached the login");
    // Same-origin fetch metadata passes.
    let ok = s.http.post(&url).header("sec-fetch-site", "same-origin").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(body).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    // No server function answers GET.
    let get = s.http.get(format!("{}/api/logout", s.base)).send().await.unwrap();
    assert_eq!(get.status(), StatusCode::METHOD_NOT_ALLOWED);
}

async fn security_headers_are_present(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let res = s.page("/login", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"), "{csp}");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::REFERRER_POLICY], "same-origin");
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string();
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "scripts carry the CSP nonce");
    // Every response gets them, errors and API calls included.
    let api = s.call("shell_info", &[], None).await;
    assert!(api.headers().contains_key(header::CONTENT_SECURITY_POLICY));
    assert_eq!(api.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let missing = s.page("/no-such-page", None).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.headers()[header::X_FRAME_OPTIONS], "DENY");
}

async fn first_run_setup_over_http(t: TestDb) {
    let s = Server::start(t, |_| {}).await;
    let res = s.page("/", None).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/setup");
    let form = |u: &'static str, p: &'static str| {
        vec![("organisation", "Tỉnh Lâm Đồng"), ("full_name", "Lê Văn Đức"), ("username", u), ("password", p), ("confirm", p)]
    };
    let bad = s.call("setup", &form("x", "short"), None).await;
    let AppError::Invalid(list) = app_error(bad).await else { panic!("validation error expected") };
    assert!(list.iter().any(|e| e.field == "username" && e.code == ErrorCode::TooShort { min: 3 }));
    assert!(list.iter().any(|e| e.field == "password" && e.code == ErrorCode::TooShort { min: 10 }));
    assert_eq!(user::Entity::find().count(&s.db).await.unwrap(), 0);
    let ok = s.call("setup", &form("duc.le", PW), None).await;
    assert!(ok.status().is_success());
    let cookie = session_cookie(ok.headers()).unwrap();
    assert_eq!(signed_in_user(&s, &cookie).await.as_deref(), Some("duc.le"));
    assert_eq!(app_error(s.call("setup", &form("again", PW), None).await).await, AppError::AlreadySetUp);
    assert_eq!(user::Entity::find().count(&s.db).await.unwrap(), 1);
    let page = s.page("/setup", None).await.text().await.unwrap();
    assert!(page.contains("Hệ thống đã được thiết lập."));
}

async fn first_run_can_load_the_demo_school(t: TestDb) {
    let s = Server::start(t, |_| {}).await;
    let form = [
        ("organisation", "Tỉnh Lâm Đồng"),
        ("full_name", "Lê Văn Đức"),
        ("username", "duc.le"),
        ("password", PW),
        ("confirm", PW),
        ("demo", "1"),
    ];
    let ok = s.call("setup", &form, None).await;
    assert!(ok.status().is_success());
    // The demo accounts use the administrator's password and see the demo school's students.
    let cookie = s.login("demo.doan", PW).await.unwrap();
    let blank = [("school", ""), ("q", ""), ("grade", ""), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")];
    let first: serde_json::Value = s.call("students_view", &blank, Some(&cookie)).await.json().await.unwrap();
    let schools = &first["choice"]["schools"];
    assert_eq!(schools[0]["name"], "THPT Tân Hà (demo)");
    let school = schools[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(first["choice"]["school"].as_i64().unwrap().to_string(), school, "the only school is shown");
    let form = [("school", school.as_str()), ("q", ""), ("grade", "10"), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")];
    let view: serde_json::Value = s.call("students_view", &form, Some(&cookie)).await.json().await.unwrap();
    let page = &view["list"];
    assert!(page["total"].as_u64().unwrap() > 300, "ten classes of 35–45 students in grade 10");
    assert_eq!(page["rows"].as_array().unwrap().len(), 100, "one page");
    let form4: Vec<(&str, &str)> = form.iter().map(|(k, v)| if *k == "page" { (*k, "4") } else { (*k, *v) }).collect();
    let last: serde_json::Value = s.call("students_view", &form4, Some(&cookie)).await.json().await.unwrap();
    let last = &last["list"];
    assert_eq!(last["offset"], 300);
    let rest = page["total"].as_u64().unwrap() - 300;
    assert_eq!(last["rows"].as_array().unwrap().len() as u64, rest.min(100));
    // One class, as a class list.
    let classes = &view["classes"];
    assert_eq!(classes.as_array().unwrap().len(), 30);
    assert_eq!(classes[0]["name"], "10A1");
    assert_eq!(classes[1]["name"], "10A2", "10A2 before 10A10");
    // The demo pipeline: five candidates on the cell's board, three admitted over the past months, and one
    // proposal waiting; the mentor sees the two they mentor.
    let cell = s.login("demo.chibo", PW).await.unwrap();
    let view: serde_json::Value = s.call("board_view", &[("school", &school)], Some(&cell)).await.json().await.unwrap();
    let board = &view["cards"];
    let stages: Vec<&str> = board.as_array().unwrap().iter().map(|c| c["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, vec!["Pool", "AwarenessClass", "AwarenessClass", "Candidate", "Dossier", "Probation", "Probation", "Probation"]);
    assert_eq!(view["proposals"].as_array().unwrap().len(), 1);
    let mentor = s.login("demo.huongdan", PW).await.unwrap();
    let mine: serde_json::Value = s.call("board_view", &[("school", "")], Some(&mentor)).await.json().await.unwrap();
    assert_eq!(mine["cards"].as_array().unwrap().len(), 2);
    assert!(mine["proposals"].is_null(), "a mentor decides no proposal");
    // Mentoring in the demo: the centre's two classes, the joint meeting, the mentor's assessments and inbox.
    let centre: serde_json::Value = s.call("classes_view", &[("school", &school)], Some(&cell)).await.json().await.unwrap();
    let taken: Vec<u64> = centre["classes"].as_array().unwrap().iter().map(|c| c["taken"].as_u64().unwrap()).collect();
    assert_eq!(taken, vec![2, 2], "newest first: two enrolled next, two completed");
    let meetings: serde_json::Value = s.call("meetings_view", &[("school", &school)], Some(&cell)).await.json().await.unwrap();
    assert_eq!(meetings["meetings"][0]["students"].as_array().unwrap().len(), 6);
    let dossier_stage = board.as_array().unwrap().iter().find(|c| c["stage"] == "Dossier").unwrap()["id"].as_i64().unwrap().to_string();
    let page: serde_json::Value = s.call("candidacy_view", &[("candidacy", &dossier_stage)], Some(&mentor)).await.json().await.unwrap();
    assert!(page["members"].is_null(), "a mentor picks no Party member");
    let page = &page["candidacy"];
    assert_eq!(page["mentoring"]["assessments"].as_array().unwrap().len(), 1);
    assert_eq!(page["mentoring"]["can_write"], true);
    assert!(!page["mentoring"]["forecast"].as_array().unwrap().is_empty());
    let tasks: serde_json::Value = s.call("my_tasks", &[], Some(&mentor)).await.json().await.unwrap();
    assert_eq!(tasks.as_array().unwrap().len(), 2, "both assessments are due (the demo's last ones are from January 2026)");
    let shell: serde_json::Value = s.call("shell_info", &[], Some(&mentor)).await.json().await.unwrap();
    assert_eq!(shell["nav"]["tasks"], 2);
    // The pages render on the server for the cell.
    for path in ["/tasks", "/classes", "/meetings", "/calendar"] {
        let html = s.page(path, Some(&cell)).await.text().await.unwrap();
        assert!(html.contains("<h1") && !html.contains("alert error"), "{path}: {html}");
    }
    let html = s.page("/classes", Some(&cell)).await.text().await.unwrap();
    assert!(html.contains("Lớp bồi dưỡng nhận thức về Đảng khóa 2/") && html.contains("2/60"), "classes page");
    let html = s.page("/calendar", Some(&cell)).await.text().await.unwrap();
    assert!(html.contains("Tết Nguyên đán") && html.contains("Quốc khánh (2/9)"), "calendar page, holidays by name");
    // The administrator's page of the procedure's rules, the unverified reading said so.
    let admin = s.login("duc.le", PW).await.unwrap();
    let html = s.page("/admin/rules", Some(&admin)).await.text().await.unwrap();
    assert!(html.contains("Tuổi tối thiểu tại ngày họp chi bộ") && html.contains("chưa xác minh") && html.contains("value=\"18\""), "rules page");
    let first_class = classes[0]["id"].as_i64().unwrap().to_string();
    let one: Vec<(&str, &str)> = form.iter().map(|(k, v)| if *k == "class" { (*k, first_class.as_str()) } else { (*k, *v) }).collect();
    let class_list: serde_json::Value = s.call("students_view", &one, Some(&cookie)).await.json().await.unwrap();
    let class_list = &class_list["list"];
    let n = class_list["total"].as_u64().unwrap();
    assert!((35..=45).contains(&n), "{n}");
    assert!(class_list["rows"].as_array().unwrap().iter().all(|r| r["class_name"] == "10A1"));

    // The leaderboard: 50 ranks of the whole school; a name search keeps each student's rank in the school.
    let board = |q: &'static str, show: &'static str| {
        let (s, cookie) = (&s, cookie.clone());
        async move {
            let form = [("year", ""), ("scope", "school"), ("semester", ""), ("category", ""), ("q", q), ("show", show)];
            s.call("leaderboard_view", &form, Some(&cookie)).await.json::<serde_json::Value>().await.unwrap()
        }
    };
    let whole = board("", "50").await;
    assert!(whole["ranks"]["total"].as_u64().unwrap() > 1000, "everyone placed in a class is ranked");
    assert_eq!(whole["ranks"]["rows"].as_array().unwrap().len(), 50);
    let tenth = &whole["ranks"]["rows"][9];
    let given = tenth["name"].as_str().unwrap().rsplit(' ').next().unwrap().to_string();
    let form = [("year", ""), ("scope", "school"), ("semester", ""), ("category", ""), ("q", given.as_str()), ("show", "5000")];
    let found: serde_json::Value = s.call("leaderboard_view", &form, Some(&cookie)).await.json().await.unwrap();
    let rows = found["ranks"]["rows"].as_array().unwrap();
    assert!(rows.len() < 1000 && rows.iter().all(|r| r["name"].as_str().unwrap().contains(&given)), "only names with {given}");
    let same = rows.iter().find(|r| r["student_id"] == tenth["student_id"]).expect("the tenth is found by name");
    assert_eq!(same["rank"], tenth["rank"], "a student found by name keeps their rank");
    let nobody = board("khongcoaiten", "50").await;
    assert_eq!(nobody["ranks"]["total"], 0);
    let html = s.page("/ledger?q=khongcoaiten", Some(&cookie)).await.text().await.unwrap();
    assert!(html.contains("id=\"no-ranks\""), "an empty search says so");
    // The outstanding lists search by name too, accents optional.
    let lists = |q: String| {
        let (s, cookie) = (&s, cookie.clone());
        async move {
            let form = [("year", ""), ("q", q.as_str()), ("show_q", "20"), ("show_s", "20")];
            s.call("outstanding_view", &form, Some(&cookie)).await.json::<serde_json::Value>().await.unwrap()
        }
    };
    let all = lists(String::new()).await;
    let first = all["lists"]["one_short"]["rows"][0]["name"].as_str().expect("someone one criterion short").to_string();
    let folded = nguon_domain::names::fold(&first);
    let found = lists(folded.clone()).await;
    let names: Vec<&str> = found["lists"]["one_short"]["rows"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&first.as_str()), "{folded} finds {first}: {names:?}");
    assert!(lists("khongcoaiten".into()).await["lists"]["qualifying"]["total"] == 0);
}

async fn plain_form_post_shows_translated_error(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    // A refused form goes back to where it was sent, with its outcome in a cookie.
    let res = s.plain_form_post("login", "/login?next=x&error=old", &[("username", "admin"), ("password", "sai-mat-khau")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/login?next=x#outcome");
    let cookie = outcome_cookie(res.headers()).expect("the outcome travels in a cookie");
    let outcome = FormOutcome::from_cookie_value(cookie.trim_start_matches("nguon_outcome=")).unwrap();
    assert!(!outcome.ok && outcome.path == "/api/login");
    assert_eq!(outcome.values, vec![("username".to_string(), "admin".to_string())], "the password never travels back");
    let page = s.page("/login?next=x", Some(&cookie)).await;
    let cleared = page.headers().get_all(header::SET_COOKIE).iter().any(|v| v.to_str().unwrap().starts_with("nguon_outcome=; Max-Age=0"));
    assert!(cleared, "the page that showed the outcome deletes it");
    let html = page.text().await.unwrap();
    assert!(html.contains("Tên đăng nhập hoặc mật khẩu không đúng."), "{html}");
    assert!(html.contains(r#"id="outcome""#), "the message is where the redirect scrolls to");
    assert!(html.contains(r#"value="admin""#), "the login name typed is kept");
    // Without the cookie (a reload after it was deleted) the page is clean again.
    let html = s.page("/login?next=x", None).await.text().await.unwrap();
    assert!(!html.contains("Tên đăng nhập hoặc mật khẩu không đúng."));
    // Success sends the browser where the server function says (home), signed in.
    let res = s.plain_form_post("login", "/login", &[("username", "admin"), ("password", PW)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/");
    let session = session_cookie(res.headers()).expect("signed in");
    // A signed-in form: refused with field errors shown on its page, values kept.
    let res = s.plain_form_post_as("change_password", "/account", &[("current", PW), ("new", "ngắn"), ("confirm", "ngắn")], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let outcome = outcome_cookie(res.headers()).unwrap();
    let html = s.page("/account", Some(&format!("{session}; {outcome}"))).await.text().await.unwrap();
    assert!(html.contains("Cần ít nhất 10 ký tự."), "{html}");
    // The language switch without JavaScript goes back to the page it came from.
    let res = s.plain_form_post("set_locale", "/login?next=x", &[("locale", "en")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/login?next=x#outcome");
    assert!(res.headers().get_all(header::SET_COOKIE).iter().any(|v| v.to_str().unwrap().starts_with("nguon_lang=en")));
}


async fn language_switch_and_bad_inputs(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    // A visitor's choice goes into a cookie.
    let res = s.call("set_locale", &[("locale", "en")], None).await;
    assert!(res.status().is_success());
    let lang = res.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(lang.starts_with("nguon_lang=en"));
    let page = s.page("/login", Some("nguon_lang=en")).await.text().await.unwrap();
    assert!(page.contains("lang=\"en\"") && page.contains("Log in"));
    // A signed-in user's choice is stored on the account.
    let cookie = s.login("admin", PW).await.unwrap();
    assert!(s.call("set_locale", &[("locale", "en")], Some(&cookie)).await.status().is_success());
    let stored = user::Entity::find().one(&s.db).await.unwrap().unwrap();
    assert_eq!(stored.locale, "en");
    let home = s.page("/", Some(&cookie)).await.text().await.unwrap();
    assert!(home.contains("Welcome, Nguyễn Thị Ánh Đào!"));

    // Bad input to each server function: a clear error, nothing changed.
    let err = app_error(s.call("set_locale", &[("locale", "fr")], Some(&cookie)).await).await;
    assert_eq!(err, AppError::invalid("locale", ErrorCode::InvalidValue));
    assert_eq!(user::Entity::find().one(&s.db).await.unwrap().unwrap().locale, "en");
    let err = app_error(s.call("change_password", &[("current", PW), ("new", "ngắn"), ("confirm", "ngắn")], Some(&cookie)).await).await;
    assert_eq!(err, AppError::invalid("new", ErrorCode::TooShort { min: 10 }));
    assert!(s.login("admin", PW).await.is_ok(), "password unchanged");
    let missing_field = s.call("login", &[("username", "admin")], None).await;
    assert!(!missing_field.status().is_success());
    assert!(matches!(app_error(missing_field).await, AppError::Request(_)));

    // Without a session every account function is refused.
    for f in ["my_sessions", "revoke_other_sessions", "list_users"] {
        assert_eq!(app_error(s.call(f, &[], None).await).await, AppError::Unauthenticated, "{f}");
    }
    let err = app_error(s.call("change_password", &[("current", PW), ("new", "x"), ("confirm", "x")], None).await).await;
    assert_eq!(err, AppError::Unauthenticated);
}

async fn account_functions_for_a_signed_in_user(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let a = s.login("admin", PW).await.unwrap();
    let b = s.login("admin", PW).await.unwrap();
    let sessions: serde_json::Value = s.call("my_sessions", &[], Some(&a)).await.json().await.unwrap();
    assert_eq!(sessions.as_array().unwrap().len(), 2);
    let ended: u64 = s.call("revoke_other_sessions", &[], Some(&a)).await.json().await.unwrap();
    assert_eq!(ended, 1);
    assert_eq!(signed_in_user(&s, &b).await, None);
    let users: serde_json::Value = s.call("list_users", &[], Some(&a)).await.json().await.unwrap();
    assert_eq!(users[0]["username"], "admin");
    // An account without the administrator role may not list accounts.
    let ctx = AuditContext::default();
    let clerk = nguon_domain::accounts::NewUser {
        username: nguon_domain::accounts::Username::parse("thu.ky").unwrap(),
        full_name: nguon_domain::accounts::FullName::parse("full_name", "Đỗ Thư Ký").unwrap(),
        password: nguon_domain::accounts::NewPassword::parse(PW, PW, "thu.ky").unwrap(),
        locale: Locale::Vi,
    };
    nguon_domain::accounts::create_user(&s.db, &ctx, clerk).await.unwrap();
    let clerk_cookie = s.login("thu.ky", PW).await.unwrap();
    assert_eq!(app_error(s.call("list_users", &[], Some(&clerk_cookie)).await).await, AppError::Forbidden);
    let page = s.page("/admin/users", Some(&clerk_cookie)).await.text().await.unwrap();
    assert!(page.contains("Bạn không có quyền thực hiện thao tác này.") && !page.contains("admin</td>"));
    let res = s.call("change_password", &[("current", PW), ("new", "mật-khẩu-mới-123"), ("confirm", "mật-khẩu-mới-123")], Some(&a)).await;
    assert!(res.status().is_success());
    assert!(signed_in_user(&s, &a).await.is_some(), "the changing session stays");
    assert!(s.login("admin", "mật-khẩu-mới-123").await.is_ok());
}

async fn student_list_page_and_access(t: TestDb) {
    use nguon_domain::entities::{class, enrolment, org_unit, school_year, student};
    use nguon_domain::{accounts, names, Role};
    let s = Server::with_admin(t, |_| {}).await;
    let province = org_unit::Entity::find().one(&s.db).await.unwrap().unwrap();
    let school = |name: &str| org_unit::ActiveModel {
        kind: Set("school".into()),
        name: Set(name.into()),
        parent_id: Set(Some(province.id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let a = school("THPT Tân Hà").insert(&s.db).await.unwrap();
    let b = school("THPT Lâm Hà").insert(&s.db).await.unwrap();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let year = school_year::ActiveModel {
        school_id: Set(a.id),
        name: Set("2025-2026".into()),
        starts_on: Set(d(2025, 9, 1)),
        ends_on: Set(d(2026, 8, 31)),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap();
    let c12 = class::ActiveModel { school_year_id: Set(year.id), name: Set("12A1".into()), grade: Set(12), ..Default::default() }
        .insert(&s.db)
        .await
        .unwrap();
    for (school_id, full) in [(a.id, "Nguyễn Văn Đức"), (a.id, "Nguyễn Văn Dũng"), (b.id, "Trần Thị Bích")] {
        let n = names::PersonName::split(full);
        let st = student::ActiveModel {
            school_id: Set(school_id),
            search_key: Set(names::fold(full)),
            family_name: Set(n.family),
            middle_name: Set(n.middle),
            given_name: Set(n.given),
            date_of_birth: Set(d(2008, 3, 1)),
            ethnicity: Set(Some("Kinh".into())),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .unwrap();
        if school_id == a.id {
            enrolment::ActiveModel { student_id: Set(st.id), class_id: Set(c12.id), school_year_id: Set(year.id), ..Default::default() }
                .insert(&s.db)
                .await
                .unwrap();
        }
    }
    let ctx = AuditContext::default();
    let officer = accounts::create_user(
        &s.db,
        &ctx,
        accounts::NewUser {
            username: accounts::Username::parse("doan.th").unwrap(),
            full_name: accounts::FullName::parse("full_name", "Hồ Thị Thu").unwrap(),
            password: accounts::NewPassword::parse(PW, PW, "doan.th").unwrap(),
            locale: Locale::Vi,
        },
    )
    .await
    .unwrap();
    accounts::grant_role(&s.db, &ctx, officer.id, Role::YouthUnionOfficer, a.id).await.unwrap();
    let cookie = s.login("doan.th", PW).await.unwrap();

    // The page, rendered on the server from a plain GET form: unaccented search, dd/mm/yyyy, no sensitive column.
    let html = s.page("/students?q=nguyen+van+duc", Some(&cookie)).await.text().await.unwrap();
    assert!(html.contains("Nguyễn Văn Đức") && !html.contains("Nguyễn Văn Dũng"), "search without accents");
    assert!(html.contains("01/03/2008") && html.contains("12A1"));
    assert!(!html.contains("Kinh") && !html.contains("Dân tộc"), "no sensitive data for a union officer");
    assert!(!html.contains("THPT Lâm Hà"), "other schools are not even offered");
    let blank = [("school", ""), ("q", ""), ("grade", ""), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")];
    let first: serde_json::Value = s.call("students_view", &blank, Some(&cookie)).await.json().await.unwrap();
    assert_eq!(first["choice"]["schools"].as_array().unwrap().len(), 1);

    let list = |school: i64, grade: &'static str, adult_on: &'static str, cookie: Option<String>| {
        let s = &s;
        async move {
            let school = school.to_string();
            let form = [("school", school.as_str()), ("q", ""), ("grade", grade), ("class", ""), ("union_only", "false"), ("adult_on", adult_on), ("page", "")];
            s.call("students_view", &form, cookie.as_deref()).await
        }
    };
    let ok: serde_json::Value = list(a.id, "12", "", Some(cookie.clone())).await.json().await.unwrap();
    assert_eq!(ok["list"]["rows"].as_array().unwrap().len(), 2);
    assert_eq!(app_error(list(b.id, "", "", Some(cookie.clone())).await).await, AppError::NotFound);
    assert_eq!(app_error(list(a.id, "13", "", Some(cookie.clone())).await).await, AppError::invalid("grade", ErrorCode::InvalidValue));
    assert_eq!(app_error(list(a.id, "", "31/13/2026", Some(cookie.clone())).await).await, AppError::invalid("adult_on", ErrorCode::InvalidValue));
    let adults: serde_json::Value = list(a.id, "", "01/03/2026", Some(cookie.clone())).await.json().await.unwrap();
    assert_eq!(adults["list"]["rows"].as_array().unwrap().len(), 2, "born 01/03/2008: 18 on 01/03/2026");
    let minors: serde_json::Value = list(a.id, "", "28/02/2026", Some(cookie.clone())).await.json().await.unwrap();
    assert_eq!(minors["list"]["total"], 0);
    assert_eq!(app_error(list(a.id, "", "", None).await).await, AppError::Unauthenticated);
    // The administrator (accounts only) gets no student list either.
    let admin = s.login("admin", PW).await.unwrap();
    assert_eq!(app_error(list(a.id, "", "", Some(admin)).await).await, AppError::NotFound);
}

/// Pages and server-function answers travel compressed to browsers that accept it
/// (the wasm too: it is megabytes), plain to clients that do not.
async fn responses_are_compressed_when_accepted(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    let plain = s.page("/login", None).await;
    assert!(!plain.headers().contains_key(header::CONTENT_ENCODING));
    let plain_len = plain.bytes().await.unwrap().len();
    for encoding in ["gzip", "br"] {
        let res = common::fetch_whole(s.http.get(format!("{}/login", s.base)).header(header::ACCEPT_ENCODING, encoding)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], encoding);
        assert!(res.headers().contains_key(header::CONTENT_SECURITY_POLICY), "security headers stay");
        let packed = res.bytes().await.unwrap().len();
        assert!(packed * 2 < plain_len, "{encoding}: {packed} of {plain_len} bytes");
    }
}

/// The built assets are served from the copies `precompress` wrote, never
/// compressed again, and a conditional request is answered `304`.
async fn assets_are_served_precompressed(t: TestDb) {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let css = "body { color: #222; }\n".repeat(400);
    std::fs::write(pkg.join("nguon.css"), &css).unwrap();
    nguon_server::assets::precompress(&pkg, None).unwrap();
    let root = site.path().to_str().unwrap().to_string();
    let s = Server::with_admin(t, move |c| c.site_root = root).await;
    let url = format!("{}/pkg/nguon.css", s.base);
    for (encoding, copy) in [("br", "nguon.css.br"), ("gzip", "nguon.css.gz")] {
        let res = s.http.get(&url).header(header::ACCEPT_ENCODING, encoding).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], encoding);
        // Not hashed (no hash.txt beside the test binary): revalidated on each use.
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
        let body = res.bytes().await.unwrap();
        assert_eq!(body.as_ref(), std::fs::read(pkg.join(copy)).unwrap().as_slice(), "{encoding}: the file written at build time");
    }
    let res = s.http.get(&url).send().await.unwrap();
    let modified = res.headers()[header::LAST_MODIFIED].to_str().unwrap().to_string();
    assert_eq!(res.bytes().await.unwrap().len(), css.len());
    let again = s.http.get(&url).header(header::IF_MODIFIED_SINCE, modified).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

/// `/healthz` answers while the process serves; `/readyz` only while the database answers.
async fn health_and_readiness_probes(t: TestDb) {
    let s = Server::start(t, |_| {}).await;
    let get = |path: &'static str| {
        let (http, base) = (s.http.clone(), s.base.clone());
        async move {
            let res = http.get(format!("{base}{path}")).send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };
    assert_eq!(get("/healthz").await, (StatusCode::OK, "ok".to_string()));
    assert_eq!(get("/readyz").await, (StatusCode::OK, "ready".to_string()));
    // The database goes away (the pool closed): not ready, still alive.
    s.db.clone().close().await.unwrap();
    assert_eq!(get("/readyz").await.0, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(get("/healthz").await, (StatusCode::OK, "ok".to_string()));
}

both_engines!(
    health_and_readiness_probes,
    assets_are_served_precompressed,
    responses_are_compressed_when_accepted,
    student_list_page_and_access,
    login_success_and_failure,
    secure_cookie_when_configured,
    login_is_throttled,
    idle_session_expires,
    logout_invalidates_the_session_server_side,
    login_rotates_the_session_id,
    cross_origin_posts_are_refused,
    security_headers_are_present,
    first_run_setup_over_http,
    first_run_can_load_the_demo_school,
    plain_form_post_shows_translated_error,
    language_switch_and_bad_inputs,
    account_functions_for_a_signed_in_user,
    server_function_answers_say_what_happened,
);
