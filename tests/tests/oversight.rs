//! Oversight and documents in the browser (release build, headless
//! Chromium): the commune committee's officer follows plan 88-KH/HU on a
//! phone and edits its targets; each print-ready document prints to an A4
//! PDF; the dashboard's workbook downloads.

mod common;
use common::browser::Env;

/// The commune committee's officer on a phone: the home page shows the
/// year against plan 88-KH/HU; the dashboard draws admissions by month
/// against the pace and the funnel, each with its numbers; a drill-down to
/// the school keeps the period and comes back; the plan's targets are
/// edited (a letter refused, nothing changed; a number saved) and the
/// dashboard follows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn superior_officer_follows_the_plan_on_a_phone() {
    let env = Env::with_demo(true).await;
    let mut who = "";
    let count = |css: &'static str| {
        let env = &env;
        async move { env.js(&format!("return document.querySelectorAll(\"{css}\").length")).await.as_u64().unwrap() }
    };
    env.visit_as(&mut who, "demo.capuy", "/", "Xin chào").await;
    env.wait_text("#home-oversight", "88-KH/HU").await;
    env.wait_text("#home-oversight", "Đảng ủy xã Tân Hà (demo)").await;
    env.wait_text("#fig-target", "5").await;
    env.shot("60-home-superior").await;

    // The last 200 days hold the demo's three ceremonies (one, three and six months ago).
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let from = (today - chrono::Duration::days(200)).format("%d/%m/%Y").to_string();
    let to = today.format("%d/%m/%Y").to_string();
    let path = format!("/oversight?period=custom&from={from}&to={to}");
    env.visit_as(&mut who, "demo.capuy", &path, "Tiến độ").await;
    env.wait_text("#fig-admitted", "3").await;
    env.wait_text("#period-line", &from).await;
    assert_eq!(count("#chart-months rect.bar").await, 3, "a bar for each month with a ceremony");
    assert_eq!(count("#chart-months polyline.line-total").await, 1);
    assert!(count("#chart-funnel rect.bar").await >= 5);
    assert_eq!(count("#funnel-table tbody tr").await, 8);
    assert!(count("#dash-breakdowns table").await == 4);
    env.wait_text("#dash-breakdowns", "< 5").await;
    let wide = env.js("return document.documentElement.scrollWidth - window.innerWidth").await;
    assert_eq!(wide, 0, "the dashboard fits a 360 px phone");
    env.shot("61-dashboard-phone").await;

    // Drill into the school: the period is kept; then back to every school.
    env.click("#schools-table td.name a").await;
    env.wait_text("#schools-table", "THPT Tân Hà (demo)").await;
    let url = env.js("return location.search").await;
    assert!(url.as_str().unwrap().contains("school=") && url.as_str().unwrap().contains("period=custom"), "{url}");
    env.wait_text("#fig-admitted", "3").await;
    env.wait_text("#dash-schools", "Xem tất cả các trường").await;
    env.shot("62-dashboard-school").await;

    // The plan's targets: a letter is refused and nothing changes; a number is saved and the dashboard follows.
    env.visit_as(&mut who, "demo.capuy", "/oversight/plans", "Kế hoạch").await;
    env.wait_text("#plans-table", "88-KH/HU").await;
    env.wait_text("#plans-table", "Đảng ủy xã Tân Hà (demo) tiếp tục thực hiện từ 01/07/2025").await;
    env.click("#plans-table td.name a").await;
    env.wait_text("#targets h2", "Chỉ tiêu năm").await;
    env.wait_hydrated().await;
    let scope_field = "#targets-table tr.scope-line input[name='student_members[]']";
    env.js(&format!("document.querySelector(\"{scope_field}\").value = 'bảy'; return true")).await;
    env.click("#targets-form button[type=submit]").await;
    env.wait_text("#targets-form .error-summary", "Huyện ủy Lâm Hà (demo)").await;
    env.shot("63-targets-refused").await;
    env.visit_as(&mut who, "demo.capuy", "/", "Xin chào").await;
    env.wait_text("#fig-target", "5").await;
    env.visit_as(&mut who, "demo.capuy", "/oversight/plans", "Kế hoạch").await;
    env.click("#plans-table td.name a").await;
    env.wait_text("#targets h2", "Chỉ tiêu năm").await;
    env.wait_hydrated().await;
    env.js(&format!("document.querySelector(\"{scope_field}\").value = '7'; return true")).await;
    env.click("#targets-form button[type=submit]").await;
    env.wait_text("#targets-form", "Đã lưu").await;
    env.visit_as(&mut who, "demo.capuy", "/oversight", "Tiến độ").await;
    env.wait_text("#fig-target", "7").await;
    env.browser.clone().close().await.unwrap();
}

/// Pages of a PDF and the size of its first page (points), read from its objects.
fn pdf_pages(pdf: &[u8]) -> (usize, Option<(f64, f64)>) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text.match_indices("/Type /Page").filter(|(i, _)| !text[*i..].starts_with("/Type /Pages")).count();
    let size = text.find("/MediaBox [").and_then(|i| {
        let rest = &text[i + 11..];
        let numbers: Vec<f64> = rest[..rest.find(']')?].split_whitespace().filter_map(|n| n.parse().ok()).collect();
        (numbers.len() == 4).then(|| (numbers[2] - numbers[0], numbers[3] - numbers[1]))
    });
    (pages, size)
}

