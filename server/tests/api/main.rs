//! Integration tests: each spawns the real server on port 0 with a fresh database and talks HTTP.
//! On SQLite by default; on PostgreSQL when `TEST_DATABASE_URL` is set (a fresh database per test).
//! One binary for all of them, so they link once.

mod assets;
mod audit;
mod cli;
mod errors;
mod helpers;
mod session;
mod users;
