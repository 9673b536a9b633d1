//! Print-ready documents: the list of what the user may print, and each document's view.

use leptos::prelude::*;
use nguon_shared::views::documents::{DocumentsView, ProgressDocView, ReportDocView, ResolutionDocView};
use nguon_shared::AppError;

/// `/documents`: what the user may print.
#[server(name = LoadDocuments, endpoint = "documents_view")]
pub async fn documents_view() -> Result<DocumentsView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::documents::documents(&state()?.db, &actor).await
}

/// `/documents/resolution/:id`: the union's resolution introducing the candidacy's student (4-KNĐ).
#[server(name = LoadResolutionDoc, endpoint = "resolution_doc_view")]
pub async fn resolution_doc_view(candidacy: i64) -> Result<ResolutionDocView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::documents::resolution(&state()?.db, &actor, candidacy, crate::format::today()).await
}

/// `/documents/progress/:id`: a candidate's progress sheet.
#[server(name = LoadProgressDoc, endpoint = "progress_doc_view")]
pub async fn progress_doc_view(candidacy: i64) -> Result<ProgressDocView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::documents::progress(&state()?.db, &actor, candidacy, crate::format::today()).await
}

/// `/documents/report`: the periodic report, with the dashboard's period and school filters.
#[server(name = LoadReportDoc, endpoint = "report_doc_view")]
pub async fn report_doc_view(period: String, from: String, to: String, school: String) -> Result<ReportDocView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let query = super::queries::dashboard(&period, &from, &to, &school)?;
    nguon_domain::views::documents::report(&state()?.db, &actor, &audit_context(Some(actor.user_id)), query, crate::format::today()).await
}
