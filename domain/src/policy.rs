//! The access policy: one place that decides who may do what, where.
//!
//! Every server function builds an [`Actor`] from the session and calls
//! [`authorize`] (or [`require_any`]) before touching data. The browser only
//! hides what this module would refuse anyway.

use nguon_shared::{AppError, Role};
use sea_orm::{ConnectionTrait, FromQueryResult};

/// Kinds of organisation unit (domain.md §2, §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Province (tỉnh).
    Province,
    /// Commune or ward (xã / phường).
    Commune,
    /// A Party committee above schools (đảng ủy).
    PartyCommittee,
    /// A high school.
    School,
    /// A school's Party cell or committee.
    PartyCell,
    /// A school's Youth Union.
    SchoolUnion,
    /// A class branch of the Youth Union.
    ClassBranch,
    /// A political training centre.
    TrainingCentre,
}

impl UnitKind {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Province => "province",
            UnitKind::Commune => "commune",
            UnitKind::PartyCommittee => "party_committee",
            UnitKind::School => "school",
            UnitKind::PartyCell => "party_cell",
            UnitKind::SchoolUnion => "school_union",
            UnitKind::ClassBranch => "class_branch",
            UnitKind::TrainingCentre => "training_centre",
        }
    }
}

/// Something a user may be allowed to do at an organisation unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Create accounts and grant roles.
    ManageAccounts,
    /// Edit the organisation tree.
    ManageOrganisation,
    /// Browse the audit log.
    ViewAuditLog,
    /// Edit configurable rules and calendars.
    ConfigureRules,
    /// See student lists and emulation records.
    ViewStudents,
    /// See ethnicity, religion and candidacy.
    ViewSensitive,
    /// Log emulation activities and points.
    LogEmulation,
    /// Review the pool, assign mentors, record votes and stage moves.
    ManagePipeline,
    /// Write assessments of one's own candidates.
    AssessCandidates,
    /// See aggregated progress across schools, set targets.
    Oversee,
    /// Keep the register of data-subject requests: record and answer them,
    /// correct a student's identity, propose and confirm an erasure.
    HandleDataRequests,
}

/// The role/permission matrix (product.md, "Roles").
pub fn role_allows(role: Role, permission: Permission) -> bool {
    use Permission::*;
    match role {
        Role::Administrator => matches!(permission, ManageAccounts | ManageOrganisation | ViewAuditLog | ConfigureRules | HandleDataRequests),
        Role::SuperiorOfficer => matches!(permission, Oversee | ViewStudents | ViewSensitive | ManagePipeline),
        Role::PartyCellOfficer => matches!(permission, ViewStudents | ViewSensitive | ManagePipeline | HandleDataRequests),
        Role::Mentor => matches!(permission, AssessCandidates | ViewStudents),
        Role::YouthUnionOfficer => matches!(permission, ViewStudents | LogEmulation),
    }
}

/// The user making a request, with the roles in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Account id.
    pub user_id: i64,
    /// Roles in force, each with the unit where it was granted.
    pub grants: Vec<(Role, i64)>,
}

