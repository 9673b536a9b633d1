//! Pure rules of the roster import: finding the header row, guessing each
//! column's field from its Vietnamese header, and turning a row of cells
//! into a student record or a list of per-field errors.

use super::read::Cell;
use crate::names::{fold, nfc, PersonName};
use chrono::NaiveDate;
use nguon_shared::roster::ImportField;
use nguon_shared::{ErrorCode, FieldError};

/// The field a header names, from its accent-free text. Headers of the usual
/// school-management exports ("Họ và tên", "Ngày sinh", "Lớp", "Dân tộc" …).
pub fn guess_field(header: &str) -> Option<ImportField> {
    use ImportField::*;
    let folded = fold(header);
    let tidy = |s: &str| s.replace(['.', ':', '(', ')', '*'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let whole = tidy(&folded);
    // "Ngày sinh (dd/mm/yyyy)": also try without the parenthesised hint.
    let bare = tidy(folded.split('(').next().unwrap_or(""));
    let table: &[(&[&str], ImportField)] = &[
        (&["ho va ten", "ho ten", "ho va ten hoc sinh", "ho ten hoc sinh", "ten hoc sinh", "hoc sinh"], FullName),
        (&["ho dem", "ho va ten dem", "ho va dem", "ho lot"], FamilyAndMiddle),
        (&["ho"], FamilyName),
        (&["ten dem", "dem", "ten lot"], MiddleName),
        (&["ten"], GivenName),
        (&["ngay sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "sinh ngay", "ns"], DateOfBirth),
        (&["gioi tinh", "gt", "nam/nu"], Gender),
        (&["lop", "ten lop", "lop hoc"], ClassName),
        (&["ma hoc sinh", "ma hs", "ma so hoc sinh", "ma dinh danh", "ma so", "ma"], StudentCode),
        (&["dan toc"], Ethnicity),
        (&["ton giao"], Religion),
        (&["ngay vao doan", "ngay ket nap doan", "doan vien tu ngay"], UnionJoinedOn),
        (&["que quan", "nguyen quan"], Hometown),
        (&["que quan xa/phuong", "que quan xa", "xa que quan"], HometownCommune),
        (&["que quan tinh", "que quan tinh/thanh pho", "tinh que quan"], HometownProvince),
        (&["noi o hien nay", "cho o hien nay", "dia chi", "noi o", "thuong tru", "dia chi thuong tru", "noi thuong tru"], Residence),
        (&["noi o xa/phuong", "xa/phuong", "phuong/xa", "xa"], ResidenceCommune),
        (&["noi o tinh", "tinh/thanh pho", "tinh/tp", "tinh"], ResidenceProvince),
        (&["ho ten cha/me", "ho ten phu huynh", "phu huynh", "nguoi giam ho", "ho ten nguoi giam ho", "cha/me"], GuardianName),
        (
            &["so dien thoai", "dien thoai", "sdt", "dien thoai phu huynh", "sdt phu huynh", "so dien thoai phu huynh"],
            GuardianPhone,
        ),
    ];
    [whole, bare]
        .iter()
        .find_map(|h| table.iter().find(|(names, _)| names.contains(&h.as_str())).map(|(_, f)| *f))
}

/// Guesses a mapping for `headers`: each field goes to the first column
/// that names it; other columns are ignored.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<ImportField>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let f = guess_field(h).filter(|f| !taken.contains(f));
            if let Some(f) = f {
                taken.push(f);
            }
            f
        })
        .collect()
}

/// Index of the header row: the first of the first 15 rows in which at least
/// two cells are recognised headers (exports often start with a title).
pub fn find_header_row(rows: &[Vec<Cell>]) -> usize {
    rows.iter()
        .take(15)
        .position(|r| r.iter().filter(|c| guess_field(&c.text()).is_some()).count() >= 2)
        .unwrap_or(0)
}

/// Checks a mapping: no field twice, a name (full, or family-and-middle or
/// family with given), a date of birth and a class.
pub fn check_mapping(mapping: &[Option<ImportField>]) -> Vec<FieldError> {
    use ImportField::*;
    let has = |f| mapping.contains(&Some(f));
    let mut errors = Vec::new();
    let mut seen = Vec::new();
    for f in mapping.iter().flatten() {
        if seen.contains(f) {
            errors.push(FieldError::new(f.code(), ErrorCode::BadMapping));
        }
        seen.push(*f);
    }
    let name = has(FullName) || (has(GivenName) && (has(FamilyAndMiddle) || has(FamilyName)));
    if !name {
        errors.push(FieldError::new(FullName.code(), ErrorCode::Required));
    }
    for f in [DateOfBirth, ClassName] {
        if !has(f) {
            errors.push(FieldError::new(f.code(), ErrorCode::Required));
        }
    }
    errors
}

/// A row turned into a student record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedStudent {
    /// Family name.
    pub family: String,
    /// Middle name(s).
    pub middle: String,
    /// Given name.
    pub given: String,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// Normalised class name ("10A1").
    pub class_name: String,
    /// Grade from the class name.
    pub grade: i16,
    /// Student code.
    pub student_code: Option<String>,
    /// `male`, `female`, `other`.
    pub gender: Option<String>,
    /// Sensitive.
    pub ethnicity: Option<String>,
    /// Sensitive.
    pub religion: Option<String>,
    /// Youth Union member since.
    pub union_joined_on: Option<NaiveDate>,
    /// Hometown commune.
    pub hometown_commune: Option<String>,
    /// Hometown province.
    pub hometown_province: Option<String>,
    /// Residence commune.
    pub residence_commune: Option<String>,
    /// Residence province.
    pub residence_province: Option<String>,
    /// Guardian's name.
    pub guardian_name: Option<String>,
    /// Guardian's phone.
    pub guardian_phone: Option<String>,
}

