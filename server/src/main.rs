//! `breedwerf`: the server's command line. Thin: every command calls into the library.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use domain::access::Role;
use server::accounts::{self, CreateUserError, DEMO_ACCOUNTS, DEMO_PASSWORD, NewUser};
use server::audit::{self, AuditLog};
use server::config::Config;
use server::crypto::Keys;
use server::startup::Application;
use server::{check_text, database, demo, demo_pilot, detect_identity, telemetry};

/// Breedwerf: recruit broadly, select objectively.
///
/// Configuration comes from environment variables: BREEDWERF_DATABASE_URL (default
/// sqlite://data/breedwerf.db?mode=rwc), BREEDWERF_BIND (default 127.0.0.1:8080),
/// BREEDWERF_ASSETS_DIR (default dist), BREEDWERF_SECURE_COOKIES, BREEDWERF_SESSION_HOURS,
/// BREEDWERF_LOG_JSON.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (migrations run first).
    Serve {
        /// Create the demo accounts if they do not exist yet, and print them.
        #[arg(long)]
        seed_demo: bool,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Create the demo accounts if they do not exist yet; with --vacancies and --applications, also
    /// generate that many vacancies and applicants in the demo pilot, both arms, with scores and
    /// outcomes (for the evaluation dashboard and its benchmark).
    SeedDemo {
        #[arg(long, default_value_t = 0)]
        vacancies: usize,
        #[arg(long, default_value_t = 0)]
        applications: usize,
        /// The seed of the generated data: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check vacancy texts with the inclusive-language analyser: one JSON document (or a text
    /// summary) per file. Exits non-zero if a file could not be read; the others are still checked.
    CheckText {
        /// nl, en, or auto (detect per file).
        #[arg(long, default_value = "auto", value_parser = parse_language)]
        lang: LanguageChoice,
        #[arg(long, value_enum, default_value = "json")]
        format: check_text::Format,
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Find identity cues (names, contact data, age, origin, religion, gender, schools, …) in
    /// answers: one JSON document (or a text summary) per file, as the screening step sees them.
    DetectIdentity {
        #[arg(long, value_enum, default_value = "json")]
        format: check_text::Format,
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Work with the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create a staff account. The password is read from BREEDWERF_NEW_PASSWORD, so it does not
    /// end up in the shell history.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// admin, recruiter, committee or evaluator.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[arg(long, env = "BREEDWERF_NEW_PASSWORD", hide_env_values = true)]
        password: String,
        /// The organisation (by name) whose vacancies the account works on; created if new.
        #[arg(long)]
        organisation: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the hash chain; report the first broken link and exit non-zero if there is one.
    Verify,
}

#[derive(Debug, Clone, Copy)]
struct LanguageChoice(Option<api::Language>);

fn parse_language(tag: &str) -> Result<LanguageChoice, String> {
    match tag {
        "auto" => Ok(LanguageChoice(None)),
        other => api::Language::from_tag(other)
            .map(|l| LanguageChoice(Some(l)))
            .ok_or_else(|| "expected nl, en or auto".to_owned()),
    }
}

fn parse_role(name: &str) -> Result<Role, String> {
    Role::parse(name).ok_or_else(|| "expected admin, recruiter, committee or evaluator".to_owned())
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("configuration error: {error}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(config.log_json);
    match run(cli.command, config).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, mut config: Config) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve { seed_demo } => {
            // The demo has no mail server: its admin reads the outbox in the app.
            config.demo |= seed_demo;
            let application = Application::build(config).await?;
            if seed_demo {
                let state = application.state();
                demo::seed(&state.db, &state.audit, &state.keys).await?;
                print_demo_accounts();
            }
            println!("Breedwerf is running at http://127.0.0.1:{}/ (Ctrl+C stops it)", application.port());
            application.run_until_stopped().await?;
        }
        Command::Migrate => {
            let db = database::connect(&config.database_url).await?;
            database::migrate(&db).await?;
            println!("The database is up to date.");
        }
        Command::SeedDemo { vacancies, applications, seed } => {
            let db = database::connect(&config.database_url).await?;
            database::migrate(&db).await?;
            let keys = Keys::from_config(&config)?;
            demo::seed(&db, &AuditLog::default(), &keys).await?;
            print_demo_accounts();
            if vacancies > 0 {
                let size = demo_pilot::Size { vacancies, applications };
                let written = demo_pilot::seed(&db, &keys, size, seed).await?;
                println!(
                    "Added to the demo pilot: {} vacancies, {} applicants, {} events, {} scores.",
                    written.vacancies, written.applicants, written.events, written.scores
                );
            }
        }
        Command::User { command: UserCommand::Create { username, display_name, role, password, organisation } } => {
            let db = database::connect(&config.database_url).await?;
            database::migrate(&db).await?;
            let organisation = match organisation {
                Some(name) => Some(accounts::ensure_organisation(&db, &name).await?),
                None => None,
            };
            let new =
                NewUser { username: &username, display_name: &display_name, password: &password, role, organisation };
            match accounts::create_user(&db, &AuditLog::default(), None, new).await {
                Ok(user) => println!("Created {} ({}) with id {}.", user.username, user.role, user.id),
                Err(CreateUserError::Invalid(fields)) => {
                    for (field, code) in fields {
                        eprintln!("{field}: {}", code.message(api::Language::En));
                    }
                    return Ok(ExitCode::FAILURE);
                }
                Err(CreateUserError::UsernameTaken) => {
                    eprintln!("username: {}", api::problem::ErrorCode::UsernameTaken.message(api::Language::En));
                    return Ok(ExitCode::FAILURE);
                }
                Err(CreateUserError::Unexpected(error)) => return Err(error),
            }
        }
        Command::CheckText { lang, format, files } => {
            let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
            let all_read = check_text::check_files(&files, lang.0, format, &mut stdout.lock(), &mut stderr.lock())?;
            if !all_read {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::DetectIdentity { format, files } => {
            let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
            if !detect_identity::detect_files(&files, format, &mut stdout.lock(), &mut stderr.lock())? {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Audit { command: AuditCommand::Verify } => {
            let db = database::connect(&config.database_url).await?;
            database::migrate(&db).await?;
            match audit::verify(&db).await? {
                Ok(count) => println!("The audit log is intact: {count} entries checked."),
                Err(broken) => {
                    eprintln!("The audit log is broken at {broken}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_demo_accounts() {
    println!("Demo accounts (password for all: {DEMO_PASSWORD}):");
    for (username, display_name, role) in DEMO_ACCOUNTS {
        println!("  {username:<12} {:<10} {display_name}", role.as_str());
    }
}
