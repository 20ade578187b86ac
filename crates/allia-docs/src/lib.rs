//! Allia's documents: a small document model, the templates that turn an alliance into
//! a contract in that model, and the typesetter that lays it out as a PDF.

pub mod model;
pub mod pdf;
pub mod templates;
