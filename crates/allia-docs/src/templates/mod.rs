//! Clause templates: alliance data → document model.
