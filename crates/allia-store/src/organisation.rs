//! The organisation fields that the `profile` and `partner` rows share. Reading them is
//! derived (`#[sqlx(flatten)] organisation: Organisation`, the structured fields as JSON
//! text with `#[sqlx(json(nullable))]`); writing binds them here, in the order of
//! [`COLUMNS`].

use allia_core::Organisation;
use sqlx::query::Query;
use sqlx::sqlite::SqliteArguments;
use sqlx::types::Json;
use sqlx::Sqlite;

/// The organisation's columns, in the order [`bind`] binds them. `designation`,
/// `foreign_registration`, `local_register` and `bank` hold JSON objects or NULL;
/// `country` is NULL for France.
pub(crate) const COLUMNS: &str = "name, acronym, legal_form, rna, siret, street, postal_code, \
     city, representative_name, representative_role, email, phone, designation, country, \
     foreign_registration, local_register, bank";

/// One `?` per column of [`COLUMNS`], comma-separated.
pub(crate) const PLACEHOLDERS: &str = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

/// `column = ?` for each column of [`COLUMNS`], for an `UPDATE`.
pub(crate) const ASSIGNMENTS: &str = "name = ?, acronym = ?, legal_form = ?, rna = ?, siret = ?, \
     street = ?, postal_code = ?, city = ?, representative_name = ?, representative_role = ?, \
     email = ?, phone = ?, designation = ?, country = ?, foreign_registration = ?, \
     local_register = ?, bank = ?";

/// `column = excluded.column` for each column of [`COLUMNS`], for an upsert.
pub(crate) const EXCLUDED: &str = "name = excluded.name, acronym = excluded.acronym, \
     legal_form = excluded.legal_form, rna = excluded.rna, siret = excluded.siret, \
     street = excluded.street, postal_code = excluded.postal_code, city = excluded.city, \
     representative_name = excluded.representative_name, \
     representative_role = excluded.representative_role, email = excluded.email, \
     phone = excluded.phone, designation = excluded.designation, country = excluded.country, \
     foreign_registration = excluded.foreign_registration, \
     local_register = excluded.local_register, bank = excluded.bank";

