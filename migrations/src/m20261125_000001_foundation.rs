//! Foundation tables: organisation units (minimal, extended by the
//! organisation issue), accounts, role grants, sessions, login attempts and
//! the append-only audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnits {
    Table,
    Id,
    Kind,
    Name,
    ParentId,
    ValidFrom,
    ValidTo,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    FullName,
    PasswordHash,
    Locale,
    IsActive,
    CreatedAt,
    PasswordChangedAt,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    Id,
    UserId,
    Role,
    OrgUnitId,
    GrantedBy,
    GrantedAt,
    RevokedBy,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    ClientAddr,
    UserAgent,
}

#[derive(DeriveIden)]
enum LoginAttempts {
    Table,
    Id,
    Username,
    ClientAddr,
    AttemptedAt,
    Succeeded,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OccurredAt,
    ActorUserId,
    Action,
    Entity,
    EntityId,
    Before,
    After,
    ClientAddr,
}

#[derive(DeriveIden)]
enum AppMeta {
    Table,
    Key,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OrgUnits::Table)
                .col(big_pk_auto(OrgUnits::Id))
                .col(string_len(OrgUnits::Kind, 40))
                .col(string_len(OrgUnits::Name, 200))
                .col(big_integer_null(OrgUnits::ParentId))
                .col(date_null(OrgUnits::ValidFrom))
                .col(date_null(OrgUnits::ValidTo))
                .col(timestamp_with_time_zone(OrgUnits::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrgUnits::Table, OrgUnits::ParentId)
                        .to(OrgUnits::Table, OrgUnits::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_org_units_parent").table(OrgUnits::Table).col(OrgUnits::ParentId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(big_pk_auto(Users::Id))
                .col(string_len_uniq(Users::Username, 64))
                .col(string_len(Users::FullName, 200))
                .col(string_len(Users::PasswordHash, 255))
                .col(string_len(Users::Locale, 8).default("vi"))
                .col(boolean(Users::IsActive).default(true))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::PasswordChangedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RoleGrants::Table)
                .col(big_pk_auto(RoleGrants::Id))
                .col(big_integer(RoleGrants::UserId))
                .col(string_len(RoleGrants::Role, 40))
                .col(big_integer(RoleGrants::OrgUnitId))
                .col(big_integer_null(RoleGrants::GrantedBy))
                .col(timestamp_with_time_zone(RoleGrants::GrantedAt))
                .col(big_integer_null(RoleGrants::RevokedBy))
                .col(timestamp_with_time_zone_null(RoleGrants::RevokedAt))
                .foreign_key(ForeignKey::create().from(RoleGrants::Table, RoleGrants::UserId).to(Users::Table, Users::Id))
                .foreign_key(
                    ForeignKey::create().from(RoleGrants::Table, RoleGrants::OrgUnitId).to(OrgUnits::Table, OrgUnits::Id),
                )
                .foreign_key(ForeignKey::create().from(RoleGrants::Table, RoleGrants::GrantedBy).to(Users::Table, Users::Id))
                .foreign_key(ForeignKey::create().from(RoleGrants::Table, RoleGrants::RevokedBy).to(Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_role_grants_user").table(RoleGrants::Table).col(RoleGrants::UserId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                // SHA-256 of the cookie token, hex: the token itself is never stored.
                .col(string_len(Sessions::Id, 64).primary_key())
                .col(big_integer(Sessions::UserId))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .col(string_len(Sessions::ClientAddr, 64))
                .col(string_len(Sessions::UserAgent, 300))
                .foreign_key(ForeignKey::create().from(Sessions::Table, Sessions::UserId).to(Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_sessions_user").table(Sessions::Table).col(Sessions::UserId).to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table(LoginAttempts::Table)
                .col(big_pk_auto(LoginAttempts::Id))
                .col(string_len(LoginAttempts::Username, 64))
                .col(string_len(LoginAttempts::ClientAddr, 64))
                .col(timestamp_with_time_zone(LoginAttempts::AttemptedAt))
                .col(boolean(LoginAttempts::Succeeded))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_login_attempts_user")
                .table(LoginAttempts::Table)
                .col(LoginAttempts::Username)
                .col(LoginAttempts::AttemptedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_login_attempts_addr")
                .table(LoginAttempts::Table)
                .col(LoginAttempts::ClientAddr)
                .col(LoginAttempts::AttemptedAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(big_pk_auto(AuditLog::Id))
                .col(timestamp_with_time_zone(AuditLog::OccurredAt))
                .col(big_integer_null(AuditLog::ActorUserId))
                .col(string_len(AuditLog::Action, 40))
                .col(string_len(AuditLog::Entity, 60))
                .col(string_len_null(AuditLog::EntityId, 64))
                .col(text_null(AuditLog::Before))
                .col(text_null(AuditLog::After))
                .col(string_len_null(AuditLog::ClientAddr, 64))
                .foreign_key(ForeignKey::create().from(AuditLog::Table, AuditLog::ActorUserId).to(Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_audit_entity")
                .table(AuditLog::Table)
                .col(AuditLog::Entity)
                .col(AuditLog::EntityId)
                .to_owned(),
        )
        .await?;
        // Installation facts; the `setup_done` key makes first-run set-up happen once,
        // even when two requests race on PostgreSQL.
        m.create_table(
            Table::create()
                .table(AppMeta::Table)
                .col(string_len(AppMeta::Key, 64).primary_key())
                .col(text(AppMeta::Value))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AppMeta::Table.into_iden(),
            AuditLog::Table.into_iden(),
            LoginAttempts::Table.into_iden(),
            Sessions::Table.into_iden(),
            RoleGrants::Table.into_iden(),
            Users::Table.into_iden(),
            OrgUnits::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
