//! Encrypted alliance files on real vaults: an exported alliance encrypted with a
//! passphrase (age, scrypt) opens with that passphrase in another vault; a wrong
//! passphrase, a damaged file or a hostile work factor is refused in French, and nothing
//! changes in the vault nor in the file.

use std::time::{Duration, Instant};

use allia_core::AllianceFile;
use allia_store::exchange_crypto::{self, EncryptedFileError, ARMOR_BEGIN};
use allia_store::{Store, StoreError};
use base64::Engine;

mod common;

const PASSPHRASE: &str = "cerf-volant orange au-dessus de Tours";

/// The demo alliance of a new vault, exported as the JSON bytes partners exchange.
async fn exported_demo(store: &Store) -> Vec<u8> {
    let demo = store.load_demo().await.expect("demo");
    store
        .export_alliance(&demo.id)
        .await
        .expect("export")
        .to_json_string()
        .expect("json")
        .into_bytes()
}

/// An armored age file's binary form (the base64 between the armor lines).
fn dearmor(armored: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(armored).expect("armor is text");
    let body: String = text
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .map(str::trim)
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .expect("base64")
}

fn encrypted_error(result: Result<Vec<u8>, StoreError>) -> EncryptedFileError {
    match result {
        Err(StoreError::EncryptedFile(e)) => e,
        other => panic!("expected an encrypted-file error, got {other:?}"),
    }
}

#[tokio::test]
async fn an_encrypted_export_opens_with_its_passphrase_in_another_vault() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let a = common::vault(a_dir.path()).await;
    let plain = exported_demo(a.store()).await;
    assert!(!exchange_crypto::is_encrypted(&plain));

    let cipher = exchange_crypto::encrypt(&plain, PASSPHRASE).expect("encrypt");
    assert!(cipher.starts_with(ARMOR_BEGIN.as_bytes()));
    assert!(exchange_crypto::is_encrypted(&cipher));
    let text = std::str::from_utf8(&cipher).expect("armored output is text");
    assert!(
        !text.contains("Jardins"),
        "the alliance's name must not be readable"
    );
    assert!(text
        .trim_end()
        .ends_with("-----END AGE ENCRYPTED FILE-----"));

    let opened = exchange_crypto::decrypt(&cipher, PASSPHRASE).expect("decrypt");
    assert_eq!(opened, plain);
    // Age's binary form opens too, and is recognised.
    let binary = dearmor(&cipher);
    assert!(binary.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    assert!(exchange_crypto::is_encrypted(&binary));
    assert_eq!(
        exchange_crypto::decrypt(&binary, PASSPHRASE).expect("binary"),
        plain
    );

    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = common::vault(b_dir.path()).await;
    let file = AllianceFile::from_json_slice(&opened).expect("alliance file");
    let imported = b.store().import_alliance(&file).await.expect("import");
    let names = common::alliance_names(&b).await;
    assert_eq!(names, vec![imported.draft.name.clone()]);
    b.close().await;
    a.close().await;
}

#[tokio::test]
async fn a_wrong_passphrase_is_refused_in_french_and_nothing_changes() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let a = common::vault(a_dir.path()).await;
    let plain = exported_demo(a.store()).await;
    let cipher = exchange_crypto::encrypt(&plain, PASSPHRASE).expect("encrypt");
    let path = a_dir.path().join("demo.alliance.age");
    std::fs::write(&path, &cipher).expect("write");

    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = common::vault(b_dir.path()).await;
    common::add_alliance(&b, "Alliance déjà là").await;
    let before = common::alliance_names(&b).await;

    let bytes = std::fs::read(&path).expect("read");
    let result = exchange_crypto::decrypt(&bytes, "cerf-volant orange au-dessus de Blois");
    let error = match result {
        Err(e) => e,
        Ok(_) => panic!("a wrong passphrase must not open the file"),
    };
    assert_eq!(
        error.user_message(),
        "Phrase de passe incorrecte pour ce fichier chiffré."
    );
    assert!(matches!(
        error,
        StoreError::EncryptedFile(EncryptedFileError::WrongPassphrase)
    ));
    assert_eq!(common::alliance_names(&b).await, before);
    assert_eq!(std::fs::read(&path).expect("read again"), cipher);
    b.close().await;
    a.close().await;
}

