//! Browser tests: the **release** build of the server (as `cargo leptos build
//! --release` leaves it, wasm-opt included) driven in headless Chromium.
//!
//! Needs `chromedriver` and `chromium` on the PATH (Debian packages) and the
//! release build; the README's test command provides all three.

use fantoccini::Locator;
use std::time::{Duration, Instant};

mod common;
use common::browser::Env;
use common::{workspace, PW};

/// First-run set-up, hydration, language switch, log out, log in — one
/// journey in a 360 px wide phone window, in Vietnamese first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_login_language_logout() {
    let env = Env::start(true).await;
    let b = &env.browser;
    b.goto(&env.base).await.unwrap();
    env.wait_text("h1", "Thiết lập lần đầu").await;
    assert_eq!(env.js("return document.documentElement.lang").await, "vi");
    assert!(b.current_url().await.unwrap().path().ends_with("/setup"));
    env.wait_hydrated().await;
    assert_eq!(env.js("return window.innerWidth").await, 360, "phone-sized viewport");
    env.shot("01-setup").await;

    // Bad input: the form comes back with the error under the field, the values typed kept.
    env.fill("organisation", "Tỉnh Lâm Đồng").await;
    env.fill("full_name", "Nguyễn Thị Ánh Đào").await;
    env.fill("username", "admin").await;
    env.fill("password", "ngắn").await;
    env.fill("confirm", "ngắn").await;
    env.click("#setup-form button[type=submit]").await;
    env.wait_text(".field-error", "Cần ít nhất 10 ký tự.").await;
    assert_eq!(env.js("return document.querySelector('input[name=full_name]').value").await, "Nguyễn Thị Ánh Đào", "values kept");
    assert_eq!(env.js("return document.querySelector('input[name=password]').value").await, "", "never a password");
    assert_eq!(env.js("return location.hash").await, "#outcome", "scrolled to the message");
    env.shot("02-setup-error").await;

    env.fill("password", PW).await;
    env.fill("confirm", PW).await;
    env.click("#setup-form button[type=submit]").await;
    env.wait_text("h1", "Xin chào, Nguyễn Thị Ánh Đào!").await;
    env.wait_text(".roles", "Quản trị viên").await;
    env.shot("03-home-vi").await;

    // Switch to English.
    env.open_menu().await;
    env.click("#menu-lang-en").await;
    env.wait_text("h1", "Welcome, Nguyễn Thị Ánh Đào!").await;
    assert_eq!(env.js("return document.documentElement.lang").await, "en");
    env.shot("04-home-en").await;

    // Log out: back to the login page, in English.
    env.open_menu().await;
    env.shot("05-menu-open-en").await;
    env.click("#menu-logout").await;
    env.wait_text("h1", "Log in").await;
    assert!(b.current_url().await.unwrap().path().ends_with("/login"));

    // Wrong password, then the right one.
    env.fill("username", "admin").await;
    env.fill("password", "wrong-password").await;
    env.click("#login-form button[type=submit]").await;
    env.wait_text(".alert.error", "Wrong username or password.").await;
    env.shot("06-login-error-en").await;
    env.fill("password", PW).await;
    env.click("#login-form button[type=submit]").await;
    env.wait_text("h1", "Welcome, Nguyễn Thị Ánh Đào!").await;

    // Back to Vietnamese, and the choice sticks across a full reload.
    env.open_menu().await;
    env.click("#menu-lang-vi").await;
    env.wait_text("h1", "Xin chào").await;
    b.refresh().await.unwrap();
    env.wait_text("h1", "Xin chào, Nguyễn Thị Ánh Đào!").await;
    assert_eq!(env.js("return document.documentElement.lang").await, "vi");

    // A reload of a protected page after logging out lands on the login page.
    env.wait_hydrated().await;
    env.open_menu().await;
    env.click("#menu-logout").await;
    env.wait_text("h1", "Đăng nhập").await;
    b.goto(&format!("{}/account", env.base)).await.unwrap();
    env.wait_text("h1", "Đăng nhập").await;
    env.shot("07-login-vi").await;
    env.browser.clone().close().await.unwrap();
}

/// On a desktop the navigation sits in the header bar and works there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desktop_navigation_bar() {
    let env = Env::start(false).await;
    env.browser.goto(&format!("{}/setup", env.base)).await.unwrap();
    env.wait_text("h1", "Thiết lập lần đầu").await;
    env.wait_hydrated().await;
    let menu_button = env.browser.find(Locator::Css("details.menu")).await.unwrap();
    assert!(!menu_button.is_displayed().await.unwrap(), "no menu button on a wide screen");
    let english = env.browser.find(Locator::Css("#bar-lang-en")).await.unwrap();
    assert!(english.is_displayed().await.unwrap());
    english.click().await.unwrap();
    env.wait_text("h1", "First-run set-up").await;
    env.shot("08-desktop-setup-en").await;
    env.browser.clone().close().await.unwrap();
}

/// The demo school: a union officer finds a student by an unaccented search
/// on a phone, and the list never shows sensitive columns to that role.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_student_search_without_accents() {
    let env = Env::start(true).await;
    let args = ["create-admin", "--organisation", "Tỉnh Lâm Đồng", "--full-name", "Quản Trị", "--username", "admin", "--password-stdin"];
    env.cli(&args, PW);
    env.cli(&["demo", "--password-stdin"], "mật-khẩu-demo-123");
    let b = &env.browser;
    b.goto(&format!("{}/login", env.base)).await.unwrap();
    env.wait_text("h1", "Đăng nhập").await;
    env.wait_hydrated().await;
    env.fill("username", "demo.doan").await;
    env.fill("password", "mật-khẩu-demo-123").await;
    env.click("#login-form button[type=submit]").await;
    env.wait_text("h1", "Xin chào, Hồ Thị Thu (demo)!").await;
    env.open_menu().await;
    env.click("details.menu nav a[href='/students']").await;
    env.wait_text("#student-count", "học sinh").await;
    env.shot("09-students").await;
    // Take a real name from the list and search for it without accents.
    let name = b.find(Locator::Css("#student-table tbody tr:nth-child(3) td:nth-child(2)")).await.unwrap().text().await.unwrap();
    let plain = env.js(&format!("return {:?}.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()", name)).await;
    let plain = plain.as_str().unwrap().to_string();
    assert_ne!(plain, name.to_lowercase(), "the chosen name has diacritics: {name}");
    env.fill("q", &plain).await;
    env.click("#student-filters button[type=submit]").await;
    env.wait_text("#student-table", &name).await;
    // Every row shown matches: each word of the query starts a word of the (accent-free) name.
    let shown = env
        .js("return [...document.querySelectorAll('#student-table tbody tr td:nth-child(2)')].map(td => td.textContent)")
        .await;
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    assert!(shown.contains(&name), "{name} in {shown:?}");
    let folded = env
        .js("return [...document.querySelectorAll('#student-table tbody tr td:nth-child(2)')].map(td => td.textContent.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase())")
        .await;
    let folded: Vec<String> = serde_json::from_value(folded).unwrap();
    for row in &folded {
        let words: Vec<&str> = row.split(' ').collect();
        assert!(plain.split(' ').all(|q| words.iter().any(|w| w.starts_with(q))), "{row} does not match {plain}");
    }
    assert!(b.current_url().await.unwrap().query().unwrap_or("").contains("q="), "the search is in the address, so it can be shared");
    let headers = env.js("return document.querySelector('#student-table thead').textContent").await;
    assert!(!headers.as_str().unwrap().contains("Dân tộc"), "no sensitive column for a union officer");
    env.shot("10-students-search").await;
    env.browser.clone().close().await.unwrap();
}

