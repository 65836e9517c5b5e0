//! The audit log's hash chain.
//!
//! Every consequential act is one entry. An entry's hash is SHA-256 over the previous entry's hash and
//! the entry's own fields, so changing, removing or reordering any entry breaks every link after it.
//! The server stores entries; this module only computes and checks the chain.

use sha2::{Digest, Sha256};

/// The `previous_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A consequential act. The stable names are stored; never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    LoggedOut,
    UserCreated,
    VacancyCreated,
    VacancyPublished,
    RuleAdded,
    RuleRemoved,
    ApplicationSubmitted,
    ApplicationWithdrawn,
    ApplicationDeleted,
    ScreeningStarted,
    ScreeningReleased,
    CommitteeChanged,
    ConductConfirmed,
    QuestionSealed,
    ScoreChanged,
    ShortlistFixed,
    UnblindingRequested,
    UnblindingConfirmed,
    IdentitiesViewed,
    InterviewKitSaved,
    InterviewersChanged,
    InterviewSubmitted,
    InterviewScoreChanged,
    OutcomeRecorded,
    OfferResponseRecorded,
    HireRecorded,
    FeedbackReportsSent,
    PilotCreated,
    ArmsAssigned,
    ArmSetByHand,
    ControlOutcomeRecorded,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::LoginSucceeded => "login_succeeded",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::LoggedOut => "logged_out",
            AuditAction::UserCreated => "user_created",
            AuditAction::VacancyCreated => "vacancy_created",
            AuditAction::VacancyPublished => "vacancy_published",
            AuditAction::RuleAdded => "rule_added",
            AuditAction::RuleRemoved => "rule_removed",
            AuditAction::ApplicationSubmitted => "application_submitted",
            AuditAction::ApplicationWithdrawn => "application_withdrawn",
            AuditAction::ApplicationDeleted => "application_deleted",
            AuditAction::ScreeningStarted => "screening_started",
            AuditAction::ScreeningReleased => "screening_released",
            AuditAction::CommitteeChanged => "committee_changed",
            AuditAction::ConductConfirmed => "conduct_confirmed",
            AuditAction::QuestionSealed => "question_sealed",
            AuditAction::ScoreChanged => "score_changed",
            AuditAction::ShortlistFixed => "shortlist_fixed",
            AuditAction::UnblindingRequested => "unblinding_requested",
            AuditAction::UnblindingConfirmed => "unblinding_confirmed",
            AuditAction::IdentitiesViewed => "identities_viewed",
            AuditAction::InterviewKitSaved => "interview_kit_saved",
            AuditAction::InterviewersChanged => "interviewers_changed",
            AuditAction::InterviewSubmitted => "interview_submitted",
            AuditAction::InterviewScoreChanged => "interview_score_changed",
            AuditAction::OutcomeRecorded => "outcome_recorded",
            AuditAction::OfferResponseRecorded => "offer_response_recorded",
            AuditAction::HireRecorded => "hire_recorded",
            AuditAction::FeedbackReportsSent => "feedback_reports_sent",
            AuditAction::PilotCreated => "pilot_created",
            AuditAction::ArmsAssigned => "arms_assigned",
            AuditAction::ArmSetByHand => "arm_set_by_hand",
            AuditAction::ControlOutcomeRecorded => "control_outcome_recorded",
        }
    }
}

/// The fields of one entry that the hash covers, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// Position in the chain, starting at 1.
    pub sequence: i64,
    /// When it happened, in microseconds since the Unix epoch (what the database keeps exactly).
    pub at_unix_micros: i64,
    /// The staff member who acted, if any (an id, never a name).
    pub actor: Option<String>,
    /// An [`AuditAction`] name.
    pub action: String,
    /// What the act was about (an id), if anything.
    pub subject: Option<String>,
    /// A JSON object with details; no personal data.
    pub details: String,
}

/// A stored entry: its fields and the two hashes that link it into the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedRecord {
    pub record: AuditRecord,
    pub previous_hash: String,
    pub hash: String,
}

/// The first place where the chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrokenLink {
    #[error("entry {sequence}: its hash does not match its contents (changed after writing)")]
    ContentChanged { sequence: i64 },
    #[error("entry {sequence}: it does not point to the entry before it (removed or reordered)")]
    LinkBroken { sequence: i64 },
    #[error("entry {sequence}: expected sequence {expected} (an entry is missing)")]
    SequenceGap { sequence: i64, expected: i64 },
}

/// The hash of `record` when it follows an entry whose hash is `previous_hash`, as lowercase hex.
///
/// Each field is length-prefixed, so no two different records serialise to the same bytes.
pub fn chain_hash(previous_hash: &str, record: &AuditRecord) -> String {
    let mut hasher = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_be_bytes());
        hasher.update(bytes);
    };
    field(previous_hash.as_bytes());
    field(&record.sequence.to_be_bytes());
    field(&record.at_unix_micros.to_be_bytes());
    field(record.actor.as_deref().unwrap_or("").as_bytes());
    field(&[u8::from(record.actor.is_some())]);
    field(record.action.as_bytes());
    field(record.subject.as_deref().unwrap_or("").as_bytes());
    field(&[u8::from(record.subject.is_some())]);
    field(record.details.as_bytes());
    hex::encode(hasher.finalize())
}

