//! Allia's documents: a small document model, the templates that turn an alliance into
//! a contract in that model, the typesetter that lays it out as a PDF, and the DOCX
//! writer for partners who edit in Word.

pub mod annex_pdf;
pub mod chart;
pub mod diagnostic;
pub mod docx;
pub mod dossier;
pub mod evaluation;
pub mod kit;
pub mod model;
pub mod pdf;
pub mod render;
pub mod templates;
pub mod unprintable;

/// The stamp of the pages inserted from annex PDFs, at the crate's root as before
/// ([`annex_pdf::stamp`]).
pub use annex_pdf::stamp as annex_stamp;