/// An administrator sets up a school from nothing in the browser — the unit,
/// a school year, a class list imported from a spreadsheet (with progress bar,
/// mapping guessed from the Vietnamese headers, preview, import), a union
/// officer's account — and that officer finds an imported student by an
/// unaccented search.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_class_list_and_find_a_student() {
    let env = Env::start(false).await;
    let args = ["create-admin", "--organisation", "Tỉnh Lâm Đồng", "--full-name", "Quản Trị", "--username", "admin", "--password-stdin"];
    env.cli(&args, PW);
    let b = &env.browser;
    b.goto(&format!("{}/login", env.base)).await.unwrap();
    env.wait_hydrated().await;
    env.fill("username", "admin").await;
    env.fill("password", PW).await;
    env.click("#login-form button[type=submit]").await;
    env.wait_text("h1", "Xin chào").await;

    // The school, under the province.
    env.click(".bar-nav a[href='/admin/org']").await;
    env.wait_text("h1", "Cơ cấu tổ chức").await;
    env.js("document.querySelector('#new-kind').value = 'school'; return true").await;
    let name = b.find(Locator::Css("#new-name")).await.unwrap();
    name.send_keys("THPT Tân Hà").await.unwrap();
    env.click("#unit-form button[type=submit]").await;
    env.wait_text("#org-tree", "THPT Tân Hà").await;
    env.shot("11-org-tree").await;

    // A school year with its two semesters.
    env.click(".bar-nav a[href='/admin/years']").await;
    env.wait_text("h1", "Năm học").await;
    env.fill("starts_on", "05/09/2025").await;
    env.fill("second_semester_on", "12/01/2026").await;
    env.fill("ends_on", "31/05/2026").await;
    env.click("#year-form button[type=submit]").await;
    env.wait_text("#years-table", "2025-2026").await;
    env.wait_text("#years-table", "Học kỳ 2: 12/01/2026 – 31/05/2026").await;

    // Upload the class list exported by the school-management software.
    env.click(".bar-nav a[href='/admin/import']").await;
    env.wait_text("h1", "Nhập danh sách học sinh").await;
    env.wait_text("#f-year", "THPT Tân Hà — 2025-2026").await;
    let file = workspace().join("tests/fixtures/roster/lop10_good.xlsx");
    b.find(Locator::Css("#f-file")).await.unwrap().send_keys(file.to_str().unwrap()).await.unwrap();
    env.click("#upload-form button[type=submit]").await;
    env.wait_text("#import-counts", "Sẽ thêm 12").await;
    env.wait_text("#import-facts", "lop10_good.xlsx").await;
    // The mapping was guessed from the headers; the title rows above them were skipped.
    let full_name_column = env.js("return document.querySelector('#f-c2').value").await;
    assert_eq!(full_name_column, "full_name");
    env.wait_text("#preview-rows", "Tôn Nữ Thị Hà").await;
    env.shot("12-import-preview").await;
    env.wait_hydrated().await;
    env.click("#import-form button[type=submit]").await;
    env.wait_text("#import-done", "Đã nhập: thêm 12").await;
    env.shot("13-import-done").await;

    // A union officer for the school.
    env.click(".bar-nav a[href='/admin/staff']").await;
    env.wait_text("h1", "Cán bộ").await;
    env.fill("full_name", "Hồ Thị Thu").await;
    env.fill("username", "doan.tanha").await;
    env.fill("password", PW).await;
    env.js("document.querySelector('#f-role').value = 'youth_union_officer'; return true").await;
    env.click("#staff-form button[type=submit]").await;
    env.wait_text("#staff-table", "Đoàn").await;
    env.wait_text("#staff-table", "doan.tanha").await;
    env.click(".bar-nav form button[id='bar-logout']").await;
    env.wait_text("h1", "Đăng nhập").await;

    // The officer finds an imported student without typing accents.
    env.fill("username", "doan.tanha").await;
    env.fill("password", PW).await;
    env.click("#login-form button[type=submit]").await;
    env.wait_text("h1", "Xin chào, Hồ Thị Thu!").await;
    env.click(".bar-nav a[href='/students']").await;
    env.wait_text("#student-count", "12 học sinh").await;
    env.fill("q", "ton nu thi ha").await;
    env.click("#student-filters button[type=submit]").await;
    env.wait_text("#student-count", "1 học sinh").await;
    env.wait_text("#student-table", "Tôn Nữ Thị Hà").await;
    env.wait_text("#student-table", "31/01/2010").await;
    // The class list is in Vietnamese order: by given name (Ăn < Ân < Brơi < Đức …).
    env.fill("q", "").await;
    env.click("#student-filters button[type=submit]").await;
    env.wait_text("#student-count", "12 học sinh").await;
    let order = env.js("return [...document.querySelectorAll('#student-table tbody tr td:nth-child(2)')].map(td => td.textContent)").await;
    let order: Vec<String> = serde_json::from_value(order).unwrap();
    assert_eq!(
        order,
        [
            "Bùi Thị Ăn", "Hồ Ngọc Ân", "K' Brơi", "Nguyễn Văn Đức", "Tôn Nữ Thị Hà", "Đặng Thu Hằng", "Ka Thị Hương",
            "Lê Quốc Khánh", "Vũ Đình Ơn", "Âu Dương Phong", "Trần Thị Ánh Tuyết", "Phạm Minh Ưng"
        ]
    );
    env.shot("14-students-imported").await;
    env.browser.clone().close().await.unwrap();
}

/// The points of each student on a class leaderboard, by name.
async fn board(env: &Env, class: &str) -> std::collections::HashMap<String, i64> {
    env.browser.goto(&format!("{}/ledger?scope={}", env.base, class.replace(':', "%3A"))).await.unwrap();
    env.wait_text("#leaderboard", "").await;
    let rows = env
        .js("return [...document.querySelectorAll('#leaderboard li')].map(li => [li.querySelector('.who').textContent, Number(li.querySelector('.pts').textContent)])")
        .await;
    serde_json::from_value::<Vec<(String, i64)>>(rows).unwrap().into_iter().collect()
}

