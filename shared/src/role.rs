//! The roles a person can hold, each at one organisation unit.

use serde::{Deserialize, Serialize};

/// A role in the product (see `product.md`, "Roles"). A user may hold several,
/// each granted at a school or at a wider organisation scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Manages the organisation tree, accounts, configuration and rules in its scope.
    Administrator,
    /// Officer of the superior Party committee: targets, plans, oversight of its schools.
    SuperiorOfficer,
    /// Officer of a school's Party cell or committee: pool review, mentors, votes.
    PartyCellOfficer,
    /// An official Party member assigned to candidates.
    Mentor,
    /// Officer of a school's Youth Union: activities, points, proposals.
    YouthUnionOfficer,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::SuperiorOfficer,
        Role::PartyCellOfficer,
        Role::Mentor,
        Role::YouthUnionOfficer,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::SuperiorOfficer => "superior_officer",
            Role::PartyCellOfficer => "party_cell_officer",
            Role::Mentor => "mentor",
            Role::YouthUnionOfficer => "youth_union_officer",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in Role::ALL {
            assert!(seen.insert(r.code()));
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        assert_eq!(Role::from_code("root"), None);
    }
}
