//! The candidate pipeline: the cell's pool decisions and consents, the
//! board, a candidacy's page, checked stage moves and what the cell records.

use leptos::prelude::*;
use nguon_shared::views::pipeline::{BoardView, CandidacyPageView};
use nguon_shared::AppError;

/// `/pipeline`: a school's board (`school` empty: the first the user may see).
#[server(name = LoadBoard, endpoint = "board_view")]
pub async fn board_view(school: String) -> Result<BoardView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::pipeline::board(&state()?.db, &actor, optional_number("school", &school)?, crate::format::today()).await
}

/// `/pipeline/:id`: one candidacy.
#[server(name = LoadCandidacy, endpoint = "candidacy_view")]
pub async fn candidacy_view(candidacy: i64) -> Result<CandidacyPageView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::pipeline::candidacy(&state()?.db, &actor, candidacy, crate::format::today()).await
}

#[cfg(feature = "ssr")]
fn back_to(candidacy: i64) -> String {
    format!("/pipeline/{candidacy}")
}

/// The cell accepts (`decision` = `accept`) or declines a proposal, with a reason.
#[server(endpoint = "decide_proposal")]
pub async fn decide_proposal(proposal: i64, decision: String, reason: String, on: String) -> Result<Option<i64>, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let accept = match decision.as_str() {
            "accept" => true,
            "decline" => false,
            _ => return Err(invalid_value("decision")),
        };
        let on = required_date("on", &on)?;
        nguon_domain::pipeline::pool::decide(&state()?.db, &actor, &audit_context(Some(actor.user_id)), proposal, accept, &reason, on).await
    }
    .await;
    finish_form(result, None)
}

/// Records a consent (the student's or a guardian's).
#[server(endpoint = "record_consent")]
#[allow(clippy::too_many_arguments)]
pub async fn record_consent(
    student: i64,
    subject: String,
    person_name: String,
    relation: String,
    given_on: String,
    method: String,
    scope: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::pipeline::consent::{self, NewConsent};
    let result = async {
        let actor = actor().await?;
        let input = NewConsent { student_id: student, subject, person_name, relation, given_on: required_date("given_on", &given_on)?, method, scope };
        consent::record(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Withdraws a consent (an open candidacy ends as withdrawn).
#[server(endpoint = "withdraw_consent")]
pub async fn withdraw_consent(consent: i64, on: String, reason: String, confirm: Option<String>) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let on = required_date("on", &on)?;
        require_confirmation("confirm", confirm.as_deref())?;
        nguon_domain::pipeline::consent::withdraw(&state()?.db, &actor, &audit_context(Some(actor.user_id)), consent, on, &reason).await
    }
    .await;
    finish_form(result, None)
}

/// Moves a candidacy to a stage, after its checks. Vote numbers for a
/// vote, the decision's number and dates for a decision; an override reason
/// (Party cell officers) to go ahead despite failed checks. `back` = `board`
/// returns to the board instead of the candidacy's page.
#[server(endpoint = "move_candidacy")]
#[allow(clippy::too_many_arguments)]
pub async fn move_candidacy(
    candidacy: i64,
    to: String,
    on: String,
    reason: String,
    override_reason: String,
    members: String,
    present: String,
    for_votes: String,
    against: String,
    abstain: String,
    decision_number: String,
    decided_on: String,
    superior_agreement: String,
    back: Option<String>,
    confirm_override: Option<String>,
) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::pipeline::candidacy::{move_candidate, MoveExtras, MoveInput};
    use nguon_shared::pipeline::Stage;
    let result = async {
        let actor = actor().await?;
        let to = Stage::from_code(&to).ok_or_else(|| invalid_value("to"))?;
        let on = required_date("on", &on)?;
        let vote = if matches!(to, Stage::CellVote | Stage::CommitteeReview) {
            Some([
                required_number("members", &members)?,
                required_number("present", &present)?,
                required_number("for_votes", &for_votes)?,
                required_number("against", &against)?,
                required_number("abstain", &abstain)?,
            ])
        } else {
            None
        };
        let decision = if to == Stage::Decision {
            let decided = required_date("decided_on", &decided_on)?;
            Some((decision_number, decided, on, None))
        } else {
            None
        };
        let superior_agreement = Some(superior_agreement.trim().to_string()).filter(|s| !s.is_empty());
        let override_confirmed = confirm_override.is_some_and(|v| !v.is_empty());
        let input = MoveInput { candidacy_id: candidacy, to, on, reason, override_reason, override_confirmed, extras: MoveExtras { vote, decision, superior_agreement } };
        move_candidate(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input, crate::format::today()).await
    }
    .await;
    // A one-click move from the board goes back to the board.
    let to = if back.as_deref() == Some("board") { "/pipeline".to_string() } else { back_to(candidacy) };
    finish_form(result, Some(&to))
}

