//! Mentors' periodic assessments (a structured template), awareness classes
//! run by training centres with their enrolments, and the joint Party–Union
//! meetings that discuss the source pool.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Assessments {
    Table,
    Id,
    CandidacyId,
    StaffId,
    WrittenOn,
    Political,
    Ethics,
    Study,
    UnionWork,
    Strengths,
    ToImprove,
    Recommendation,
    WrittenBy,
    WrittenAt,
}

#[derive(DeriveIden)]
enum AwarenessClasses {
    Table,
    Id,
    CentreId,
    Name,
    StartsOn,
    EndsOn,
    Capacity,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AwarenessEnrolments {
    Table,
    Id,
    ClassId,
    CandidacyId,
    EnrolledOn,
    CertificateId,
    EnrolledBy,
    EnrolledAt,
}

#[derive(DeriveIden)]
enum JointMeetings {
    Table,
    Id,
    SchoolId,
    HeldOn,
    Attendees,
    Decisions,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum JointMeetingStudents {
    Table,
    Id,
    MeetingId,
    StudentId,
    Note,
}

#[derive(DeriveIden)]
enum Candidacies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Assessments::Table)
                .col(big_pk_auto(Assessments::Id))
                .col(big_integer(Assessments::CandidacyId))
                .col(big_integer(Assessments::StaffId))
                .col(date(Assessments::WrittenOn))
                // Ratings: good | fair | average | weak.
                .col(string_len(Assessments::Political, 12))
                .col(string_len(Assessments::Ethics, 12))
                .col(string_len(Assessments::Study, 12))
                .col(string_len(Assessments::UnionWork, 12))
                .col(text(Assessments::Strengths))
                .col(text(Assessments::ToImprove))
                // continue | ready | not_yet
                .col(string_len(Assessments::Recommendation, 12))
                .col(big_integer(Assessments::WrittenBy))
                .col(timestamp_with_time_zone(Assessments::WrittenAt))
                .foreign_key(&mut fk((Assessments::Table, Assessments::CandidacyId), (Candidacies::Table, Candidacies::Id)))
                .foreign_key(&mut fk((Assessments::Table, Assessments::StaffId), (Staff::Table, Staff::Id)))
                .foreign_key(&mut fk((Assessments::Table, Assessments::WrittenBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_assessments_candidacy", Assessments::Table, &["candidacy_id"])).await?;
        m.create_table(
            Table::create()
                .table(AwarenessClasses::Table)
                .col(big_pk_auto(AwarenessClasses::Id))
                .col(big_integer(AwarenessClasses::CentreId))
                .col(string_len(AwarenessClasses::Name, 120))
                .col(date(AwarenessClasses::StartsOn))
                .col(date(AwarenessClasses::EndsOn))
                .col(integer(AwarenessClasses::Capacity))
                .col(big_integer(AwarenessClasses::CreatedBy))
                .col(timestamp_with_time_zone(AwarenessClasses::CreatedAt))
                .foreign_key(&mut fk((AwarenessClasses::Table, AwarenessClasses::CentreId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((AwarenessClasses::Table, AwarenessClasses::CreatedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_awareness_classes_centre", AwarenessClasses::Table, &["centre_id", "starts_on"])).await?;
        m.create_table(
            Table::create()
                .table(AwarenessEnrolments::Table)
                .col(big_pk_auto(AwarenessEnrolments::Id))
                .col(big_integer(AwarenessEnrolments::ClassId))
                .col(big_integer(AwarenessEnrolments::CandidacyId))
                .col(date(AwarenessEnrolments::EnrolledOn))
                // Set when the candidate completed the class and got the certificate.
                .col(big_integer_null(AwarenessEnrolments::CertificateId))
                .col(big_integer(AwarenessEnrolments::EnrolledBy))
                .col(timestamp_with_time_zone(AwarenessEnrolments::EnrolledAt))
                .foreign_key(&mut fk((AwarenessEnrolments::Table, AwarenessEnrolments::ClassId), (AwarenessClasses::Table, AwarenessClasses::Id)))
                .foreign_key(&mut fk((AwarenessEnrolments::Table, AwarenessEnrolments::CandidacyId), (Candidacies::Table, Candidacies::Id)))
                .foreign_key(&mut fk((AwarenessEnrolments::Table, AwarenessEnrolments::CertificateId), (Certificates::Table, Certificates::Id)))
                .foreign_key(&mut fk((AwarenessEnrolments::Table, AwarenessEnrolments::EnrolledBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_awareness_enrolments", AwarenessEnrolments::Table, &["class_id", "candidacy_id"]).unique().to_owned()).await?;
        m.create_index(index("ix_awareness_enrolments_candidacy", AwarenessEnrolments::Table, &["candidacy_id"])).await?;
        m.create_table(
            Table::create()
                .table(JointMeetings::Table)
                .col(big_pk_auto(JointMeetings::Id))
                .col(big_integer(JointMeetings::SchoolId))
                .col(date(JointMeetings::HeldOn))
                .col(text(JointMeetings::Attendees))
                .col(text(JointMeetings::Decisions))
                .col(big_integer(JointMeetings::RecordedBy))
                .col(timestamp_with_time_zone(JointMeetings::RecordedAt))
                .foreign_key(&mut fk((JointMeetings::Table, JointMeetings::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((JointMeetings::Table, JointMeetings::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_joint_meetings_school", JointMeetings::Table, &["school_id", "held_on"])).await?;
        m.create_table(
            Table::create()
                .table(JointMeetingStudents::Table)
                .col(big_pk_auto(JointMeetingStudents::Id))
                .col(big_integer(JointMeetingStudents::MeetingId))
                .col(big_integer(JointMeetingStudents::StudentId))
                .col(text_null(JointMeetingStudents::Note))
                .foreign_key(&mut fk((JointMeetingStudents::Table, JointMeetingStudents::MeetingId), (JointMeetings::Table, JointMeetings::Id)))
                .foreign_key(&mut fk((JointMeetingStudents::Table, JointMeetingStudents::StudentId), (Students::Table, Students::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ux_joint_meeting_students", JointMeetingStudents::Table, &["meeting_id", "student_id"]).unique().to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            JointMeetingStudents::Table.into_iden(),
            JointMeetings::Table.into_iden(),
            AwarenessEnrolments::Table.into_iden(),
            AwarenessClasses::Table.into_iden(),
            Assessments::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
