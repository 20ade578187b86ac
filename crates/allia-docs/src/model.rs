//! The document model shared by the templates (which produce it), the PDF typesetter and
//! the in-app preview (which both consume it). It holds final text: numbering and
//! cross-references are already resolved when a model exists.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// A numbered article: « Article 3 — Durée ».
    Article {
        number: u32,
        title: String,
    },
    /// A numbered sub-article: « 5.2 — Engagements de la Mairie ».
    SubArticle {
        number: String,
        title: String,
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
    /// Forces the next block onto a new page.
    PageBreak,
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

/// « Fait à …, le …, en N exemplaires originaux », then one column per signatory
/// (wrapping to rows beyond three). Never split across pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Signatures {
    pub place: String,
    /// Already formatted, « 26 novembre 2026 », or empty to leave a blank to fill by hand.
    pub date: String,
    pub copies: u32,
    pub signatories: Vec<Signatory>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Signatory {
    pub organisation: String,
    pub name: String,
    pub role: String,
}
