//! Creating staff accounts, for the admin's API, the CLI and the demo seed alike.

use api::problem::ErrorCode;
use domain::access::Role;
use domain::account::{DisplayName, Password, Username};
use domain::audit::AuditAction;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set, SqlErr};
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditLog};
use crate::clock;
use crate::entities::{organisations, users};

/// A staff account as typed in a form or on the command line, before parsing.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub role: Role,
    /// The organisation whose vacancies the account works on, if any.
    pub organisation: Option<Uuid>,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    /// Fields that are not valid, each with the code of what is wrong.
    #[error("invalid fields: {0:?}")]
    Invalid(Vec<(&'static str, ErrorCode)>),
    #[error("username is taken")]
    UsernameTaken,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for CreateUserError {
    fn from(error: sea_orm::DbErr) -> CreateUserError {
        match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => CreateUserError::UsernameTaken,
            _ => CreateUserError::Unexpected(error.into()),
        }
    }
}

/// Creates an account and records it in the audit log, both or neither.
pub async fn create_user(
    db: &DatabaseConnection,
    audit: &AuditLog,
    actor: Option<Uuid>,
    new: NewUser<'_>,
) -> Result<users::Model, CreateUserError> {
    let username = Username::parse(new.username);
    let display_name = DisplayName::parse(new.display_name);
    let password = Password::parse(new.password);
    let mut invalid = Vec::new();
    if let Err(e) = &username {
        invalid.push(("username", ErrorCode::from(*e)));
    }
    if let Err(e) = &display_name {
        invalid.push(("display_name", ErrorCode::from(*e)));
    }
    if let Err(e) = &password {
        invalid.push(("password", ErrorCode::from(*e)));
    }
    let (Ok(username), Ok(display_name), Ok(password)) = (username, display_name, password) else {
        return Err(CreateUserError::Invalid(invalid));
    };

    let password_hash = crate::auth::password::hash(password).await?;
    let row = users::Model {
        id: Uuid::new_v4(),
        username: username.as_str().to_owned(),
        display_name: display_name.as_str().to_owned(),
        role: new.role.as_str().to_owned(),
        password_hash,
        created_at: clock::now(),
        organisation_id: new.organisation,
    };
    let transaction = audit.begin(db).await?;
    users::Entity::insert(users::ActiveModel {
        id: Set(row.id),
        username: Set(row.username.clone()),
        display_name: Set(row.display_name.clone()),
        role: Set(row.role.clone()),
        password_hash: Set(row.password_hash.clone()),
        created_at: Set(row.created_at),
        organisation_id: Set(row.organisation_id),
    })
    .exec_without_returning(&*transaction)
    .await?;
    let mut entry = AuditEntry::new(AuditAction::UserCreated)
        .subject(row.id)
        .details(serde_json::json!({ "role": new.role.as_str() }));
    if let Some(actor) = actor {
        entry = entry.actor(actor);
    }
    transaction.record(entry).await?;
    transaction.commit().await?;
    Ok(row)
}

/// The password of every demo account. Demo data only: never seed a production database.
pub const DEMO_PASSWORD: &str = "breedwerf-demo";

/// The demo accounts: one per role, and three committee members.
pub const DEMO_ACCOUNTS: [(&str, &str, Role); 6] = [
    ("admin", "Beheerder Demo", Role::Admin),
    ("recruiter", "Recruiter Demo", Role::Recruiter),
    ("commissie1", "Commissielid Een", Role::Committee),
    ("commissie2", "Commissielid Twee", Role::Committee),
    ("commissie3", "Commissielid Drie", Role::Committee),
    ("evaluator", "Evaluator Demo", Role::Evaluator),
];

/// The organisation of the demo accounts.
pub const DEMO_ORGANISATION: &str = "Ministerie van Voorbeeldzaken (demo)";

/// The id of the organisation called `name`, created if it does not exist yet.
pub async fn ensure_organisation(db: &DatabaseConnection, name: &str) -> Result<Uuid, sea_orm::DbErr> {
    let existing = organisations::Entity::find().filter(organisations::Column::Name.eq(name)).one(db).await?;
    if let Some(organisation) = existing {
        return Ok(organisation.id);
    }
    let id = Uuid::new_v4();
    organisations::Entity::insert(organisations::ActiveModel {
        id: Set(id),
        name: Set(name.to_owned()),
        created_at: Set(clock::now()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// Creates the demo accounts that do not exist yet; returns the usernames it created.
pub async fn seed_demo(db: &DatabaseConnection, audit: &AuditLog) -> Result<Vec<&'static str>, CreateUserError> {
    let organisation = Some(ensure_organisation(db, DEMO_ORGANISATION).await?);
    let mut created = Vec::new();
    for (username, display_name, role) in DEMO_ACCOUNTS {
        let exists = users::Entity::find().filter(users::Column::Username.eq(username)).count(db).await? > 0;
        if exists {
            continue;
        }
        create_user(db, audit, None, NewUser { username, display_name, password: DEMO_PASSWORD, role, organisation })
            .await?;
        created.push(username);
    }
    Ok(created)
}
