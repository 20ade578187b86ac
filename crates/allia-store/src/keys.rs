//! The secrets of a vault: the random data key that encrypts the database, the
//! key-derivation parameters of the passphrase slot and their bounds, the recovery key,
//! and the primitives that wrap one key under another. The key file that stores the
//! slots is in `key_file.rs`.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use std::sync::LazyLock;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::{DecodeKind, Encoding, Specification};
use hkdf::Hkdf;
use rand::rngs::OsRng;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{StoreError, StoreResult};

/// Length in bytes of every key: the data key, key-encryption keys, the recovery key.
pub const KEY_LEN: usize = 32;
/// Domain separation for keys derived with HKDF-SHA-256 (RFC 5869).
const HKDF_SALT: &[u8] = b"allia-vault-v2";

/// A 256-bit secret wiped from memory when dropped. It has no `Debug`, so it never
/// lands in a log or a panic message.
#[derive(Clone, Zeroize)]
#[zeroize(drop)]
pub struct SecretKey([u8; KEY_LEN]);

impl SecretKey {
    /// 32 bytes from the operating system's random generator.
    pub fn random() -> SecretKey {
        let mut bytes = [0u8; KEY_LEN];
        OsRng.fill_bytes(&mut bytes);
        SecretKey(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The data key of a vault whose recovery slot is `derived`: HKDF-SHA-256 of the
    /// recovery key, so the printed kit alone opens the database (docs/security.md).
    pub fn derived_from_recovery(recovery: &RecoveryKey) -> SecretKey {
        hkdf_expand(&recovery.0, b"data key")
    }

    /// The key that authenticates the key file and backup headers, derived from the
    /// data key (never the data key itself).
    pub(crate) fn mac_key(&self) -> SecretKey {
        hkdf_expand(&self.0, b"key file mac")
    }

    /// SQLCipher raw-key literal: `"x'<64 hex>'"` (skips SQLCipher's own PBKDF2).
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0));
        Zeroizing::new(format!("\"x'{}'\"", hex.as_str()))
    }

    /// Constant-time equality, for "is this backup from this vault".
    pub(crate) fn same_as(&self, other: &SecretKey) -> bool {
        use subtle::ConstantTimeEq;
        self.0.ct_eq(&other.0).into()
    }
}

fn hkdf_expand(ikm: &[u8; KEY_LEN], info: &[u8]) -> SecretKey {
    let hk = Hkdf::<Sha256>::new(Some(HKDF_SALT), ikm);
    let mut out = [0u8; KEY_LEN];
    // 32 bytes is far below HKDF-SHA-256's 8 160-byte limit: expand cannot fail.
    if hk.expand(info, &mut out).is_err() {
        out.zeroize();
    }
    SecretKey(out)
}

/// Argon2id cost parameters, stored with the salt so they can be raised later.
/// `memory_kib` is in KiB; `iterations` is the number of passes; `parallelism` lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// 64 MiB, 3 passes: about a quarter of a second on a modest laptop. This is also
    /// the floor: a key file asking for less is refused (OWASP's Argon2id minimums are
    /// lower; ours match what every vault has been created with).
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

impl KdfParams {
    /// The most a key file may ask for: 256 MiB, 8 passes, 4 lanes (a few seconds on a
    /// modest laptop). Beyond, a doctored file could exhaust memory or hang the unlock
    /// screen.
    pub const CEILING: KdfParams = KdfParams {
        memory_kib: 256 * 1024,
        iterations: 8,
        parallelism: 4,
    };

    /// Refuses parameters below the defaults or above [`KdfParams::CEILING`]:
    /// `KeyFileDamaged`, since only an edited or broken file can carry them.
    pub fn check_bounds(&self) -> StoreResult<()> {
        let floor = KdfParams::default();
        let ceiling = KdfParams::CEILING;
        let within = |v: u32, lo: u32, hi: u32| (lo..=hi).contains(&v);
        if within(self.memory_kib, floor.memory_kib, ceiling.memory_kib)
            && within(self.iterations, floor.iterations, ceiling.iterations)
            && within(self.parallelism, floor.parallelism, ceiling.parallelism)
        {
            Ok(())
        } else {
            Err(StoreError::KeyFileDamaged(format!(
                "key-derivation parameters out of bounds: {self:?}"
            )))
        }
    }