/// On a phone: a union officer logs an activity for a whole class (all
/// ticked by default), a second officer approves the batch, and the class
/// leaderboard moves by the activity's points for everyone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_a_class_approve_and_see_the_leaderboard() {
    let env = Env::with_demo(true).await;
    let b = &env.browser;
    env.login("demo.doan", PW).await;

    // The class leaderboard of 10A1 before: points per student.
    b.goto(&format!("{}/ledger", env.base)).await.unwrap();
    env.wait_text("h1", "Bảng xếp hạng").await;
    let class_10a1 = env.js("return [...document.querySelectorAll('#f-scope option')].find(o => o.textContent === '10A1').value").await;
    let class_10a1 = class_10a1.as_str().unwrap().to_string();
    let before = board(&env, &class_10a1).await;
    assert!(before.len() >= 35, "{}", before.len());
    env.shot("15-leaderboard-before").await;

    // Log "Chủ nhật xanh" (+5) for the whole class on a phone, reached through the menu.
    env.wait_hydrated().await;
    env.open_menu().await;
    env.click("details.menu nav a[href='/ledger']").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while b.current_url().await.unwrap().query().is_some() {
        assert!(Instant::now() < deadline, "the menu link did not navigate");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    env.wait_text("h1", "Bảng xếp hạng").await;
    env.click(".subnav a[href='/ledger/log']").await;
    env.wait_text("h1", "Ghi điểm").await;
    env.wait_text("#f-activity", "Chủ nhật xanh").await;
    let activity = env.js("return [...document.querySelectorAll('#f-activity option')].find(o => o.textContent.startsWith('Chủ nhật xanh')).value").await;
    let class_id = class_10a1.trim_start_matches("class:").to_string();
    env.js(&format!("document.querySelector('#f-activity').value = '{}'; document.querySelector('#f-class').value = '{class_id}'; return true", activity.as_str().unwrap())).await;
    env.click("#log-choose button[type=submit]").await;
    env.wait_text("#log-form", "Ghi điểm cho").await;
    let ticked = env.js("return document.querySelectorAll('#log-form input[name=\"students[]\"]:checked').length").await;
    assert_eq!(ticked.as_u64().unwrap() as usize, before.len(), "the whole class is ticked by default");
    env.fill("occurred_on", "15/03/2026").await;
    env.fill("evidence", "Danh sách ký nhận").await;
    env.shot("16-log-class").await;
    env.click("#log-form button[type=submit]").await;
    env.wait_text("#logged", &format!("Đã ghi điểm cho {} học sinh", before.len())).await;
    // Not counted yet: waiting for the second officer.
    assert_eq!(board(&env, &class_10a1).await, before);

    // The second officer approves the batch.
    env.open_menu().await;
    env.click("#menu-logout").await;
    env.wait_text("h1", "Đăng nhập").await;
    env.login("demo.doan2", PW).await;
    b.goto(&format!("{}/ledger/review", env.base)).await.unwrap();
    env.wait_text("#review-form", "Chủ nhật xanh").await;
    env.wait_hydrated().await;
    env.shot("17-review").await;
    env.click("#review-form button[type=submit]").await;
    env.wait_text("#reviewed", &format!("Đã ghi nhận quyết định cho {} lượt điểm", before.len())).await;
    env.wait_text("#queue-empty", "Không có điểm nào chờ duyệt").await;

    // Everyone in 10A1 moved by +5.
    let after = board(&env, &class_10a1).await;
    for (name, points) in &before {
        assert_eq!(after[name], points + 5, "{name}");
    }
    env.shot("18-leaderboard-after").await;
    env.browser.clone().close().await.unwrap();
}

/// On a phone, in the demo school: a union officer changes a student's
/// study result for semester 1, sees on the outstanding-student page why
/// each student is or is not listed (one line per criterion, met or
/// missed), proposes a qualifying student to the pool with a reason, and
/// finds the proposal and the changed result on the students' profiles.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_outstanding_list_and_proposal() {
    let env = Env::with_demo(true).await;
    let b = &env.browser;
    env.login("demo.doan", PW).await;

    // Every listed student: no missed criterion in the first list, exactly one in the second.
    b.goto(&format!("{}/ledger/outstanding", env.base)).await.unwrap();
    env.wait_text("h1", "Học sinh ưu tú").await;
    env.wait_text("#evaluated-on", "Đối chiếu tiêu chí ngày").await;
    let missed = |list: &'static str| {
        let env = &env;
        async move {
            let v = env
                .js(&format!("return [...document.querySelectorAll('#{list} > li')].map(li => [li.querySelector('a').textContent, li.querySelectorAll('li.missed').length, li.querySelectorAll('li.met').length])"))
                .await;
            serde_json::from_value::<Vec<(String, usize, usize)>>(v).unwrap()
        }
    };
    let qualifying = missed("qualifying").await;
    let short = missed("one-short").await;
    assert!(!qualifying.is_empty() && !short.is_empty(), "the demo has students on both lists: {} / {}", qualifying.len(), short.len());
    assert!(qualifying.iter().all(|(_, missed, met)| *missed == 0 && *met == 4), "{qualifying:?}");
    assert!(short.iter().all(|(_, missed, met)| *missed == 1 && *met == 3), "{short:?}");
    env.shot("19-outstanding").await;

    // Lower a qualifying student's study result in semester 1 on the results page.
    let (star, _, _) = qualifying[0].clone();
    let star_href = env.js("return document.querySelector('#qualifying > li a').getAttribute('href')").await;
    let star_id = star_href.as_str().unwrap().trim_start_matches("/students/").to_string();
    b.goto(&format!("{}{}", env.base, star_href.as_str().unwrap())).await.unwrap();
    env.wait_text("#profile-name", &star).await;
    let class_name = b.find(Locator::Css(".facts dd")).await.unwrap().text().await.unwrap();
    b.goto(&format!("{}/ledger/results", env.base)).await.unwrap();
    env.wait_text("h1", "Kết quả học tập").await;
    let class_id = env.js(&format!("return [...document.querySelectorAll('#f-class option')].find(o => o.textContent === '{class_name}').value")).await;
    b.goto(&format!("{}/ledger/results?class={}&period=1", env.base, class_id.as_str().unwrap())).await.unwrap();
    env.wait_text("#results", &star).await;
    env.wait_hydrated().await;
    env.js(&format!("document.querySelector('#s-{star_id}').value = 'dat'; return true")).await;
    env.shot("20-results").await;
    env.click("#results-form button[type=submit]").await;
    env.wait_text("#results-saved", "Đã lưu 1 dòng").await;

    // The profile now explains why the student dropped off the list.
    b.goto(&format!("{}/students/{star_id}", env.base)).await.unwrap();
    env.wait_text("#profile-criteria li.missed", "Đạt ở học kỳ 1 năm học 2025-2026 (cần từ Khá)").await;
    env.wait_text("#timeline", "Kết quả học kỳ 1 năm học 2025-2026: học tập Đạt").await;

    // Propose another qualifying student with a reason.
    b.goto(&format!("{}/ledger/outstanding", env.base)).await.unwrap();
    env.wait_text("#evaluated-on", "Đối chiếu tiêu chí ngày").await;
    env.wait_hydrated().await;
    let now = missed("qualifying").await;
    assert!(!now.iter().any(|(n, _, _)| *n == star), "{star} still qualifies");
    let chosen_href = env.js("return document.querySelector('#qualifying > li a').getAttribute('href')").await;
    let chosen = now[0].0.clone();
    env.click("#qualifying > li input[type=checkbox]").await;
    b.find(Locator::Css("#p-reason")).await.unwrap().send_keys("Tiêu biểu phong trào tình nguyện").await.unwrap();
    env.click("#propose-form button[type=submit]").await;
    env.wait_text("#proposed", "Đã đề nghị 1 học sinh").await;
    env.wait_text("#qualifying > li .badge", "đã đề nghị").await;
    env.shot("21-proposed").await;
    b.goto(&format!("{}{}", env.base, chosen_href.as_str().unwrap())).await.unwrap();
    env.wait_text("#profile-name", &chosen).await;
    env.wait_text("#timeline li.proposal", "Tiêu biểu phong trào tình nguyện").await;
    env.browser.clone().close().await.unwrap();
}