/// Records an awareness-class certificate.
#[server(endpoint = "record_certificate")]
pub async fn record_certificate(candidacy: i64, number: String, issued_on: String, issuer: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let issued_on = required_date("issued_on", &issued_on)?;
        nguon_domain::pipeline::records::record_certificate(&state()?.db, &actor, &audit_context(Some(actor.user_id)), candidacy, &number, issued_on, &issuer, crate::format::today())
            .await
    }
    .await;
    finish_form(result, Some(&back_to(candidacy)))
}

/// Assigns (or replaces) the mentor from a day.
#[server(endpoint = "assign_mentor")]
pub async fn assign_mentor(candidacy: i64, staff: i64, from: String, reason: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let from = required_date("from", &from)?;
        nguon_domain::pipeline::records::assign_mentor(&state()?.db, &actor, &audit_context(Some(actor.user_id)), candidacy, staff, from, &reason).await
    }
    .await;
    finish_form(result, Some(&back_to(candidacy)))
}

/// Adds an introducer (`replacement` is a checkbox).
#[server(endpoint = "add_introducer")]
pub async fn add_introducer(candidacy: i64, staff: i64, together_since: String, replacement: Option<String>) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let since = required_date("together_since", &together_since)?;
        nguon_domain::pipeline::records::add_introducer(
            &state()?.db,
            &actor,
            &audit_context(Some(actor.user_id)),
            candidacy,
            staff,
            since,
            replacement.is_some(),
            crate::format::today(),
        )
        .await
    }
    .await;
    finish_form(result, Some(&back_to(candidacy)))
}

/// Adds a dossier checklist line.
#[server(endpoint = "add_dossier_item")]
#[allow(clippy::too_many_arguments)]
pub async fn add_dossier_item(
    candidacy: i64,
    kind: String,
    subject: String,
    place: String,
    status: String,
    requested_on: String,
    received_on: String,
    valid_until: String,
    holder: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::pipeline::records::{self, ItemInput};
    let result = async {
        let actor = actor().await?;
        let input = ItemInput {
            kind,
            subject: Some(subject).filter(|s| !s.is_empty()),
            place: Some(place).filter(|s| !s.is_empty()),
            status,
            requested_on: optional_date("requested_on", &requested_on)?,
            received_on: optional_date("received_on", &received_on)?,
            valid_until: optional_date("valid_until", &valid_until)?,
            holder,
        };
        records::add_item(&state()?.db, &actor, &audit_context(Some(actor.user_id)), candidacy, input).await
    }
    .await;
    finish_form(result, Some(&back_to(candidacy)))
}

/// Updates a checklist line.
#[server(endpoint = "update_dossier_item")]
pub async fn update_dossier_item(item: i64, status: String, received_on: String, valid_until: String, holder: String) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let received = optional_date("received_on", &received_on)?;
        let until = optional_date("valid_until", &valid_until)?;
        nguon_domain::pipeline::records::update_item(&state()?.db, &actor, &audit_context(Some(actor.user_id)), item, &status, received, until, &holder).await
    }
    .await;
    finish_form(result, None)
}

/// Records that the biography went back for rewriting; returns the count.
#[server(endpoint = "return_biography")]
pub async fn return_biography(candidacy: i64, on: String, reason: String) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let on = required_date("on", &on)?;
        nguon_domain::pipeline::records::return_biography(&state()?.db, &actor, &audit_context(Some(actor.user_id)), candidacy, on, &reason, crate::format::today())
            .await
    }
    .await;
    finish_form(result, Some(&back_to(candidacy)))
}