/// Binds the organisation's fields, in the order of [`COLUMNS`]. An absent structured
/// field is SQL NULL (not the JSON text `null`).
pub(crate) fn bind<'q>(
    query: Query<'q, Sqlite, SqliteArguments>,
    org: &'q Organisation,
) -> Query<'q, Sqlite, SqliteArguments> {
    query
        .bind(&org.name)
        .bind(&org.acronym)
        .bind(&org.legal_form)
        .bind(&org.rna)
        .bind(&org.siret)
        .bind(&org.street)
        .bind(&org.postal_code)
        .bind(&org.city)
        .bind(&org.representative_name)
        .bind(&org.representative_role)
        .bind(&org.email)
        .bind(&org.phone)
        .bind(org.designation.as_ref().map(Json))
        .bind(&org.country)
        .bind(org.foreign_registration.as_ref().map(Json))
        .bind(org.local_register.as_ref().map(Json))
        .bind(org.bank.as_ref().map(Json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KdfParams;
    use crate::vault::{Vault, VaultPaths, MIGRATOR};
    use allia_core::{BankDetails, LocalRegister};
    use sqlx::migrate::Migrator;
    use sqlx::Connection;

    /// The migration that adds the identity columns.
    const IDENTITY_MIGRATION: i64 = 20261201000001;
    const PASS: &str = "phrase de test très solide 2026";

    /// A vault at the schema of the version before the identity columns, holding a
    /// profile and one partner written by that version's statements.
    async fn vault_before_identities(dir: &std::path::Path) -> (Migrator, String) {
        let before = Migrator::with_migrations(
            MIGRATOR
                .iter()
                .filter(|m| m.version < IDENTITY_MIGRATION)
                .cloned()
                .collect(),
        );
        let (vault, _) = Vault::create_with_migrator(dir, PASS, KdfParams::default(), &before)
            .await
            .expect("create at the previous schema");
        // Raw statements: this version's repository functions name later columns.
        let alliance_id = "5d2c0c1e-7a4b-4f2a-9e1d-2b3c4d5e6f70";
        let mut conn = vault.connection().await.expect("conn");
        sqlx::query(
            "INSERT INTO alliance (id, name, status, created_at, updated_at) VALUES \
             (?, 'Alliance d’avant', 'under_construction', '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z')",
        )
        .bind(alliance_id)
        .execute(&mut conn)
        .await
        .expect("alliance at the previous schema");
        sqlx::query(
            "INSERT INTO profile (id, name, rna, siret, postal_code, city, updated_at) \
             VALUES (1, 'Cercle d’avant', 'W672001234', '73282932000074', '67000', \
             'Strasbourg', '2026-11-30T10:00:00Z')",
        )
        .execute(&mut conn)
        .await
        .expect("profile at the previous schema");
        sqlx::query(
            "INSERT INTO partner (id, alliance_id, name, postal_code, city, actor_type, role, \
             created_at, updated_at) VALUES ('0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f', ?, \
             'Commune d’avant', '67000', 'Strasbourg', 'local_authority', 'member', \
             '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z')",
        )
        .bind(alliance_id)
        .execute(&mut conn)
        .await
        .expect("partner at the previous schema");
        conn.close().await.expect("close conn");
        vault.close().await;
        (before, alliance_id.to_string())
    }

    #[tokio::test]
    async fn the_identity_migration_backs_up_then_keeps_every_row() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (before, alliance_id) = vault_before_identities(dir.path()).await;
        let paths = VaultPaths::new(dir.path());
        assert!(crate::backup::list(&paths).is_empty());

        let vault = Vault::unlock(dir.path(), PASS)
            .await
            .expect("unlock migrates");
        let store = vault.store();
        let profile = store.profile().await.expect("profile").expect("kept");
        assert_eq!(profile.name, "Cercle d’avant");
        assert_eq!(profile.siret.as_deref(), Some("73282932000074"));
        assert_eq!(
            (&profile.country, &profile.bank, &profile.local_register),
            (&None, &None, &None)
        );
        let partners = store.partners(&alliance_id).await.expect("partners");
        assert_eq!(partners.len(), 1);
        assert_eq!(partners[0].draft.organisation.name, "Commune d’avant");
        assert_eq!(partners[0].draft.organisation.designation, None);
        // The new columns take the new fields on the migrated vault.
        let saved = store
            .save_profile(&allia_core::Organisation {
                local_register: Some(LocalRegister {
                    court: "Strasbourg".into(),
                    volume: "84".into(),
                    folio: "127".into(),
                }),
                bank: Some(BankDetails {
                    iban: "FR76 3000 6000 0112 3456 7890 189".into(),
                    bic: None,
                }),
                ..profile.clone()
            })
            .await
            .expect("save");
        assert_eq!(store.profile().await.expect("p"), Some(saved));
        let key = vault.data_key().clone();
        vault.close().await;

        // One backup, taken before the migration, holding the previous schema's data.
        let backups = crate::backup::list(&paths);
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert_eq!(
            backups[0].reason,
            format!("avant-migration-{IDENTITY_MIGRATION}")
        );
        let opened = crate::backup::open(&backups[0].path, Some(&key), None).expect("open");
        assert_eq!(
            opened.schema_version,
            before.iter().map(|m| m.version).max().expect("a version")
        );
        let (summary, _) = crate::backup::extract_and_check(&paths, &opened, true, false)
            .await
            .expect("summary");
        assert_eq!(summary.alliances, vec!["Alliance d’avant".to_string()]);

        // Reopening migrates nothing more: no second backup.
        Vault::unlock(dir.path(), PASS)
            .await
            .expect("reopen")
            .close()
            .await;
        assert_eq!(crate::backup::list(&paths).len(), 1);
    }

    #[test]
    fn the_column_lists_agree() {
        let columns: Vec<&str> = COLUMNS.split(',').map(str::trim).collect();
        assert_eq!(PLACEHOLDERS.split(',').count(), columns.len());
        let assigned: Vec<&str> = ASSIGNMENTS
            .split(',')
            .map(|a| a.trim().trim_end_matches(" = ?"))
            .collect();
        assert_eq!(assigned, columns);
        let excluded: Vec<&str> = EXCLUDED
            .split(',')
            .map(|a| a.split(" = ").next().unwrap_or("").trim())
            .collect();
        assert_eq!(excluded, columns);
    }
}
