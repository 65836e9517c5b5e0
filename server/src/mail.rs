//! Delivering the outbox. Messages are written to `outbox` in the same transaction as what they
//! confirm; this worker sends them over SMTP and marks them sent. Nothing is lost: a message that
//! fails stays in the outbox and is tried again.
//!
//! Breedwerf speaks plain SMTP to a relay on the internal network (`BREEDWERF_SMTP_HOST`); the relay
//! takes care of transport security to the outside. Without a relay, messages stay in the outbox,
//! where the admin of a demo reads them.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message as Email, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::Notify;

use crate::clock;
use crate::entities::outbox;
use crate::routes::applications::Message;
use crate::startup::AppState;

/// How often the worker looks at the outbox when nobody nudges it.
const INTERVAL: Duration = Duration::from_secs(30);
/// Messages per round.
const BATCH: u64 = 50;

/// Wakes the delivery worker: a handler that wrote to the outbox nudges it.
#[derive(Debug, Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn nudge(&self) {
        self.0.notify_one();
    }
}

/// Runs until the process ends: delivers pending messages on every nudge and every [`INTERVAL`].
pub async fn deliver_forever(state: AppState, host: String, port: u16) {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(port)
        .timeout(Some(Duration::from_secs(20)))
        .build();
    loop {
        match deliver_pending(&state, &transport).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "outbox delivered"),
            Err(error) => tracing::warn!(error = %error, "outbox delivery failed; will try again"),
        }
        tokio::select! {
            () = state.outbox.0.notified() => {}
            () = tokio::time::sleep(INTERVAL) => {}
        }
    }
}

/// Sends what is waiting, oldest first; returns how many were sent.
async fn deliver_pending(state: &AppState, transport: &AsyncSmtpTransport<Tokio1Executor>) -> anyhow::Result<usize> {
    let from: Mailbox = state.config.mail_from.parse()?;
    let pending = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .order_by_asc(outbox::Column::CreatedAt)
        .limit(BATCH)
        .all(&state.db)
        .await?;
    let mut sent = 0;
    for row in pending {
        let message = Message::open(&state.keys, &row)?;
        let email = match message.to.parse::<Mailbox>() {
            Ok(to) => Email::builder()
                .from(from.clone())
                .to(to)
                .subject(message.subject)
                .header(ContentType::TEXT_PLAIN)
                .body(message.body)?,
            Err(_) => {
                // Logged by id only: the address is personal data.
                tracing::warn!(message = %row.id, "the recipient's address cannot be used for SMTP");
                continue;
            }
        };
        match transport.send(email).await {
            Ok(_) => {
                outbox::Entity::update_many()
                    .col_expr(outbox::Column::SentAt, Expr::value(Some(clock::now())))
                    .filter(outbox::Column::Id.eq(row.id))
                    .exec(&state.db)
                    .await?;
                sent += 1;
            }
            Err(error) => {
                // The relay's reply may quote the address: log its code only.
                let code = error.status().map(|code| code.to_string()).unwrap_or_default();
                tracing::warn!(message = %row.id, code, permanent = error.is_permanent(), "sending failed; will try again");
                break;
            }
        }
    }
    Ok(sent)
}
