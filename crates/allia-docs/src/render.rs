//! The document render: from an alliance to the bytes of a signed-ready document file,
//! templates first ([`crate::templates`], whose clause engine renders each clause text),
//! then the PDF typesetter or the DOCX writer. The app and the command line both call
//! this.

use std::path::Path;

use allia_core::{AllianceFile, DocumentKind, DocumentSettings, DocumentVersion};
use chrono::NaiveDate;

use crate::templates::{self, DocumentOptions, TemplateError};
use crate::{docx, pdf};

/// The file formats a document is exported to (`"pdf"` or `"docx"` over IPC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename = "ExportFormat", rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Docx,
}

impl Format {
    /// From a file name's extension (`.pdf`, `.docx`, any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Template(#[from] TemplateError),
    #[error("{0}")]
    Pdf(#[from] pdf::PdfError),
    #[error("le fichier Word n’a pas pu être produit ({0})")]
    Docx(#[from] docx::DocxError),
}

/// A rendered document and what the user should check in it (missing data, references
/// to removed clauses…).
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// The template options for a stored document's settings.
pub fn options(
    kind: DocumentKind,
    settings: &DocumentSettings,
    version: u32,
    creation_date: NaiveDate,
) -> DocumentOptions {
    DocumentOptions {
        overrides: settings.overrides.clone(),
        place: settings.place.clone(),
        signature_date: settings.signature_date,
        copies: settings.copies,
        initials: settings.initials,
        annexes: settings.annexes.clone(),
        version,
        ..DocumentOptions::new(kind, settings.title.clone(), creation_date)
    }
}

/// The template options for a stored version: a frozen version is dated by the day it
/// was frozen, so it renders to the same bytes every time; a draft by `today`.
pub fn options_for_version(
    kind: DocumentKind,
    version: &DocumentVersion,
    today: NaiveDate,
) -> DocumentOptions {
    let creation_date = version.frozen_at.map(|t| t.date_naive()).unwrap_or(today);
    options(kind, &version.settings, version.number, creation_date)
}

/// Builds the document from `file` with `options` and writes it in `format`.
///
/// # Errors
/// [`RenderError::Template`] when the document cannot be built (no alliance name, a
/// clause text with an error…); [`RenderError::Pdf`] or [`RenderError::Docx`] when the
/// file cannot be written.
pub fn render(
    file: &AllianceFile,
    options: &DocumentOptions,
    format: Format,
) -> Result<Rendered, RenderError> {
    let built = templates::build(file, options)?;
    let bytes = match format {
        Format::Pdf => pdf::shared()?.render(&built.document)?,
        Format::Docx => docx::render(&built.document)?,
    };
    Ok(Rendered {
        bytes,
        warnings: built.warnings,
    })
}
