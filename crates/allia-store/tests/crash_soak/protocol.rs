//! What passes from the writer to the parent: the modes, the commit lines, their marker.

use std::io::Write as _;

use crate::MARKER;

/// What the writer does until it is killed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Alliances (autocommit), batches of partners and documents (transactions).
    Write,
    /// Imports of the demo alliance's file (alliance + partners in one transaction).
    Import,
    /// An alliance, then a backup of the vault to a chosen folder (`Vault::backup_to`),
    /// and every few rounds an automatic backup (`Vault::backup_now`, which prunes).
    Backup,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Write => "write",
            Mode::Import => "import",
            Mode::Backup => "backup",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        [Mode::Write, Mode::Import, Mode::Backup]
            .into_iter()
            .find(|m| m.name() == text)
    }

    /// How `kills` are spread over the modes: a fifth each to import and backup (at
    /// least one each once there are 3 kills), the rest to plain writes: 10 → 6/2/2,
    /// 100 → 60/20/20.
    pub fn plan(kills: usize) -> Vec<(Mode, usize)> {
        let special = if kills >= 3 { (kills / 5).max(1) } else { 0 };
        vec![
            (Mode::Write, kills - 2 * special),
            (Mode::Import, special),
            (Mode::Backup, special),
        ]
    }
}

/// One transaction the writer reported committed (one `committed …` line), or a delete it
/// is about to make (`intent delete …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Commit {
    Alliance {
        id: String,
        name: String,
    },
    Partners {
        alliance_id: String,
        count: i64,
    },
    Document {
        id: String,
        alliance_id: String,
    },
    /// Not a commit: said before a delete, so that a delete committed but killed before
    /// it is reported is not taken for lost data. The alliance may be there or not.
    DeleteIntent {
        id: String,
    },
    /// An alliance deleted, with its partners and documents (cascade).
    Delete {
        id: String,
    },
    Import {
        alliance_id: String,
    },
    /// A backup written by `backup_to` in the export folder (file name).
    Export {
        file: String,
    },
    /// An automatic backup in the vault's `backups/` folder (file name).
    Automatic {
        file: String,
    },
}

impl Commit {
    pub fn line(&self) -> String {
        match self {
            Commit::Alliance { id, name } => format!("committed alliance {id} {name}"),
            Commit::Partners { alliance_id, count } => {
                format!("committed partners {alliance_id} {count}")
            }
            Commit::Document { id, alliance_id } => {
                format!("committed document {id} {alliance_id}")
            }
            Commit::DeleteIntent { id } => format!("intent delete {id}"),
            Commit::Delete { id } => format!("committed delete {id}"),
            Commit::Import { alliance_id } => format!("committed import {alliance_id}"),
            Commit::Export { file } => format!("committed export {file}"),
            Commit::Automatic { file } => format!("committed automatic {file}"),
        }
    }

    pub fn parse(line: &str) -> Option<Commit> {
        if let Some(id) = line.strip_prefix("intent delete ") {
            return Some(Commit::DeleteIntent { id: id.to_owned() });
        }
        let mut words = line.strip_prefix("committed ")?.split(' ');
        let kind = words.next()?;
        let first = words.next()?.to_owned();
        let second = words.next();
        Some(match (kind, second) {
            ("alliance", Some(name)) => Commit::Alliance {
                id: first,
                name: name.to_owned(),
            },
            ("partners", Some(count)) => Commit::Partners {
                alliance_id: first,
                count: count.parse().ok()?,
            },
            ("document", Some(alliance_id)) => Commit::Document {
                id: first,
                alliance_id: alliance_id.to_owned(),
            },
            ("delete", None) => Commit::Delete { id: first },
            ("import", None) => Commit::Import { alliance_id: first },
            ("export", None) => Commit::Export { file: first },
            ("automatic", None) => Commit::Automatic { file: first },
            _ => return None,
        })
    }

    pub fn is_commit(&self) -> bool {
        !matches!(self, Commit::DeleteIntent { .. })
    }
}
/// Prints one message for the parent and flushes it at once: a line still in a buffer at
/// the kill would be a commit the parent never hears of (harmless, but it weakens the
/// check). The marker finds it after libtest's own `test writer_process ... `, which the
/// first message shares a line with.
pub fn tell_parent(message: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{MARKER}{message}").expect("stdout");
    out.flush().expect("flush stdout");
}

/// The message in one line of the writer's stdout, if it carries one.
pub fn message(line: &str) -> Option<&str> {
    line.find(MARKER).map(|at| &line[at + MARKER.len()..])
}
