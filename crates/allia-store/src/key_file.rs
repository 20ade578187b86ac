//! The key file (`allia.vault.keys`): the data key wrapped under the passphrase
//! (Argon2id) and the way the recovery key reaches it, with a checksum that detects
//! any changed byte and a MAC, keyed from the data key, that authenticates the whole
//! file (parameters and salts included). A copy travels in every backup's header.
//! Format 2 is written; format 1 (before the MAC and the derived recovery slot) is read.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{StoreError, StoreResult};
use crate::keys::{
    decode_salt, derive_key, normalized, passphrase_forms, random_salt, unwrap, wrap, KdfParams,
    RecoveryKey, SecretKey, WrappedKey,
};

const FORMAT_V1: u32 = 1;
const FORMAT: u32 = 2;
const AAD_V1_PASSPHRASE: &[u8] = b"allia-vault-v1:passphrase-slot";
const AAD_V1_RECOVERY: &[u8] = b"allia-vault-v1:recovery-slot";
/// Files larger than this are not key files (a slot is a few hundred bytes).
const MAX_LEN: u64 = 64 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PassphraseSlot {
    kdf: String,
    params: KdfParams,
    salt: String,
    wrapped: WrappedKey,
}

/// How the recovery key reaches the data key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "kebab-case")]
pub(crate) enum RecoverySlot {
    /// The data key is HKDF-SHA-256 of the recovery key: the kit alone opens the
    /// database, even when every key file is gone.
    Derived,
    /// Vaults created before format 2: the data key wrapped under the recovery key.
    /// The kit then needs this slot, from the key file or from a backup's header.
    WrappedV1 { wrapped: WrappedKey },
}

/// What the checksum and the MAC cover, in this field order.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Body {
    format: u32,
    vault_id: String,
    passphrase: PassphraseSlot,
    recovery: RecoverySlot,
}

#[derive(Serialize, Deserialize)]
struct OnDisk {
    #[serde(flatten)]
    body: Body,
    /// SHA-256 of the body then the MAC, hex: any changed byte is detected without a
    /// secret.
    checksum: String,
    /// HMAC-SHA-256 of the body under a key derived from the data key, hex.
    mac: String,
}

#[derive(Deserialize)]
struct OnDiskV1 {
    passphrase: PassphraseSlot,
    recovery: WrappedKey,
}

/// The key slots of one vault. Read with [`KeyFile::parse`]; the MAC can only be
/// checked once a secret has given the data key ([`KeyFile::unwrap_with_passphrase`]
/// and [`KeyFile::unwrap_with_recovery`] do it).
#[derive(Debug, Clone)]
pub struct KeyFile {
    body: Body,
    /// `None` for a format-1 file, which had no MAC.
    mac: Option<Vec<u8>>,
}

/// What unlocking with a passphrase found out, besides the key.
pub(crate) struct Unwrapped {
    pub key: SecretKey,
    /// The file should be sealed again: format 1, or a passphrase sealed before NFC.
    pub needs_reseal: bool,
}

impl KeyFile {
    /// A new format-2 key file for `data_key`, with a new vault id.
    pub(crate) fn new(
        data_key: &SecretKey,
        passphrase: &str,
        recovery: RecoverySlot,
        params: KdfParams,
    ) -> StoreResult<KeyFile> {
        let vault_id = uuid::Uuid::new_v4().to_string();
        let passphrase = seal_passphrase(data_key, passphrase, params, &vault_id)?;
        Ok(KeyFile {
            body: Body {
                format: FORMAT,
                vault_id,
                passphrase,
                recovery,
            },
            mac: None,
        })
    }

    /// The slots for a new data key derived from a new recovery key (« Créer un nouveau
    /// kit »): same vault id, the passphrase sealed again with at least the defaults.
    pub(crate) fn for_new_recovery_key(
        &self,
        new_key: &SecretKey,
        passphrase: &str,
    ) -> StoreResult<KeyFile> {
        let vault_id = if self.body.vault_id.is_empty() {
            uuid::Uuid::new_v4().to_string()
        } else {
            self.body.vault_id.clone()
        };
        let params = self.body.passphrase.params.at_least_default();
        Ok(KeyFile {
            body: Body {
                format: FORMAT,
                passphrase: seal_passphrase(new_key, passphrase, params, &vault_id)?,
                vault_id,
                recovery: RecoverySlot::Derived,
            },
            mac: None,
        })
    }

    /// Identifier of the vault, the same in every backup of it ("" for format 1).
    pub fn vault_id(&self) -> &str {
        &self.body.vault_id
    }

    pub fn kdf_params(&self) -> KdfParams {
        self.body.passphrase.params
    }

    pub(crate) fn is_legacy(&self) -> bool {
        self.body.format == FORMAT_V1
    }

