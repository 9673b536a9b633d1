//! Study and conduct results per semester and year, the annual union
//! classification (suggested, then confirmed by an officer), and the
//! union's proposals of outstanding students to the source pool.

use crate::helpers::fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StudyResults {
    Table,
    Id,
    StudentId,
    SchoolYearId,
    Period,
    Study,
    Conduct,
    StudyOriginal,
    ConductOriginal,
    Source,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum UnionClassifications {
    Table,
    Id,
    StudentId,
    SchoolYearId,
    Suggested,
    Level,
    ConfirmedBy,
    ConfirmedAt,
}

#[derive(DeriveIden)]
enum PoolProposals {
    Table,
    Id,
    StudentId,
    SchoolId,
    SchoolYearId,
    Reason,
    Criteria,
    Status,
    ProposedBy,
    ProposedAt,
    DecidedBy,
    DecidedAt,
    DecisionReason,
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
                .table(StudyResults::Table)
                .col(big_pk_auto(StudyResults::Id))
                .col(big_integer(StudyResults::StudentId))
                .col(big_integer(StudyResults::SchoolYearId))
                // 1 or 2 for a semester, 0 for the whole year.
                .col(small_integer(StudyResults::Period))
                // tot | kha | dat | chua_dat (Circular 22/2021 scale)
                .col(string_len_null(StudyResults::Study, 12))
                .col(string_len_null(StudyResults::Conduct, 12))
                // The older scale's word as written (e.g. "Giỏi"), when it was mapped.
                .col(string_len_null(StudyResults::StudyOriginal, 40))
                .col(string_len_null(StudyResults::ConductOriginal, 40))
                // entry | import
                .col(string_len(StudyResults::Source, 12))
                .col(big_integer(StudyResults::RecordedBy))
                .col(timestamp_with_time_zone(StudyResults::RecordedAt))
                .foreign_key(&mut fk((StudyResults::Table, StudyResults::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((StudyResults::Table, StudyResults::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .foreign_key(&mut fk((StudyResults::Table, StudyResults::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_study_results_student_year_period")
                .table(StudyResults::Table)
                .col(StudyResults::StudentId)
                .col(StudyResults::SchoolYearId)
                .col(StudyResults::Period)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_study_results_year").table(StudyResults::Table).col(StudyResults::SchoolYearId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(UnionClassifications::Table)
                .col(big_pk_auto(UnionClassifications::Id))
                .col(big_integer(UnionClassifications::StudentId))
                .col(big_integer(UnionClassifications::SchoolYearId))
                // What the thresholds suggested when the officer confirmed.
                .col(string_len(UnionClassifications::Suggested, 20))
                // xuat_sac | tot | hoan_thanh | khong_hoan_thanh
                .col(string_len(UnionClassifications::Level, 20))
                .col(big_integer(UnionClassifications::ConfirmedBy))
                .col(timestamp_with_time_zone(UnionClassifications::ConfirmedAt))
                .foreign_key(&mut fk((UnionClassifications::Table, UnionClassifications::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk(
                    (UnionClassifications::Table, UnionClassifications::SchoolYearId),
                    (SchoolYears::Table, SchoolYears::Id),
                ))
                .foreign_key(&mut fk((UnionClassifications::Table, UnionClassifications::ConfirmedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_union_classifications_student_year")
                .table(UnionClassifications::Table)
                .col(UnionClassifications::StudentId)
                .col(UnionClassifications::SchoolYearId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PoolProposals::Table)
                .col(big_pk_auto(PoolProposals::Id))
                .col(big_integer(PoolProposals::StudentId))
                .col(big_integer(PoolProposals::SchoolId))
                .col(big_integer(PoolProposals::SchoolYearId))
                .col(text(PoolProposals::Reason))
                // JSON: each criterion with met/missed and its detail, as evaluated when proposed.
                .col(text(PoolProposals::Criteria))
                // proposed | accepted | declined (the Party cell decides; pipeline issue)
                .col(string_len(PoolProposals::Status, 12))
                .col(big_integer(PoolProposals::ProposedBy))
                .col(timestamp_with_time_zone(PoolProposals::ProposedAt))
                .col(big_integer_null(PoolProposals::DecidedBy))
                .col(timestamp_with_time_zone_null(PoolProposals::DecidedAt))
                .col(text_null(PoolProposals::DecisionReason))
                .foreign_key(&mut fk((PoolProposals::Table, PoolProposals::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((PoolProposals::Table, PoolProposals::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((PoolProposals::Table, PoolProposals::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .foreign_key(&mut fk((PoolProposals::Table, PoolProposals::ProposedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((PoolProposals::Table, PoolProposals::DecidedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_pool_proposals_student_year")
                .table(PoolProposals::Table)
                .col(PoolProposals::StudentId)
                .col(PoolProposals::SchoolYearId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [PoolProposals::Table.into_iden(), UnionClassifications::Table.into_iden(), StudyResults::Table.into_iden()] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
