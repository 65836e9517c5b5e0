//! Personal data at rest: sealing with AES-256-GCM, and keyed pseudonyms with HMAC-SHA256.
//!
//! - Sealed values are `nonce (12 bytes) ‖ ciphertext`. The associated data names the purpose and the
//!   row, so a sealed value copied into another row or column does not open.
//! - Pseudonyms are HMAC-SHA256 under a separate key: stable, so tables can be linked by whoever holds
//!   the key (the server), but not by anyone reading the database alone.
//! - Keys come from configuration (`BREEDWERF_DATA_KEY`, `BREEDWERF_PSEUDONYM_KEY`: 64 hex characters
//!   each). Without them the server generates both once and keeps them in a key file (demo mode).

use std::path::Path;
use std::sync::Arc;

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::Secret;

const NONCE_BYTES: usize = 12;

/// The two keys. Cloning is cheap.
#[derive(Clone)]
pub struct Keys(Arc<KeyPair>);

struct KeyPair {
    cipher: Aes256Gcm,
    pseudonym: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

/// A sealed value that does not open: wrong key, wrong row, or tampered with.
#[derive(Debug, thiserror::Error)]
#[error("a sealed value does not open ({0})")]
pub struct SealError(&'static str);

impl Keys {
    /// Keys from their hex form.
    /// The keys of `config`: from `BREEDWERF_DATA_KEY` and `BREEDWERF_PSEUDONYM_KEY` when both are set,
    /// else from the key file (created on first use).
    pub fn from_config(config: &crate::config::Config) -> anyhow::Result<Keys> {
        match (&config.data_key, &config.pseudonym_key) {
            (Some(data), Some(pseudonym)) => Keys::from_hex(data, pseudonym),
            _ => Keys::load_or_create(&config.key_file),
        }
    }

    pub fn from_hex(data_key: &Secret, pseudonym_key: &Secret) -> anyhow::Result<Keys> {
        let data =
            decode_key(data_key.expose()).ok_or_else(|| anyhow::anyhow!("the data key is not 64 hex characters"))?;
        let pseudonym = decode_key(pseudonym_key.expose())
            .ok_or_else(|| anyhow::anyhow!("the pseudonym key is not 64 hex characters"))?;
        if data == pseudonym {
            anyhow::bail!("the data key and the pseudonym key must differ");
        }
        Ok(Keys(Arc::new(KeyPair { cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&data)), pseudonym })))
    }

    /// Two fresh random keys, in hex.
    pub fn generate_hex() -> (Secret, Secret) {
        (Secret::new(hex::encode(rand::random::<[u8; 32]>())), Secret::new(hex::encode(rand::random::<[u8; 32]>())))
    }

    /// Reads the keys from `path` (two lines of hex), creating the file with fresh keys if it does
    /// not exist. Only for demo and development: production passes keys through configuration.
    pub fn load_or_create(path: &Path) -> anyhow::Result<Keys> {
        if !path.exists() {
            let (data, pseudonym) = Keys::generate_hex();
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            write_private(path, &format!("{}\n{}\n", data.expose(), pseudonym.expose()))?;
            tracing::warn!(path = %path.display(), "generated data keys; set BREEDWERF_DATA_KEY and BREEDWERF_PSEUDONYM_KEY in production");
        }
        let contents = std::fs::read_to_string(path)?;
        let mut lines = contents.lines();
        let (Some(data), Some(pseudonym)) = (lines.next(), lines.next()) else {
            anyhow::bail!("the key file {} needs two lines", path.display());
        };
        Keys::from_hex(&Secret::new(data.trim()), &Secret::new(pseudonym.trim()))
    }