    /// Reads and checks a key file: `KeyFileMissing` when absent, `KeyFileDamaged` when
    /// unreadable, changed (checksum) or out of bounds, `VaultTooNew` for a later format.
    pub fn read(path: &Path) -> StoreResult<KeyFile> {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::KeyFileMissing)
            }
            Err(e) => return Err(e.into()),
        };
        if !meta.is_file() {
            return Err(StoreError::KeyFileDamaged("not a file".into()));
        }
        if meta.len() > MAX_LEN {
            return Err(StoreError::KeyFileDamaged("too large".into()));
        }
        KeyFile::parse(&std::fs::read(path)?)
    }

    /// Parses key-file bytes (from the file or a backup header); see [`KeyFile::read`].
    pub fn parse(bytes: &[u8]) -> StoreResult<KeyFile> {
        let value: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|e| StoreError::KeyFileDamaged(format!("not JSON: {e}")))?;
        let format = value.get("format").and_then(serde_json::Value::as_u64);
        let file = match format {
            Some(1) => {
                let v1: OnDiskV1 = serde_json::from_value(value)
                    .map_err(|e| StoreError::KeyFileDamaged(e.to_string()))?;
                KeyFile {
                    body: Body {
                        format: FORMAT_V1,
                        vault_id: String::new(),
                        passphrase: v1.passphrase,
                        recovery: RecoverySlot::WrappedV1 {
                            wrapped: v1.recovery,
                        },
                    },
                    mac: None,
                }
            }
            Some(2) => {
                let disk: OnDisk = serde_json::from_value(value)
                    .map_err(|e| StoreError::KeyFileDamaged(e.to_string()))?;
                if disk.checksum != checksum(&disk.body, &disk.mac)? {
                    return Err(StoreError::KeyFileDamaged("checksum mismatch".into()));
                }
                let mac =
                    hex::decode(&disk.mac).map_err(|_| StoreError::KeyFileDamaged("mac".into()))?;
                KeyFile {
                    body: disk.body,
                    mac: Some(mac),
                }
            }
            Some(n) if n > u64::from(FORMAT) => {
                // A later format, unless it is a format-2 file whose number changed.
                if let Ok(disk) = serde_json::from_value::<OnDisk>(value) {
                    if disk.checksum != checksum(&disk.body, &disk.mac)? {
                        return Err(StoreError::KeyFileDamaged("checksum mismatch".into()));
                    }
                }
                return Err(StoreError::VaultTooNew);
            }
            _ => return Err(StoreError::KeyFileDamaged("unknown format".into())),
        };
        if file.body.passphrase.kdf != "argon2id" {
            return Err(StoreError::KeyFileDamaged("unknown kdf".into()));
        }
        file.body.passphrase.params.check_bounds()?;
        decode_salt(&file.body.passphrase.salt)?;
        Ok(file)
    }

    /// The data key from the passphrase (NFC first, then as typed). `WrongPassphrase`
    /// when neither opens the slot; `KeyFileDamaged` when the slot opens but the MAC
    /// does not match (the file was changed by someone who could not reseal it).
    pub(crate) fn unwrap_with_passphrase(&self, passphrase: &str) -> StoreResult<Unwrapped> {
        // No empty passphrase, nor one longer than the rule allows, was ever sealed:
        // refuse before any normalisation or derivation.
        if passphrase.is_empty()
            || passphrase
                .chars()
                .nth(allia_core::passphrase::MAX_CHARS)
                .is_some()
        {
            return Err(StoreError::WrongPassphrase);
        }
        let slot = &self.body.passphrase;
        let salt = decode_salt(&slot.salt)?;
        let aad = self.passphrase_aad();
        for (index, form) in passphrase_forms(passphrase).iter().enumerate() {
            let kek = derive_key(form, &salt, slot.params)?;
            if let Some(key) = unwrap(&kek, &slot.wrapped, &aad) {
                self.verify_mac(&key)?;
                return Ok(Unwrapped {
                    key,
                    needs_reseal: index > 0 || self.is_legacy(),
                });
            }
        }
        Err(StoreError::WrongPassphrase)
    }

    /// The data key from the recovery key: derived (format 2) or unwrapped (format 1).
    /// `WrongRecoveryKey` when it is not this vault's.
    pub(crate) fn unwrap_with_recovery(&self, recovery: &RecoveryKey) -> StoreResult<SecretKey> {
        let key = match &self.body.recovery {
            RecoverySlot::Derived => SecretKey::derived_from_recovery(recovery),
            RecoverySlot::WrappedV1 { wrapped } => {
                unwrap(&recovery.as_kek(), wrapped, AAD_V1_RECOVERY)
                    .ok_or(StoreError::WrongRecoveryKey)?
            }
        };
        match self.verify_mac(&key) {
            Ok(()) => Ok(key),
            // A derived key that fails the MAC is another vault's recovery key.
            Err(_) if matches!(self.body.recovery, RecoverySlot::Derived) => {
                Err(StoreError::WrongRecoveryKey)
            }
            Err(e) => Err(e),
        }
    }

    /// True when `key` is this file's data key (its MAC verifies). Format-1 files have
    /// no MAC: the caller must try the database.
    pub(crate) fn authenticates(&self, key: &SecretKey) -> bool {
        self.mac.is_some() && self.verify_mac(key).is_ok()
    }

    /// The same slots with a new passphrase sealed in NFC with at least today's default
    /// costs (never weaker than what the file asked), as format 2.
    pub(crate) fn resealed(&self, data_key: &SecretKey, passphrase: &str) -> StoreResult<KeyFile> {
        let vault_id = if self.body.vault_id.is_empty() {
            uuid::Uuid::new_v4().to_string()
        } else {
            self.body.vault_id.clone()
        };
        let params = self.body.passphrase.params.at_least_default();
        Ok(KeyFile {
            body: Body {
                format: FORMAT,
                passphrase: seal_passphrase(data_key, passphrase, params, &vault_id)?,
                vault_id,
                recovery: self.body.recovery.clone(),
            },
            mac: None,
        })
    }

    /// The file's bytes: pretty JSON with its checksum and a MAC under `data_key`.
    pub(crate) fn to_bytes(&self, data_key: &SecretKey) -> StoreResult<Vec<u8>> {
        if self.is_legacy() {
            return Err(StoreError::KeyFileDamaged(
                "a format-1 file is resealed before it is written".into(),
            ));
        }
        let mac = hex::encode(mac(data_key, &body_bytes(&self.body)?)?);
        let disk = OnDisk {
            body: self.body.clone(),
            checksum: checksum(&self.body, &mac)?,
            mac,
        };
        serde_json::to_vec_pretty(&disk).map_err(|e| StoreError::KeyFileDamaged(e.to_string()))
    }

    /// Writes atomically and durably: a crash leaves the old or the new file, never
    /// half of one, and the rename itself reaches the disk (the folder is synced).
    pub(crate) fn write(&self, path: &Path, data_key: &SecretKey) -> StoreResult<()> {
        crate::files::write_atomically(path, &self.to_bytes(data_key)?)
    }

    fn passphrase_aad(&self) -> Vec<u8> {
        if self.is_legacy() {
            AAD_V1_PASSPHRASE.to_vec()
        } else {
            passphrase_aad(&self.body.vault_id)
        }
    }

    fn verify_mac(&self, key: &SecretKey) -> StoreResult<()> {
        let Some(expected) = &self.mac else {
            return Ok(()); // format 1: nothing to check
        };
        use hmac::{KeyInit, Mac};
        let mut hmac = hmac::Hmac::<Sha256>::new_from_slice(key.mac_key().as_bytes())
            .map_err(|_| StoreError::KeyFileDamaged("mac key".into()))?;
        hmac.update(&body_bytes(&self.body)?);
        hmac.verify_slice(expected)
            .map_err(|_| StoreError::KeyFileDamaged("mac mismatch".into()))
    }
}

