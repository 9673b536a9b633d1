//! Personal-data duties (domain.md §5): the register of data-subject
//! requests, erasures proposed and confirmed by a second person, and the
//! mark of an anonymised student.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DataRequests {
    Table,
    Id,
    SchoolId,
    StudentId,
    Requester,
    RequesterName,
    Kind,
    Details,
    ReceivedOn,
    DueOn,
    AnsweredOn,
    Answer,
    AnsweredBy,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Erasures {
    Table,
    Id,
    SchoolId,
    StudentId,
    Reason,
    ProposedBy,
    ProposedAt,
    ConfirmedBy,
    ConfirmedAt,
    CancelledBy,
}

#[derive(DeriveIden)]
enum Students {
    Table,
    Id,
    AnonymisedAt,
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
                .table(DataRequests::Table)
                .col(big_pk_auto(DataRequests::Id))
                .col(big_integer(DataRequests::SchoolId))
                .col(big_integer(DataRequests::StudentId))
                // student | guardian
                .col(string_len(DataRequests::Requester, 12))
                .col(string_len(DataRequests::RequesterName, 120))
                // access | correction | erasure | withdrawal | objection
                .col(string_len(DataRequests::Kind, 12))
                .col(text(DataRequests::Details))
                .col(date(DataRequests::ReceivedOn))
                .col(date(DataRequests::DueOn))
                .col(date_null(DataRequests::AnsweredOn))
                .col(text_null(DataRequests::Answer))
                .col(big_integer_null(DataRequests::AnsweredBy))
                .col(big_integer(DataRequests::RecordedBy))
                .col(timestamp_with_time_zone(DataRequests::RecordedAt))
                .foreign_key(&mut fk((DataRequests::Table, DataRequests::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((DataRequests::Table, DataRequests::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((DataRequests::Table, DataRequests::AnsweredBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((DataRequests::Table, DataRequests::RecordedBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_data_requests_school_open", DataRequests::Table, &["school_id", "answered_on", "due_on"])).await?;
        m.create_index(index("ix_data_requests_student", DataRequests::Table, &["student_id"])).await?;
        m.create_table(
            Table::create()
                .table(Erasures::Table)
                .col(big_pk_auto(Erasures::Id))
                .col(big_integer(Erasures::SchoolId))
                .col(big_integer(Erasures::StudentId))
                .col(text(Erasures::Reason))
                .col(big_integer(Erasures::ProposedBy))
                .col(timestamp_with_time_zone(Erasures::ProposedAt))
                .col(big_integer_null(Erasures::ConfirmedBy))
                .col(timestamp_with_time_zone_null(Erasures::ConfirmedAt))
                .col(big_integer_null(Erasures::CancelledBy))
                .foreign_key(&mut fk((Erasures::Table, Erasures::SchoolId), (OrgUnits::Table, OrgUnits::Id)))
                .foreign_key(&mut fk((Erasures::Table, Erasures::StudentId), (Students::Table, Students::Id)))
                .foreign_key(&mut fk((Erasures::Table, Erasures::ProposedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((Erasures::Table, Erasures::ConfirmedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((Erasures::Table, Erasures::CancelledBy), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_erasures_student", Erasures::Table, &["student_id"])).await?;
        m.alter_table(Table::alter().table(Students::Table).add_column(timestamp_with_time_zone_null(Students::AnonymisedAt)).to_owned()).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Students::Table).drop_column(Students::AnonymisedAt).to_owned()).await?;
        m.drop_table(Table::drop().table(Erasures::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(DataRequests::Table).to_owned()).await?;
        Ok(())
    }
}
