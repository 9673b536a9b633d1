//! The organisation tree in memory (a province has a few thousand units):
//! which schools lie under which bodies, and units' names.

use crate::entities::org_unit;
use crate::policy::UnitKind;
use nguon_shared::views::SchoolOption;
use nguon_shared::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};
use std::collections::HashMap;

/// Every unit, by id.
pub struct Tree {
    units: HashMap<i64, org_unit::Model>,
}

impl Tree {
    /// Reads the whole tree.
    pub async fn load<C: ConnectionTrait>(conn: &C) -> Result<Tree, AppError> {
        Ok(Tree { units: org_unit::Entity::find().all(conn).await?.into_iter().map(|u| (u.id, u)).collect() })
    }

    /// A unit.
    pub fn get(&self, id: i64) -> Option<&org_unit::Model> {
        self.units.get(&id)
    }

    /// A unit's name (empty when missing).
    pub fn name(&self, id: i64) -> String {
        self.units.get(&id).map(|u| u.name.clone()).unwrap_or_default()
    }

    /// Whether `id` is `root` or lies under it (bounded, so a cycle ends).
    pub fn is_under(&self, mut id: i64, root: i64) -> bool {
        for _ in 0..32 {
            if id == root {
                return true;
            }
            match self.units.get(&id).and_then(|u| u.parent_id) {
                Some(p) => id = p,
                None => return false,
            }
        }
        false
    }

    /// The schools under any of `roots`, in Vietnamese name order.
    pub fn schools_under(&self, roots: &[i64]) -> Vec<SchoolOption> {
        let mut out: Vec<SchoolOption> = self
            .units
            .values()
            .filter(|u| u.kind == UnitKind::School.code() && roots.iter().any(|r| self.is_under(u.id, *r)))
            .map(|u| SchoolOption { id: u.id, name: u.name.clone() })
            .collect();
        out.sort_by(|a, b| crate::names::compare_text(&a.name, &b.name));
        out
    }

    /// Every unit, in no order.
    pub fn all(&self) -> impl Iterator<Item = &org_unit::Model> {
        self.units.values()
    }
}