fn passphrase_aad(vault_id: &str) -> Vec<u8> {
    format!("allia-vault-v2:passphrase-slot:{vault_id}").into_bytes()
}

fn seal_passphrase(
    data_key: &SecretKey,
    passphrase: &str,
    params: KdfParams,
    vault_id: &str,
) -> StoreResult<PassphraseSlot> {
    let salt = random_salt();
    let kek = derive_key(&normalized(passphrase), &decode_salt(&salt)?, params)?;
    Ok(PassphraseSlot {
        kdf: "argon2id".into(),
        params,
        wrapped: wrap(&kek, data_key, &passphrase_aad(vault_id))?,
        salt,
    })
}

/// SHA-256 over the body's bytes then the MAC's hex, hex.
fn checksum(body: &Body, mac: &str) -> StoreResult<String> {
    let mut hasher = Sha256::new();
    hasher.update(body_bytes(body)?.as_slice());
    hasher.update(mac.as_bytes());
    Ok(hex::encode(hasher.finalize()))
}

fn body_bytes(body: &Body) -> StoreResult<Zeroizing<Vec<u8>>> {
    serde_json::to_vec(body)
        .map(Zeroizing::new)
        .map_err(|e| StoreError::KeyFileDamaged(e.to_string()))
}

/// HMAC-SHA-256 of `bytes` under the MAC key derived from `data_key`.
pub(crate) fn mac(data_key: &SecretKey, bytes: &[u8]) -> StoreResult<Vec<u8>> {
    use hmac::{KeyInit, Mac};
    let mut hmac = hmac::Hmac::<Sha256>::new_from_slice(data_key.mac_key().as_bytes())
        .map_err(|_| StoreError::KeyFileDamaged("mac key".into()))?;
    hmac.update(bytes);
    Ok(hmac.finalize().into_bytes().to_vec())
}

#[cfg(test)]
mod tests;
