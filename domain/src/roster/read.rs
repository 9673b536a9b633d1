//! Reading uploaded spreadsheets (`.xlsx`, `.csv`) into plain cells, and
//! telling apart text that would be garbled: legacy Vietnamese encodings
//! (TCVN3 and VNI, from the days of 8-bit fonts) are detected and refused.

use chrono::NaiveDate;
use nguon_shared::{AppError, ErrorCode};

/// One cell as the importer needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (numbers are turned into text without a trailing `.0`).
    Text(String),
    /// A cell the spreadsheet stores as a date.
    Date(NaiveDate),
}

impl Cell {
    /// The cell as trimmed text (dates as dd/mm/yyyy).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }
}

/// A sheet: its name and its rows of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Sheet name ("CSV" for a CSV file).
    pub name: String,
    /// Rows, top to bottom.
    pub rows: Vec<Vec<Cell>>,
}

/// A legacy encoding recognised in a file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 (ABC), the ".Vn" fonts.
    Tcvn3,
    /// VNI, the "VNI-" fonts.
    Vni,
}

impl Legacy {
    /// Name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }
}

fn unreadable() -> AppError {
    AppError::invalid("file", ErrorCode::UnreadableFile)
}

/// Reads a file by its name's extension. Refuses unreadable files and text
/// in a legacy encoding, with an error naming the field `file`.
pub fn open(file_name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, AppError> {
    let lower = file_name.to_lowercase();
    let sheets = if lower.ends_with(".csv") || lower.ends_with(".txt") {
        vec![read_csv(bytes)?]
    } else if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || lower.ends_with(".xls") || lower.ends_with(".ods") {
        read_workbook(&lower, bytes)?
    } else {
        return Err(unreadable());
    };
    let texts = sheets.iter().flat_map(|s| s.rows.iter().flatten()).filter_map(|c| match c {
        Cell::Text(t) => Some(t.as_str()),
        _ => None,
    });
    if let Some(legacy) = detect_legacy(texts) {
        return Err(AppError::invalid("file", ErrorCode::LegacyEncoding { encoding: legacy.name().to_string() }));
    }
    Ok(sheets)
}

/// Bounds on a workbook, far above any class list or results file: a file
/// past them (a "zip bomb", a cell placed a million rows down) is refused
/// before it can take the server's memory.
const MAX_UNZIPPED_BYTES: u64 = 32 * 1024 * 1024;
const MAX_ZIP_ENTRIES: usize = 2_000;
const MAX_ROWS: u32 = 20_000;
const MAX_COLUMNS: u32 = 500;

/// A cell's value as the importers read it.
fn cell_of(cell: calamine::Data) -> Cell {
    use calamine::Data;
    match cell {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.chars().filter(|c| !c.is_control() || *c == '\n').collect()),
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Cell::Text(format!("{}", f as i64)),
        Data::Float(f) => Cell::Text(f.to_string()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => dt.as_datetime().map(|d| Cell::Date(d.date())).unwrap_or(Cell::Empty),
        Data::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(&s), "%Y-%m-%d").map(Cell::Date).unwrap_or(Cell::Empty),
        Data::DurationIso(s) => Cell::Text(s),
    }
}

/// Refuses a zip (xlsx, ods) whose entries would unpack past the bounds,
/// reading only its directory.
fn check_zip(bytes: &[u8]) -> Result<(), AppError> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| unreadable())?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(too_big());
    }
    // The sizes the directory declares: the unpacking stops at them.
    let total = archive.decompressed_size().ok_or_else(unreadable)?;
    if total > u128::from(MAX_UNZIPPED_BYTES) {
        return Err(too_big());
    }
    Ok(())
}

fn too_big() -> AppError {
    AppError::invalid("file", ErrorCode::FileTooBig { rows: MAX_ROWS, columns: MAX_COLUMNS })
}

fn read_workbook(lower_name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, AppError> {
    use calamine::Reader;
    let zipped = bytes.starts_with(b"PK");
    if zipped {
        check_zip(bytes)?;
    }
    if zipped && (lower_name.ends_with(".xlsx") || lower_name.ends_with(".xlsm")) {
        return read_xlsx(bytes);
    }
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).map_err(|_| unreadable())?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|_| unreadable())?;
        if range.height() > MAX_ROWS as usize || range.width() > MAX_COLUMNS as usize {
            return Err(too_big());
        }
        let rows = range.rows().map(|row| row.iter().cloned().map(cell_of).collect()).collect();
        sheets.push(Sheet { name, rows });
    }
    if sheets.is_empty() {
        return Err(unreadable());
    }
    Ok(sheets)
}