/// A Party cell officer carries a demo student from the source pool to the
/// ceremony: a move is refused first, with its explanation (no certificate,
/// no mentor), then certificate, mentor, introducer and dossier are recorded
/// and every following move goes through its checks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn carry_a_candidate_from_the_pool_to_the_ceremony() {
    let env = Env::with_demo(false).await;
    let b = &env.browser;
    env.login("demo.chibo", PW).await;

    // The board: one student in the pool, proposals waiting for the cell.
    env.click("nav a[href='/pipeline']").await;
    env.wait_text("h1", "Phát triển đảng viên").await;
    env.wait_text("#board section[data-stage='pool']", "1").await;
    env.wait_text("#proposals", "Ghi nhận sự đồng ý").await;
    env.shot("22-board").await;
    let href = env.js("return document.querySelector(\"#board section[data-stage='pool'] li a\").getAttribute('href')").await;
    b.goto(&format!("{}{}", env.base, href.as_str().unwrap())).await.unwrap();
    env.wait_text("#candidate-stage", "Nguồn").await;
    env.wait_hydrated().await;
    let today = env.js("const d = new Date(Date.now() + 7 * 3600e3); return [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()].map((n, i) => String(n).padStart(i < 2 ? 2 : 4, '0')).join('/')").await;
    let today = today.as_str().unwrap().to_string();
    let submit = |form: &'static str| {
        let env = &env;
        async move { env.click(&format!("#{form} button[type=submit]")).await }
    };

    // Pool → awareness class.
    submit("move-form").await;
    env.wait_text("#candidate-stage", "Học lớp nhận thức").await;
    // The next step is explained before anyone tries it, and refused when tried.
    env.wait_text("#next-checks", "Chưa có giấy chứng nhận học lớp nhận thức về Đảng.").await;
    env.wait_text("#next-checks", "Chưa có đảng viên được phân công giúp đỡ.").await;
    submit("move-form").await;
    env.wait_text("#error-list", "Chưa có giấy chứng nhận học lớp nhận thức về Đảng.").await;
    // Each failed check links to where it is fixed on this page.
    env.wait_text("#move-form #error-list a[href='#sec-certificate']", "giấy chứng nhận").await;
    env.wait_text("#move-form #error-list a[href='#sec-people']", "giúp đỡ").await;
    env.wait_text("#sec-certificate h2", "").await;
    env.shot("23-refused").await;
    assert!(env.js("return document.querySelector('#candidate-stage').textContent").await.as_str().unwrap().contains("Học lớp nhận thức"));

    // A certificate with an impossible date is refused at its own form: the field marked, what was typed kept.
    env.fill("number", "215/GCN-TTCT").await;
    env.fill("issued_on", "31/02/2025").await;
    submit("certificate-form").await;
    env.wait_text("#certificate-form #error-list", "Ngày cấp").await;
    env.wait_text("#ct-issued_on-err", "Ngày phải có thật").await;
    assert_eq!(env.js("return document.querySelector('#ct-number').value").await, "215/GCN-TTCT");
    assert_eq!(env.js("return document.querySelector('#ct-issued_on').getAttribute('aria-invalid')").await, "true");
    assert_eq!(env.js("return document.querySelectorAll('#move-form #error-list').length").await, 0, "only the form sent shows the refusal");
    // Certificate and mentor, then the move goes through.
    env.fill("number", "215/GCN-TTCT").await;
    env.fill("issued_on", &today).await;
    submit("certificate-form").await;
    env.wait_text("#certificate", "215/GCN-TTCT").await;
    // Accepted: "Saved." beside the form that was sent, where the page lands.
    env.wait_text("#certificate-form #outcome", "Đã lưu.").await;
    submit("mentor-form").await;
    env.wait_text("#mentors", &today).await;
    env.wait_text("#next-ok", "đủ điều kiện").await;
    submit("move-form").await;
    env.wait_text("#candidate-stage", "Đối tượng").await;
    submit("move-form").await;
    env.wait_text("#candidate-stage", "Hoàn thiện hồ sơ").await;

    // The dossier names what it still misses.
    env.wait_text("#dossier-missing", "Còn thiếu").await;
    // Overriding the failed checks is never one tap: the first answer lists them and asks again; nothing moves.
    for (name, value) in [("members", "9"), ("present", "9"), ("for_votes", "8"), ("against", "1"), ("abstain", "0")] {
        env.fill(name, value).await;
    }
    env.fill("override_reason", "Thử vượt quy định").await;
    submit("move-form").await;
    env.wait_text("#move-form #error-list", "đánh dấu ô xác nhận").await;
    env.wait_text("#move-form #error-list a[href='#sec-dossier']", "").await;
    assert_eq!(env.js("return document.querySelectorAll('#mv-confirm_override').length").await, 1, "the confirmation box is offered");
    assert_eq!(env.js("return document.querySelector('#mv-confirm_override').checked").await, false, "never ticked in advance");
    env.wait_text("#candidate-stage", "Hoàn thiện hồ sơ").await;
    env.shot("23b-override-asks").await;
    // Introducer and the dossier's documents (status and dates only).
    env.fill("together_since", "05/09/2024").await;
    submit("introducer-form").await;
    env.wait_text("#introducers", "05/09/2024").await;
    for (n, kind) in ["application", "biography", "union_comment", "residence_cell_comment", "union_resolution", "introducer_letter"].into_iter().enumerate() {
        env.js("document.querySelector('#item-form').closest('details').open = true; return true").await;
        // By id: each dossier line has its own update form with a `received_on` field too.
        env.js(&format!("document.querySelector('#it-kind').value = '{kind}'; document.querySelector('#it-status').value = 'received'; document.querySelector('#it-received_on').value = '{today}'; return true")).await;
        submit("item-form").await;
        let deadline = Instant::now() + Duration::from_secs(15);
        while env.js("return document.querySelectorAll('#dossier tbody tr').length").await.as_u64().unwrap() < n as u64 + 1 {
            assert!(Instant::now() < deadline, "dossier line {kind} not shown");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    // The cell's vote: 8 of 9 official members for.
    for (name, value) in [("members", "9"), ("present", "9"), ("for_votes", "8"), ("against", "1"), ("abstain", "0")] {
        env.fill(name, value).await;
    }
    env.shot("24-vote").await;
    submit("move-form").await;
    env.wait_text("#candidate-stage", "Chi bộ đã xét").await;
    // The decision, received today, then the ceremony.
    env.fill("decision_number", "125-QĐ/ĐU").await;
    env.fill("decided_on", &today).await;
    submit("move-form").await;
    env.wait_text("#candidate-stage", "Có quyết định kết nạp").await;
    submit("move-form").await;
    env.wait_text("#candidate-stage", "Lễ kết nạp").await;
    env.wait_text("#history", "Chi bộ đã xét").await;
    env.shot("25-ceremony").await;
    env.browser.clone().close().await.unwrap();
}

/// The demo's mentor on a phone: the task count on the menu, the inbox, a
/// refused assessment explained, then one saved on the template, and the
/// inbox one task lighter.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentor_writes_a_due_assessment_on_a_phone() {
    let env = Env::with_demo(true).await;
    let b = &env.browser;
    env.login("demo.huongdan", PW).await;
    // Both of the mentor's candidates are due an assessment (the demo's last ones are from January 2026).
    env.wait_text("details.menu summary #menu-count", "2").await;
    env.open_menu().await;
    env.click("#menu-tasks-link").await;
    env.wait_text("h1", "Việc cần làm của tôi").await;
    env.wait_text("#tasks", "Đến hạn nhận xét của người giúp đỡ").await;
    assert_eq!(env.js("return document.querySelectorAll('#tasks li').length").await, 2);
    env.shot("30-tasks").await;
    let href = env.js("return document.querySelector('#tasks li a').getAttribute('href')").await;
    b.goto(&format!("{}{}", env.base, href.as_str().unwrap())).await.unwrap();
    env.wait_text("#assessments h2", "Nhận xét của đảng viên giúp đỡ").await;
    env.wait_hydrated().await;
    let before = env.js("return document.querySelectorAll('#assessments li.assessment').length").await.as_u64().unwrap();
    // The forecast of the remaining steps is there for the mentor too.
    env.wait_text("#forecast", "Đảng viên chính thức").await;
    // The form is open since the assessment is due; sent empty, it is refused and explained.
    env.click("#assessment-form button[type=submit]").await;
    env.wait_text("#assessments #error-list", "Không được để trống.").await;
    // Each refused field is named by its label in the form's summary, which links to the field's own message.
    env.wait_text("#assessments #error-list", "Ưu điểm").await;
    let link = env.js("return document.querySelector('#assessment-form #error-list a').getAttribute('href')").await;
    let target = link.as_str().unwrap().trim_start_matches('#').to_string();
    assert!(target.starts_with("as-"), "{target}");
    env.wait_text(&format!("#{target}"), "Không được để trống.").await;
    env.shot("31-assessment-refused").await;
    env.js("document.querySelector('#as-political').value = 'good'; document.querySelector('#as-study').value = 'fair'; \
            document.querySelector('#as-recommendation').value = 'ready'; return true").await;
    for (id, text) in [("as-strengths", "Gương mẫu, có trách nhiệm với tập thể lớp."), ("as-to_improve", "Mạnh dạn góp ý trong sinh hoạt chi đoàn.")] {
        let el = b.find(Locator::Css(&format!("#{id}"))).await.unwrap();
        el.send_keys(text).await.unwrap();
    }
    env.click("#assessment-form button[type=submit]").await;
    env.wait_text("#assessment-saved", "Đã lưu nhận xét.").await;
    env.wait_text("#assessments li.assessment", "Đủ điều kiện xét bước tiếp theo").await;
    let after = env.js("return document.querySelectorAll('#assessments li.assessment').length").await.as_u64().unwrap();
    assert_eq!(after, before + 1);
    env.wait_text("#next-assessment", "Lần nhận xét tiếp theo đến hạn").await;
    env.shot("32-assessment-saved").await;
    // The menu's count follows on the page the form returns to.
    env.wait_text("details.menu summary #menu-count", "1").await;
    // The inbox, loaded again, has one task left.
    b.goto(&format!("{}/tasks", env.base)).await.unwrap();
    env.wait_text("#tasks", "Đến hạn nhận xét").await;
    assert_eq!(env.js("return document.querySelectorAll('#tasks li').length").await, 1);
    env.wait_text("details.menu summary #menu-count", "1").await;
    env.browser.clone().close().await.unwrap();
}

