//! `allia import` (new, `--update`, `--copy`) and `allia diff`: an alliance file whose
//! alliance the vault already holds (same id) is never imported twice without asking.

use std::path::Path;

use allia_core::{AllianceDiff, ImportedAlliance};
use allia_store::{ImportMode, Store};

use crate::args::ReadingFlags;
use crate::commands::{checked_alliance_file, close_after_change, unlock};
use crate::error::CliError;

/// How `allia import` stores the file (`--update`, `--copy`, or neither).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportWay {
    /// Neither flag: a new alliance; refused when the vault holds the file's alliance.
    New,
    /// `--update`: the vault's alliance with the file's id takes the file's data.
    Update,
    /// `--copy`: a new alliance with new ids.
    Copy,
}

impl ImportWay {
    pub fn from_flags(update: bool, copy: bool) -> ImportWay {
        match (update, copy) {
            (true, _) => ImportWay::Update,
            (false, true) => ImportWay::Copy,
            (false, false) => ImportWay::New,
        }
    }
}

/// The differences, one per line, indented under a heading.
fn diff_text(diff: &AllianceDiff) -> String {
    diff.french_lines()
        .iter()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why `allia import` without `--update` or `--copy` does nothing for a file whose
/// alliance is already in the vault, the two ways on, and what an update would change.
pub fn already_here_refusal(diff: &AllianceDiff) -> String {
    format!(
        "l’alliance «\u{a0}{}\u{a0}» de ce fichier est déjà dans le coffre (identifiant {})\u{a0}: \
         ajoutez --update pour la mettre à jour avec le fichier (les versions figées ou signées ne changent pas), \
         ou --copy pour l’importer comme une nouvelle alliance distincte.\nDifférences avec le coffre\u{a0}:\n{}",
        diff.alliance_name,
        diff.alliance_id,
        diff_text(diff)
    )
}

/// Says on stderr which of the file's partners look like this association: the command
/// line cannot ask, so they are imported as distinct organisations.
async fn warn_lookalikes(store: &Store, imported: &ImportedAlliance) -> Result<(), CliError> {
    for lookalike in store.own_lookalikes(imported).await? {
        eprintln!(
            "allia : le partenaire «\u{a0}{}\u{a0}» ressemble à votre association ({})\u{a0}: il est importé comme une organisation distincte.",
            lookalike.partner.name, lookalike.suspicion.label
        );
    }
    Ok(())
}

/// What the import does once the vault is open.
async fn run_import(
    store: &Store,
    imported: ImportedAlliance,
    way: ImportWay,
) -> Result<allia_core::Alliance, CliError> {
    warn_lookalikes(store, &imported).await?;
    match way {
        ImportWay::New => {
            if let Some(diff) = store.diff_imported(imported.clone()).await? {
                return Err(CliError::new(already_here_refusal(&diff)));
            }
            Ok(store.import_validated(imported, ImportMode::New).await?)
        }
        ImportWay::Copy => Ok(store.import_validated(imported, ImportMode::Copy).await?),
        ImportWay::Update => {
            let (alliance, diff) = store.update_alliance_from_file(imported, &[]).await?;
            eprintln!("Alliance mise à jour\u{a0}:\n{}", diff_text(&diff));
            Ok(alliance)
        }
    }
}

/// `allia import --vault DIR --input FICHIER [--update | --copy]`: prints the alliance's
/// id and name. The file is read and checked whole before the vault is opened.
pub async fn import(
    vault: &Path,
    input: &Path,
    reading: &ReadingFlags,
    way: ImportWay,
) -> Result<(), CliError> {
    let imported = checked_alliance_file(input, reading)?;
    let received = crate::render_command::received_print_notices(&imported);
    let open = unlock(vault).await?;
    let result = run_import(open.store(), imported, way).await;
    match &result {
        Ok(_) => close_after_change(open).await,
        // A refusal or a failure wrote nothing: no backup to make.
        Err(_) => open.close().await,
    }
    let alliance = result?;
    for line in &received {
        eprintln!("{line}");
    }
    println!("{}\t{}", alliance.id, alliance.draft.name);
    Ok(())
}

/// `allia diff FICHIER --vault DIR --alliance ID|NOM`: what updating that alliance with the
/// file would change, in French, one difference per line; nothing is written.
pub async fn diff(
    file: &Path,
    vault: &Path,
    alliance: &str,
    reading: &ReadingFlags,
) -> Result<(), CliError> {
    let imported = checked_alliance_file(file, reading)?;
    let open = unlock(vault).await?;
    let diff = match crate::commands::find_alliance(open.store(), alliance).await {
        Ok(found) => open
            .store()
            .alliance_file_diff(imported, &found.id)
            .await
            .map_err(CliError::from),
        Err(e) => Err(e),
    };
    open.close().await;
    for line in diff?.french_lines() {
        println!("{line}");
    }
    Ok(())
}
