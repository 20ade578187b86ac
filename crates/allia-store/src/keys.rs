//! Key slots: the random data key that encrypts the database is stored only wrapped,
//! once under a key derived from the passphrase (Argon2id) and once under the
//! recovery key. The slots and the KDF parameters live in a small JSON file next to
//! the database.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::rngs::OsRng;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{StoreError, StoreResult};

pub const KEY_LEN: usize = 32;
const FORMAT: u32 = 1;
const AAD_PASSPHRASE: &[u8] = b"allia-vault-v1:passphrase-slot";
const AAD_RECOVERY: &[u8] = b"allia-vault-v1:recovery-slot";

/// A 256-bit secret wiped from memory when dropped.
#[derive(Clone, Zeroize)]
#[zeroize(drop)]
pub struct SecretKey([u8; KEY_LEN]);

impl SecretKey {
    pub fn random() -> SecretKey {
        let mut bytes = [0u8; KEY_LEN];
        OsRng.fill_bytes(&mut bytes);
        SecretKey(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// SQLCipher raw-key literal: `"x'<64 hex>'"` (skips SQLCipher's own PBKDF2).
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("\"x'{}'\"", hex::encode(self.0)))
    }
}

/// Argon2id cost parameters, stored with the salt so they can be raised later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// 64 MiB, 3 passes: about a quarter of a second on a modest laptop.
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct WrappedKey {
    nonce: String,
    ciphertext: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PassphraseSlot {
    kdf: String,
    params: KdfParams,
    salt: String,
    wrapped: WrappedKey,
}

/// Contents of the key file (`allia.vault.keys`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    format: u32,
    passphrase: PassphraseSlot,
    recovery: WrappedKey,
}

impl KeyFile {
    /// Wraps `data_key` under both the passphrase and the recovery key.
    pub fn new(
        data_key: &SecretKey,
        passphrase: &str,
        recovery: &RecoveryKey,
        params: KdfParams,
    ) -> StoreResult<KeyFile> {
        Ok(KeyFile {
            format: FORMAT,
            passphrase: PassphraseSlot::seal(data_key, passphrase, params)?,
            recovery: wrap(&recovery.0, data_key, AAD_RECOVERY)?,
        })
    }

    pub fn unwrap_with_passphrase(&self, passphrase: &str) -> StoreResult<SecretKey> {
        let slot = &self.passphrase;
        let salt = B64
            .decode(&slot.salt)
            .map_err(|_| StoreError::CorruptKeyFile("salt".into()))?;
        let kek = derive_key(passphrase, &salt, slot.params)?;
        unwrap(kek.as_bytes(), &slot.wrapped, AAD_PASSPHRASE).ok_or(StoreError::WrongPassphrase)
    }

    pub fn unwrap_with_recovery(&self, recovery: &RecoveryKey) -> StoreResult<SecretKey> {
        unwrap(&recovery.0, &self.recovery, AAD_RECOVERY).ok_or(StoreError::WrongRecoveryKey)
    }

    /// Re-wraps the data key under a new passphrase (fresh salt); the recovery slot stays.
    pub fn rewrap_passphrase(&mut self, data_key: &SecretKey, passphrase: &str) -> StoreResult<()> {
        self.passphrase = PassphraseSlot::seal(data_key, passphrase, self.passphrase.params)?;
        Ok(())
    }

    pub fn kdf_params(&self) -> KdfParams {
        self.passphrase.params
    }

    pub fn read(path: &Path) -> StoreResult<KeyFile> {
        let bytes = std::fs::read(path)?;
        let file: KeyFile = serde_json::from_slice(&bytes)
            .map_err(|e| StoreError::CorruptKeyFile(e.to_string()))?;
        if file.format != FORMAT || file.passphrase.kdf != "argon2id" {
            return Err(StoreError::CorruptKeyFile(format!(
                "unsupported format {} / kdf {}",
                file.format, file.passphrase.kdf
            )));
        }
        Ok(file)
    }

    /// Writes atomically: a crash leaves either the old or the new file, never half of one.
    pub fn write(&self, path: &Path) -> StoreResult<()> {
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| StoreError::CorruptKeyFile(e.to_string()))?;
        let tmp = path.with_extension("keys.tmp");
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, path)?;
        Ok(())
    }
}

impl PassphraseSlot {
    fn seal(
        data_key: &SecretKey,
        passphrase: &str,
        params: KdfParams,
    ) -> StoreResult<PassphraseSlot> {
        let mut salt = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        let kek = derive_key(passphrase, &salt, params)?;
        Ok(PassphraseSlot {
            kdf: "argon2id".into(),
            params,
            salt: B64.encode(salt),
            wrapped: wrap(kek.as_bytes(), data_key, AAD_PASSPHRASE)?,
        })
    }
}

fn derive_key(passphrase: &str, salt: &[u8], params: KdfParams) -> StoreResult<SecretKey> {
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(KEY_LEN),
    )
    .map_err(|e| StoreError::CorruptKeyFile(format!("kdf parameters: {e}")))?;
    let mut out = [0u8; KEY_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| StoreError::CorruptKeyFile(format!("kdf: {e}")))?;
    Ok(SecretKey(out))
}