/// Reads a date written d/m/yyyy (also with `-` or `.`), or a date cell.
pub fn parse_date_cell(cell: &Cell) -> Result<Option<NaiveDate>, ErrorCode> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => {
            let parts: Vec<&str> = t.trim().split(['/', '-', '.']).map(str::trim).collect();
            let [d, m, y] = parts.as_slice() else { return Err(ErrorCode::InvalidDate) };
            let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) else {
                return Err(ErrorCode::InvalidDate);
            };
            if !(1900..=2100).contains(&y) {
                return Err(ErrorCode::InvalidDate);
            }
            NaiveDate::from_ymd_opt(y, m, d).map(Some).ok_or(ErrorCode::InvalidDate)
        }
    }
}

/// Normalises a class name ("lớp 10 a1" → "10A1") and reads its grade.
pub fn parse_class(text: &str) -> Result<(String, i16), ErrorCode> {
    let mut t: String = nfc(text).to_uppercase().chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in ["LỚP", "LOP"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
        }
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let grade = digits.parse::<i16>().ok().filter(|g| (10..=12).contains(g)).ok_or(ErrorCode::InvalidClass)?;
    if t.chars().count() > 20 {
        return Err(ErrorCode::TooLong { max: 20 });
    }
    Ok((t, grade))
}

/// `male` / `female` / `other` from "Nam", "Nữ", "Khác" (or English).
pub fn parse_gender(text: &str) -> Result<Option<String>, ErrorCode> {
    match fold(text).as_str() {
        "" => Ok(None),
        "nam" | "m" | "male" => Ok(Some("male".into())),
        "nu" | "f" | "female" => Ok(Some("female".into())),
        "khac" | "other" => Ok(Some("other".into())),
        _ => Err(ErrorCode::InvalidValue),
    }
}

/// Splits "Xã Tân Hà, Lâm Đồng" at its last comma into commune and province
/// (anything before the commune, such as a hamlet, is dropped).
pub fn split_place(text: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<String> = nfc(text).split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [] => (None, None),
        [only] => (Some(only.clone()), None),
        [.., commune, province] => (Some(commune.clone()), Some(province.clone())),
    }
}

fn opt_text(text: String, field: ImportField, max: usize, errors: &mut Vec<FieldError>) -> Option<String> {
    let t = nfc(&text);
    if t.is_empty() {
        None
    } else if t.chars().count() > max {
        errors.push(FieldError::new(field.code(), ErrorCode::TooLong { max: max as u32 }));
        None
    } else {
        Some(t)
    }
}

