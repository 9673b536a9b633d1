//! The personal-data duties in the browser, on a phone: a Party cell officer
//! records a parent's request, finds it in the inbox, produces the export
//! (page and JSON), answers the request and sees the task go; a second
//! person confirms the erasure another proposed. Release build, headless Chromium.

use fantoccini::Locator;

mod common;
use common::browser::Env;
use common::PW;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answer_a_parents_request_on_time() {
    let env = Env::with_demo(true).await;
    let b = &env.browser;
    env.login("demo.chibo", PW).await;
    b.goto(&format!("{}/privacy", env.base)).await.unwrap();
    env.wait_text("h1", "Yêu cầu về dữ liệu cá nhân").await;
    env.wait_text("main", "trong 2 ngày làm việc").await;
    env.wait_text("#no-requests", "Chưa có yêu cầu nào.").await;
    // Find the student, accents left out.
    env.fill("q", "nguyen").await;
    env.press_enter("q").await;
    env.wait_text("#matches", "Nguyễn").await;
    env.click("#matches li:first-child a").await;
    env.wait_text("#request-form button", "Ghi nhận yêu cầu").await;
    env.wait_hydrated().await;
    let name = b.find(Locator::Css("#privacy-name")).await.unwrap().text().await.unwrap();

    // Refused without the requester's name: the summary names the field; then recorded.
    env.js("document.querySelector('#request-form select[name=requester]').value = 'guardian'; return true").await;
    env.click("#request-form button[type=submit]").await;
    env.wait_text("#request-form #error-list", "Họ tên người yêu cầu").await;
    assert_eq!(env.js("return document.querySelector('#request-form select[name=requester]').value").await, "guardian", "choice kept");
    env.fill("requester_name", "Trần Thị Hoa").await;
    b.find(Locator::Css("#request-form textarea[name=details]")).await.unwrap().send_keys("Xin bản sao toàn bộ dữ liệu của con").await.unwrap();
    env.click("#request-form button[type=submit]").await;
    env.wait_text("#requests", "Trần Thị Hoa").await;
    env.wait_text("#requests", "Chưa trả lời").await;
    env.shot("60-privacy-request").await;

    // In the inbox, with its due day; the task leads back to the student.
    b.goto(&format!("{}/tasks", env.base)).await.unwrap();
    env.wait_text("#tasks", "Trả lời yêu cầu về dữ liệu cá nhân: Xem, nhận bản sao dữ liệu").await;
    env.click("#tasks a[href^='/privacy/student/']").await;
    env.wait_text("#privacy-name", &name).await;

    // The export: a readable page with every kind of record, and the JSON file.
    env.click("#export-page").await;
    env.wait_text("#export-name", &name).await;
    env.wait_text("#export-students", "Thông tin nhận dạng").await;
    env.wait_text("#export-data_requests", "Trần Thị Hoa").await;
    env.wait_text("#export-ledger_entries", "Điểm thi đua đã ghi").await;
    env.wait_text("#export-audit_log", "export").await;
    env.shot("61-privacy-export").await;
    let href = b.find(Locator::Css("a[href$='/export.json']")).await.unwrap().attr("href").await.unwrap().unwrap();
    let json = env
        .js(&format!("return fetch('{href}').then(r => r.json()).then(j => [j.name, j.records.data_requests.length, Object.keys(j.records).length])"))
        .await;
    assert_eq!(json[0], serde_json::Value::String(name.clone()));
    assert_eq!(json[1], 1);
    assert!(json[2].as_u64().unwrap() >= 20, "every kind of record: {json}");

    // Answered: the register says so, and the task is gone.
    b.back().await.unwrap();
    env.wait_text("#requests", "Trần Thị Hoa").await;
    env.wait_hydrated().await;
    b.find(Locator::Css("#requests textarea[name=answer]")).await.unwrap().send_keys("Đã gửi bản sao cho phụ huynh qua nhà trường").await.unwrap();
    env.click("#requests .answer-form button[type=submit]").await;
    env.wait_text("#requests", "Đã trả lời ngày").await;
    b.goto(&format!("{}/tasks", env.base)).await.unwrap();
    env.wait_text("h1", "Việc cần làm của tôi").await;
    let tasks = b.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(!tasks.contains("dữ liệu cá nhân"), "the answered request left the inbox: {tasks}");

    // An erasure proposed by the cell officer waits for a second person; the administrator confirms it.
    let student_page = {
        b.goto(&format!("{}/privacy", env.base)).await.unwrap();
        env.wait_text("#requests", "Trần Thị Hoa").await;
        b.find(Locator::Css("#requests a")).await.unwrap().attr("href").await.unwrap().unwrap()
    };
    b.goto(&format!("{}{student_page}", env.base)).await.unwrap();
    env.wait_text("#erasure", "Xoá dữ liệu").await;
    env.wait_hydrated().await;
    env.fill("reason", "Phụ huynh yêu cầu xoá sau khi chuyển trường").await;
    env.click("#propose-erasure button[type=submit]").await;
    env.wait_text("#erasure", "Đang chờ một người khác").await;
    assert_eq!(env.js("return document.querySelectorAll('#confirm-erasure').length").await, 0, "the proposer cannot confirm");
    b.delete_all_cookies().await.unwrap();
    env.login("admin", PW).await;
    b.goto(&format!("{}{student_page}", env.base)).await.unwrap();
    env.wait_text("#erasure-proposed", "Phụ huynh yêu cầu xoá").await;
    env.wait_hydrated().await;
    // Not ticked: refused, nothing done.
    env.click("#confirm-erasure button[type=submit]").await;
    env.wait_text("#confirm-erasure #error-list", "Tôi hiểu").await;
    env.click("#confirm-erasure input[name=understood]").await;
    env.click("#confirm-erasure button[type=submit]").await;
    env.wait_text("#erasure-done", "Đã ẩn danh ngày").await;
    env.wait_text("#privacy-name", "Ẩn danh").await;
    env.shot("62-privacy-erased").await;
    env.browser.clone().close().await.unwrap();
}
