//! The print-ready documents' views: who may print what, and the facts each
//! document is filled from (names of bodies in force on the day, the
//! student, the dossier's dates, the period's figures).

use super::oversight::{dashboard, schools_overseen, DashboardQuery};
use crate::audit::AuditContext;
use crate::entities::{candidacy, dossier_item, student};
use crate::oversight::tree::Tree;
use crate::org::{effective_target, Relation};
use crate::policy::{authorize_any_at, require_any, Actor, Permission, UnitKind};
use chrono::NaiveDate;
use nguon_shared::pipeline::Stage;
use nguon_shared::views::documents::{DocCandidate, DocHeader, DocumentsView, ProgressDocView, ReportDocView, ResolutionDocView};
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The place written before a document's date: the commune or ward the school lies in, without its kind.
fn place_of(tree: &Tree, unit: i64) -> String {
    let mut id = Some(unit);
    for _ in 0..32 {
        let Some(u) = id.and_then(|i| tree.get(i)) else { break };
        if u.kind == UnitKind::Commune.code() {
            let name = u.name.trim();
            return ["Xã ", "Phường ", "Thị trấn "].iter().find_map(|p| name.strip_prefix(p)).unwrap_or(name).to_string();
        }
        id = u.parent_id;
    }
    String::new()
}

/// The header of a document issued by the school's `relation` body (its Party organisation or its union).
async fn school_header<C: ConnectionTrait>(conn: &C, tree: &Tree, school: i64, relation: Relation, today: NaiveDate) -> Result<DocHeader, AppError> {
    let issuer = effective_target(conn, school, relation, today).await?;
    let upper = match relation {
        Relation::PartyOrganisation => effective_target(conn, school, Relation::SuperiorCommittee, today).await?.map(|u| tree.name(u)),
        _ => None,
    };
    let issuer = issuer.map_or_else(|| tree.name(school), |u| tree.name(u));
    Ok(DocHeader { upper, issuer, place: place_of(tree, school), today })
}

/// What the actor may print: candidates (resolutions for the union and the
/// Party roles, progress sheets for the Party roles) and reports.
pub async fn documents<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<DocumentsView, AppError> {
    let union_schools = crate::org::schools_in_scope(conn, actor, Permission::LogEmulation).await?;
    let party_schools = crate::org::schools_in_scope(conn, actor, Permission::ManagePipeline).await?;
    let report_schools = schools_overseen(conn, actor).await?;
    if union_schools.is_empty() && report_schools.is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut ids: Vec<i64> = union_schools.iter().chain(&party_schools).map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let rows = candidacy::Entity::find().filter(candidacy::Column::SchoolId.is_in(ids)).order_by_asc(candidacy::Column::Id).all(conn).await?;
    let names = crate::oversight::figures::student_names(conn, &rows.iter().map(|c| c.student_id).collect::<Vec<_>>()).await?;
    let school_name = |id: i64| union_schools.iter().chain(&party_schools).find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default();
    let mut candidates: Vec<DocCandidate> = rows
        .into_iter()
        .filter_map(|c| {
            let stage = Stage::from_code(&c.stage)?;
            let party = party_schools.iter().any(|s| s.id == c.school_id);
            // The union introduces candidates on their way to the cell's vote; the Party roles follow all under way.
            let union = union_schools.iter().any(|s| s.id == c.school_id) && matches!(stage, Stage::Candidate | Stage::Dossier);
            (!stage.is_final() && (party || union)).then(|| DocCandidate {
                candidacy_id: c.id,
                name: names.get(&c.student_id).cloned().unwrap_or_default(),
                school: school_name(c.school_id),
                stage,
                resolution: party || union,
                progress: party,
            })
        })
        .collect();
    candidates.sort_by(|a, b| crate::names::compare_text(&a.school, &b.school).then_with(|| crate::names::compare_text(&a.name, &b.name)));
    Ok(DocumentsView { candidates, scope_report: require_any(actor, Permission::Oversee).is_ok(), report_schools })
}

/// The union's resolution introducing the candidacy's student (4-KNĐ): the
/// school's union officers and Party roles.
pub async fn resolution<C: ConnectionTrait>(conn: &C, actor: &Actor, candidacy_id: i64, today: NaiveDate) -> Result<ResolutionDocView, AppError> {
    let c = candidacy::Entity::find_by_id(candidacy_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_any_at(conn, actor, &[Permission::LogEmulation, Permission::ManagePipeline], c.school_id).await?;
    let s = student::Entity::find_by_id(c.student_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let tree = Tree::load(conn).await?;
    let item = dossier_item::Entity::find()
        .filter(dossier_item::Column::CandidacyId.eq(c.id))
        .filter(dossier_item::Column::Kind.eq("union_resolution"))
        .order_by_desc(dossier_item::Column::Id)
        .one(conn)
        .await?;
    Ok(ResolutionDocView {
        header: school_header(conn, &tree, c.school_id, Relation::YouthUnion, today).await?,
        name: s.person_name().full(),
        date_of_birth: s.date_of_birth,
        gender: s.gender.clone(),
        class_name: crate::pipeline::board::latest_class(conn, s.id).await?,
        union_joined_on: s.union_joined_on,
        school: tree.name(c.school_id),
        requested_on: item.as_ref().and_then(|i| i.requested_on),
        received_on: item.and_then(|i| i.received_on),
    })
}

/// A candidate's progress sheet: the candidacy's page, under its Party organisation's header.
pub async fn progress<C: ConnectionTrait>(conn: &C, actor: &Actor, candidacy_id: i64, today: NaiveDate) -> Result<ProgressDocView, AppError> {
    let candidacy = crate::pipeline::board::detail(conn, actor, candidacy_id, today).await?;
    let tree = Tree::load(conn).await?;
    Ok(ProgressDocView {
        header: school_header(conn, &tree, candidacy.school_id, Relation::PartyOrganisation, today).await?,
        school: tree.name(candidacy.school_id),
        candidacy,
    })
}

/// The periodic report: one school's (issued by its Party organisation), or
/// with no school the actor's whole scope (issued by their committee).
pub async fn report<C: ConnectionTrait>(conn: &C, actor: &Actor, ctx: &AuditContext, q: DashboardQuery, today: NaiveDate) -> Result<ReportDocView, AppError> {
    let figures = dashboard(conn, actor, ctx, DashboardQuery { summary: true, ..q }, today).await?;
    let tree = Tree::load(conn).await?;
    let (header, covers) = match (&figures.school, figures.schools.as_slice()) {
        (Some(s), _) | (None, [s]) => (school_header(conn, &tree, s.id, Relation::PartyOrganisation, today).await?, s.name.clone()),
        (None, _) => {
            let body = actor.grants.iter().find(|(r, _)| crate::policy::role_allows(*r, Permission::Oversee)).map(|(_, u)| *u).ok_or(AppError::Forbidden)?;
            let upper = tree.get(body).and_then(|u| u.parent_id).map(|p| tree.name(p));
            (DocHeader { upper, issuer: tree.name(body), place: place_of(&tree, body), today }, tree.name(body))
        }
    };
    Ok(ReportDocView { header, covers, figures })
}
