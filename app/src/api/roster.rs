//! Roster import: the preview of an upload and the import itself. The file
//! arrives through the `/upload/roster` multipart endpoint of the server.

use leptos::prelude::*;
use nguon_shared::roster::{ImportCounts, ImportField, ImportPreview};
use nguon_shared::views::organisation::ImportView;
use nguon_shared::AppError;

/// Encodes a column mapping for forms and URLs: codes separated by commas,
/// `-` for an ignored column. The empty string means "as guessed".
pub fn encode_mapping(mapping: &[Option<ImportField>]) -> String {
    mapping.iter().map(|f| f.map(|f| f.code()).unwrap_or("-")).collect::<Vec<_>>().join(",")
}

/// Decodes [`encode_mapping`]; unknown codes are refused.
pub fn decode_mapping(text: &str) -> Result<Option<Vec<Option<ImportField>>>, AppError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.split(',')
        .map(|c| match c.trim() {
            "-" | "" => Ok(None),
            code => ImportField::from_code(code)
                .map(Some)
                .ok_or_else(|| AppError::invalid("mapping", nguon_shared::ErrorCode::InvalidValue)),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// `/admin/import`: the years a class list may go into and the user's latest uploads.
#[server(name = LoadImport, endpoint = "import_view")]
pub async fn import_view() -> Result<ImportView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::organisation::import(&state()?.db, &actor).await
}

/// The form's sheet and mapping fields as the domain's choice.
#[cfg(feature = "ssr")]
fn choice(sheet: &str, mapping: &str) -> Result<nguon_domain::roster::MappingChoice, AppError> {
    let sheet = match sheet.trim() {
        "" => None,
        s => Some(s.parse::<usize>().map_err(|_| AppError::invalid("sheet", nguon_shared::ErrorCode::InvalidValue))?),
    };
    Ok(nguon_domain::roster::MappingChoice { sheet, mapping: decode_mapping(mapping)? })
}

/// The mapping screen and preview of an upload; `sheet` empty or an index,
/// `mapping` as [`encode_mapping`] (empty: as guessed).
#[server(endpoint = "roster_preview")]
pub async fn roster_preview(upload: i64, sheet: String, mapping: String) -> Result<ImportPreview, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let choice = choice(&sheet, &mapping)?;
    nguon_domain::roster::preview(&state()?.db, &actor, upload, &choice).await
}

/// Imports an upload's valid rows in one transaction.
#[server(endpoint = "import_roster")]
pub async fn import_roster(upload: i64, sheet: String, mapping: String) -> Result<ImportCounts, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let choice = choice(&sheet, &mapping)?;
        nguon_domain::roster::commit(&state()?.db, &actor, &audit_context(Some(actor.user_id)), upload, &choice).await
    }
    .await;
    let back = format!("/admin/import/{upload}");
    finish_form(result, Some(&back))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings_round_trip() {
        let m = vec![None, Some(ImportField::FullName), Some(ImportField::DateOfBirth), None];
        assert_eq!(encode_mapping(&m), "-,full_name,date_of_birth,-");
        assert_eq!(decode_mapping(&encode_mapping(&m)), Ok(Some(m)));
        assert_eq!(decode_mapping(""), Ok(None));
        assert!(decode_mapping("full_name,bogus").is_err());
    }
}