    /// What a new seal uses: these parameters, raised to at least today's defaults.
    pub fn at_least_default(self) -> KdfParams {
        let floor = KdfParams::default();
        let ceiling = KdfParams::CEILING;
        KdfParams {
            memory_kib: self.memory_kib.clamp(floor.memory_kib, ceiling.memory_kib),
            iterations: self.iterations.clamp(floor.iterations, ceiling.iterations),
            parallelism: self
                .parallelism
                .clamp(floor.parallelism, ceiling.parallelism),
        }
    }
}

/// The forms of a passphrase to try, in order: Unicode NFC (what every seal uses, so
/// « é » typed as one or two code points opens the same vault), then the text exactly
/// as typed and its NFD form, for vaults sealed before normalisation (typed on a
/// keyboard that produced decomposed accents). Duplicates are dropped.
pub(crate) fn passphrase_forms(passphrase: &str) -> Vec<Zeroizing<String>> {
    let mut forms: Vec<Zeroizing<String>> = Vec::with_capacity(3);
    for form in [
        Zeroizing::new(passphrase.nfc().collect::<String>()),
        Zeroizing::new(passphrase.to_string()),
        Zeroizing::new(passphrase.nfd().collect::<String>()),
    ] {
        if !forms.iter().any(|f| f.as_str() == form.as_str()) {
            forms.push(form);
        }
    }
    forms
}

/// The NFC form every new passphrase seal derives from.
pub(crate) fn normalized(passphrase: &str) -> Zeroizing<String> {
    Zeroizing::new(passphrase.nfc().collect::<String>())
}

/// A key wrapped with XChaCha20-Poly1305: base64 nonce (24 bytes) and ciphertext.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct WrappedKey {
    pub nonce: String,
    pub ciphertext: String,
}

/// Argon2id of `passphrase` (already normalised by the caller) with `salt`.
pub(crate) fn derive_key(
    passphrase: &str,
    salt: &[u8],
    params: KdfParams,
) -> StoreResult<SecretKey> {
    params.check_bounds()?;
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(KEY_LEN),
    )
    .map_err(|e| StoreError::KeyFileDamaged(format!("kdf parameters: {e}")))?;
    let mut out = [0u8; KEY_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| StoreError::KeyFileDamaged(format!("kdf: {e}")))?;
    Ok(SecretKey(out))
}

/// Wraps `data_key` under `kek`; `aad` binds the result to its slot and vault.
pub(crate) fn wrap(kek: &SecretKey, data_key: &SecretKey, aad: &[u8]) -> StoreResult<WrappedKey> {
    let cipher = XChaCha20Poly1305::new(kek.as_bytes().into());
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
        .map_err(|_| StoreError::KeyFileDamaged("encryption failed".into()))?;
    Ok(WrappedKey {
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ciphertext),
    })
}

