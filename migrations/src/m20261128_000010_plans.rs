//! Plans of the superior Party committees (e.g. 88-KH/HU) with their
//! targets per year, per scope and per school, and their adoption by a
//! successor body after the 2025 reorganisation (domain.md §6).

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
    IssuerUnitId,
    Number,
    IssuedOn,
    Title,
    ScopeUnitId,
    InForceFrom,
    ReplacesPlanId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PlanAdoptions {
    Table,
    Id,
    PlanId,
    BodyUnitId,
    FromDate,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum PlanTargets {
    Table,
    Id,
    PlanId,
    Year,
    UnitId,
    NewMembers,
    StudentMembers,
    Trainees,
    SetBy,
    SetAt,
}

#[derive(DeriveIden)]
enum OrgUnits {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Plans::Table)
                .col(big_pk_auto(Plans::Id))
                // The body that issued it (historical bodies included).
                .col(big_integer(Plans::IssuerUnitId))
                .col(string_len(Plans::Number, 40))
                .col(date(Plans::IssuedOn))
                .col(string_len(Plans::Title, 300))
                // The unit whose schools it covers.
                .col(big_integer(Plans::ScopeUnitId))
                .col(date(Plans::InForceFrom))
                // A plan that this one replaces from its first day in force.
                .col(big_integer_null(Plans::ReplacesPlanId))
                .col(big_integer(Plans::CreatedBy))
                .col(timestamp_with_time_zone(Plans::CreatedAt))
                .foreign_key(&mut fk((Plans::Table, Plans::IssuerUnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Plans::Table, Plans::ScopeUnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Plans::Table, Plans::ReplacesPlanId), (Plans::Table, Plans::Id)))
                .foreign_key(&mut fk((Plans::Table, Plans::CreatedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_plans_scope", Plans::Table, &["scope_unit_id"])).await?;
        m.create_table(
            Table::create()
                .table(PlanAdoptions::Table)
                .col(big_pk_auto(PlanAdoptions::Id))
                .col(big_integer(PlanAdoptions::PlanId))
                // The successor body that carries the plan on, and whose schools it then covers.
                .col(big_integer(PlanAdoptions::BodyUnitId))
                .col(date(PlanAdoptions::FromDate))
                .col(big_integer(PlanAdoptions::RecordedBy))
                .col(timestamp_with_time_zone(PlanAdoptions::RecordedAt))
                .foreign_key(&mut fk((PlanAdoptions::Table, PlanAdoptions::PlanId), (Plans::Table, Plans::Id)))
                .foreign_key(&mut fk((PlanAdoptions::Table, PlanAdoptions::BodyUnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((PlanAdoptions::Table, PlanAdoptions::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_plan_adoptions", PlanAdoptions::Table, &["plan_id", "body_unit_id"]).unique().to_owned()).await?;
        m.create_table(
            Table::create()
                .table(PlanTargets::Table)
                .col(big_pk_auto(PlanTargets::Id))
                .col(big_integer(PlanTargets::PlanId))
                // Calendar year.
                .col(integer(PlanTargets::Year))
                // The plan's scope (the whole figure) or one school.
                .col(big_integer(PlanTargets::UnitId))
                .col(integer_null(PlanTargets::NewMembers))
                .col(integer_null(PlanTargets::StudentMembers))
                .col(integer_null(PlanTargets::Trainees))
                .col(big_integer(PlanTargets::SetBy))
                .col(timestamp_with_time_zone(PlanTargets::SetAt))
                .foreign_key(&mut fk((PlanTargets::Table, PlanTargets::PlanId), (Plans::Table, Plans::Id)))
                .foreign_key(&mut fk((PlanTargets::Table, PlanTargets::UnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((PlanTargets::Table, PlanTargets::SetBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_plan_targets", PlanTargets::Table, &["plan_id", "year", "unit_id"]).unique().to_owned()).await?;
        // The dashboards count events by stage and day.
        m.create_index(index("ix_candidacy_events_stage_day", Alias::new("candidacy_events"), &["to_stage", "happened_on"])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_candidacy_events_stage_day").table(Alias::new("candidacy_events")).to_owned()).await?;
        for t in [PlanTargets::Table.into_iden(), PlanAdoptions::Table.into_iden(), Plans::Table.into_iden()] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