/// Turns one row into a student, or says what is wrong with each field.
pub fn parse_row(cells: &[Cell], mapping: &[Option<ImportField>]) -> Result<ParsedStudent, Vec<FieldError>> {
    use ImportField::*;
    let mut s = ParsedStudent::default();
    let mut errors = Vec::new();
    let empty = Cell::Empty;
    for (i, field) in mapping.iter().enumerate() {
        let Some(field) = *field else { continue };
        let cell = cells.get(i).unwrap_or(&empty);
        let text = cell.text();
        let date = |errors: &mut Vec<FieldError>| match parse_date_cell(cell) {
            Ok(d) => d,
            Err(code) => {
                errors.push(FieldError::new(field.code(), code));
                None
            }
        };
        match field {
            FullName => {
                let n = PersonName::split(&text);
                (s.family, s.middle, s.given) = (n.family, n.middle, n.given);
            }
            FamilyAndMiddle => {
                let n = nfc(&text);
                let (family, middle) = n.split_once(' ').unwrap_or((n.as_str(), ""));
                (s.family, s.middle) = (family.to_string(), middle.to_string());
            }
            FamilyName => s.family = nfc(&text),
            MiddleName => s.middle = nfc(&text),
            GivenName => s.given = nfc(&text),
            DateOfBirth => s.date_of_birth = date(&mut errors),
            UnionJoinedOn => s.union_joined_on = date(&mut errors),
            Gender => match parse_gender(&text) {
                Ok(g) => s.gender = g,
                Err(code) => errors.push(FieldError::new(field.code(), code)),
            },
            ClassName if text.is_empty() => {}
            ClassName => match parse_class(&text) {
                Ok((name, grade)) => (s.class_name, s.grade) = (name, grade),
                Err(code) => errors.push(FieldError::new(field.code(), code)),
            },
            StudentCode => s.student_code = opt_text(text, field, 40, &mut errors),
            Ethnicity => s.ethnicity = opt_text(text, field, 60, &mut errors),
            Religion => s.religion = opt_text(text, field, 60, &mut errors),
            Hometown => (s.hometown_commune, s.hometown_province) = split_place(&text),
            HometownCommune => s.hometown_commune = opt_text(text, field, 120, &mut errors),
            HometownProvince => s.hometown_province = opt_text(text, field, 120, &mut errors),
            Residence => (s.residence_commune, s.residence_province) = split_place(&text),
            ResidenceCommune => s.residence_commune = opt_text(text, field, 120, &mut errors),
            ResidenceProvince => s.residence_province = opt_text(text, field, 120, &mut errors),
            GuardianName => s.guardian_name = opt_text(text, field, 200, &mut errors),
            GuardianPhone => s.guardian_phone = opt_text(text, field, 30, &mut errors),
        }
    }
    if s.given.is_empty() {
        errors.push(FieldError::new(FullName.code(), ErrorCode::Required));
    }
    for (part, max) in [(&s.family, 60u32), (&s.middle, 100), (&s.given, 60)] {
        if part.chars().count() > max as usize {
            errors.push(FieldError::new(FullName.code(), ErrorCode::TooLong { max }));
        }
    }
    if s.date_of_birth.is_none() && !errors.iter().any(|e| e.field == DateOfBirth.code()) {
        errors.push(FieldError::new(DateOfBirth.code(), ErrorCode::Required));
    }
    if s.class_name.is_empty() && !errors.iter().any(|e| e.field == ClassName.code()) {
        errors.push(FieldError::new(ClassName.code(), ErrorCode::Required));
    }
    if errors.is_empty() {
        Ok(s)
    } else {
        Err(errors)
    }
}

