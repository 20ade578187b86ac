use super::*;

const PASS: &str = "phrase de test";

#[tokio::test]
async fn pending_migrations_run_after_an_encrypted_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first_only = Migrator::with_migrations(MIGRATOR.iter().take(1).cloned().collect());
    let (vault, _) =
        Vault::create_with_migrator(dir.path(), PASS, KdfParams::default(), &first_only)
            .await
            .expect("create at schema 1");
    // Written in the first schema's own terms: the repositories speak the latest one.
    let mut conn = vault.connection().await.expect("conn");
    sqlx::query(
        "INSERT INTO alliance (id, name, status, created_at, updated_at) \
         VALUES ('0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f', 'Alliance Ornithorynque', 'active', \
         '2026-11-26T10:00:00Z', '2026-11-26T10:00:00Z')",
    )
    .execute(&mut conn)
    .await
    .expect("write");
    conn.close().await.expect("close");
    assert!(
        vault.store().settings().await.is_err(),
        "settings table not there yet"
    );
    vault.close().await;

    // Reopening at the same schema makes no backup.
    Vault::unlock_with_migrator(dir.path(), PASS, &first_only)
        .await
        .expect("same schema")
        .close()
        .await;
    assert!(crate::backup::list(&VaultPaths::new(dir.path())).is_empty());

    let vault = Vault::unlock(dir.path(), PASS)
        .await
        .expect("unlock migrates");
    assert_eq!(
        vault.store().settings().await.expect("migrated"),
        allia_core::Settings::default()
    );
    let key = vault.data_key.clone();
    vault.close().await;

    let backups = crate::backup::list(&VaultPaths::new(dir.path()));
    assert_eq!(backups.len(), 1);
    let backup = &backups[0];
    assert!(
        backup.file_name.contains(&format!(
            "avant-migration-{}",
            MIGRATOR.iter().nth(1).expect("2nd").version
        )),
        "{}",
        backup.file_name
    );
    let bytes = std::fs::read(&backup.path).expect("read backup");
    assert!(!bytes.windows(15).any(|w| w == b"SQLite format 3"));
    assert!(!bytes.windows(13).any(|w| w == b"Ornithorynque"));

    // The backup opens with the same key and holds the data at the old schema.
    let opened = crate::backup::open(&backup.path, Some(&key), None).expect("open backup");
    assert_eq!(
        opened.schema_version,
        MIGRATOR.iter().next().expect("1st").version
    );
    let paths = VaultPaths::new(dir.path());
    let (summary, _) = crate::backup::extract_and_check(&paths, &opened, true, false)
        .await
        .expect("summary");
    assert_eq!(
        summary.alliances,
        vec!["Alliance Ornithorynque".to_string()]
    );
    assert!(summary.same_vault);
    // And with the passphrase of its time, without any current key.
    let opened = crate::backup::open(&backup.path, None, Some(PASS)).expect("with passphrase");
    assert!(opened.key.same_as(&key));
}

#[tokio::test]
async fn a_vault_written_by_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = Vault::create_with_params(dir.path(), PASS, KdfParams::default())
        .await
        .expect("create");
    let mut conn = vault.connection().await.expect("conn");
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (29990101000000, 'from the future', 1, x'00', 1)",
    )
    .execute(&mut conn)
    .await
    .expect("insert");
    conn.close().await.expect("close");
    vault.close().await;
    let db = VaultPaths::new(dir.path()).database();
    let before = std::fs::read(&db).expect("db");
    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::VaultTooNew), "{err:?}");
    assert!(err.user_message().contains("version plus récente d’Allia"));
    assert_eq!(std::fs::read(&db).expect("db"), before);
}
