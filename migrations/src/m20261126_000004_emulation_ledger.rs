//! The Youth Union emulation ledger: configurable rules with effective
//! dates, activity catalogues per school year with points rules, batches of
//! entries (idempotent by request key), the append-only entries themselves
//! (approval, rejection, reversal), and per-student totals maintained in the
//! same transaction as each approval.

use crate::helpers::fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RuleValues {
    Table,
    Id,
    UnitId,
    Key,
    Value,
    ValidFrom,
    SetBy,
    SetAt,
}

#[derive(DeriveIden)]
enum ActivityCategories {
    Table,
    Id,
    SchoolId,
    Name,
    SortOrder,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    Id,
    SchoolId,
    SchoolYearId,
    CategoryId,
    Name,
    StartsOn,
    EndsOn,
    Organiser,
    RuleKind,
    Points,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ActivityLevels {
    Table,
    Id,
    ActivityId,
    Label,
    Points,
    SortOrder,
}

#[derive(DeriveIden)]
enum LedgerBatches {
    Table,
    Id,
    SchoolId,
    ActivityId,
    RequestKey,
    LoggedBy,
    LoggedAt,
    Evidence,
    Entries,
}

#[derive(DeriveIden)]
enum LedgerEntries {
    Table,
    Id,
    SchoolId,
    SchoolYearId,
    StudentId,
    ActivityId,
    LevelId,
    BatchId,
    Points,
    OccurredOn,
    Evidence,
    Status,
    LoggedBy,
    LoggedAt,
    ReviewedBy,
    ReviewedAt,
    ReversesId,
    Reason,
}

#[derive(DeriveIden)]
enum StudentTotals {
    Table,
    Id,
    StudentId,
    SchoolYearId,
    Semester,
    CategoryId,
    Points,
}

#[derive(DeriveIden)]
enum OrgUnits {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SchoolYears {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Students {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RuleValues::Table)
                .col(big_pk_auto(RuleValues::Id))
                .col(big_integer(RuleValues::UnitId))
                .col(string_len(RuleValues::Key, 80))
                // JSON: a number, a flag, or a small structure, per rule.
                .col(text(RuleValues::Value))
                .col(date(RuleValues::ValidFrom))
                .col(big_integer_null(RuleValues::SetBy))
                .col(timestamp_with_time_zone(RuleValues::SetAt))
                .foreign_key(&mut fk((RuleValues::Table, RuleValues::UnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((RuleValues::Table, RuleValues::SetBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_rule_values_unit_key")
                .table(RuleValues::Table)
                .col(RuleValues::UnitId)
                .col(RuleValues::Key)
                .col(RuleValues::ValidFrom)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ActivityCategories::Table)
                .col(big_pk_auto(ActivityCategories::Id))
                .col(big_integer(ActivityCategories::SchoolId))
                .col(string_len(ActivityCategories::Name, 100))
                .col(integer(ActivityCategories::SortOrder))
                .col(timestamp_with_time_zone(ActivityCategories::CreatedAt))
                .foreign_key(&mut fk((ActivityCategories::Table, ActivityCategories::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_activity_categories_school_name")
                .table(ActivityCategories::Table)
                .col(ActivityCategories::SchoolId)
                .col(ActivityCategories::Name)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Activities::Table)
                .col(big_pk_auto(Activities::Id))
                .col(big_integer(Activities::SchoolId))
                .col(big_integer(Activities::SchoolYearId))
                .col(big_integer(Activities::CategoryId))
                .col(string_len(Activities::Name, 200))
                .col(date(Activities::StartsOn))
                .col(date_null(Activities::EndsOn))
                .col(string_len_null(Activities::Organiser, 200))
                .col(string_len(Activities::RuleKind, 20))
                .col(integer(Activities::Points))
                .col(big_integer_null(Activities::CreatedBy))
                .col(timestamp_with_time_zone(Activities::CreatedAt))
                .foreign_key(&mut fk((Activities::Table, Activities::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Activities::Table, Activities::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .foreign_key(&mut fk((Activities::Table, Activities::CategoryId), (ActivityCategories::Table, ActivityCategories::Id)))
                .foreign_key(&mut fk((Activities::Table, Activities::CreatedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_activities_year").table(Activities::Table).col(Activities::SchoolYearId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ActivityLevels::Table)
                .col(big_pk_auto(ActivityLevels::Id))
                .col(big_integer(ActivityLevels::ActivityId))
                .col(string_len(ActivityLevels::Label, 100))
                .col(integer(ActivityLevels::Points))
                .col(integer(ActivityLevels::SortOrder))
                .foreign_key(&mut fk((ActivityLevels::Table, ActivityLevels::ActivityId), (Activities::Table, Activities::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LedgerBatches::Table)
                .col(big_pk_auto(LedgerBatches::Id))
                .col(big_integer(LedgerBatches::SchoolId))
                .col(big_integer(LedgerBatches::ActivityId))
                // Sent with the form; a second submit of the same form finds the first batch.
                .col(string_len(LedgerBatches::RequestKey, 64).unique_key())
                .col(big_integer(LedgerBatches::LoggedBy))
                .col(timestamp_with_time_zone(LedgerBatches::LoggedAt))
                .col(text_null(LedgerBatches::Evidence))
                .col(integer(LedgerBatches::Entries))
                .foreign_key(&mut fk((LedgerBatches::Table, LedgerBatches::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((LedgerBatches::Table, LedgerBatches::ActivityId), (Activities::Table, Activities::Id)))
                .foreign_key(&mut fk((LedgerBatches::Table, LedgerBatches::LoggedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LedgerEntries::Table)
                .col(big_pk_auto(LedgerEntries::Id))
                .col(big_integer(LedgerEntries::SchoolId))
                .col(big_integer(LedgerEntries::SchoolYearId))
                .col(big_integer(LedgerEntries::StudentId))
                .col(big_integer(LedgerEntries::ActivityId))
                .col(big_integer_null(LedgerEntries::LevelId))
                .col(big_integer_null(LedgerEntries::BatchId))
                .col(integer(LedgerEntries::Points))
                .col(date(LedgerEntries::OccurredOn))
                .col(text_null(LedgerEntries::Evidence))
                // pending | approved | rejected
                .col(string_len(LedgerEntries::Status, 12))
                .col(big_integer(LedgerEntries::LoggedBy))
                .col(timestamp_with_time_zone(LedgerEntries::LoggedAt))
                .col(big_integer_null(LedgerEntries::ReviewedBy))
                .col(timestamp_with_time_zone_null(LedgerEntries::ReviewedAt))
                // A correction points at the entry it cancels; at most one per entry.
                .col(big_integer_null(LedgerEntries::ReversesId).unique_key())
                .col(text_null(LedgerEntries::Reason))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::ActivityId), (Activities::Table, Activities::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::LevelId), (ActivityLevels::Table, ActivityLevels::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::BatchId), (LedgerBatches::Table, LedgerBatches::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::LoggedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::ReviewedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((LedgerEntries::Table, LedgerEntries::ReversesId), (LedgerEntries::Table, LedgerEntries::Id)))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_ledger_entries_student", vec![LedgerEntries::StudentId, LedgerEntries::SchoolYearId]),
            ("ix_ledger_entries_year_status", vec![LedgerEntries::SchoolYearId, LedgerEntries::Status]),
            ("ix_ledger_entries_batch", vec![LedgerEntries::BatchId]),
        ] {
            let mut idx = Index::create().name(name).table(LedgerEntries::Table).to_owned();
            for c in cols {
                idx.col(c);
            }
            m.create_index(idx).await?;
        }
        m.create_table(
            Table::create()
                .table(StudentTotals::Table)
                .col(big_pk_auto(StudentTotals::Id))
                .col(big_integer(StudentTotals::StudentId))
                .col(big_integer(StudentTotals::SchoolYearId))
                // 1 or 2; 0 for days outside both semesters.
                .col(small_integer(StudentTotals::Semester))
                .col(big_integer(StudentTotals::CategoryId))
                .col(big_integer(StudentTotals::Points))
                .foreign_key(&mut fk((StudentTotals::Table, StudentTotals::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((StudentTotals::Table, StudentTotals::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .foreign_key(&mut fk((StudentTotals::Table, StudentTotals::CategoryId), (ActivityCategories::Table, ActivityCategories::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_student_totals_bucket")
                .table(StudentTotals::Table)
                .col(StudentTotals::StudentId)
                .col(StudentTotals::SchoolYearId)
                .col(StudentTotals::Semester)
                .col(StudentTotals::CategoryId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_student_totals_year")
                .table(StudentTotals::Table)
                .col(StudentTotals::SchoolYearId)
                .col(StudentTotals::Semester)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            StudentTotals::Table.into_iden(),
            LedgerEntries::Table.into_iden(),
            LedgerBatches::Table.into_iden(),
            ActivityLevels::Table.into_iden(),
            Activities::Table.into_iden(),
            ActivityCategories::Table.into_iden(),
            RuleValues::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
