//! Integration tests: each spawns the real server on port 0 with a fresh database and talks HTTP.
#![allow(clippy::expect_used, clippy::unwrap_used)] // Tests fail loudly on purpose.
//! On SQLite by default; on PostgreSQL when `TEST_DATABASE_URL` is set (a fresh database per test).
//! One binary for all of them, so they link once.

mod analysis;
mod applications;
mod assets;
mod audit;
mod cli;
mod control;
mod errors;
mod helpers;
mod interview;
mod organisations;
mod pilots;
mod scoring;
mod screening;
mod session;
mod shortlist;
mod surveys;
mod users;
mod vacancies;
