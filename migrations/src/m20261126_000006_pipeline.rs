//! The candidate pipeline: the consent register, candidacies with their
//! append-only stage events, mentors and introducers, awareness
//! certificates, the dossier checklist and biography returns (status and
//! dates only, never content), votes, decisions, and the holiday calendar
//! that working-day deadlines use.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consents {
    Table,
    Id,
    StudentId,
    Subject,
    PersonName,
    Relation,
    GivenOn,
    Method,
    Scope,
    RecordedBy,
    RecordedAt,
    WithdrawnOn,
    WithdrawnReason,
    WithdrawnBy,
}

#[derive(DeriveIden)]
enum Candidacies {
    Table,
    Id,
    StudentId,
    SchoolId,
    ProposalId,
    Stage,
    StageSince,
    CeremonyOn,
    SuperiorAgreement,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CandidacyEvents {
    Table,
    Id,
    CandidacyId,
    FromStage,
    ToStage,
    HappenedOn,
    Reason,
    OverriddenChecks,
    Details,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum MentorAssignments {
    Table,
    Id,
    CandidacyId,
    StaffId,
    FromDate,
    ToDate,
    Replacement,
    Reason,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum Introducers {
    Table,
    Id,
    CandidacyId,
    StaffId,
    TogetherSince,
    Replacement,
    AddedBy,
    AddedAt,
    RemovedAt,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
    CandidacyId,
    Number,
    IssuedOn,
    Issuer,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum DossierItems {
    Table,
    Id,
    CandidacyId,
    Kind,
    Subject,
    Place,
    Status,
    RequestedOn,
    ReceivedOn,
    ValidUntil,
    Holder,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BiographyReturns {
    Table,
    Id,
    CandidacyId,
    ReturnedOn,
    Reason,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Votes {
    Table,
    Id,
    CandidacyId,
    Body,
    MeetingOn,
    Members,
    Present,
    ForVotes,
    Against,
    Abstain,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    Id,
    CandidacyId,
    DecidingBodyId,
    Number,
    DecidedOn,
    ReceivedOn,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Holidays {
    Table,
    Id,
    UnitId,
    Day,
    Name,
    Off,
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

#[derive(DeriveIden)]
enum Students {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PoolProposals {
    Table,
    Id,
}

fn candidacy_fk(table: impl IntoIden, col: impl IntoIden) -> ForeignKeyCreateStatement {
    fk((table, col), (Candidacies::Table, Candidacies::Id))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Consents::Table)
                .col(big_pk_auto(Consents::Id))
                .col(big_integer(Consents::StudentId))
                // student | guardian
                .col(string_len(Consents::Subject, 12))
                .col(string_len(Consents::PersonName, 120))
                .col(string_len_null(Consents::Relation, 40))
                .col(date(Consents::GivenOn))
                // paper | in_person | electronic
                .col(string_len(Consents::Method, 20))
                .col(text(Consents::Scope))
                .col(big_integer(Consents::RecordedBy))
                .col(timestamp_with_time_zone(Consents::RecordedAt))
                .col(date_null(Consents::WithdrawnOn))
                .col(text_null(Consents::WithdrawnReason))
                .col(big_integer_null(Consents::WithdrawnBy))
                .foreign_key(&mut fk((Consents::Table, Consents::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((Consents::Table, Consents::RecordedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((Consents::Table, Consents::WithdrawnBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_consents_student", Consents::Table, &["student_id"])).await?;
        m.create_table(
            Table::create()
                .table(Candidacies::Table)
                .col(big_pk_auto(Candidacies::Id))
                .col(big_integer(Candidacies::StudentId))
                .col(big_integer(Candidacies::SchoolId))
                .col(big_integer_null(Candidacies::ProposalId))
                .col(string_len(Candidacies::Stage, 20))
                .col(date(Candidacies::StageSince))
                .col(date_null(Candidacies::CeremonyOn))
                // The superior committee's agreement to a late ceremony (its reference), if any.
                .col(text_null(Candidacies::SuperiorAgreement))
                .col(big_integer(Candidacies::CreatedBy))
                .col(timestamp_with_time_zone(Candidacies::CreatedAt))
                .foreign_key(&mut fk((Candidacies::Table, Candidacies::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((Candidacies::Table, Candidacies::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Candidacies::Table, Candidacies::ProposalId), (PoolProposals::Table, PoolProposals::Id)))
                .foreign_key(&mut fk((Candidacies::Table, Candidacies::CreatedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_candidacies_school_stage", Candidacies::Table, &["school_id", "stage"])).await?;
        m.create_index(index("ix_candidacies_student", Candidacies::Table, &["student_id"])).await?;
        m.create_table(
            Table::create()
                .table(CandidacyEvents::Table)
                .col(big_pk_auto(CandidacyEvents::Id))
                .col(big_integer(CandidacyEvents::CandidacyId))
                .col(string_len_null(CandidacyEvents::FromStage, 20))
                .col(string_len(CandidacyEvents::ToStage, 20))
                .col(date(CandidacyEvents::HappenedOn))
                .col(text_null(CandidacyEvents::Reason))
                // JSON: the failed checks an officer overrode, with the reason above.
                .col(text_null(CandidacyEvents::OverriddenChecks))
                // JSON: what the move recorded (vote numbers, decision number…).
                .col(text_null(CandidacyEvents::Details))
                .col(big_integer(CandidacyEvents::RecordedBy))
                .col(timestamp_with_time_zone(CandidacyEvents::RecordedAt))
                .foreign_key(&mut candidacy_fk(CandidacyEvents::Table, CandidacyEvents::CandidacyId))
                .foreign_key(&mut fk((CandidacyEvents::Table, CandidacyEvents::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_candidacy_events_candidacy", CandidacyEvents::Table, &["candidacy_id"])).await?;
        m.create_table(
            Table::create()
                .table(MentorAssignments::Table)
                .col(big_pk_auto(MentorAssignments::Id))
                .col(big_integer(MentorAssignments::CandidacyId))
                .col(big_integer(MentorAssignments::StaffId))
                .col(date(MentorAssignments::FromDate))
                .col(date_null(MentorAssignments::ToDate))
                .col(boolean(MentorAssignments::Replacement))
                .col(text_null(MentorAssignments::Reason))
                .col(big_integer(MentorAssignments::DecidedBy))
                .col(timestamp_with_time_zone(MentorAssignments::DecidedAt))
                .foreign_key(&mut candidacy_fk(MentorAssignments::Table, MentorAssignments::CandidacyId))
                .foreign_key(&mut fk((MentorAssignments::Table, MentorAssignments::StaffId), (Staff::Table, Staff::Id)))
                .foreign_key(&mut fk((MentorAssignments::Table, MentorAssignments::DecidedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_mentor_assignments_candidacy", MentorAssignments::Table, &["candidacy_id"])).await?;
        m.create_index(index("ix_mentor_assignments_staff", MentorAssignments::Table, &["staff_id"])).await?;
        m.create_table(
            Table::create()
                .table(Introducers::Table)
                .col(big_pk_auto(Introducers::Id))
                .col(big_integer(Introducers::CandidacyId))
                .col(big_integer(Introducers::StaffId))
                .col(date(Introducers::TogetherSince))
                .col(boolean(Introducers::Replacement))
                .col(big_integer(Introducers::AddedBy))
                .col(timestamp_with_time_zone(Introducers::AddedAt))
                .col(timestamp_with_time_zone_null(Introducers::RemovedAt))
                .foreign_key(&mut candidacy_fk(Introducers::Table, Introducers::CandidacyId))
                .foreign_key(&mut fk((Introducers::Table, Introducers::StaffId), (Staff::Table, Staff::Id)))
                .foreign_key(&mut fk((Introducers::Table, Introducers::AddedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Certificates::Table)
                .col(big_pk_auto(Certificates::Id))
                .col(big_integer(Certificates::CandidacyId))
                .col(string_len(Certificates::Number, 40))
                .col(date(Certificates::IssuedOn))
                .col(string_len_null(Certificates::Issuer, 200))
                .col(big_integer(Certificates::RecordedBy))
                .col(timestamp_with_time_zone(Certificates::RecordedAt))
                .foreign_key(&mut candidacy_fk(Certificates::Table, Certificates::CandidacyId))
                .foreign_key(&mut fk((Certificates::Table, Certificates::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DossierItems::Table)
                .col(big_pk_auto(DossierItems::Id))
                .col(big_integer(DossierItems::CandidacyId))
                .col(string_len(DossierItems::Kind, 40))
                // For verifications: student | father | mother | guardian, at hometown | residence | other.
                .col(string_len_null(DossierItems::Subject, 20))
                .col(string_len_null(DossierItems::Place, 20))
                // requested | received | concluded | needs_correction
                .col(string_len(DossierItems::Status, 20))
                .col(date_null(DossierItems::RequestedOn))
                .col(date_null(DossierItems::ReceivedOn))
                .col(date_null(DossierItems::ValidUntil))
                // Who holds the paper.
                .col(string_len_null(DossierItems::Holder, 120))
                .col(big_integer(DossierItems::UpdatedBy))
                .col(timestamp_with_time_zone(DossierItems::UpdatedAt))
                .foreign_key(&mut candidacy_fk(DossierItems::Table, DossierItems::CandidacyId))
                .foreign_key(&mut fk((DossierItems::Table, DossierItems::UpdatedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_dossier_items_candidacy", DossierItems::Table, &["candidacy_id"])).await?;
        m.create_table(
            Table::create()
                .table(BiographyReturns::Table)
                .col(big_pk_auto(BiographyReturns::Id))
                .col(big_integer(BiographyReturns::CandidacyId))
                .col(date(BiographyReturns::ReturnedOn))
                .col(text(BiographyReturns::Reason))
                .col(big_integer(BiographyReturns::RecordedBy))
                .col(timestamp_with_time_zone(BiographyReturns::RecordedAt))
                .foreign_key(&mut candidacy_fk(BiographyReturns::Table, BiographyReturns::CandidacyId))
                .foreign_key(&mut fk((BiographyReturns::Table, BiographyReturns::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Votes::Table)
                .col(big_pk_auto(Votes::Id))
                .col(big_integer(Votes::CandidacyId))
                // cell | committee
                .col(string_len(Votes::Body, 12))
                .col(date(Votes::MeetingOn))
                .col(integer(Votes::Members))
                .col(integer(Votes::Present))
                .col(integer(Votes::ForVotes))
                .col(integer(Votes::Against))
                .col(integer(Votes::Abstain))
                .col(big_integer(Votes::RecordedBy))
                .col(timestamp_with_time_zone(Votes::RecordedAt))
                .foreign_key(&mut candidacy_fk(Votes::Table, Votes::CandidacyId))
                .foreign_key(&mut fk((Votes::Table, Votes::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Decisions::Table)
                .col(big_pk_auto(Decisions::Id))
                .col(big_integer(Decisions::CandidacyId))
                .col(big_integer_null(Decisions::DecidingBodyId))
                .col(string_len(Decisions::Number, 40))
                .col(date(Decisions::DecidedOn))
                .col(date(Decisions::ReceivedOn))
                .col(big_integer(Decisions::RecordedBy))
                .col(timestamp_with_time_zone(Decisions::RecordedAt))
                .foreign_key(&mut candidacy_fk(Decisions::Table, Decisions::CandidacyId))
                .foreign_key(&mut fk((Decisions::Table, Decisions::DecidingBodyId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Decisions::Table, Decisions::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Holidays::Table)
                .col(big_pk_auto(Holidays::Id))
                .col(big_integer(Holidays::UnitId))
                .col(date(Holidays::Day))
                .col(string_len(Holidays::Name, 100))
                // true: a day off added; false: a default holiday made a working day.
                .col(boolean(Holidays::Off))
                .col(big_integer(Holidays::SetBy))
                .col(timestamp_with_time_zone(Holidays::SetAt))
                .foreign_key(&mut fk((Holidays::Table, Holidays::UnitId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Holidays::Table, Holidays::SetBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_holidays_unit_day", Holidays::Table, &["unit_id", "day"]).unique().to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Holidays::Table.into_iden(),
            Decisions::Table.into_iden(),
            Votes::Table.into_iden(),
            BiographyReturns::Table.into_iden(),
            DossierItems::Table.into_iden(),
            Certificates::Table.into_iden(),
            Introducers::Table.into_iden(),
            MentorAssignments::Table.into_iden(),
            CandidacyEvents::Table.into_iden(),
            Candidacies::Table.into_iden(),
            Consents::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
