//! Vault costs: unlock (KDF + open), one more pooled connection, and 1,000 partners
//! inserted in one transaction on the encrypted vault and on a plain database.
//! `cargo bench -p allia-store --bench vault`

use std::time::{Duration, Instant};

use allia_core::{AllianceDraft, Organisation, PartnerDraft};
use allia_store::{KdfParams, Store, Vault};
use criterion::{criterion_group, criterion_main, Criterion};
use sqlx::Connection;

const PASS: &str = "girafe violette sous la pluie de Lyon";

fn partners() -> Vec<PartnerDraft> {
    (0..1000)
        .map(|i| PartnerDraft {
            organisation: Organisation {
                name: format!("Association partenaire n° {i}"),
                city: Some("Tours".into()),
                siret: Some("73282932000074".into()),
                ..Default::default()
            },
            resources: Some("Locaux, bénévoles et expertise comptable".into()),
            resource_tags: vec!["locaux".into(), "bénévoles".into()],
            ..Default::default()
        })
        .collect()
}

/// Times `iters` inserts of 1,000 partners, each into a fresh alliance deleted afterwards.
async fn insert_thousand(store: &Store, iters: u64, drafts: &[PartnerDraft]) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let alliance = store
            .create_alliance(&AllianceDraft {
                name: "Banc d'essai".into(),
                ..Default::default()
            })
            .await
            .expect("alliance");
        let start = Instant::now();
        store
            .create_partners(&alliance.id, drafts)
            .await
            .expect("insert");
        total += start.elapsed();
        store.delete_alliance(&alliance.id).await.expect("cleanup");
    }
    total
}

fn vault_benches(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = rt
        .block_on(Vault::create_with_params(
            dir.path(),
            PASS,
            KdfParams::default(),
        ))
        .expect("create");
    let drafts = partners();
    // Some data, so the integrity checks at unlock read real pages; then closed: a
    // vault is opened by one process (and one handle) at a time.
    rt.block_on(async {
        let alliance = vault
            .store()
            .create_alliance(&AllianceDraft {
                name: "Alliance mesurée".into(),
                ..Default::default()
            })
            .await
            .expect("alliance");
        vault
            .store()
            .create_partners(&alliance.id, &drafts)
            .await
            .expect("partners");
    });
    rt.block_on(vault.close());

    let mut group = c.benchmark_group("vault");
    group.sample_size(10);
    group.bench_function("unlock (Argon2id 64 MiB + integrity checks + open)", |b| {
        b.to_async(&rt).iter(|| async {
            Vault::unlock(dir.path(), PASS)
                .await
                .expect("unlock")
                .close()
                .await;
        })
    });
    group.finish();

    let vault = rt
        .block_on(Vault::unlock(dir.path(), PASS))
        .expect("unlock");
    let mut group = c.benchmark_group("connection");
    group.bench_function("open one pooled connection with the raw key", |b| {
        b.to_async(&rt).iter(|| async {
            let conn = vault.open_connection().await.expect("connect");
            conn.close().await.expect("close");
        })
    });
    group.finish();

    let plain_dir = tempfile::tempdir().expect("tempdir");
    let plain = rt
        .block_on(Store::open_unencrypted_for_comparison(
            &plain_dir.path().join("plain.sqlite"),
        ))
        .expect("plain");
    let mut group = c.benchmark_group("insert 1000 partners in one transaction");
    group.sample_size(20);
    group.bench_function("encrypted vault", |b| {
        b.to_async(&rt)
            .iter_custom(|iters| insert_thousand(vault.store(), iters, &drafts))
    });
    group.bench_function("plain SQLite", |b| {
        b.to_async(&rt)
            .iter_custom(|iters| insert_thousand(&plain, iters, &drafts))
    });
    group.finish();
    rt.block_on(vault.close());
}

criterion_group!(benches, vault_benches);
criterion_main!(benches);
