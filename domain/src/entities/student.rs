//! A student of a school. Ethnicity and religion are sensitive (domain.md §5): only roles with `ViewSensitive` may see them.

use sea_orm::entity::prelude::*;
use sea_orm::ActiveValue::Set;

/// A row of `students`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "students")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school (an org unit).
    pub school_id: i64,
    /// Code in the school-management software; unique per school.
    pub student_code: Option<String>,
    /// Họ.
    pub family_name: String,
    /// Tên đệm (may be empty).
    pub middle_name: String,
    /// Tên.
    pub given_name: String,
    /// Accent-free lower-case full name (`crate::names::fold`).
    pub search_key: String,
    /// Date of birth.
    pub date_of_birth: Date,
    /// `male`, `female` or `other`.
    pub gender: Option<String>,
    /// Sensitive.
    pub ethnicity: Option<String>,
    /// Sensitive.
    pub religion: Option<String>,
    /// Date of joining the Youth Union.
    pub union_joined_on: Option<Date>,
    /// Quê quán: commune or ward.
    pub hometown_commune: Option<String>,
    /// Quê quán: province.
    pub hometown_province: Option<String>,
    /// Current residence: commune or ward.
    pub residence_commune: Option<String>,
    /// Current residence: province.
    pub residence_province: Option<String>,
    /// Parent or guardian.
    pub guardian_name: Option<String>,
    /// Their phone.
    pub guardian_phone: Option<String>,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// Last change.
    pub updated_at: DateTimeUtc,
    /// When the student was anonymised (erasure or retention); `None` while identifiable.
    pub anonymised_at: Option<DateTimeUtc>,
    /// Vietnamese collation key of the name in class-list order (`crate::names::name_key`),
    /// so queries can order by name; filled at start-up for rows that predate it.
    pub name_key: Option<Vec<u8>>,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// Derives the search and collation keys from the name, whoever writes the
    /// row: when a part of the name is being set, or the key is still missing.
    async fn before_save<C>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        let renamed = self.family_name.is_set() || self.middle_name.is_set() || self.given_name.is_set();
        let keyed = self.name_key.try_as_ref().is_some_and(Option::is_some);
        let parts = (self.family_name.try_as_ref(), self.middle_name.try_as_ref(), self.given_name.try_as_ref());
        if let (true, (Some(family), Some(middle), Some(given))) = (renamed || !keyed, parts) {
            let name = crate::names::PersonName { family: family.clone(), middle: middle.clone(), given: given.clone() };
            self.search_key = Set(crate::names::fold(&name.full()));
            self.name_key = Set(Some(crate::names::name_key(&name)));
        }
        Ok(self)
    }
}

impl ActiveModel {
    /// Sets the three name parts; the search and collation keys follow on save.
    pub fn set_name(&mut self, name: &crate::names::PersonName) {
        self.family_name = Set(name.family.clone());
        self.middle_name = Set(name.middle.clone());
        self.given_name = Set(name.given.clone());
    }
}

impl Model {
    /// The student's name in its three parts.
    pub fn person_name(&self) -> crate::names::PersonName {
        crate::names::PersonName { family: self.family_name.clone(), middle: self.middle_name.clone(), given: self.given_name.clone() }
    }
}
