//! Uploaded roster files awaiting (or done with) import. The file is kept
//! only between upload and import: importing, or a day's wait, erases it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RosterUploads {
    Table,
    Id,
    SchoolId,
    SchoolYearId,
    UploadedBy,
    FileName,
    Content,
    SizeBytes,
    UploadedAt,
    CommittedAt,
    Summary,
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RosterUploads::Table)
                .col(big_pk_auto(RosterUploads::Id))
                .col(big_integer(RosterUploads::SchoolId))
                .col(big_integer(RosterUploads::SchoolYearId))
                .col(big_integer(RosterUploads::UploadedBy))
                .col(string_len(RosterUploads::FileName, 255))
                .col(blob_null(RosterUploads::Content))
                .col(big_integer(RosterUploads::SizeBytes))
                .col(timestamp_with_time_zone(RosterUploads::UploadedAt))
                .col(timestamp_with_time_zone_null(RosterUploads::CommittedAt))
                .col(text_null(RosterUploads::Summary))
                .foreign_key(ForeignKey::create().from(RosterUploads::Table, RosterUploads::SchoolId).to(OrgUnits::Table, OrgUnits::Id))
                .foreign_key(
                    ForeignKey::create().from(RosterUploads::Table, RosterUploads::SchoolYearId).to(SchoolYears::Table, SchoolYears::Id),
                )
                .foreign_key(ForeignKey::create().from(RosterUploads::Table, RosterUploads::UploadedBy).to(Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_roster_uploads_user")
                .table(RosterUploads::Table)
                .col(RosterUploads::UploadedBy)
                .col(RosterUploads::UploadedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RosterUploads::Table).to_owned()).await
    }
}