/// Each document prints to A4 from Chromium: the cell's report (its
/// shortcomings typed on the page), a candidate's progress sheet and the
/// union's resolution; the dashboard's Excel file downloads as a workbook.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_print_on_a4_and_reports_download() {
    use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};
    let env = Env::with_demo(false).await;
    let mut who = "";
    let env = &env;
    let print = |name: &'static str| async move {
        // The official margins: 2.5 cm top and bottom, 3.5 cm left, 1.5 cm right.
        let margins = PrintMargins { top: 2.5, bottom: 2.5, left: 3.5, right: 1.5 };
        let config = PrintConfiguration::builder().size(PrintSize::A4).margins(margins).background(false).build().unwrap();
        let pdf = env.browser.print(config).await.unwrap();
        // Kept beside the screenshots for a person to look at.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.pdf")), &pdf).unwrap();
        pdf
    };
    let a4 = |size: Option<(f64, f64)>| size.is_some_and(|(w, h)| (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0);

    env.visit_as(&mut who, "demo.chibo", "/documents", "Văn bản để in").await;
    env.click("#doc-reports li a").await;
    env.wait_text("#doc-report h2", "BÁO CÁO").await;
    env.wait_text("#doc-report", "ĐẢNG CỘNG SẢN VIỆT NAM").await;
    env.wait_text("#doc-results", "Học sinh được kết nạp vào Đảng").await;
    env.js("document.querySelector('#doc-shortcomings').innerText = 'Một số chi đoàn chưa chủ động giới thiệu đoàn viên ưu tú.'; return true").await;
    let font = env.js("return getComputedStyle(document.querySelector('#doc-report')).fontFamily").await;
    assert!(font.as_str().unwrap().contains("Liberation Serif"), "{font}");
    env.shot("70-report").await;
    let (pages, size) = pdf_pages(&print("70-report").await);
    assert!(a4(size), "A4: {size:?}");
    assert!((1..=2).contains(&pages), "the report fits one or two pages: {pages}");

    // Progress sheets: a candidate preparing the dossier (one page) and a probationary member, whose whole way takes two.
    let progress_of = |stage: &'static str| async move {
        env.js(&format!("return [...document.querySelectorAll('#doc-candidate-list li')].find(li => li.textContent.includes('{stage}')).querySelector('a[href^=\"/documents/progress/\"]').getAttribute('href')")).await.as_str().unwrap().to_string()
    };
    for (stage, shot, want) in [("Hoàn thiện hồ sơ", "71-progress", 1), ("Đảng viên dự bị", "71-progress-probation", 2)] {
        env.visit_as(&mut who, "demo.chibo", "/documents", "Văn bản để in").await;
        let href = progress_of(stage).await;
        env.visit_as(&mut who, "demo.chibo", &href, "Phiếu theo dõi").await;
        env.wait_text("#doc-progress", "PHIẾU THEO DÕI").await;
        env.wait_text("#doc-progress", stage).await;
        env.shot(shot).await;
        let (pages, size) = pdf_pages(&print(shot).await);
        assert!(a4(size) && (1..=want).contains(&pages), "{stage}: at most {want} A4 pages, got {pages} {size:?}");
    }

    // The union officer prints the resolution of a candidate at the dossier stage.
    env.visit_as(&mut who, "demo.doan", "/documents", "Văn bản để in").await;
    env.click("#doc-candidate-list a").await;
    env.wait_text("#doc-resolution", "ĐOÀN TNCS HỒ CHÍ MINH").await;
    env.wait_text("#doc-resolution", "NGHỊ QUYẾT").await;
    env.wait_text("#doc-resolution", "-NQ/ĐTN").await;
    env.js("document.querySelector('#doc-assessment').innerText = 'Có lập trường tư tưởng vững vàng, học tập tốt.'; return true").await;
    env.shot("72-resolution").await;
    let (pages, size) = pdf_pages(&print("72-resolution").await);
    assert!(a4(size) && pages == 1, "one A4 page: {pages} {size:?}");

    // The dashboard's export, fetched as the link would download it.
    env.visit_as(&mut who, "demo.capuy", "/oversight?period=last_year", "Tiến độ").await;
    let href = env.js("return document.querySelector('#export-dashboard').getAttribute('href')").await;
    assert_eq!(href.as_str().unwrap(), "/export/dashboard?period=last_year", "the link keeps the page's filters");
    let fetched = env
        .browser
        .execute_async("const done = arguments[0]; fetch('/export/dashboard?period=last_year').then(async r => done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'), (await r.arrayBuffer()).byteLength]))", vec![])
        .await
        .unwrap();
    assert_eq!(fetched[0], 200);
    assert_eq!(fetched[1], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(fetched[2].as_str().unwrap().contains(".xlsx"));
    assert!(fetched[3].as_u64().unwrap() > 4000, "a workbook: {}", fetched[3]);
    env.browser.clone().close().await.unwrap();
}
