//! Excel exports over HTTP on both engines, with the demo school: each
//! export has the rows of its page with the same filters and permissions,
//! read back as a spreadsheet program reads them — Vietnamese headers,
//! numbers as numbers, days as real dates — and each one is audited.

mod common;
use common::*;

use calamine::{Data, Reader, Xlsx};
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::audit_log;
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// A downloaded workbook: each sheet's name and rows (the header first).
struct Book {
    sheets: Vec<(String, Vec<Vec<Data>>)>,
}

impl Book {
    fn sheet(&self, name: &str) -> &Vec<Vec<Data>> {
        &self.sheets.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no sheet {name}: {:?}", self.names())).1
    }

    fn names(&self) -> Vec<&str> {
        self.sheets.iter().map(|(n, _)| n.as_str()).collect()
    }
}

fn header(rows: &[Vec<Data>]) -> Vec<String> {
    rows[0].iter().map(|c| c.to_string()).collect()
}

async fn download(s: &Server, path: &str, cookie: Option<&str>) -> Result<Book, u16> {
    let res = s.page(path, cookie).await;
    let status = res.status().as_u16();
    if status != 200 {
        return Err(status);
    }
    assert_eq!(res.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(res.headers()["content-disposition"].to_str().unwrap().ends_with(".xlsx\""));
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a readable workbook");
    let names = book.sheet_names().to_vec();
    let sheets = names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect();
    Ok(Book { sheets })
}

async fn json(s: &Server, name: &str, form: &[(&str, &str)], cookie: &str) -> serde_json::Value {
    s.call(name, form, Some(cookie)).await.json().await.unwrap()
}

async fn exports_follow_their_pages(t: TestDb) {
    let s = Server::with_admin(t, |_| {}).await;
    nguon_domain::demo::load(&s.db, &AuditContext::default(), PW, 88).await.unwrap();
    let doan = s.login("demo.doan", PW).await.unwrap();
    let chibo = s.login("demo.chibo", PW).await.unwrap();
    let capuy = s.login("demo.capuy", PW).await.unwrap();
    let admin = s.login("admin", PW).await.unwrap();
    let mut exported = 0;

    // Not signed in, an unknown export, a page the role may not see.
    assert_eq!(download(&s, "/export/leaderboard", None).await.err(), Some(401));
    assert_eq!(download(&s, "/export/secrets", Some(&doan)).await.err(), Some(404));
    assert_eq!(download(&s, "/export/board", Some(&doan)).await.err(), Some(404), "a union officer sees no candidate");
    assert_eq!(download(&s, "/export/dashboard", Some(&doan)).await.err(), Some(403));
    assert_eq!(download(&s, "/export/leaderboard?semester=9", Some(&doan)).await.err(), Some(400), "a bad filter is bad input");

    // The leaderboard: every rank of the page's list, points as numbers.
    let page = json(&s, "leaderboard_view", &[("year", ""), ("scope", ""), ("semester", ""), ("category", ""), ("q", ""), ("show", "100000")], &doan).await;
    let book = download(&s, "/export/leaderboard", Some(&doan)).await.unwrap();
    exported += 1;
    let rows = book.sheet("Bảng xếp hạng");
    assert_eq!(header(rows), ["Hạng", "Họ và tên", "Lớp", "Điểm"]);
    assert_eq!(rows.len() - 1, page["ranks"]["total"].as_u64().unwrap() as usize);
    assert_eq!(rows[1][0], Data::Float(1.0));
    assert!(rows[1..].iter().all(|r| matches!(r[3], Data::Float(_))), "points are numbers");
    assert_eq!(rows[1][1].to_string(), page["ranks"]["rows"][0]["name"].as_str().unwrap());

    // Students of grade 10: the page's filter applies; birthdays are dates.
    let form = [("school", ""), ("q", ""), ("grade", "10"), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")];
    let page = json(&s, "students_view", &form, &doan).await;
    let book = download(&s, "/export/students?grade=10", Some(&doan)).await.unwrap();
    exported += 1;
    let rows = book.sheet("Học sinh");
    assert_eq!(header(rows)[..7], ["Mã học sinh", "Họ và tên đệm", "Tên", "Ngày sinh", "Lớp", "Khối", "Ngày vào Đoàn"]);
    assert_eq!(rows.len() - 1, page["list"]["total"].as_u64().unwrap() as usize);
    assert!(rows[1..].iter().all(|r| r[5] == Data::Float(10.0)));
    let Data::DateTime(born) = &rows[1][3] else { panic!("a date: {:?}", rows[1][3]) };
    let first_born = page["list"]["rows"][0]["date_of_birth"].as_str().unwrap();
    assert_eq!(born.as_datetime().unwrap().date().to_string(), first_born);

    // The board: the cell's eight candidacies, the day each entered its stage.
    let board = json(&s, "board_view", &[("school", "")], &chibo).await;
    let book = download(&s, "/export/board", Some(&chibo)).await.unwrap();
    exported += 1;
    let rows = book.sheet("Bảng theo dõi");
    assert_eq!(rows.len() - 1, board["cards"].as_array().unwrap().len());
    assert!(rows[1..].iter().all(|r| matches!(r[3], Data::DateTime(_)) && matches!(r[4], Data::Float(_))));
    assert!(rows[1..].iter().any(|r| r[2].to_string() == "Đảng viên dự bị"), "the demo's admitted students");

    // Tasks and the outstanding lists.
    let tasks = s.call("my_tasks", &[], Some(&chibo)).await.json::<serde_json::Value>().await.unwrap();
    let book = download(&s, "/export/tasks", Some(&chibo)).await.unwrap();
    exported += 1;
    assert_eq!(book.sheet("Việc cần làm").len() - 1, tasks.as_array().unwrap().len());
    let book = download(&s, "/export/outstanding", Some(&doan)).await.unwrap();
    exported += 1;
    assert_eq!(book.names(), ["Đủ tiêu chuẩn", "Thiếu một tiêu chuẩn"]);

    // The dashboard of the last 200 days: the demo's three admissions; small counts stay hidden.
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let from = (today - chrono::Duration::days(200)).format("%d/%m/%Y").to_string();
    let path = format!("/export/dashboard?period=custom&from={from}&to={}", today.format("%d/%m/%Y"));
    let book = download(&s, &path, Some(&capuy)).await.unwrap();
    exported += 1;
    assert_eq!(book.names(), ["Từng trường", "Theo tháng", "Các bước", "Thời gian mỗi bước", "Ra khỏi quy trình", "Dừng lâu", "Cơ cấu"]);
    let schools = book.sheet("Từng trường");
    assert_eq!(schools.len(), 2);
    assert_eq!(schools[1][0].to_string(), "THPT Tân Hà (demo)");
    assert_eq!(schools[1][2], Data::Float(3.0));
    let months = book.sheet("Theo tháng");
    assert!(months[1..].iter().all(|r| matches!(r[0], Data::DateTime(_))));
    assert_eq!(months[1..].iter().map(|r| if let Data::Float(x) = r[1] { x } else { 0.0 }).sum::<f64>(), 3.0);
    assert!(book.sheet("Cơ cấu")[1..].iter().any(|r| r[2].to_string() == "< 5"), "three admissions are fewer than five");
    assert!(book.sheet("Cơ cấu")[1..].iter().all(|r| r[2].to_string() == "< 5" || matches!(r[2], Data::Float(x) if x >= 5.0)));
    let book = download(&s, "/export/funnel", Some(&chibo)).await.unwrap();
    exported += 1;
    assert_eq!(book.sheet("Các bước").len() - 1, 8);

    // The audit log, for the administrator: moments as dates, actions in words.
    let book = download(&s, "/export/audit?entity=report", Some(&admin)).await.unwrap();
    exported += 1;
    let rows = book.sheet("Nhật ký");
    assert_eq!(rows.len() - 1, exported - 1, "every export before this one, filtered by the page's filter");
    assert!(rows[1..].iter().all(|r| matches!(r[0], Data::DateTime(_)) && r[2].to_string() == "Xuất dữ liệu" && r[3].to_string() == "Báo cáo Excel"));
    let audited = audit_log::Entity::find().filter(audit_log::Column::Action.eq("export")).filter(audit_log::Column::Entity.eq("report")).count(&s.db).await.unwrap();
    assert_eq!(audited as usize, exported);
}

both_engines!(exports_follow_their_pages);