/// An xlsx read cell by cell (never a grid sized by the file's own claims),
/// refused as soon as a cell lies past the bounds.
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, AppError> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|_| unreadable())?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).map_err(|_| unreadable())?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|_| unreadable())? {
            let (r, c) = cell.get_position();
            if r >= MAX_ROWS || c >= MAX_COLUMNS {
                return Err(too_big());
            }
            let (r, c) = (r as usize, c as usize);
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            if rows[r].len() <= c {
                rows[r].resize(c + 1, Cell::Empty);
            }
            rows[r][c] = cell_of(calamine::Data::from(cell.get_value().clone()));
        }
        // Rows as wide as the widest, as the grid reader gives them.
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.resize(width, Cell::Empty);
        }
        sheets.push(Sheet { name, rows });
    }
    if sheets.is_empty() {
        return Err(unreadable());
    }
    Ok(sheets)
}

/// Decodes CSV bytes: UTF-8 (with or without BOM); otherwise Windows-1258,
/// the code page Excel uses for "CSV" on Vietnamese Windows. Separator `,`
/// or `;` (whichever the first line has more of) or tab.
fn read_csv(bytes: &[u8]) -> Result<Sheet, AppError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => {
            let (decoded, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            crate::names::nfc_keep_lines(&decoded)
        }
    };
    // Control characters (NUL, escape …) belong in no class list or results file: a binary file renamed.
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        return Err(unreadable());
    }
    // Over the first lines, not the first only: exports often open with a title line.
    let head: Vec<&str> = text.lines().take(15).collect();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| head.iter().map(|l| l.matches(*d as char).count()).max().unwrap_or(0))
        .unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| unreadable())?;
        rows.push(record.iter().map(|t| if t.trim().is_empty() { Cell::Empty } else { Cell::Text(t.to_string()) }).collect());
    }
    Ok(Sheet { name: "CSV".to_string(), rows })
}

/// Whether a character only occurs in Unicode Vietnamese (letters with
/// breve, horn, stroke, or a tone on a vowel outside Latin-1).
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'..='\u{1EF9}')
}

/// Latin-1 glyphs that TCVN3 fonts draw as Vietnamese letters and that never
/// occur in Unicode Vietnamese text (e.g. "§" is Đ, "¨" is ă, "®" is đ).
/// Ñ, ñ and ö are left to VNI, where they are Đ, đ and ư.
const TCVN3_MARKS: &[char] = &[
    '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '®', '¯', '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸',
    '¹', 'º', '»', '¼', '½', '¾', 'Æ', 'Ç', 'Ë', 'Î', 'Ï', '×', 'Ø', 'Þ', 'ß', 'å', 'æ', 'ç', 'ë', 'î', 'ï', '÷', 'ø',
    'û', 'ü', 'þ',
];

/// Latin-1 glyphs that VNI fonts draw as tone marks *after* a vowel
/// ("Nguyeãn" is Nguyễn: e + ã): ù sắc, ø huyền, û hỏi, õ ngã, ï nặng.
const VNI_TONES: &[char] = &['ù', 'ø', 'û', 'õ', 'ï'];

/// Detects TCVN3 or VNI text read as Unicode. Text that already contains
/// Unicode Vietnamese letters is taken as Unicode; otherwise the legacy
/// encoding with at least three telltale signs wins.
pub fn detect_legacy<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    let (mut unicode, mut tcvn3, mut vni) = (0usize, 0usize, 0usize);
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if is_unicode_vietnamese(*c) {
                unicode += 1;
            }
            if TCVN3_MARKS.contains(c) {
                tcvn3 += 1;
            }
            let after_vowel = i > 0 && "aeiouyAEIOUY".contains(chars[i - 1]);
            if (after_vowel && VNI_TONES.contains(c)) || matches!(c, 'Ñ' | 'ñ' | 'ö' | 'Ö') {
                vni += 1;
            }
        }
    }
    // A real Unicode file has far more Vietnamese letters than stray symbols.
    if unicode > tcvn3.max(vni) || tcvn3.max(vni) < 3 {
        return None;
    }
    Some(if vni > tcvn3 { Legacy::Vni } else { Legacy::Tcvn3 })
}

