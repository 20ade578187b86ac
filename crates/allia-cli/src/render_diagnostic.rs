//! `allia render --document diagnostic`: the internal diagnostic's one-page PDF
//! (allia-docs' `diagnostic`), from an alliance file (`--input`, checked as `allia
//! import` checks it) or from the vault (`--vault` and `--alliance`).

use std::path::{Path, PathBuf};

use allia_docs::diagnostic::{self, DiagnosticPdf};

use crate::args::ReadingFlags;
use crate::commands::{checked_alliance_file, unlock, write_bytes};
use crate::error::CliError;

/// The `--document` name of the diagnostic.
pub const NAME: &str = "diagnostic";

/// Renders the diagnostic to `out` (a `.pdf`), from `input` or from `vault`'s
/// `alliance`; prints the path written, then on stderr any warning (texts cut to hold
/// the one page).
pub async fn render(
    input: Option<PathBuf>,
    vault: Option<PathBuf>,
    alliance: Option<String>,
    reading: &ReadingFlags,
    out: &Path,
) -> Result<(), CliError> {
    if !out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        return Err(CliError::new(format!(
            "{} : le diagnostic se produit en PDF, le fichier doit finir par .pdf.",
            out.display()
        )));
    }
    let (name, association, diagnostic) = match (input, vault, alliance) {
        (Some(input), _, _) => {
            let file = checked_alliance_file(&input, reading)?.file;
            let diagnostic = file
                .diagnostic
                .as_ref()
                .map(|d| d.to_diagnostic(&file.alliance.id))
                .unwrap_or_default();
            (
                file.alliance.name.clone(),
                file.profile.map(|p| p.name),
                diagnostic,
            )
        }
        (None, Some(vault), Some(alliance)) => {
            let vault = unlock(&vault).await?;
            let store = vault.store();
            let found = crate::commands::find_alliance(store, &alliance).await?;
            let alliance = found.id.clone();
            let diagnostic = store.diagnostic(&alliance).await?;
            let association = store.profile().await?.map(|p| p.name);
            vault.close().await;
            (found.draft.name, association, diagnostic)
        }
        _ => {
            return Err(CliError::new(
                "indiquez --input FICHIER, ou --vault DIR et --alliance ID.",
            ))
        }
    };
    let rendered = diagnostic::render(&DiagnosticPdf {
        alliance: &name,
        association: association.as_deref(),
        diagnostic: &diagnostic,
        date: chrono::Local::now().date_naive(),
    })
    .map_err(|e| CliError::new(e.to_string()))?;
    write_bytes(out, &rendered.bytes)?;
    println!("{}", out.display());
    // As `allia render` prints a contract's warnings: the PDF is written, to be checked.
    for warning in &rendered.warnings {
        eprintln!("allia : à vérifier : {warning}");
    }
    Ok(())
}