/// The wrapped key, or `None` when `kek` or `aad` is not the one it was wrapped with.
pub(crate) fn unwrap(kek: &SecretKey, wrapped: &WrappedKey, aad: &[u8]) -> Option<SecretKey> {
    let nonce = B64.decode(&wrapped.nonce).ok()?;
    let ciphertext = B64.decode(&wrapped.ciphertext).ok()?;
    if nonce.len() != 24 {
        return None;
    }
    let cipher = XChaCha20Poly1305::new(kek.as_bytes().into());
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

/// A random 16-byte salt, base64.
pub(crate) fn random_salt() -> String {
    let mut salt = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    B64.encode(salt)
}

/// Decodes a base64 salt of 16 bytes, or reports the key file damaged.
pub(crate) fn decode_salt(salt: &str) -> StoreResult<Vec<u8>> {
    match B64.decode(salt) {
        Ok(bytes) if bytes.len() == 16 => Ok(bytes),
        _ => Err(StoreError::KeyFileDamaged("salt".into())),
    }
}

impl RecoveryKey {
    /// A KEK from the recovery key, for legacy (format 1) wrapped slots.
    pub(crate) fn as_kek(&self) -> SecretKey {
        SecretKey(self.0)
    }
}

/// Crockford base32 (https://www.crockford.com/base32.html): no I, L, O, U, so nothing
/// is confused when copied by hand; I and L read as 1, O as 0. Most significant bit
/// first, no padding. The bits past the key's 256 in the last character are not
/// checked: a hand-copied last character that differs only there still reads.
static CROCKFORD: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = Specification::new();
    spec.symbols.push_str("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    spec.translate.from.push_str("ILO");
    spec.translate.to.push_str("110");
    spec.check_trailing_bits = false;
    spec.encoding()
        .expect("a constant, valid base32 specification (checked by the tests)")
});
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
        let plain = Zeroizing::new(CROCKFORD.encode(&self.0));
        let mut shown = Zeroizing::new(String::with_capacity(RECOVERY_CHARS + 12));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                shown.push('-');
            }
            shown.push(c);
        }
        shown
    }

    /// Reads a key typed by hand: case, spaces (any Unicode space, as a PDF reader may
    /// copy) and dashes do not matter, and the look-alike letters I, L (→ 1) and O
    /// (→ 0) are accepted.
    pub fn parse(input: &str) -> StoreResult<RecoveryKey> {
        let typed: Zeroizing<String> = Zeroizing::new(
            input
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
        let bytes = CROCKFORD
            .decode(typed.as_bytes())
            .map(Zeroizing::new)
            .map_err(|e| {
                StoreError::MalformedRecoveryKey(match e.kind {
                    DecodeKind::Symbol => "unexpected character",
                    _ => "wrong length",
                })
            })?;
        if typed.len() != RECOVERY_CHARS {
            return Err(StoreError::MalformedRecoveryKey("wrong length"));
        }
        let key: [u8; KEY_LEN] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::MalformedRecoveryKey("wrong length"))?;
        Ok(RecoveryKey(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The text the hand-written encoder of earlier versions gave for fixed keys:
    /// printed kits must keep opening their vaults.
    #[test]
    fn recovery_key_text_is_the_one_printed_before() {
        let zeros = RecoveryKey([0u8; KEY_LEN]);
        assert_eq!(
            zeros.display().as_str(),
            "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000"
        );
        let ones = RecoveryKey([0xff; KEY_LEN]);
        assert_eq!(
            ones.display().as_str(),
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZG"
        );
        let mut counting = [0u8; KEY_LEN];
        for (i, b) in counting.iter_mut().enumerate() {
            *b = i as u8;
        }
        let counting = RecoveryKey(counting);
        assert_eq!(
            counting.display().as_str(),
            "000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFG"
        );
        let typed = "  000g 40r4 Om30 e209 I85g r38e 1w81 24gk 2gah c5rr 34d1 p70x\u{a0}3rfg ";
        let parsed = RecoveryKey::parse(typed).expect("typed by hand");
        assert_eq!(parsed.0, counting.0);
        // Only the last character's spare bits differ: the same key.
        let last_bits = RecoveryKey::parse(&"Z".repeat(52)).expect("spare bits");
        assert_eq!(last_bits.0, ones.0);
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
    fn kdf_bounds() {
        assert!(KdfParams::default().check_bounds().is_ok());
        assert!(KdfParams::CEILING.check_bounds().is_ok());
        let weak = KdfParams {
            memory_kib: 8,
            iterations: 1,
            parallelism: 1,
        };
        assert!(matches!(
            weak.check_bounds(),
            Err(StoreError::KeyFileDamaged(_))
        ));
        let huge = KdfParams {
            memory_kib: u32::MAX,
            iterations: u32::MAX,
            parallelism: u32::MAX,
        };
        assert!(huge.check_bounds().is_err());
        assert_eq!(weak.at_least_default(), KdfParams::default());
        assert_eq!(huge.at_least_default(), KdfParams::CEILING);
    }

    #[test]
    fn passphrase_forms_try_nfc_first() {
        let nfd = "e\u{301}te\u{301} a\u{300} Se\u{300}vres";
        let forms = passphrase_forms(nfd);
        assert_eq!(forms.len(), 2);
        assert_eq!(forms[0].as_str(), "été à Sèvres");
        assert_eq!(forms[1].as_str(), nfd);
        let forms = passphrase_forms("été à Sèvres");
        assert_eq!(forms.len(), 2, "NFC typed, NFD tried for an old seal");
        assert_eq!(forms[1].as_str(), nfd);
        assert_eq!(passphrase_forms("sans accent").len(), 1);
    }

    #[test]
    fn derived_data_key_depends_only_on_the_recovery_key() {
        let recovery = RecoveryKey::random();
        let again = RecoveryKey::parse(&recovery.display()).expect("parse");
        assert!(SecretKey::derived_from_recovery(&recovery)
            .same_as(&SecretKey::derived_from_recovery(&again)));
        assert!(!SecretKey::derived_from_recovery(&recovery)
            .same_as(&SecretKey::derived_from_recovery(&RecoveryKey::random())));
        let data = SecretKey::derived_from_recovery(&recovery);
        assert!(!data.mac_key().same_as(&data));
    }
}
