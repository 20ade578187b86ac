//! The document model shared by the templates (which produce it), the PDF typesetter, the
//! DOCX writer and the in-app preview (which consume it). It holds final text: numbering,
//! cross-references, headings and the signature wording are resolved when a model is
//! built (see [`crate::templates::wording`]); the consumers only lay it out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::templates::{typography, wording};

pub use crate::chart::{Chart, ChartPoint, ChartSeries, DateRule, LineStyle, MarkerShape};

/// A whole document, ready to be laid out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Document {
    pub metadata: Metadata,
    /// Running header, printed at the top of every page but the first (e.g. the alliance).
    pub header: Option<String>,
    /// Footer title: the footer reads « <footer_title> — Page N / M ».
    pub footer_title: String,
    pub blocks: Vec<Block>,
    /// Prints an area for the signatories' initials (« Paraphes ») in the footer of every
    /// page but the signature page, where they sign in full (a document setting; the PDF
    /// only, the DOCX prints it on every page). Layout only: never sent to the screens.
    #[serde(skip)]
    pub initials: bool,
}

impl Document {
    /// The organisations of its signature blocks, in print order: the parties whose
    /// signature makes the document « Signé » (allia-core's `check_signed_by`).
    pub fn signing_parties(&self) -> Vec<String> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Signatures(s) => Some(s.rows.iter().flatten()),
                _ => None,
            })
            .flatten()
            .map(|signatory| signatory.organisation.clone())
            .collect()
    }
}

/// PDF metadata. `creation_date` is data, not the clock, so a document renders to the
/// same bytes every time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Metadata {
    pub title: String,
    /// The association that produces the document.
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub creation_date: NaiveDate,
    /// BCP 47 language tag, « fr-FR ».
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Block {
    /// The title block on the first page.
    Title {
        title: String,
        subtitle: Option<String>,
    },
    /// An unnumbered section heading (« Entre les soussignés », « Préambule »).
    Section {
        text: String,
    },
    /// A numbered article (build it with [`Block::article`]).
    Article {
        number: u32,
        title: String,
        /// What is printed: « Article 3 — Durée ».
        heading: String,
    },
    /// A numbered sub-article (build it with [`Block::sub_article`]).
    SubArticle {
        number: String,
        title: String,
        /// What is printed: « 5.2 — Engagements de la Mairie ».
        heading: String,
    },
    Paragraph(Paragraph),
    List(List),
    Table(Table),
    Signatures(Signatures),
    /// Text to be copied by hand, character for character (the recovery key): each line
    /// is set large and bold, its space-separated groups in aligned columns, between two
    /// rules. Never split across pages.
    Key {
        lines: Vec<String>,
    },
    /// Values over dates, drawn by the PDF as vector paths across the text width, never
    /// split across pages ([`crate::chart`]); the DOCX prints its title and a pointer to
    /// the PDF.
    Chart(Chart),
    /// Forces the next block onto a new page.
    PageBreak,
}

impl Block {
    /// An article with its heading worded once: « Article 3 — Durée ».
    pub fn article(number: u32, title: impl Into<String>) -> Block {
        let title = title.into();
        Block::Article {
            heading: wording::article_heading(number, &title),
            number,
            title,
        }
    }

    /// Every piece of text the block prints, in order, joined by spaces: for searching
    /// the document (the blanks left to fill), not for layout.
    pub fn text(&self) -> String {
        fn runs(items: &[Run]) -> String {
            items
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join("")
        }
        let parts: Vec<String> = match self {
            Block::Title { title, subtitle } => std::iter::once(title.clone())
                .chain(subtitle.clone())
                .collect(),
            Block::Section { text } => vec![text.clone()],
            Block::Article { heading, .. } | Block::SubArticle { heading, .. } => {
                vec![heading.clone()]
            }
            Block::Paragraph(p) => vec![runs(&p.runs)],
            Block::List(list) => list.items.iter().map(|item| runs(item)).collect(),
            Block::Table(table) => table
                .header
                .iter()
                .cloned()
                .chain(table.rows.iter().flatten().map(|cell| runs(cell)))
                .collect(),
            Block::Signatures(s) => std::iter::once(s.sentence.clone())
                .chain(s.signatories().flat_map(|signatory| {
                    [
                        signatory.organisation.clone(),
                        signatory.name.clone(),
                        signatory.role.clone(),
                    ]
                }))
                .collect(),
            Block::Key { lines } => lines.clone(),
            Block::Chart(chart) => vec![chart.text()],
            Block::PageBreak => Vec::new(),
        };
        parts.join(" ")
    }

    /// A sub-article with its heading worded once: « 5.2 — Engagements de la Mairie ».
    pub fn sub_article(number: impl Into<String>, title: impl Into<String>) -> Block {
        let (number, title) = (number.into(), title.into());
        Block::SubArticle {
            heading: wording::sub_article_heading(&number, &title),
            number,
            title,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
}

impl Paragraph {
    /// A justified paragraph of plain text.
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph {
            runs: vec![Run::plain(text)],
            align: Align::Justify,
        }
    }

    /// Whether the paragraph only links the one before to the one after (« Et » between
    /// two parties, « D’une part, », « Entre : »): a few words with no sentence end. The
    /// PDF and the DOCX keep it on the page of the next paragraph, so that it never ends
    /// a page alone.
    pub fn is_connective(&self) -> bool {
        let text: String = self.runs.iter().map(|r| r.text.as_str()).collect();
        let text = text.trim();
        !text.is_empty()
            && text.chars().count() <= 24
            && text.split_whitespace().count() <= 3
            && !text.ends_with(['.', '!', '?', '…', '»'])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Align {
    Justify,
    Left,
    Center,
    Right,
}

/// A piece of text in one style. Spaces inside runs are ordinary breakable spaces;
/// U+00A0 and U+202F never break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }
    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
            italic: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct List {
    pub ordered: bool,
    /// Each item is one paragraph of runs.
    pub items: Vec<Vec<Run>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Table {
    /// Header cells, repeated at the top of each page the table spans.
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Run>>>,
    /// Relative column widths (same length as `header`).
    pub widths: Vec<f32>,
}

/// « Fait à …, le …, en N exemplaires originaux. », then the signatories side by side,
/// row by row, each with the approval formula and room to sign. Never split across pages
/// when it fits on one. Build it with [`Signatures::new`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Signatures {
    /// « Fait à Tours, le 26 novembre 2026, en 2 exemplaires originaux. », with dotted
    /// blanks for a place or date to fill in by hand.
    pub sentence: String,
    /// Under each signatory: « Lu et approuvé ».
    pub approval: String,
    /// The signatories, one inner list per printed row.
    pub rows: Vec<Vec<Signatory>>,
}

impl Signatures {
    /// The block worded once: `date` already formatted (« 26 novembre 2026 ») or empty,
    /// like `place`, to leave a blank; `copies` originals.
    pub fn new(place: &str, date: &str, copies: u32, signatories: Vec<Signatory>) -> Signatures {
        Signatures {
            // The date and the number of originals never break at a line end.
            sentence: typography::tie_numbers(&wording::signature_sentence(place, date, copies)),
            approval: wording::APPROVAL.to_string(),
            rows: wording::signatory_rows(signatories),
        }
    }

    /// Every signatory, in order.
    pub fn signatories(&self) -> impl Iterator<Item = &Signatory> {
        self.rows.iter().flatten()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Signatory {
    pub organisation: String,
    pub name: String,
    pub role: String,
}