    /// Seals `plaintext` for the row `row` of `purpose` (e.g. `identity`).
    pub fn seal(&self, purpose: &str, row: uuid::Uuid, plaintext: &[u8]) -> anyhow::Result<Vec<u8>> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let aad = associated_data(purpose, row);
        let ciphertext = self
            .0
            .cipher
            .encrypt(&nonce, Payload { msg: plaintext, aad: &aad })
            .map_err(|_| anyhow::anyhow!("sealing failed"))?;
        let mut sealed = Vec::with_capacity(NONCE_BYTES + ciphertext.len());
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        Ok(sealed)
    }

    /// Opens what [`Keys::seal`] sealed for the same purpose and row.
    pub fn open(&self, purpose: &str, row: uuid::Uuid, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        if sealed.len() < NONCE_BYTES {
            return Err(SealError("too short"));
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_BYTES);
        let aad = associated_data(purpose, row);
        self.0
            .cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: &aad })
            .map_err(|_| SealError("authentication failed"))
    }

    pub fn seal_json<T: serde::Serialize>(&self, purpose: &str, row: uuid::Uuid, value: &T) -> anyhow::Result<Vec<u8>> {
        self.seal(purpose, row, &serde_json::to_vec(value)?)
    }

    pub fn open_json<T: serde::de::DeserializeOwned>(
        &self,
        purpose: &str,
        row: uuid::Uuid,
        sealed: &[u8],
    ) -> anyhow::Result<T> {
        Ok(serde_json::from_slice(&self.open(purpose, row, sealed)?)?)
    }

    /// The keyed pseudonym of `value` for `purpose`, as hex.
    pub fn pseudonym(&self, purpose: &str, value: &[u8]) -> String {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0.pseudonym).unwrap_or_else(|_| unreachable!());
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(value);
        hex::encode(mac.finalize().into_bytes())
    }
}

fn associated_data(purpose: &str, row: uuid::Uuid) -> Vec<u8> {
    format!("breedwerf:{purpose}:{row}").into_bytes()
}

fn decode_key(hex_key: &str) -> Option<[u8; 32]> {
    hex::decode(hex_key.trim()).ok()?.try_into().ok()
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn keys() -> Keys {
        let (data, pseudonym) = Keys::generate_hex();
        Keys::from_hex(&data, &pseudonym).expect("valid keys")
    }

    #[test]
    fn a_sealed_value_opens_only_for_its_own_purpose_and_row_with_its_own_key() {
        let keys = keys();
        let row = Uuid::new_v4();
        let sealed = keys.seal("identity", row, b"Sam de Vries").expect("sealed");
        assert!(!sealed.windows(3).any(|w| w == b"Sam"), "the plaintext shows through");
        assert_eq!(keys.open("identity", row, &sealed).expect("opens"), b"Sam de Vries");
        assert!(keys.open("identity", Uuid::new_v4(), &sealed).is_err(), "another row");
        assert!(keys.open("draft", row, &sealed).is_err(), "another purpose");
        assert!(self::keys().open("identity", row, &sealed).is_err(), "another key");
        let mut tampered = sealed.clone();
        *tampered.last_mut().expect("not empty") ^= 1;
        assert!(keys.open("identity", row, &tampered).is_err(), "tampered");
        assert_ne!(sealed, keys.seal("identity", row, b"Sam de Vries").expect("sealed"), "nonces repeat");
    }

    #[test]
    fn pseudonyms_are_stable_per_key_and_purpose() {
        let keys = keys();
        let a = keys.pseudonym("monitoring", b"draft-1");
        assert_eq!(a, keys.pseudonym("monitoring", b"draft-1"));
        assert_ne!(a, keys.pseudonym("events", b"draft-1"));
        assert_ne!(a, self::keys().pseudonym("monitoring", b"draft-1"));
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn keys_must_be_64_hex_characters_and_differ() {
        let (data, _) = Keys::generate_hex();
        assert!(Keys::from_hex(&Secret::new("abc"), &data).is_err());
        assert!(Keys::from_hex(&data, &data).is_err());
    }

    #[test]
    fn a_key_file_is_created_once_and_read_back() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("keys");
        let first = Keys::load_or_create(&path).expect("created");
        let second = Keys::load_or_create(&path).expect("read");
        assert_eq!(first.pseudonym("x", b"y"), second.pseudonym("x", b"y"));
    }
}