fn wrap(kek: &[u8; KEY_LEN], data_key: &SecretKey, aad: &[u8]) -> StoreResult<WrappedKey> {
    let cipher = XChaCha20Poly1305::new(kek.into());
    let mut nonce = [0u8; 24];
    OsRng.fill_bytes(&mut nonce);
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: data_key.as_bytes(),
                aad,
            },
        )
        .map_err(|_| StoreError::CorruptKeyFile("encryption failed".into()))?;
    Ok(WrappedKey {
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ciphertext),
    })
}

fn unwrap(kek: &[u8; KEY_LEN], wrapped: &WrappedKey, aad: &[u8]) -> Option<SecretKey> {
    let nonce = B64.decode(&wrapped.nonce).ok()?;
    let ciphertext = B64.decode(&wrapped.ciphertext).ok()?;
    if nonce.len() != 24 {
        return None;
    }
    let cipher = XChaCha20Poly1305::new(kek.into());
    let plain = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &ciphertext,
                    aad,
                },
            )
            .ok()?,
    );
    let bytes: [u8; KEY_LEN] = plain.as_slice().try_into().ok()?;
    Some(SecretKey(bytes))
}

/// Crockford base32 alphabet (no I, L, O, U: nothing to confuse when copied by hand).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_CHARS: usize = 52; // ceil(256 / 5)

/// The recovery key: 256 random bits shown once as 13 groups of 4 characters.
#[derive(Clone, Zeroize)]
#[zeroize(drop)]
pub struct RecoveryKey([u8; KEY_LEN]);

impl RecoveryKey {
    pub fn random() -> RecoveryKey {
        RecoveryKey(*SecretKey::random().as_bytes())
    }

    /// Thirteen groups of four characters joined by dashes.
    pub fn display(&self) -> Zeroizing<String> {
        let mut chars = Vec::with_capacity(RECOVERY_CHARS);
        let mut acc: u32 = 0;
        let mut bits = 0;
        for &b in &self.0 {
            acc = (acc << 8) | u32::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                chars.push(CROCKFORD[((acc >> bits) & 31) as usize]);
            }
        }
        if bits > 0 {
            chars.push(CROCKFORD[((acc << (5 - bits)) & 31) as usize]);
        }
        let groups: Vec<String> = chars
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        chars.zeroize();
        Zeroizing::new(groups.join("-"))
    }

    /// Reads a key typed by hand: case, spaces and dashes do not matter, and the
    /// look-alike letters I, L (→ 1) and O (→ 0) are accepted.
    pub fn parse(input: &str) -> StoreResult<RecoveryKey> {
        let mut values = Vec::with_capacity(RECOVERY_CHARS);
        for c in input.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            let v = CROCKFORD
                .iter()
                .position(|&a| char::from(a) == c)
                .ok_or(StoreError::MalformedRecoveryKey("unexpected character"))?;
            values.push(v as u32);
        }
        if values.len() != RECOVERY_CHARS {
            values.zeroize();
            return Err(StoreError::MalformedRecoveryKey("wrong length"));
        }
        let mut out = [0u8; KEY_LEN];
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut i = 0;
        for &v in &values {
            acc = (acc << 5) | v;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                if i < KEY_LEN {
                    out[i] = (acc >> bits) as u8;
                    i += 1;
                }
            }
        }
        values.zeroize();
        acc.zeroize();
        Ok(RecoveryKey(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast() -> KdfParams {
        KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        }
    }

    #[test]
    fn recovery_key_round_trips_through_its_display() {
        let key = RecoveryKey::random();
        let shown = key.display();
        assert_eq!(shown.len(), 52 + 12);
        assert_eq!(shown.split('-').count(), 13);
        let typed = shown.to_lowercase().replace('-', " ");
        let parsed = RecoveryKey::parse(&typed).expect("parse");
        assert_eq!(parsed.0, key.0);
    }

    #[test]
    fn malformed_recovery_keys_are_refused() {
        assert!(matches!(
            RecoveryKey::parse("ABCD"),
            Err(StoreError::MalformedRecoveryKey(_))
        ));
        assert!(matches!(
            RecoveryKey::parse(&"U".repeat(52)),
            Err(StoreError::MalformedRecoveryKey(_))
        ));
    }

    #[test]
    fn slots_unwrap_only_with_the_right_secret() {
        let data = SecretKey::random();
        let recovery = RecoveryKey::random();
        let mut file =
            KeyFile::new(&data, "une phrase assez longue", &recovery, fast()).expect("new");
        assert_eq!(
            file.unwrap_with_passphrase("une phrase assez longue")
                .expect("ok")
                .0,
            data.0
        );
        assert!(matches!(
            file.unwrap_with_passphrase("autre chose"),
            Err(StoreError::WrongPassphrase)
        ));
        assert_eq!(file.unwrap_with_recovery(&recovery).expect("ok").0, data.0);
        assert!(matches!(
            file.unwrap_with_recovery(&RecoveryKey::random()),
            Err(StoreError::WrongRecoveryKey)
        ));
        file.rewrap_passphrase(&data, "nouvelle phrase")
            .expect("rewrap");
        assert!(file
            .unwrap_with_passphrase("une phrase assez longue")
            .is_err());
        assert_eq!(
            file.unwrap_with_passphrase("nouvelle phrase")
                .expect("ok")
                .0,
            data.0
        );
    }
}
