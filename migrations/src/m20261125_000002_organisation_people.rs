//! Organisation and people: per-school links with effective dates, school
//! years, semesters, classes, students (with sensitive optional fields),
//! enrolments per year, and staff.
//!
//! Services and screens on top of these tables arrive with the organisation
//! issue; the shapes are set here so later features (ledger, pipeline) can
//! reference them.

use crate::helpers::fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnits {
    Table,
    Id,
    Code,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UnitLinks {
    Table,
    Id,
    UnitId,
    Relation,
    TargetUnitId,
    ValidFrom,
    ValidTo,
}

#[derive(DeriveIden)]
enum SchoolYears {
    Table,
    Id,
    SchoolId,
    Name,
    StartsOn,
    EndsOn,
}

#[derive(DeriveIden)]
enum Semesters {
    Table,
    Id,
    SchoolYearId,
    Number,
    StartsOn,
    EndsOn,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
    SchoolId,
    UserId,
    FamilyName,
    MiddleName,
    GivenName,
    SearchKey,
    PartyFullMemberSince,
    PartyCellUnitId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Classes {
    Table,
    Id,
    SchoolYearId,
    Name,
    Grade,
    HomeroomStaffId,
    BranchUnitId,
}

#[derive(DeriveIden)]
enum Students {
    Table,
    Id,
    SchoolId,
    StudentCode,
    FamilyName,
    MiddleName,
    GivenName,
    SearchKey,
    DateOfBirth,
    Gender,
    Ethnicity,
    Religion,
    UnionJoinedOn,
    HometownCommune,
    HometownProvince,
    ResidenceCommune,
    ResidenceProvince,
    GuardianName,
    GuardianPhone,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Enrolments {
    Table,
    Id,
    StudentId,
    ClassId,
    SchoolYearId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(OrgUnits::Table).add_column(string_len_null(OrgUnits::Code, 40)).to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table(UnitLinks::Table)
                .col(big_pk_auto(UnitLinks::Id))
                .col(big_integer(UnitLinks::UnitId))
                .col(string_len(UnitLinks::Relation, 40))
                .col(big_integer(UnitLinks::TargetUnitId))
                .col(date(UnitLinks::ValidFrom))
                .col(date_null(UnitLinks::ValidTo))
                .foreign_key(&mut fk((UnitLinks::Table, UnitLinks::UnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((UnitLinks::Table, UnitLinks::TargetUnitId), (OrgUnits::Table, OrgUnits::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_unit_links_unit_relation")
                .table(UnitLinks::Table)
                .col(UnitLinks::UnitId)
                .col(UnitLinks::Relation)
                .col(UnitLinks::ValidFrom)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SchoolYears::Table)
                .col(big_pk_auto(SchoolYears::Id))
                .col(big_integer(SchoolYears::SchoolId))
                .col(string_len(SchoolYears::Name, 20))
                .col(date(SchoolYears::StartsOn))
                .col(date(SchoolYears::EndsOn))
                .foreign_key(&mut fk((SchoolYears::Table, SchoolYears::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_school_years_school_name")
                .table(SchoolYears::Table)
                .col(SchoolYears::SchoolId)
                .col(SchoolYears::Name)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Semesters::Table)
                .col(big_pk_auto(Semesters::Id))
                .col(big_integer(Semesters::SchoolYearId))
                .col(small_integer(Semesters::Number))
                .col(date(Semesters::StartsOn))
                .col(date(Semesters::EndsOn))
                .foreign_key(&mut fk((Semesters::Table, Semesters::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_semesters_year_number")
                .table(Semesters::Table)
                .col(Semesters::SchoolYearId)
                .col(Semesters::Number)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Staff::Table)
                .col(big_pk_auto(Staff::Id))
                .col(big_integer(Staff::SchoolId))
                .col(big_integer_null(Staff::UserId).unique_key())
                .col(string_len(Staff::FamilyName, 60))
                .col(string_len(Staff::MiddleName, 100))
                .col(string_len(Staff::GivenName, 60))
                .col(string_len(Staff::SearchKey, 240))
                .col(date_null(Staff::PartyFullMemberSince))
                .col(big_integer_null(Staff::PartyCellUnitId))
                .col(timestamp_with_time_zone(Staff::CreatedAt))
                .foreign_key(&mut fk((Staff::Table, Staff::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Staff::Table, Staff::UserId), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((Staff::Table, Staff::PartyCellUnitId), (OrgUnits::Table, OrgUnits::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_staff_school").table(Staff::Table).col(Staff::SchoolId).to_owned()).await?;

        m.create_table(
            Table::create()
                .table(Classes::Table)
                .col(big_pk_auto(Classes::Id))
                .col(big_integer(Classes::SchoolYearId))
                .col(string_len(Classes::Name, 20))
                .col(small_integer(Classes::Grade))
                .col(big_integer_null(Classes::HomeroomStaffId))
                .col(big_integer_null(Classes::BranchUnitId))
                .foreign_key(&mut fk((Classes::Table, Classes::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .foreign_key(&mut fk((Classes::Table, Classes::HomeroomStaffId), (Staff::Table, Staff::Id)))
                .foreign_key(&mut fk((Classes::Table, Classes::BranchUnitId), (OrgUnits::Table, OrgUnits::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_classes_year_name")
                .table(Classes::Table)
                .col(Classes::SchoolYearId)
                .col(Classes::Name)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Students::Table)
                .col(big_pk_auto(Students::Id))
                .col(big_integer(Students::SchoolId))
                .col(string_len_null(Students::StudentCode, 40))
                .col(string_len(Students::FamilyName, 60))
                .col(string_len(Students::MiddleName, 100))
                .col(string_len(Students::GivenName, 60))
                // Accent-free lower-case full name, for search on both engines.
                .col(string_len(Students::SearchKey, 240))
                .col(date(Students::DateOfBirth))
                .col(string_len_null(Students::Gender, 10))
                // Sensitive (domain.md §5): shown only to roles with `ViewSensitive`.
                .col(string_len_null(Students::Ethnicity, 60))
                .col(string_len_null(Students::Religion, 60))
                .col(date_null(Students::UnionJoinedOn))
                .col(string_len_null(Students::HometownCommune, 120))
                .col(string_len_null(Students::HometownProvince, 120))
                .col(string_len_null(Students::ResidenceCommune, 120))
                .col(string_len_null(Students::ResidenceProvince, 120))
                .col(string_len_null(Students::GuardianName, 200))
                .col(string_len_null(Students::GuardianPhone, 30))
                .col(timestamp_with_time_zone(Students::CreatedAt))
                .col(timestamp_with_time_zone(Students::UpdatedAt))
                .foreign_key(&mut fk((Students::Table, Students::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .to_owned(),
        )
        .await?;
        // Unique per school when present (several NULL codes are allowed on both engines).
        m.create_index(
            Index::create()
                .name("ux_students_school_code")
                .table(Students::Table)
                .col(Students::SchoolId)
                .col(Students::StudentCode)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_students_school_search")
                .table(Students::Table)
                .col(Students::SchoolId)
                .col(Students::SearchKey)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Enrolments::Table)
                .col(big_pk_auto(Enrolments::Id))
                .col(big_integer(Enrolments::StudentId))
                .col(big_integer(Enrolments::ClassId))
                .col(big_integer(Enrolments::SchoolYearId))
                .foreign_key(&mut fk((Enrolments::Table, Enrolments::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((Enrolments::Table, Enrolments::ClassId), (Classes::Table, Classes::Id)))
                .foreign_key(&mut fk((Enrolments::Table, Enrolments::SchoolYearId), (SchoolYears::Table, SchoolYears::Id)))
                .to_owned(),
        )
        .await?;
        // One class per student per school year; history across years is kept.
        m.create_index(
            Index::create()
                .name("ux_enrolments_student_year")
                .table(Enrolments::Table)
                .col(Enrolments::StudentId)
                .col(Enrolments::SchoolYearId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_enrolments_class").table(Enrolments::Table).col(Enrolments::ClassId).to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Enrolments::Table.into_iden(),
            Students::Table.into_iden(),
            Classes::Table.into_iden(),
            Staff::Table.into_iden(),
            Semesters::Table.into_iden(),
            SchoolYears::Table.into_iden(),
            UnitLinks::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        m.alter_table(Table::alter().table(OrgUnits::Table).drop_column(OrgUnits::Code).to_owned()).await
    }
}
