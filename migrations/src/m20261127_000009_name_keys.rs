//! A stored Vietnamese collation key for every student's name, so the
//! database can order class lists and rankings itself and return one page
//! instead of the whole roll. The keys are written by the application (ICU
//! collation); rows migrated from an older version get theirs at start-up.

use crate::helpers::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Students {
    Table,
    NameKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Students::Table).add_column(blob_null(Students::NameKey)).to_owned()).await?;
        m.create_index(index("ix_students_school_name_key", Students::Table, &["school_id", "name_key"])).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_students_school_name_key").table(Students::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Students::Table).drop_column(Students::NameKey).to_owned()).await?;
        Ok(())
    }
}