/// The demo's Party cell officer: enrols the pool's student in the training
/// centre's next class (places counted), records a joint meeting, and keeps
/// the calendar (a day off added, the reminders' numbers saved).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cell_keeps_classes_meetings_and_the_calendar() {
    let env = Env::with_demo(false).await;
    let b = &env.browser;
    env.login("demo.chibo", PW).await;
    env.click("nav a[href='/pipeline']").await;
    env.wait_text("h1", "Phát triển đảng viên").await;
    env.wait_text(".subnav", "Lớp nhận thức về Đảng").await;
    env.wait_hydrated().await;
    // A decline without its reason is refused on that proposal's own form, the choice kept.
    env.js("document.querySelector('#proposals .decide-form select[name=decision]').value = 'decline'; return true").await;
    env.click("#proposals .decide-form button[type=submit]").await;
    env.wait_text("#proposals .decide-form #error-list", "Lý do").await;
    assert_eq!(env.js("return document.querySelector('#proposals .decide-form select[name=decision]').value").await, "decline");
    assert_eq!(env.js("return document.querySelectorAll('#error-list').length").await, 1, "one summary: the form sent");
    // One click moves the pool's student on; the next one-click move is checked and refused with its reasons.
    env.click("#board section[data-stage='pool'] .quick-move button").await;
    env.wait_text("#board section[data-stage='awareness_class'] h2 .count", "3").await;
    env.click("#board section[data-stage='awareness_class'] li:first-child .quick-move button").await;
    env.wait_text("#error-list", "Chưa có giấy chứng nhận học lớp nhận thức về Đảng.").await;
    env.shot("36-board-quick-move").await;
    env.click(".subnav a[href^='/classes']").await;
    env.wait_text("h1", "Lớp nhận thức về Đảng").await;
    env.wait_text("#classes li:first-child", "Lớp bồi dưỡng nhận thức về Đảng khóa 2/").await;
    env.wait_text("#classes li:first-child", "2/60").await;
    // A class without a name is refused, with the reason.
    env.js("document.querySelector('#class-form').closest('details').open = true; return true").await;
    env.click("#class-form button[type=submit]").await;
    env.wait_text("#error-list", "Không được để trống.").await;
    // The pool's student (first in the list) into the next class.
    env.click("#classes li:first-child .enrol-form button[type=submit]").await;
    env.wait_text("#classes li:first-child", "3/60").await;
    env.shot("33-classes").await;
    // Everyone waiting is now in a class: nobody is offered again, and the class not yet begun has no completion form.
    assert_eq!(env.js("return document.querySelectorAll('#classes li:first-child .enrol-form').length").await, 0);
    assert_eq!(env.js("return document.querySelectorAll('#classes li:first-child .complete-form').length").await, 0);

    // A joint meeting about two of the students.
    env.wait_text(".subnav", "Họp liên tịch").await;
    env.click(".subnav a[href^='/meetings']").await;
    env.wait_text("h1", "Họp liên tịch").await;
    env.wait_text("#meetings", "Họp ngày 14/10/2025").await;
    env.wait_hydrated().await;
    env.js("document.querySelector('#meeting-form').closest('details').open = true; \
            document.querySelectorAll('#meeting-form input[type=checkbox]').forEach((c, i) => c.checked = i < 2); return true").await;
    for (id, text) in [("mt-attendees", "Đồng chí Bí thư chi bộ, Bí thư Đoàn trường"), ("mt-decisions", "Đoàn trường tiếp tục theo dõi, bồi dưỡng hai em.")] {
        b.find(Locator::Css(&format!("#{id}"))).await.unwrap().send_keys(text).await.unwrap();
    }
    // A note on the first student discussed.
    b.find(Locator::Css("#meeting-form input[name='notes[]']")).await.unwrap().send_keys("Cần rèn thêm kỹ năng thuyết trình").await.unwrap();
    env.click("#meeting-form button[type=submit]").await;
    env.wait_text("#meetings", "Đoàn trường tiếp tục theo dõi").await;
    env.wait_text("#meetings .discussed-list .note", "Cần rèn thêm kỹ năng thuyết trình").await;
    assert_eq!(env.js("return document.querySelectorAll('#meetings > li').length").await, 2);
    env.shot("34-meetings").await;

    // The calendar: a day off added moves deadlines; the reminders' numbers saved.
    env.wait_text(".subnav", "Lịch làm việc").await;
    env.click(".subnav a[href^='/calendar']").await;
    env.wait_text("h1", "Lịch làm việc và nhắc việc").await;
    env.wait_text("#holidays", "Giỗ Tổ Hùng Vương").await;
    env.wait_hydrated().await;
    let year = env.js("return document.querySelector('#h-year').value").await;
    let day = format!("31/12/{}", year.as_str().unwrap());
    env.fill("day", &day).await;
    env.fill("name", "Nghỉ theo quyết định của UBND tỉnh").await;
    env.click("#holiday-form button[type=submit]").await;
    env.wait_text("#holidays", "Nghỉ theo quyết định của UBND tỉnh").await;
    env.wait_text("#holidays", &day).await;
    env.fill("assessment_every_months", "3").await;
    env.click("#watch-form button[type=submit]").await;
    env.wait_text("#watch-saved", "Đã lưu.").await;
    env.shot("35-calendar").await;
    env.browser.clone().close().await.unwrap();
}

