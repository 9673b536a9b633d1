//! Wire types of the roster import: upload, column mapping, preview, summary.

use crate::FieldError;
use serde::{Deserialize, Serialize};

/// What a spreadsheet column can be imported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportField {
    /// "Họ và tên": split into family, middle and given name.
    FullName,
    /// "Họ đệm": family name then middle name(s).
    FamilyAndMiddle,
    /// "Họ".
    FamilyName,
    /// "Tên đệm".
    MiddleName,
    /// "Tên".
    GivenName,
    /// "Ngày sinh".
    DateOfBirth,
    /// "Giới tính".
    Gender,
    /// "Lớp".
    ClassName,
    /// "Mã học sinh".
    StudentCode,
    /// "Dân tộc" (sensitive).
    Ethnicity,
    /// "Tôn giáo" (sensitive).
    Religion,
    /// "Ngày vào Đoàn".
    UnionJoinedOn,
    /// "Quê quán" in one cell: "commune, province".
    Hometown,
    /// Quê quán: commune or ward.
    HometownCommune,
    /// Quê quán: province.
    HometownProvince,
    /// "Nơi ở hiện nay" in one cell: "…, commune, province".
    Residence,
    /// Current residence: commune or ward.
    ResidenceCommune,
    /// Current residence: province.
    ResidenceProvince,
    /// Parent or guardian's name.
    GuardianName,
    /// Parent or guardian's phone.
    GuardianPhone,
}

impl ImportField {
    /// Every field, in the order the mapping form lists them.
    pub const ALL: [ImportField; 20] = [
        ImportField::FullName,
        ImportField::FamilyAndMiddle,
        ImportField::FamilyName,
        ImportField::MiddleName,
        ImportField::GivenName,
        ImportField::DateOfBirth,
        ImportField::Gender,
        ImportField::ClassName,
        ImportField::StudentCode,
        ImportField::Ethnicity,
        ImportField::Religion,
        ImportField::UnionJoinedOn,
        ImportField::Hometown,
        ImportField::HometownCommune,
        ImportField::HometownProvince,
        ImportField::Residence,
        ImportField::ResidenceCommune,
        ImportField::ResidenceProvince,
        ImportField::GuardianName,
        ImportField::GuardianPhone,
    ];

    /// Stable code, used in forms and URLs.
    pub fn code(self) -> &'static str {
        match self {
            ImportField::FullName => "full_name",
            ImportField::FamilyAndMiddle => "family_middle",
            ImportField::FamilyName => "family_name",
            ImportField::MiddleName => "middle_name",
            ImportField::GivenName => "given_name",
            ImportField::DateOfBirth => "date_of_birth",
            ImportField::Gender => "gender",
            ImportField::ClassName => "class",
            ImportField::StudentCode => "student_code",
            ImportField::Ethnicity => "ethnicity",
            ImportField::Religion => "religion",
            ImportField::UnionJoinedOn => "union_joined_on",
            ImportField::Hometown => "hometown",
            ImportField::HometownCommune => "hometown_commune",
            ImportField::HometownProvince => "hometown_province",
            ImportField::Residence => "residence",
            ImportField::ResidenceCommune => "residence_commune",
            ImportField::ResidenceProvince => "residence_province",
            ImportField::GuardianName => "guardian_name",
            ImportField::GuardianPhone => "guardian_phone",
        }
    }

    /// Parses [`ImportField::code`].
    pub fn from_code(code: &str) -> Option<ImportField> {
        ImportField::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// What importing one row would do (or did).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowAction {
    /// A new student.
    Create,
    /// An existing student whose record changes.
    Update,
    /// An existing student, nothing new.
    Unchanged,
    /// The row has errors and is skipped.
    Skip,
}

/// One data row of the preview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// Row number as the spreadsheet shows it (1-based, header included).
    pub line: u32,
    /// Family name as it will be stored.
    pub family_name: String,
    /// Middle name.
    pub middle_name: String,
    /// Given name.
    pub given_name: String,
    /// Date of birth, if readable.
    pub date_of_birth: Option<chrono::NaiveDate>,
    /// Class, normalised ("10A1").
    pub class_name: String,
    /// Student code.
    pub student_code: Option<String>,
    /// What will happen.
    pub action: RowAction,
    /// Why the row is skipped (field = an [`ImportField::code`]).
    pub errors: Vec<FieldError>,
}

/// Counts of what an import does (preview) or did (summary).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCounts {
    /// New students.
    pub created: u32,
    /// Students whose record changed.
    pub updated: u32,
    /// Students already up to date.
    pub unchanged: u32,
    /// Rows skipped for errors.
    pub skipped: u32,
    /// Classes that did not exist in the school year yet.
    pub classes_created: u32,
}

/// The mapping screen and preview of an uploaded roster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The upload.
    pub upload_id: i64,
    /// The uploaded file's name.
    pub file_name: String,
    /// The school imported into.
    pub school_name: String,
    /// The school year whose classes the rows fill.
    pub school_year_name: String,
    /// Sheet names (one, "CSV", for a CSV file).
    pub sheets: Vec<String>,
    /// The sheet shown.
    pub sheet: usize,
    /// Row number of the header row found in the sheet.
    pub header_line: u32,
    /// The header row's texts.
    pub headers: Vec<String>,
    /// Field per column (`None`: ignored).
    pub mapping: Vec<Option<ImportField>>,
    /// Problems with the mapping itself (field `mapping`).
    pub mapping_errors: Vec<FieldError>,
    /// Every data row.
    pub rows: Vec<PreviewRow>,
    /// What importing would do.
    pub counts: ImportCounts,
    /// Class names that will be created.
    pub new_classes: Vec<String>,
    /// Set when the import was carried out: what it did.
    pub done: Option<ImportCounts>,
}

/// An import of the user's, for the list on the import page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UploadRow {
    /// Upload id.
    pub id: i64,
    /// File name.
    pub file_name: String,
    /// School name.
    pub school_name: String,
    /// When it was uploaded.
    pub uploaded_at: chrono::DateTime<chrono::Utc>,
    /// What it did, once carried out.
    pub done: Option<ImportCounts>,
}
