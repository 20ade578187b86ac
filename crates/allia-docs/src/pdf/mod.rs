//! The PDF typesetter.
