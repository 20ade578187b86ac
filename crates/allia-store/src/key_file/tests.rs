use super::*;

const PASS: &str = "une phrase assez longue";

fn derived_file() -> (KeyFile, SecretKey, RecoveryKey) {
    let recovery = RecoveryKey::random();
    let data = SecretKey::derived_from_recovery(&recovery);
    let file = KeyFile::new(&data, PASS, RecoverySlot::Derived, KdfParams::default()).expect("new");
    let file = KeyFile::parse(&file.to_bytes(&data).expect("bytes")).expect("parse");
    (file, data, recovery)
}

#[test]
fn slots_unwrap_only_with_the_right_secret() {
    let (file, data, recovery) = derived_file();
    assert!(file
        .unwrap_with_passphrase(PASS)
        .expect("ok")
        .key
        .same_as(&data));
    assert!(matches!(
        file.unwrap_with_passphrase("autre chose"),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(file
        .unwrap_with_recovery(&recovery)
        .expect("ok")
        .same_as(&data));
    assert!(matches!(
        file.unwrap_with_recovery(&RecoveryKey::random()),
        Err(StoreError::WrongRecoveryKey)
    ));
    let resealed = file.resealed(&data, "nouvelle phrase").expect("reseal");
    let resealed = KeyFile::parse(&resealed.to_bytes(&data).expect("bytes")).expect("parse");
    assert!(resealed.unwrap_with_passphrase(PASS).is_err());
    assert!(resealed
        .unwrap_with_passphrase("nouvelle phrase")
        .expect("ok")
        .key
        .same_as(&data));
    assert_eq!(resealed.vault_id(), file.vault_id());
}

#[test]
fn a_passphrase_beyond_the_rule_is_refused_before_any_derivation() {
    // Sealed directly (the rule would refuse it): even the right text is refused,
    // which shows the cap comes before normalising or deriving.
    let long = "mot ".repeat(300);
    let data = SecretKey::random();
    let file =
        KeyFile::new(&data, &long, RecoverySlot::Derived, KdfParams::default()).expect("new");
    assert!(matches!(
        file.unwrap_with_passphrase(&long),
        Err(StoreError::WrongPassphrase)
    ));
    let short = long[..1000].to_string();
    let file =
        KeyFile::new(&data, &short, RecoverySlot::Derived, KdfParams::default()).expect("new");
    assert!(file.unwrap_with_passphrase(&short).is_ok());
}

#[test]
fn every_changed_byte_is_detected() {
    let (file, data, _) = derived_file();
    let bytes = file.to_bytes(&data).expect("bytes");
    for i in 0..bytes.len() {
        let mut changed = bytes.clone();
        changed[i] ^= 0x01;
        match KeyFile::parse(&changed) {
            Err(StoreError::KeyFileDamaged(_)) => {}
            // A flipped bit in whitespace or a key name's case leaves the content as
            // it was: then the MAC must still verify.
            Ok(same) => assert!(same.authenticates(&data), "byte {i}"),
            Err(other) => panic!("byte {i}: {other:?}"),
        }
    }
}

#[test]
fn a_resealed_checksum_does_not_fool_the_mac() {
    let (file, data, _) = derived_file();
    let mut value: serde_json::Value =
        serde_json::from_slice(&file.to_bytes(&data).expect("bytes")).expect("json");
    value["vault_id"] = "00000000-0000-0000-0000-000000000000".into();
    let mut body = value.clone();
    body.as_object_mut().expect("object").remove("checksum");
    body.as_object_mut().expect("object").remove("mac");
    let parsed: Body = serde_json::from_value(body).expect("body");
    let mac = value["mac"].as_str().expect("mac").to_string();
    value["checksum"] = checksum(&parsed, &mac).expect("checksum").into();
    let forged = KeyFile::parse(&serde_json::to_vec(&value).expect("json")).expect("parses");
    assert!(!forged.authenticates(&data));
    // The AAD names the vault id: the slot no longer opens.
    assert!(forged.unwrap_with_passphrase(PASS).is_err());
}

#[test]
fn weak_or_huge_parameters_are_refused() {
    let (file, data, _) = derived_file();
    for (memory, iterations) in [(8u64, 1u64), (u64::from(u32::MAX), 3), (65536, 100_000)] {
        let mut value: serde_json::Value =
            serde_json::from_slice(&file.to_bytes(&data).expect("bytes")).expect("json");
        value["passphrase"]["params"]["memory_kib"] = memory.into();
        value["passphrase"]["params"]["iterations"] = iterations.into();
        // Even with a recomputed checksum, the bounds refuse it before any derivation.
        let mut body = value.clone();
        body.as_object_mut().expect("object").remove("checksum");
        body.as_object_mut().expect("object").remove("mac");
        let parsed: Body = serde_json::from_value(body).expect("body");
        let mac = value["mac"].as_str().expect("mac").to_string();
        value["checksum"] = checksum(&parsed, &mac).expect("checksum").into();
        assert!(matches!(
            KeyFile::parse(&serde_json::to_vec(&value).expect("json")),
            Err(StoreError::KeyFileDamaged(_))
        ));
    }
}

#[test]
fn a_later_format_is_a_newer_version() {
    assert!(matches!(
        KeyFile::parse(br#"{"format": 3}"#),
        Err(StoreError::VaultTooNew)
    ));
    assert!(matches!(
        KeyFile::parse(b""),
        Err(StoreError::KeyFileDamaged(_))
    ));
}