/// Every page of every role fits a 360 px phone: nothing makes the page
/// itself scroll sideways (wide tables scroll inside their own frame).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_phone() {
    let env = Env::with_demo(true).await;
    let overflow = "const w = window.innerWidth; \
                    const wide = [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > w + 1); \
                    return [document.documentElement.scrollWidth - w, wide.slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')]";
    // A candidacy and a student to open, found on their lists.
    let first_href = |list: &'static str| {
        let env = &env;
        async move { env.js(&format!("const a = document.querySelector(\"{list}\"); return a ? a.getAttribute('href') : ''")).await.as_str().unwrap().to_string() }
    };
    let mut who = "";
    env.visit_as(&mut who, "demo.chibo", "/pipeline", "Phát triển đảng viên").await;
    let candidacy = first_href("#board li a").await;
    env.visit_as(&mut who, "demo.chibo", "/students", "").await;
    let student = first_href("#student-table td.name a").await;
    assert!(candidacy.starts_with("/pipeline/") && student.starts_with("/students/"), "{candidacy} {student}");
    let student_lines = student.replace("/students/", "/ledger/student/");
    let pages: Vec<(&str, String)> = [
        ("demo.doan", vec!["/", "/ledger", "/ledger/log", "/ledger/review", "/ledger/activities", "/ledger/results", "/ledger/classification", "/ledger/outstanding", "/students", "/account"]),
        ("demo.chibo", vec!["/", "/pipeline", "/tasks", "/classes", "/meetings", "/calendar", "/privacy", "/students"]),
        ("demo.huongdan", vec!["/", "/pipeline", "/tasks", "/ledger", "/ledger/log"]),
        ("admin", vec!["/", "/admin/users", "/admin/staff", "/admin/org", "/admin/years", "/admin/audit", "/admin/import", "/admin/rules", "/privacy", "/tasks", "/oversight/plans"]),
        ("demo.capuy", vec!["/", "/oversight", "/oversight?period=last_year", "/oversight/plans", "/pipeline", "/documents", "/documents/report"]),
        ("demo.chibo", vec!["/oversight"]),
    ]
    .into_iter()
    .flat_map(|(user, paths)| paths.into_iter().map(move |p| (user, p.to_string())))
    .chain([("demo.chibo", candidacy.clone()), ("demo.doan", student.clone()), ("demo.doan", student_lines.clone())])
    .collect();
    for (user, path) in pages {
        env.visit_as(&mut who, user, &path, "").await;
        env.wait_hydrated().await;
        let shot = format!("40-phone-{}{}", user.replace('.', "-"), path.replace('/', "-"));
        env.shot(&shot).await;
        let measured = env.js(overflow).await;
        assert_eq!(measured[0], 0, "{path} as {user} scrolls sideways on a 360 px phone; too wide: {}", measured[1]);
    }
    env.browser.clone().close().await.unwrap();
}

