//! The migration that links the association's profile to its partner row
//! (`20261202000001`): how it picks the row, and the unique index that keeps one link per
//! alliance whatever writes the table.

use sqlx::migrate::Migrator;
use sqlx::Connection;

use crate::vault::{Vault, VaultPaths, MIGRATOR};
use crate::KdfParams;

/// The migration that adds the link.
const LINK: i64 = 20261202000001;

/// Rows written in the schema before the link: the profile « Comité des fêtes »
/// (Saunay, SIRET 80012345700015, RNA W372011111) and, per alliance, partners named
/// `(alliance, id, name, rna, siret, created_at)`.
async fn old_vault(dir: &std::path::Path, partners: &[(&str, &str, &str, &str, &str, &str)]) {
    let before = Migrator::with_migrations(
        MIGRATOR
            .iter()
            .filter(|m| m.version < LINK)
            .cloned()
            .collect(),
    );
    let (vault, _) =
        Vault::create_with_migrator(dir, "phrase de test", KdfParams::default(), &before)
            .await
            .expect("create before the link");
    let mut conn = vault.connection().await.expect("conn");
    sqlx::query(
        "INSERT INTO profile (id, name, rna, siret, city, updated_at) VALUES \
         (1, 'Comité des fêtes', 'W372011111', '80012345700015', 'Saunay', \
         '2026-11-01T10:00:00Z')",
    )
    .execute(&mut conn)
    .await
    .expect("profile");
    for alliance in ["a1", "a2", "a3", "a4", "a5"] {
        sqlx::query(
            "INSERT INTO alliance (id, name, status, created_at, updated_at) \
             VALUES (?, ?, 'active', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')",
        )
        .bind(alliance)
        .bind(format!("Alliance {alliance}"))
        .execute(&mut conn)
        .await
        .expect("alliance");
    }
    for (alliance, id, name, rna, siret, created) in partners {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        sqlx::query(
            "INSERT INTO partner (id, alliance_id, name, rna, siret, actor_type, role, \
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'association', 'member', ?, ?)",
        )
        .bind(id)
        .bind(alliance)
        .bind(name)
        .bind(opt(rna))
        .bind(opt(siret))
        .bind(created)
        .bind(created)
        .execute(&mut conn)
        .await
        .expect("partner");
    }
    conn.close().await.expect("close");
    vault.close().await;
}

#[tokio::test]
async fn the_migration_links_the_profile_by_identifier_then_by_exact_name() {
    let t = "2026-11-01T10:00:00Z";
    let later = "2026-11-02T10:00:00Z";
    let dir = tempfile::tempdir().expect("tempdir");
    old_vault(
        dir.path(),
        &[
            // a1: rw-04, a homonym with another RNA, and the profile by SIREN.
            ("a1", "h1", "Comité des fêtes", "W372022222", "", t),
            ("a1", "s1", "CDF Saunay", "", "80012345700023", later),
            // a2: the profile by RNA under another name.
            (
                "a2",
                "r2",
                "Comité des fêtes de Saunay",
                "W372011111",
                "",
                t,
            ),
            // a3: the same name, no identifier: linked (what the vaults relied on);
            // a name differing in case only is not the same name.
            ("a3", "c3", "COMITÉ DES FÊTES", "", "", t),
            ("a3", "n3", "Comité des fêtes", "", "", later),
            // a4: the same name but another SIREN: two organisations.
            ("a4", "x4", "Comité des fêtes", "", "41234567800011", t),
            // a5: an exact name after an identifier match: the identifier wins.
            ("a5", "n5", "Comité des fêtes", "", "", t),
            ("a5", "r5", "Fêtes de Saunay", "w372011111", "", later),
        ],
    )
    .await;

    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let mut linked = Vec::new();
    for alliance in ["a1", "a2", "a3", "a4", "a5"] {
        for p in store.partners(alliance).await.expect("partners") {
            if p.draft.own_association {
                linked.push(p.id);
            }
        }
    }
    assert_eq!(linked, ["s1", "r2", "n3", "r5"]);
    vault.close().await;

    // The backup taken before the migrations ran holds the vault as it was.
    let backups = crate::backup::list(&VaultPaths::new(dir.path()));
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(
        backups[0]
            .file_name
            .contains(&format!("avant-migration-{LINK}")),
        "{}",
        backups[0].file_name
    );
}

#[tokio::test]
async fn the_index_refuses_a_second_link_whatever_writes_the_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = "2026-11-01T10:00:00Z";
    old_vault(
        dir.path(),
        &[
            ("a1", "p1", "Comité des fêtes", "W372011111", "", t),
            ("a1", "p2", "Autre", "", "", t),
        ],
    )
    .await;
    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("unlock migrates");
    let mut conn = vault.connection().await.expect("conn");
    let second = sqlx::query("UPDATE partner SET own_association = 1 WHERE id = 'p2'")
        .execute(&mut conn)
        .await;
    assert!(second.is_err(), "the unique index refuses a second link");
    conn.close().await.expect("close");
    vault.close().await;
}
