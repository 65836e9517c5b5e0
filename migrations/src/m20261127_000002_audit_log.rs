//! The append-only audit log. The database itself refuses to change or delete an entry; the hash
//! chain (see `domain::audit`) detects tampering by anyone who gets past that.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    // The sequence is the primary key, so two writers can never both append entry n:
                    // the chain cannot fork.
                    .col(big_integer(AuditLog::Sequence).primary_key())
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(uuid_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_null(AuditLog::Subject))
                    .col(text(AuditLog::Details))
                    .col(string_len(AuditLog::PreviousHash, 64))
                    .col(string_len_uniq(AuditLog::Hash, 64))
                    .to_owned(),
            )
            .await?;
        let connection = manager.get_connection();
        for statement in append_only_guard(manager.get_database_backend()) {
            connection.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager.get_connection().execute_unprepared(POSTGRES_DROP_GUARD).await?;
        }
        manager.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await
    }
}

fn append_only_guard(backend: DatabaseBackend) -> &'static [&'static str] {
    match backend {
        DatabaseBackend::Postgres => &[
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$",
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log \
             FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
             FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
        ],
        _ => &[
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        ],
    }
}

const POSTGRES_DROP_GUARD: &str = "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log; \
     DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log; \
     DROP FUNCTION IF EXISTS audit_log_append_only()";

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Sequence,
    At,
    ActorId,
    Action,
    Subject,
    Details,
    PreviousHash,
    Hash,
}