/// Whether a row has nothing in it (trailing blank lines, separators).
pub fn is_blank(cells: &[Cell]) -> bool {
    cells.iter().all(|c| c.text().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ImportField::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn guesses_vietnamese_headers() {
        let headers: Vec<String> =
            ["STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Dân tộc", "Tôn giáo", "Quê quán", "Ghi chú"]
                .map(String::from)
                .to_vec();
        assert_eq!(
            guess_mapping(&headers),
            vec![
                None,
                Some(StudentCode),
                Some(FullName),
                Some(DateOfBirth),
                Some(Gender),
                Some(ClassName),
                Some(Ethnicity),
                Some(Religion),
                Some(Hometown),
                None
            ]
        );
        // Unaccented, upper-case, punctuated variants.
        assert_eq!(guess_field("HO VA TEN"), Some(FullName));
        assert_eq!(guess_field("Ngày sinh (dd/mm/yyyy)"), Some(DateOfBirth));
        assert_eq!(guess_field("Quê quán (xã/phường)"), Some(HometownCommune));
        assert_eq!(guess_field("Ghi chú"), None);
        assert_eq!(guess_field("Ngày/tháng/năm sinh"), Some(DateOfBirth));
        assert_eq!(guess_field("Họ đệm"), Some(FamilyAndMiddle));
        assert_eq!(guess_field("Tên"), Some(GivenName));
        assert_eq!(guess_field("SĐT phụ huynh"), Some(GuardianPhone));
    }

    #[test]
    fn header_row_may_follow_a_title() {
        let rows = vec![
            vec![t("DANH SÁCH HỌC SINH LỚP 10A1"), Cell::Empty],
            vec![Cell::Empty],
            vec![t("STT"), t("Họ và tên"), t("Ngày sinh"), t("Lớp")],
            vec![t("1"), t("Nguyễn Văn An"), t("01/02/2010"), t("10A1")],
        ];
        assert_eq!(find_header_row(&rows), 2);
    }

    #[test]
    fn mapping_needs_name_date_and_class() {
        assert!(check_mapping(&[Some(FullName), Some(DateOfBirth), Some(ClassName)]).is_empty());
        assert!(check_mapping(&[Some(FamilyAndMiddle), Some(GivenName), Some(DateOfBirth), Some(ClassName)]).is_empty());
        let errors = check_mapping(&[Some(GivenName), Some(DateOfBirth), Some(DateOfBirth)]);
        let codes: Vec<(&str, &ErrorCode)> = errors.iter().map(|e| (e.field.as_str(), &e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("date_of_birth", &ErrorCode::BadMapping),
                ("full_name", &ErrorCode::Required),
                ("class", &ErrorCode::Required)
            ]
        );
    }

    #[test]
    fn dates_are_day_first() {
        assert_eq!(parse_date_cell(&t("05/09/2010")), Ok(NaiveDate::from_ymd_opt(2010, 9, 5)));
        assert_eq!(parse_date_cell(&t("5-9-2010")), Ok(NaiveDate::from_ymd_opt(2010, 9, 5)));
        assert_eq!(parse_date_cell(&t("29.02.2008")), Ok(NaiveDate::from_ymd_opt(2008, 2, 29)));
        assert_eq!(parse_date_cell(&t("29/02/2009")), Err(ErrorCode::InvalidDate));
        assert_eq!(parse_date_cell(&t("2010-09-05")), Err(ErrorCode::InvalidDate));
        assert_eq!(parse_date_cell(&t("13/13/2010")), Err(ErrorCode::InvalidDate));
        assert_eq!(parse_date_cell(&t("hôm qua")), Err(ErrorCode::InvalidDate));
        assert_eq!(parse_date_cell(&Cell::Empty), Ok(None));
    }

    #[test]
    fn classes_and_places() {
        assert_eq!(parse_class("10a1"), Ok(("10A1".into(), 10)));
        assert_eq!(parse_class("Lớp 12 A8"), Ok(("12A8".into(), 12)));
        assert_eq!(parse_class("9A1"), Err(ErrorCode::InvalidClass));
        assert_eq!(parse_class("A1"), Err(ErrorCode::InvalidClass));
        assert_eq!(
            split_place("Thôn 3, Xã Tân Hà, Lâm Đồng"),
            (Some("Xã Tân Hà".into()), Some("Lâm Đồng".into()))
        );
        assert_eq!(split_place("Lâm Đồng"), (Some("Lâm Đồng".into()), None));
        assert_eq!(parse_gender("Nữ"), Ok(Some("female".into())));
        assert_eq!(parse_gender("NAM"), Ok(Some("male".into())));
        assert_eq!(parse_gender("x"), Err(ErrorCode::InvalidValue));
    }

    #[test]
    fn rows_become_students_or_errors() {
        let mapping = [Some(FullName), Some(DateOfBirth), Some(ClassName), Some(Gender)];
        let s = parse_row(&[t("  Tôn Nữ  Thị Hà "), t("01/02/2010"), t("10a2"), t("Nữ")], &mapping).unwrap();
        assert_eq!((s.family.as_str(), s.middle.as_str(), s.given.as_str()), ("Tôn", "Nữ Thị", "Hà"));
        assert_eq!((s.class_name.as_str(), s.grade), ("10A2", 10));
        assert_eq!(s.gender.as_deref(), Some("female"));
        let errors = parse_row(&[t(""), t("31/02/2010"), t("lớp chọn"), t("?")], &mapping).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["date_of_birth", "class", "gender", "full_name"]);
        // A short row (missing trailing cells) reports the required fields.
        let errors = parse_row(&[t("Lê An")], &mapping).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.code.clone()).collect::<Vec<_>>(), vec![ErrorCode::Required, ErrorCode::Required]);
    }
}