/// Checks a chain entry by entry, in sequence order from the first, so a long log can be read in
/// pages without holding it all.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    expected_previous: String,
    checked: u64,
}

impl Default for ChainVerifier {
    fn default() -> ChainVerifier {
        ChainVerifier { expected_previous: GENESIS_HASH.to_owned(), checked: 0 }
    }
}

impl ChainVerifier {
    /// Checks the next entry against the ones before it.
    pub fn push(&mut self, entry: &ChainedRecord) -> Result<(), BrokenLink> {
        let sequence = entry.record.sequence;
        let expected = self.checked as i64 + 1;
        if sequence != expected {
            return Err(BrokenLink::SequenceGap { sequence, expected });
        }
        if entry.previous_hash != self.expected_previous {
            return Err(BrokenLink::LinkBroken { sequence });
        }
        if chain_hash(&entry.previous_hash, &entry.record) != entry.hash {
            return Err(BrokenLink::ContentChanged { sequence });
        }
        self.expected_previous.clone_from(&entry.hash);
        self.checked += 1;
        Ok(())
    }

    /// How many entries hold so far.
    pub fn checked(&self) -> u64 {
        self.checked
    }
}

/// Checks a whole chain given in sequence order. Returns how many entries hold.
pub fn verify<'a>(entries: impl IntoIterator<Item = &'a ChainedRecord>) -> Result<u64, BrokenLink> {
    let mut verifier = ChainVerifier::default();
    for entry in entries {
        verifier.push(entry)?;
    }
    Ok(verifier.checked())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(actions: &[&str]) -> Vec<ChainedRecord> {
        let mut previous = GENESIS_HASH.to_owned();
        let mut entries = Vec::new();
        for (i, action) in actions.iter().enumerate() {
            let record = AuditRecord {
                sequence: i as i64 + 1,
                at_unix_micros: 1_700_000_000_000_000 + i as i64,
                actor: Some("u1".into()),
                action: (*action).into(),
                subject: None,
                details: "{}".into(),
            };
            let hash = chain_hash(&previous, &record);
            entries.push(ChainedRecord { record, previous_hash: previous.clone(), hash: hash.clone() });
            previous = hash;
        }
        entries
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let entries = chain(&["login_succeeded", "user_created", "logged_out"]);
        assert_eq!(verify(&entries), Ok(3));
        assert_eq!(verify(&[]), Ok(0));
    }

    #[test]
    fn the_hash_is_sha256_over_length_prefixed_fields() {
        // Recomputed by hand with the same framing, so the stored format is pinned: changing it would
        // make every existing log fail verification.
        let record = AuditRecord {
            sequence: 1,
            at_unix_micros: 0,
            actor: None,
            action: "user_created".into(),
            subject: Some("abc".into()),
            details: "{}".into(),
        };
        let mut bytes = Vec::new();
        for field in [
            GENESIS_HASH.as_bytes(),
            &1i64.to_be_bytes(),
            &0i64.to_be_bytes(),
            b"",
            &[0],
            b"user_created",
            b"abc",
            &[1],
            b"{}",
        ] {
            bytes.extend_from_slice(&(field.len() as u64).to_be_bytes());
            bytes.extend_from_slice(field);
        }
        assert_eq!(chain_hash(GENESIS_HASH, &record), hex::encode(Sha256::digest(&bytes)));
    }

    #[test]
    fn a_changed_entry_is_found() {
        let mut entries = chain(&["a", "b", "c"]);
        entries[1].record.details = r#"{"role":"admin"}"#.into();
        assert_eq!(verify(&entries), Err(BrokenLink::ContentChanged { sequence: 2 }));
    }

    #[test]
    fn a_rehashed_entry_breaks_the_next_link() {
        let mut entries = chain(&["a", "b", "c"]);
        entries[1].record.actor = Some("someone-else".into());
        entries[1].hash = chain_hash(&entries[1].previous_hash, &entries[1].record);
        assert_eq!(verify(&entries), Err(BrokenLink::LinkBroken { sequence: 3 }));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut entries = chain(&["a", "b", "c"]);
        entries.remove(1);
        assert_eq!(verify(&entries), Err(BrokenLink::SequenceGap { sequence: 3, expected: 2 }));
    }

    #[test]
    fn absent_and_empty_actor_hash_differently() {
        let mut record = chain(&["a"])[0].record.clone();
        record.actor = None;
        let absent = chain_hash(GENESIS_HASH, &record);
        record.actor = Some(String::new());
        assert_ne!(absent, chain_hash(GENESIS_HASH, &record));
    }
}
