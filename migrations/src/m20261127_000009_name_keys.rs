//! A stored Vietnamese collation key for every student's name, so the
//! database can order class lists and rankings itself and return one page
//! instead of the whole roll. The keys are written by the application (ICU
//! collation); rows migrated from an older version get theirs at start-up.
//! Also an index that covers a year's per-student totals.

use crate::helpers::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Students {
    Table,
    NameKey,
}

#[derive(DeriveIden)]
enum StudentTotals {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Students::Table).add_column(blob_null(Students::NameKey)).to_owned()).await?;
        m.create_index(index("ix_students_school_name_key", Students::Table, &["school_id", "name_key"])).await?;
        // Covers a year's totals per student (rankings, lists): read in student order from the index alone.
        let covering = ["school_year_id", "student_id", "semester", "category_id", "points"];
        m.create_index(index("ix_student_totals_year_student", StudentTotals::Table, &covering)).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_student_totals_year_student").table(StudentTotals::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("ix_students_school_name_key").table(Students::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Students::Table).drop_column(Students::NameKey).to_owned()).await?;
        Ok(())
    }
}
