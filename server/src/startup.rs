//! Building and running the application: connect, migrate, bind, serve until told to stop.

use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

use crate::audit::AuditLog;
use crate::config::Config;
use crate::crypto::Keys;
use crate::evaluation::{self, EvaluationCache};
use crate::mail::{self, OutboxSignal};
use crate::{assets, database, routes};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub audit: AuditLog,
    pub keys: Keys,
    /// Nudges the e-mail delivery worker after a handler wrote to the outbox.
    pub outbox: OutboxSignal,
    /// The pilots' evaluation data, read once and kept while it does not change.
    pub evaluation: EvaluationCache,
}

/// A server that is bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Connects to the database, applies migrations and binds the listener (port 0: any free port).
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let db = database::connect(&config.database_url).await?;
        database::migrate(&db).await?;
        let keys = Keys::from_config(&config)?;
        let listener = TcpListener::bind(config.bind).await?;
        let state = AppState {
            db,
            config: Arc::new(config),
            audit: AuditLog::default(),
            keys,
            outbox: OutboxSignal::default(),
            evaluation: EvaluationCache::default(),
        };
        let router = app(state.clone());
        Ok(Application { listener, router, state })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight. With an SMTP relay
    /// configured, a worker delivers the outbox meanwhile; the newest pilots' evaluation data is
    /// read ahead in the background.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tokio::spawn(evaluation::warm(self.state.clone()));
        if let Some(host) = self.state.config.smtp_host.clone() {
            tokio::spawn(mail::deliver_forever(self.state.clone(), host, self.state.config.smtp_port));
        }
        axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown_signal()).await
    }
}

/// The API, and the browser app for every other path.
pub fn app(state: AppState) -> Router {
    let assets = assets::router(&state.config.assets_dir);
    routes::api(state).merge(assets).layer(TraceLayer::new_for_http().make_span_with(request_span))
}

/// A span per request with the method and path only: no query string, no headers, no body.
fn request_span(request: &Request) -> tracing::Span {
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