/// Each demo account signs in on a phone and finds its day's work on the
/// first screen; logging the same class twice asks first; the second
/// officer is told entries wait, reviews them grouped by logging with a
/// working "tick all" per page and per logging; the officer who logged
/// learns of the rejection and its reason; a mentor meets no dead end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_finds_its_day_on_a_phone() {
    let env = Env::with_demo(true).await;
    let b = &env.browser;
    let mut who = "";
    let count = |css: &'static str| {
        let env = &env;
        async move { env.js(&format!("return document.querySelectorAll(\"{css}\").length")).await.as_u64().unwrap() }
    };

    // The union officer's home: nothing to review, the week, the leaderboard's top.
    env.visit_as(&mut who, "demo.doan", "/", "Xin chào").await;
    env.wait_text("#home-union h2", "Đoàn trường").await;
    env.wait_text("#home-to-review", "Không có điểm nào chờ bạn duyệt").await;
    assert_eq!(count("#home-top li").await, 5);
    env.shot("50-home-union").await;

    // Log a class: the date is offered inside the activity's period; the same again asks first.
    env.visit_as(&mut who, "demo.doan", "/ledger/log", "Ghi điểm").await;
    let activity = env.js("return [...document.querySelectorAll('#f-activity option')].find(o => o.textContent.startsWith('Chủ nhật xanh')).value").await;
    let class = env.js("return [...document.querySelectorAll('#f-class option')].find(o => o.textContent === '10A2').value").await;
    let form = format!("/ledger/log?activity={}&class={}", activity.as_str().unwrap(), class.as_str().unwrap());
    env.visit_as(&mut who, "demo.doan", &form, "Ghi điểm").await;
    env.wait_text("#log-form", "Ghi điểm cho").await;
    assert_eq!(env.js("return document.querySelector('#f-on').value").await, "31/05/2026", "today is after the year: its last day is offered");
    env.wait_text("#f-on-hint", "14/09/2025").await;
    let size = count("#log-form input[name='students[]']:checked").await;
    env.click("#log-form button[type=submit]").await;
    env.wait_text("#logged", &format!("Đã ghi điểm cho {size} học sinh")).await;
    env.visit_as(&mut who, "demo.doan", &form, "Ghi điểm").await;
    env.click("#log-form button[type=submit]").await;
    env.wait_text("#log-form", "đã được ghi hoạt động này vào ngày này").await;
    env.shot("51-log-again-asks").await;
    env.click("#f-repeat").await;
    env.click("#log-form button[type=submit]").await;
    env.wait_text("#logged", &format!("Đã ghi điểm cho {size} học sinh")).await;

    // The second officer is told on the home page, and reviews by logging.
    env.visit_as(&mut who, "demo.doan2", "/", "Xin chào").await;
    env.wait_text("#home-to-review", &format!("{} lượt điểm (2 lần ghi)", 2 * size)).await;
    env.shot("52-home-waiting").await;
    env.click("#home-to-review a").await;
    env.wait_text("h1", "Duyệt điểm").await;
    env.wait_hydrated().await;
    assert_eq!(count("#review-form fieldset.batch").await, 2);
    env.wait_text("#batch-0 .batch-facts", "10A2").await;
    env.wait_text("#batch-0 .batch-facts", "demo.doan").await;
    env.wait_text("#batch-0 .batch-facts", "+5 điểm mỗi em").await;
    assert_eq!(count("#review-form input[name='entries[]']:checked").await, 2 * size, "all ticked at first");
    // The page's "tick all" clears everything; a logging's own ticks just that logging.
    env.click("#review-form-tick-all").await;
    assert_eq!(count("#review-form input[name='entries[]']:checked").await, 0);
    env.click("#batch-1-tick-all").await;
    assert_eq!(count("#review-form input[name='entries[]']:checked").await, size);
    assert_eq!(count("#batch-1 input[name='entries[]']:checked").await, size);
    env.shot("53-review-grouped").await;
    env.js("document.querySelector('#f-decision').value = 'reject'; return true").await;
    env.fill("reason", "Ghi trùng lần thứ hai").await;
    env.click("#review-form button[type=submit]").await;
    env.wait_text("#reviewed", &format!("Đã ghi nhận quyết định cho {size} lượt điểm")).await;
    assert_eq!(count("#review-form fieldset.batch").await, 1, "the other logging still waits");

    // The officer who logged learns of it, with the reason.
    env.visit_as(&mut who, "demo.doan", "/", "Xin chào").await;
    env.wait_text("#home-rejected", "Ghi trùng lần thứ hai").await;
    env.shot("54-home-rejected").await;

    // The cell: the proposal waiting, the tasks, the board's warnings.
    env.visit_as(&mut who, "demo.chibo", "/", "Xin chào").await;
    env.wait_text("#home-proposals", "1 đề xuất").await;
    env.wait_text("#home-cell", "Việc cần làm").await;
    env.shot("55-home-cell").await;

    // The mentor: their two candidates and the next assessment; no link to the cell's own pages, no logging form.
    env.visit_as(&mut who, "demo.huongdan", "/", "Xin chào").await;
    assert_eq!(count("#home-mentored li").await, 2);
    env.wait_text("#home-mentored", "Nhận xét tiếp theo").await;
    env.shot("56-home-mentor").await;
    env.visit_as(&mut who, "demo.huongdan", "/pipeline", "Phát triển đảng viên").await;
    assert_eq!(count(".subnav a[href^='/classes'], .subnav a[href^='/meetings'], .subnav a[href^='/calendar']").await, 0);
    env.visit_as(&mut who, "demo.huongdan", "/ledger/log", "Ghi điểm").await;
    env.wait_text("#not-a-logger", "Chỉ cán bộ Đoàn trường").await;
    assert_eq!(count("#log-form").await, 0);
    // A page not found says why and where to go.
    b.goto(&format!("{}/pipeline/999999", env.base)).await.unwrap();
    env.wait_text("#go-home", "Về trang chủ").await;

    // The administrator: what the school still misses (the demo's year has ended).
    env.visit_as(&mut who, "admin", "/", "Xin chào").await;
    env.wait_text("#home-setup", "Tạo năm học").await;
    env.shot("57-home-admin").await;
    env.browser.clone().close().await.unwrap();
}

