//! Allia's documents: a small document model, the templates that turn an alliance into
//! a contract in that model, the typesetter that lays it out as a PDF, and the DOCX
//! writer for partners who edit in Word.

pub mod annex_pdf;
pub mod annex_stamp;
pub mod docx;
pub mod kit;
pub mod model;
pub mod pdf;
pub mod render;
pub mod templates;
pub mod unprintable;
