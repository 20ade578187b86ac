//! Typesetter throughput on a convention-like document: 12 pages with four signatories,
//! and 60 pages. Fonts are parsed once, outside the measured loop, as in the app.

#[path = "../tests/common/pdf_sample.rs"]
mod sample;

use criterion::{criterion_group, criterion_main, Criterion};

/// Articles giving 12 and 60 pages with the sample's content.
const TWELVE_PAGES: usize = 20;
const SIXTY_PAGES: usize = 116;

fn bench(c: &mut Criterion) {
    let typesetter = allia_docs::pdf::shared().expect("fonts parse");
    for (name, articles) in [
        ("render_12_pages", TWELVE_PAGES),
        ("render_60_pages", SIXTY_PAGES),
    ] {
        let doc = sample::convention(articles);
        c.bench_function(name, |b| {
            b.iter(|| {
                typesetter
                    .render(std::hint::black_box(&doc))
                    .expect("render")
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