/// On the release build: the islands come to life (the class-logging form's
/// "tick all" box appears and unticks the whole class without a page load),
/// the page carries no copy of its data for hydration, and a repeat visit
/// takes every asset from the browser's cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn islands_are_live_and_assets_cached() {
    let env = Env::with_demo(true).await;
    let b = &env.browser;
    env.login("demo.doan", PW).await;
    b.goto(&format!("{}/ledger/log", env.base)).await.unwrap();
    env.wait_text("h1", "Ghi điểm").await;
    let choose = "const a = [...document.querySelectorAll('#f-activity option')].find(o => o.textContent.startsWith('Chủ nhật xanh')); \
                  document.querySelector('#f-activity').value = a.value; \
                  document.querySelector('#f-class').value = document.querySelector('#f-class option:nth-child(2)').value; return true";
    env.js(choose).await;
    env.click("#log-choose button[type=submit]").await;
    env.wait_text("#log-form", "Ghi điểm cho").await;
    let html = b.source().await.unwrap();
    // Leptos' bookkeeping arrays stay empty: no copy of the page's data for hydration.
    let resolved = html.matches("__RESOLVED_RESOURCES").count();
    assert!(resolved > 0 && resolved == html.matches("__RESOLVED_RESOURCES=[];").count(), "data serialised for hydration");
    assert!(html.contains("<leptos-island"), "the page has its islands");
    // The island's box shows once the wasm is live.
    let deadline = Instant::now() + Duration::from_secs(20);
    while env.js("return document.querySelector('.tick-all').hidden").await != serde_json::Value::Bool(false) {
        assert!(Instant::now() < deadline, "the tick-all island never came to life");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    env.js("window.__nguonMarker = 5; return true").await;
    let ticked = "return document.querySelectorAll('#log-form input[name=\"students[]\"]:checked').length";
    assert!(env.js(ticked).await.as_u64().unwrap() > 30, "the class is ticked by default");
    env.click(".tick-all input").await;
    assert_eq!(env.js(ticked).await, 0, "unticked by the island");
    env.click(".tick-all input").await;
    assert!(env.js(ticked).await.as_u64().unwrap() > 30, "ticked again");
    assert_eq!(env.js("return window.__nguonMarker").await, 5, "no page load: the island reacted in the browser");
    env.shot("50-island-tick-all").await;
    // A repeat visit: the stylesheet, the loader and the wasm come from the cache.
    b.goto(&format!("{}/ledger", env.base)).await.unwrap();
    env.wait_text("h1", "Bảng xếp hạng").await;
    env.wait_hydrated().await;
    let fetched = env
        .js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/pkg/') && e.transferSize > 0).map(e => e.name)")
        .await;
    assert_eq!(fetched, serde_json::json!([]), "assets downloaded again on a repeat visit");
    env.browser.clone().close().await.unwrap();
}

/// With JavaScript turned off in the browser every page of every demo role
/// renders, and forms work as plain posts: a refused one explains itself next
/// to the form with the values kept, an accepted one says what changed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_works_without_javascript() {
    let env = Env::with_demo_js(true, false).await;
    let b = &env.browser;
    let pages = [
        ("demo.doan", "/", "Xin chào"),
        ("demo.doan", "/students", "học sinh"),
        ("demo.doan", "/ledger", "Bảng xếp hạng"),
        ("demo.doan", "/ledger/log", "Ghi điểm"),
        ("demo.doan", "/ledger/review", "Duyệt"),
        ("demo.doan", "/ledger/activities", "Danh mục"),
        ("demo.doan", "/ledger/results", "Kết quả"),
        ("demo.doan", "/ledger/classification", "Xếp loại đoàn viên"),
        ("demo.doan", "/ledger/outstanding", "ưu tú"),
        ("demo.doan", "/account", "Tài khoản"),
        ("demo.chibo", "/pipeline", "Phát triển đảng viên"),
        ("demo.chibo", "/tasks", "Việc cần làm của tôi"),
        ("demo.chibo", "/classes", "Lớp nhận thức về Đảng"),
        ("demo.chibo", "/meetings", "Họp liên tịch"),
        ("demo.chibo", "/calendar", "Lịch làm việc và nhắc việc"),
        ("demo.chibo", "/privacy", "Yêu cầu về dữ liệu cá nhân"),
        ("demo.huongdan", "/tasks", "Việc cần làm của tôi"),
        ("admin", "/admin/org", "Cơ cấu tổ chức"),
        ("admin", "/admin/years", "Năm học"),
        ("admin", "/admin/import", "Nhập danh sách học sinh"),
        ("admin", "/admin/staff", "Cán bộ"),
        ("admin", "/admin/users", "tài khoản"),
        ("admin", "/admin/audit", "Nhật ký"),
        ("admin", "/admin/rules", "Quy định về thủ tục kết nạp"),
        ("admin", "/privacy", "Yêu cầu về dữ liệu cá nhân"),
        ("admin", "/tasks", "Việc cần làm của tôi"),
    ];
    let mut who = "";
    for (user, path, title) in pages {
        env.visit_as(&mut who, user, path, title).await;
        // Only WebDriver's own commands here: the page runs no script at all.
        let errors = b.find_all(Locator::Css(".alert.error")).await.unwrap();
        assert!(errors.is_empty(), "{path} as {user} shows an error");
        // The wasm never ran: the islands' boxes stay hidden.
        for tick_all in b.find_all(Locator::Css(".tick-all")).await.unwrap() {
            assert!(tick_all.attr("hidden").await.unwrap().is_some(), "{path}");
        }
    }
    // A candidacy page, reached by its link.
    b.delete_all_cookies().await.unwrap();
    env.login("demo.chibo", PW).await;
    b.goto(&format!("{}/pipeline", env.base)).await.unwrap();
    env.wait_text("h1", "Phát triển đảng viên").await;
    let link = b.find(Locator::Css("#board a[href^='/pipeline/']")).await.unwrap().attr("href").await.unwrap().unwrap();
    b.goto(&format!("{}{link}", env.base)).await.unwrap();
    env.wait_text("#forecast", "Đảng viên chính thức").await;

    // Logging for a class without JavaScript: refused first (no date), then accepted.
    b.delete_all_cookies().await.unwrap();
    env.login("demo.doan", PW).await;
    b.goto(&format!("{}/ledger/log", env.base)).await.unwrap();
    env.wait_text("h1", "Ghi điểm").await;
    let mut activity = String::new();
    for option in b.find_all(Locator::Css("#f-activity option")).await.unwrap() {
        if option.text().await.unwrap().starts_with("Chủ nhật xanh") {
            activity = option.attr("value").await.unwrap().unwrap();
        }
    }
    let class = b.find(Locator::Css("#f-class option:nth-child(2)")).await.unwrap().attr("value").await.unwrap().unwrap();
    b.goto(&format!("{}/ledger/log?activity={activity}&class={class}", env.base)).await.unwrap();
    env.wait_text("#log-form", "Ghi điểm cho").await;
    env.fill("occurred_on", "").await;
    env.fill("evidence", "Danh sách ký nhận").await;
    env.press_enter("evidence").await;
    env.wait_text("#outcome", "").await;
    env.shot("51-nojs-log-refused").await;
    let evidence = b.find(Locator::Css("input[name=evidence]")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(evidence.as_deref(), Some("Danh sách ký nhận"), "values kept");
    // The summary names the wrong field and links to its message, under the field.
    env.wait_text("#outcome .error-summary a[href='#f-occurred_on-err']", "Ngày: Không được để trống.").await;
    env.wait_text("#f-occurred_on-err .field-error", "Không được để trống.").await;
    env.fill("occurred_on", "16/03/2026").await;
    env.press_enter("occurred_on").await;
    env.wait_text("#logged", "Đã ghi").await;
    env.shot("52-nojs-log-done").await;
    env.browser.clone().close().await.unwrap();
}
