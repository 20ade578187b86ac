//! Typesetter throughput on a convention-like document: 12 pages with four signatories,
//! and 60 pages; and the same 12 pages with parties named in Arabic, Chinese and with
//! emoji (font fallback, shaping and bidi). Fonts are parsed once, outside the measured
//! loop, as in the app.

#[path = "../tests/common/pdf_sample.rs"]
mod sample;

use allia_docs::model::{Block, Document};
use criterion::{criterion_group, criterion_main, Criterion};

/// Articles giving 12 and 60 pages with the sample's content.
const TWELVE_PAGES: usize = 20;
const SIXTY_PAGES: usize = 116;

/// Names of the sample replaced by names in other scripts.
const RENAMED: [(&str, &str); 5] = [
    ("Association Les Tilleuls", "Repair Café 🔧 du Val ♻"),
    ("Marie Dupont", "Samira Haddad (سميرة حداد)"),
    (
        "Mairie de Saint-Aubin",
        "Association franco-chinoise d’entraide 华人互助会",
    ),
    ("Jean Martin", "Li Wei 李伟"),
    ("Aïcha Benali", "مريم السيد 👩‍🔧"),
];

fn rename(text: &str) -> String {
    RENAMED
        .iter()
        .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

/// The 12-page convention whose parties have names in Arabic, Chinese and with emoji.
fn world_convention() -> Document {
    let mut doc = sample::convention(TWELVE_PAGES);
    for block in &mut doc.blocks {
        match block {
            Block::Paragraph(p) => p.runs.iter_mut().for_each(|r| r.text = rename(&r.text)),
            Block::Table(t) => t
                .rows
                .iter_mut()
                .flatten()
                .flatten()
                .for_each(|r| r.text = rename(&r.text)),
            Block::Signatures(s) => s.rows.iter_mut().flatten().for_each(|s| {
                s.organisation = rename(&s.organisation);
                s.name = rename(&s.name);
            }),
            _ => {}
        }
    }
    doc
}

fn bench(c: &mut Criterion) {
    let typesetter = allia_docs::pdf::shared().expect("fonts parse");
    for (name, doc) in [
        ("render_12_pages", sample::convention(TWELVE_PAGES)),
        ("render_60_pages", sample::convention(SIXTY_PAGES)),
        ("render_12_pages_world_names", world_convention()),
    ] {
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
