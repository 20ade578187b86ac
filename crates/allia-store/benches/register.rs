//! The actor register's load from the vault at the scale (300 actors, 1 000
//! interactions, the demo generator's scores): what the « Partenaires » tabs ask the
//! store for when they open. Target: the three together ≤ 20 ms.
//! `cargo bench -p allia-store --bench register`

use allia_store::{KdfParams, Vault};
use criterion::{criterion_group, criterion_main, Criterion};

const PASS: &str = "girafe violette sous la pluie de Lyon";

fn register_benches(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = rt
        .block_on(Vault::create_with_params(
            dir.path(),
            PASS,
            KdfParams::default(),
        ))
        .expect("create");
    let store = vault.store();
    let alliance = rt
        .block_on(store.create_scaled_demo(300))
        .expect("scaled demo");
    let id = alliance.id.clone();
    // The sizes measured, checked once.
    rt.block_on(async {
        assert_eq!(store.actors(&id).await.expect("actors").len(), 300);
        assert_eq!(store.interactions(&id).await.expect("links").len(), 1000);
    });

    let mut group = c.benchmark_group("register load (300 actors, 1 000 interactions)");
    group.bench_function("actors", |b| {
        b.to_async(&rt)
            .iter(|| async { store.actors(&id).await.expect("actors") })
    });
    group.bench_function("interactions", |b| {
        b.to_async(&rt)
            .iter(|| async { store.interactions(&id).await.expect("links") })
    });
    group.bench_function(
        "scoring matrix (criteria, candidates, scores, ranking)",
        |b| {
            b.to_async(&rt)
                .iter(|| async { store.scoring_matrix(&id).await.expect("matrix") })
        },
    );
    group.bench_function("all three", |b| {
        b.to_async(&rt).iter(|| async {
            (
                store.actors(&id).await.expect("actors"),
                store.interactions(&id).await.expect("links"),
                store.scoring_matrix(&id).await.expect("matrix"),
            )
        })
    });
    group.finish();
    rt.block_on(vault.close());
}

criterion_group!(benches, register_benches);
criterion_main!(benches);
