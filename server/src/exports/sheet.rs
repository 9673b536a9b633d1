//! The exports' sheets written as `.xlsx`: a bold, frozen header
//! row with a filter, sensible column widths, numbers as numbers and dates
//! as real Excel dates shown dd/mm/yyyy.

use nguon_app::exports::{Cell, Sheet};
use nguon_domain::AppError;
use rust_xlsxwriter::{Format, FormatBorder, Workbook};

fn width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) => s.chars().count(),
        Cell::Int(n) => n.to_string().len(),
        Cell::Num(_) => 6,
        Cell::Date(_) => 10,
        Cell::Time(_) => 16,
        Cell::Empty => 0,
    }
}

/// A sheet name Excel accepts.
fn tab_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    clean.chars().take(31).collect()
}

/// The workbook's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, AppError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_background_color(0xE8ECF2).set_border_bottom(FormatBorder::Thin).set_text_wrap();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let moment = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let decimal = Format::new().set_num_format("0.0");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(tab_name(&s.name)).map_err(AppError::internal)?;
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &header).map_err(AppError::internal)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(t) => ws.write_string(r, c, t).map(|_| ()),
                    Cell::Int(n) => ws.write_number(r, c, *n as f64).map(|_| ()),
                    Cell::Num(x) => ws.write_number_with_format(r, c, *x, &decimal).map(|_| ()),
                    Cell::Date(d) => ws.write_datetime_with_format(r, c, d, &day).map(|_| ()),
                    Cell::Time(t) => ws.write_datetime_with_format(r, c, t, &moment).map(|_| ()),
                    Cell::Empty => Ok(()),
                }
                .map_err(AppError::internal)?;
            }
        }
        for c in 0..s.headers.len() {
            let longest = s.rows.iter().filter_map(|r| r.get(c)).map(width).chain([s.headers[c].chars().count().min(24)]).max().unwrap_or(8);
            ws.set_column_width(c as u16, (longest as f64 + 2.0).clamp(6.0, 60.0)).map_err(AppError::internal)?;
        }
        ws.set_freeze_panes(1, 0).map_err(AppError::internal)?;
        if !s.rows.is_empty() && !s.headers.is_empty() {
            ws.autofilter(0, 0, s.rows.len() as u32, s.headers.len() as u16 - 1).map_err(AppError::internal)?;
        }
    }
    book.save_to_buffer().map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_names_are_cleaned() {
        assert_eq!(tab_name("Cơ cấu [2026]/năm"), "Cơ cấu 2026năm");
        assert_eq!(tab_name(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn a_workbook_is_a_zip() {
        let mut s = Sheet::new("Danh sách", &["Họ và tên", "Ngày sinh", "Điểm"]);
        s.rows.push(vec![Cell::text("Nguyễn Văn An"), Cell::Date(chrono::NaiveDate::from_ymd_opt(2008, 5, 1).unwrap()), Cell::Int(12)]);
        let bytes = workbook(&[s]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