/// A minimal workbook (one sheet, `rows_xml` inside `<sheetData>`), for tests
/// of the reader's bounds here and of the upload endpoints.
#[doc(hidden)]
pub fn tiny_xlsx(rows_xml: &str) -> Vec<u8> {
    use std::io::Write;
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/package/2006/relationships";
    let doc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        ("[Content_Types].xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")),
        ("_rels/.rels", format!("<Relationships xmlns=\"{rel}\"><Relationship Id=\"rId1\" Type=\"{doc}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", format!("<workbook xmlns=\"{main}\" xmlns:r=\"{doc}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", format!("<Relationships xmlns=\"{rel}\"><Relationship Id=\"rId1\" Type=\"{doc}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")),
        ("xl/worksheets/sheet1.xml", format!("<worksheet xmlns=\"{main}\"><sheetData>{rows_xml}</sheetData></worksheet>")),
    ];
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        out.start_file(name, options).expect("zip entry");
        out.write_all(body.as_bytes()).expect("zip write");
    }
    out.finish().expect("zip").into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_past_the_bounds_are_refused_before_they_are_unpacked() {
        let ok = tiny_xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c><c r=\"C1\"><v>7</v></c></row>");
        let sheets = open("lop.xlsx", &ok).unwrap();
        assert_eq!(sheets[0].rows, vec![vec![Cell::Text("Họ và tên".into()), Cell::Empty, Cell::Text("7".into())]]);
        // One cell a million rows down and 16,000 columns across: no grid of that size is ever made.
        let far = tiny_xlsx("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>");
        assert_eq!(open("lop.xlsx", &far), Err(too_big()));
        // A "zip bomb": 40 MB of blanks packed into a few kilobytes.
        let bomb = tiny_xlsx(&" ".repeat(40 * 1024 * 1024));
        assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
        assert_eq!(open("lop.xlsx", &bomb), Err(too_big()));
        assert_eq!(open("lop.xlsx", b"PK\x03\x04 broken"), Err(unreadable()));
    }

    #[test]
    fn unicode_text_is_not_legacy() {
        let names = ["Nguyễn Văn Đức", "Trần Thị Ánh Tuyết", "Lê Quốc Khánh", "Đắk Lắk", "Ê Đê", "Phạm Thu Hà"];
        assert_eq!(detect_legacy(names), None);
        // Plain ASCII or a stray symbol is not a legacy file either.
        assert_eq!(detect_legacy(["STT", "Ho ten", "10A1", "© 2025"]), None);
    }

    #[test]
    fn tcvn3_is_detected() {
        // "Nguyễn Văn Đức", "Trần Thị Hương", "Lâm Đồng" typed with .VnTime.
        let names = ["NguyÔn V¨n §øc", "TrÇn ThÞ H­¬ng", "L©m §ång"];
        assert_eq!(detect_legacy(names), Some(Legacy::Tcvn3));
    }

    #[test]
    fn vni_is_detected() {
        // "Nguyễn Văn Đức", "Trần Thị Hương", "Lâm Đồng" typed with VNI-Times.
        let names = ["Nguyeãn Vaên Ñöùc", "Traàn Thò Höông", "Laâm Ñoàng"];
        assert_eq!(detect_legacy(names), Some(Legacy::Vni));
    }

    #[test]
    fn csv_in_windows_1258_is_decoded() {
        // "Đức" in Windows-1258: Đ = 0xD0, ư = 0xFD, c + combining acute (0xEC).
        let bytes = b"Ho ten;Lop\n\xD0\xFD\xECc;10A1\n";
        let sheet = read_csv(bytes).unwrap();
        assert_eq!(sheet.rows[1][0], Cell::Text("Đức".into()));
        assert_eq!(sheet.rows[1][1], Cell::Text("10A1".into()));
    }

    #[test]
    fn unknown_extensions_are_refused() {
        assert_eq!(open("roster.pdf", b"%PDF"), Err(AppError::invalid("file", ErrorCode::UnreadableFile)));
        assert_eq!(open("roster.xlsx", b"not a zip"), Err(AppError::invalid("file", ErrorCode::UnreadableFile)));
    }
}