#[tokio::test]
async fn a_damaged_or_truncated_file_says_so() {
    let plain = br#"{"format": 2, "alliance": {"name": "Essai"}}"#.repeat(2000);
    let cipher = exchange_crypto::encrypt(&plain, PASSPHRASE).expect("encrypt");
    let mut binary = dearmor(&cipher);

    // A byte of the payload changed: its chunk no longer authenticates.
    let last = binary.len() - 10;
    binary[last] ^= 0x01;
    let e = encrypted_error(exchange_crypto::decrypt(&binary, PASSPHRASE));
    assert!(matches!(e, EncryptedFileError::Damaged(_)), "{e:?}");
    assert!(e.user_message().starts_with(
        "Ce fichier chiffré est endommagé ou incomplet\u{a0}: il ne peut pas être déchiffré."
    ));

    // Cut in the middle of the armor (an attachment that did not arrive whole).
    let half = &cipher[..cipher.len() / 2];
    let e = encrypted_error(exchange_crypto::decrypt(half, PASSPHRASE));
    assert!(matches!(e, EncryptedFileError::Damaged(_)), "{e:?}");

    // Not an age file at all.
    let e = encrypted_error(exchange_crypto::decrypt(&plain, PASSPHRASE));
    assert!(matches!(e, EncryptedFileError::Damaged(_)), "{e:?}");
}

#[test]
fn a_hostile_work_factor_is_refused_before_any_derivation() {
    let cipher = exchange_crypto::encrypt(b"{}", PASSPHRASE).expect("encrypt");
    let binary = dearmor(&cipher);
    let text = String::from_utf8_lossy(&binary).into_owned();
    let stanza_end = text.find(" 18\n").expect("work factor 18 in the stanza");
    let mut hostile = binary[..stanza_end].to_vec();
    hostile.extend_from_slice(b" 40\n");
    hostile.extend_from_slice(&binary[stanza_end + 4..]);

    let started = Instant::now();
    let e = encrypted_error(exchange_crypto::decrypt(&hostile, PASSPHRASE));
    assert_eq!(e, EncryptedFileError::ExcessiveWork(40));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(e
        .user_message()
        .contains("demande un calcul beaucoup trop long"));
}

#[test]
fn a_passphrase_typed_decomposed_opens_a_file_made_composed() {
    let composed = "phrase très sûre de Hélène à Sèvres";
    let decomposed =
        "phrase tre\u{300}s su\u{302}re de He\u{301}le\u{300}ne a\u{300} Se\u{300}vres";
    let cipher = exchange_crypto::encrypt(b"{\"format\":2}", composed).expect("encrypt");
    assert_eq!(
        exchange_crypto::decrypt(&cipher, decomposed).expect("decrypt"),
        b"{\"format\":2}"
    );
    // Pasted from an e-mail: a BOM and blank lines before the armor.
    let mut pasted = b"\xEF\xBB\xBF\r\n\r\n".to_vec();
    pasted.extend_from_slice(&cipher);
    assert!(exchange_crypto::is_encrypted(&pasted));
    assert_eq!(
        exchange_crypto::decrypt(&pasted, composed).expect("pasted"),
        b"{\"format\":2}"
    );
}

#[test]
fn a_weak_export_passphrase_is_refused() {
    let e = exchange_crypto::encrypt(b"{}", "motdepasse").expect_err("weak");
    assert!(matches!(e, StoreError::Validation(_)));
    assert_eq!(
        e.user_message(),
        "Trop facile à deviner\u{a0}: ajoutez des mots peu courants, ou allongez la phrase."
    );
}
