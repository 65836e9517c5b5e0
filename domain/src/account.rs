//! Staff account fields, parsed once at the boundary so the rest of the code can trust them.

use std::fmt;

/// Why a value is not a valid account field. Each variant maps to one message the user can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("username must be 3 to 64 characters")]
    UsernameLength,
    #[error("username may only contain a-z, 0-9, '.', '_' and '-'")]
    UsernameCharacters,
    #[error("password must be at least {min} characters", min = Password::MIN_CHARS)]
    PasswordTooShort,
    #[error("password may be at most {max} characters", max = Password::MAX_CHARS)]
    PasswordTooLong,
    #[error("display name must be 1 to 100 characters without control characters")]
    DisplayName,
}

/// A login name: lowercase, 3–64 of `a-z 0-9 . _ -`. Input is trimmed and lowercased first, so
/// `" Recruiter "` and `"recruiter"` are the same account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(input: &str) -> Result<Username, AccountError> {
        let name = input.trim().to_lowercase();
        if !(3..=64).contains(&name.chars().count()) {
            return Err(AccountError::UsernameLength);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c);
        if !name.chars().all(allowed) {
            return Err(AccountError::UsernameCharacters);
        }
        Ok(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password: at least 12 characters (NIST SP 800-63B: length over composition rules), at most
/// 256 so hashing cannot be abused. `Debug` never shows it.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(input: &str) -> Result<Password, AccountError> {
        let length = input.chars().count();
        if length < Password::MIN_CHARS {
            return Err(AccountError::PasswordTooShort);
        }
        if length > Password::MAX_CHARS {
            return Err(AccountError::PasswordTooLong);
        }
        Ok(Password(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// The name shown in the back office, e.g. "Sanne de Vries".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<DisplayName, AccountError> {
        let name = input.trim();
        let length = name.chars().count();
        if !(1..=100).contains(&length) || name.chars().any(char::is_control) {
            return Err(AccountError::DisplayName);
        }
        Ok(DisplayName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_normalised_and_checked() {
        let cases = [
            (" Recruiter ", Ok("recruiter")),
            ("j.de-vries_2", Ok("j.de-vries_2")),
            ("ab", Err(AccountError::UsernameLength)),
            ("a b c", Err(AccountError::UsernameCharacters)),
            ("jan@example.nl", Err(AccountError::UsernameCharacters)),
            ("zoë", Err(AccountError::UsernameCharacters)),
        ];
        for (input, expected) in cases {
            let parsed = Username::parse(input);
            assert_eq!(parsed.as_ref().map(Username::as_str), expected.as_ref().map(|s| *s), "{input:?}");
        }
        assert_eq!(Username::parse(&"a".repeat(65)), Err(AccountError::UsernameLength));
    }

    #[test]
    fn passwords_need_twelve_characters_and_never_show_in_debug() {
        assert_eq!(Password::parse("kort").err(), Some(AccountError::PasswordTooShort));
        assert_eq!(Password::parse(&"x".repeat(257)).err(), Some(AccountError::PasswordTooLong));
        let password = Password::parse("correct horse battery").expect("long enough");
        assert_eq!(password.expose(), "correct horse battery");
        assert!(!format!("{password:?}").contains("horse"));
    }

    #[test]
    fn display_names_are_trimmed_and_may_not_hold_control_characters() {
        assert_eq!(DisplayName::parse("  Sanne de Vries ").map(|n| n.as_str().to_owned()), Ok("Sanne de Vries".into()));
        assert_eq!(DisplayName::parse("   "), Err(AccountError::DisplayName));
        assert_eq!(DisplayName::parse("a\u{0007}b"), Err(AccountError::DisplayName));
    }
}
