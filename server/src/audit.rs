//! Writing and checking the append-only audit log (the chain itself is `domain::audit`).
//!
//! An act and its audit entry are committed together: begin an [`AuditedTransaction`], do the act's
//! writes, [`AuditedTransaction::record`] the entry, commit. If either fails, neither happens.
//! Within one process appends are serialised by a lock; between processes the sequence number is
//! the primary key, so a concurrent append fails (and changes nothing) instead of forking the chain.
//! Do the act's own writes before `record`: on SQLite that takes the write lock first.

use std::ops::Deref;
use std::sync::Arc;

use domain::audit::{AuditAction, AuditRecord, BrokenLink, ChainVerifier, ChainedRecord, GENESIS_HASH, chain_hash};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use tokio::sync::{Mutex, OwnedMutexGuard};
use uuid::Uuid;

use crate::clock;
use crate::entities::audit_log;

/// One consequential act to record. `details` holds ids and codes, never personal data.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: AuditAction,
    pub actor: Option<Uuid>,
    pub subject: Option<String>,
    pub details: serde_json::Value,
}

impl AuditEntry {
    pub fn new(action: AuditAction) -> AuditEntry {
        AuditEntry { action, actor: None, subject: None, details: serde_json::json!({}) }
    }

    pub fn actor(mut self, actor: Uuid) -> AuditEntry {
        self.actor = Some(actor);
        self
    }

    pub fn subject(mut self, subject: impl ToString) -> AuditEntry {
        self.subject = Some(subject.to_string());
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> AuditEntry {
        self.details = details;
        self
    }
}

/// The process's writer of the audit log.
#[derive(Debug, Clone, Default)]
pub struct AuditLog {
    append_lock: Arc<Mutex<()>>,
}

impl AuditLog {
    /// Starts a transaction in which acts and their audit entries are written together.
    pub async fn begin(&self, db: &DatabaseConnection) -> Result<AuditedTransaction, DbErr> {
        let guard = self.append_lock.clone().lock_owned().await;
        let transaction = db.begin().await?;
        Ok(AuditedTransaction { transaction, _guard: guard })
    }
}

/// A database transaction that may append to the audit log. Use it as the connection for the
/// act's own writes.
pub struct AuditedTransaction {
    transaction: DatabaseTransaction,
    _guard: OwnedMutexGuard<()>,
}

impl Deref for AuditedTransaction {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.transaction
    }
}

impl AuditedTransaction {
    /// Appends `entry` to the chain, inside this transaction.
    pub async fn record(&self, entry: AuditEntry) -> Result<(), DbErr> {
        let last = audit_log::Entity::find().order_by_desc(audit_log::Column::Sequence).one(&self.transaction).await?;
        let (sequence, previous_hash) = match last {
            Some(last) => (last.sequence + 1, last.hash),
            None => (1, GENESIS_HASH.to_owned()),
        };
        // The database keeps microseconds; the hash covers exactly what is kept.
        let at = clock::now();
        let record = AuditRecord {
            sequence,
            at_unix_micros: at.timestamp_micros(),
            actor: entry.actor.map(|id| id.to_string()),
            action: entry.action.as_str().to_owned(),
            subject: entry.subject,
            details: entry.details.to_string(),
        };
        let hash = chain_hash(&previous_hash, &record);
        audit_log::ActiveModel {
            sequence: Set(sequence),
            at: Set(at),
            actor_id: Set(entry.actor),
            action: Set(record.action),
            subject: Set(record.subject),
            details: Set(record.details),
            previous_hash: Set(previous_hash),
            hash: Set(hash),
        }
        .insert(&self.transaction)
        .await?;
        Ok(())
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.transaction.commit().await
    }
}

/// Checks the whole chain, a page at a time. `Ok(Ok(n))`: all `n` entries hold.
pub async fn verify(db: &DatabaseConnection) -> Result<Result<u64, BrokenLink>, DbErr> {
    const PAGE: u64 = 1000;
    let mut verifier = ChainVerifier::default();
    let mut after = 0i64;
    loop {
        let page = audit_log::Entity::find()
            .filter(audit_log::Column::Sequence.gt(after))
            .order_by_asc(audit_log::Column::Sequence)
            .limit(PAGE)
            .all(db)
            .await?;
        let Some(last) = page.last() else {
            return Ok(Ok(verifier.checked()));
        };
        after = last.sequence;
        for row in page {
            if let Err(broken) = verifier.push(&chained(row)) {
                return Ok(Err(broken));
            }
        }
    }
}

fn chained(row: audit_log::Model) -> ChainedRecord {
    ChainedRecord {
        record: AuditRecord {
            sequence: row.sequence,
            at_unix_micros: row.at.timestamp_micros(),
            actor: row.actor_id.map(|id| id.to_string()),
            action: row.action,
            subject: row.subject,
            details: row.details,
        },
        previous_hash: row.previous_hash,
        hash: row.hash,
    }
}
