//! IPC commands, one module per area. They convert between IPC and the crates; no
//! business rule lives here.

pub mod alliances;
pub mod backups;
pub mod documents;
pub mod kit;
pub mod partners;
pub mod profile;
pub mod settings;
pub mod vault;