/// Decides whether `actor` may do `permission` at the unit whose chain
/// (the unit itself, then each ancestor up to the root) is `target_chain`.
/// A role granted at a unit applies to that unit's whole subtree.
pub fn authorize(actor: &Actor, permission: Permission, target_chain: &[i64]) -> Result<(), AppError> {
    let allowed = actor
        .grants
        .iter()
        .any(|(role, unit)| role_allows(*role, permission) && target_chain.contains(unit));
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Allows `permission` anywhere in the actor's scopes (for pages that then
/// filter their rows by the same scopes).
pub fn require_any(actor: &Actor, permission: Permission) -> Result<(), AppError> {
    if actor.grants.iter().any(|(role, _)| role_allows(*role, permission)) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The chain of a unit: itself, its parent, … up to the root. Stops on a
/// cycle or a missing parent rather than looping.
pub async fn unit_chain<C: ConnectionTrait>(conn: &C, unit_id: i64) -> Result<Vec<i64>, AppError> {
    /// One unit of the chain.
    #[derive(sea_orm::FromQueryResult)]
    struct Link {
        id: i64,
    }
    // One recursive query instead of one per level (every authorisation reads the chain);
    // the depth bound also stops a cycle.
    let text = "WITH RECURSIVE chain(id, parent_id, depth) AS ( \
            SELECT id, parent_id, 0 FROM org_units WHERE id = ? \
            UNION ALL SELECT u.id, u.parent_id, c.depth + 1 FROM org_units u JOIN chain c ON u.id = c.parent_id WHERE c.depth < 32) \
        SELECT id FROM chain ORDER BY depth";
    let links = Link::find_by_statement(crate::sql::statement(conn.get_database_backend(), text, vec![unit_id.into()])).all(conn).await?;
    let mut chain: Vec<i64> = Vec::with_capacity(links.len());
    for l in links {
        if chain.contains(&l.id) {
            break;
        }
        chain.push(l.id);
    }
    Ok(chain)
}

/// Decides `permission` at `unit_id` (and its ancestors' grants). A unit the
/// actor may not act on answers exactly like a missing one, so nothing
/// reveals what exists in another school.
pub async fn authorize_at<C: ConnectionTrait>(conn: &C, actor: &Actor, permission: Permission, unit_id: i64) -> Result<(), AppError> {
    authorize_any_at(conn, actor, &[permission], unit_id).await
}

/// Like [`authorize_at`], allowed when any one of `permissions` is (one
/// reading of the unit chain for all of them).
pub async fn authorize_any_at<C: ConnectionTrait>(conn: &C, actor: &Actor, permissions: &[Permission], unit_id: i64) -> Result<(), AppError> {
    let chain = unit_chain(conn, unit_id).await?;
    if permissions.iter().any(|p| authorize(actor, *p, &chain).is_ok()) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_rows() {
        use Permission::*;
        let all = [
            ManageAccounts, ManageOrganisation, ViewAuditLog, ConfigureRules, ViewStudents, ViewSensitive,
            LogEmulation, ManagePipeline, AssessCandidates, Oversee, HandleDataRequests,
        ];
        let expect: &[(Role, &[Permission])] = &[
            (Role::Administrator, &[ManageAccounts, ManageOrganisation, ViewAuditLog, ConfigureRules, HandleDataRequests]),
            (Role::SuperiorOfficer, &[ViewStudents, ViewSensitive, ManagePipeline, Oversee]),
            (Role::PartyCellOfficer, &[ViewStudents, ViewSensitive, ManagePipeline, HandleDataRequests]),
            (Role::Mentor, &[ViewStudents, AssessCandidates]),
            (Role::YouthUnionOfficer, &[ViewStudents, LogEmulation]),
        ];
        for (role, allowed) in expect {
            for p in all {
                assert_eq!(role_allows(*role, p), allowed.contains(&p), "{role:?} {p:?}");
            }
        }
    }

    #[test]
    fn grants_apply_to_the_subtree_only() {
        // province 1 > school 10 > cell 11; other school 20
        let cell_officer = Actor { user_id: 7, grants: vec![(Role::PartyCellOfficer, 10)] };
        assert!(authorize(&cell_officer, Permission::ManagePipeline, &[11, 10, 1]).is_ok());
        assert!(authorize(&cell_officer, Permission::ManagePipeline, &[10, 1]).is_ok());
        assert_eq!(authorize(&cell_officer, Permission::ManagePipeline, &[20, 1]), Err(AppError::Forbidden));
        assert_eq!(authorize(&cell_officer, Permission::ManagePipeline, &[1]), Err(AppError::Forbidden));
        assert_eq!(authorize(&cell_officer, Permission::ManageAccounts, &[10, 1]), Err(AppError::Forbidden));
        let admin = Actor { user_id: 1, grants: vec![(Role::Administrator, 1)] };
        assert!(authorize(&admin, Permission::ManageAccounts, &[20, 1]).is_ok());
        assert_eq!(authorize(&admin, Permission::ViewSensitive, &[20, 1]), Err(AppError::Forbidden));
        let nobody = Actor { user_id: 2, grants: vec![] };
        assert_eq!(require_any(&nobody, Permission::ViewStudents), Err(AppError::Forbidden));
        assert!(require_any(&cell_officer, Permission::ViewStudents).is_ok());
    }
}
