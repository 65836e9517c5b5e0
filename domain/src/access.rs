//! Who may do what. Staff have one role; every permission is denied unless listed here.
//!
//! Committee membership is per vacancy (`committee_members` in the server); the `Committee` role marks
//! the staff members who may serve on selection committees.

use serde::{Deserialize, Serialize};

/// A staff member's role (PRODUCT.md, "Users and what they must be able to do").
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Beheerder: organisations, users, pilots, rule sets, retention.
    Admin,
    /// Recruiter or HR adviser: vacancies, questionnaires, the procedure.
    Recruiter,
    /// Commissielid: scores blind, per vacancy.
    Committee,
    /// Evaluator: aggregated outcomes of a pilot, never individuals.
    Evaluator,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Recruiter, Role::Committee, Role::Evaluator];

    /// The stable name used in the database, the CLI and the wire format.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Recruiter => "recruiter",
            Role::Committee => "committee",
            Role::Evaluator => "evaluator",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == name)
    }

    /// Whether this role grants `permission`. Deny by default: a permission not listed is refused.
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        matches!(
            (self, permission),
            (Role::Admin, ManageUsers | VerifyAuditLog | ManageRules | ReadOutbox | ManagePilots)
                | (Role::Recruiter, ManageVacancies | ScoreInterviews)
                | (Role::Committee, ScoreAnswers | ScoreInterviews)
                | (Role::Evaluator, ReadEvaluation)
        )
    }
}

/// Something a route needs before it runs. Routes ask for a permission, never for a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// List and create staff accounts.
    ManageUsers,
    /// Check the audit log's hash chain.
    VerifyAuditLog,
    /// Write and publish vacancies.
    ManageVacancies,
    /// Add and remove an organisation's own text rules.
    ManageRules,
    /// Read the e-mail outbox (demo mode only, where no mail server is configured).
    ReadOutbox,
    /// Read and score the masked answers of the vacancies one sits on, once released for scoring.
    ScoreAnswers,
    /// Score the interviews of the vacancies one is an interviewer for (staff assigned per vacancy).
    ScoreInterviews,
    /// Create pilots, choose their organisations and evaluators, assign vacancies to arms.
    ManagePilots,
    /// Read the aggregated evaluation of the pilots one evaluates (never an individual record).
    ReadEvaluation,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_has_exactly_its_own_permissions() {
        use Permission::*;
        let table = [
            (Role::Admin, ManageUsers, true),
            (Role::Admin, VerifyAuditLog, true),
            (Role::Admin, ManageVacancies, false),
            (Role::Admin, ManageRules, true),
            (Role::Recruiter, ManageRules, false),
            (Role::Committee, ManageRules, false),
            (Role::Evaluator, ManageRules, false),
            (Role::Recruiter, ManageUsers, false),
            (Role::Recruiter, VerifyAuditLog, false),
            (Role::Recruiter, ManageVacancies, true),
            (Role::Committee, ManageUsers, false),
            (Role::Committee, VerifyAuditLog, false),
            (Role::Committee, ManageVacancies, false),
            (Role::Evaluator, ManageUsers, false),
            (Role::Evaluator, VerifyAuditLog, false),
            (Role::Evaluator, ManageVacancies, false),
            (Role::Admin, ReadOutbox, true),
            (Role::Recruiter, ReadOutbox, false),
            (Role::Committee, ReadOutbox, false),
            (Role::Evaluator, ReadOutbox, false),
            (Role::Committee, ScoreAnswers, true),
            (Role::Recruiter, ScoreAnswers, false),
            (Role::Admin, ScoreAnswers, false),
            (Role::Evaluator, ScoreAnswers, false),
            (Role::Committee, ScoreInterviews, true),
            (Role::Recruiter, ScoreInterviews, true),
            (Role::Admin, ScoreInterviews, false),
            (Role::Evaluator, ScoreInterviews, false),
            (Role::Admin, ManagePilots, true),
            (Role::Recruiter, ManagePilots, false),
            (Role::Evaluator, ManagePilots, false),
            (Role::Evaluator, ReadEvaluation, true),
            (Role::Admin, ReadEvaluation, false),
            (Role::Recruiter, ReadEvaluation, false),
            (Role::Committee, ReadEvaluation, false),
        ];
        for (role, permission, expected) in table {
            assert_eq!(role.may(permission), expected, "{role:?} {permission:?}");
        }
    }

    #[test]
    fn role_names_round_trip_and_unknown_names_are_refused() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
        assert_eq!(Role::parse("Admin"), None);
    }
}
