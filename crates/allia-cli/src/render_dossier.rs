//! `allia render --document dossier`: the dossier de présentation as a PDF for funders
//! (allia-docs' `dossier`), from an alliance file (`--input`, checked as `allia import`
//! checks it) or from the vault (`--vault` and `--alliance`).

use std::path::{Path, PathBuf};

use allia_core::{DossierTexts, FigureDraft};
use allia_docs::dossier::{render_pdf, DossierPdf};

use crate::args::ReadingFlags;
use crate::commands::{checked_alliance_file, unlock, write_bytes};
use crate::error::CliError;

/// The `--document` name of the dossier de présentation.
pub const NAME: &str = "dossier";

/// What the dossier prints, whichever the source.
struct Source {
    alliance: String,
    association: Option<String>,
    territory: Option<String>,
    texts: DossierTexts,
    figures: Vec<FigureDraft>,
}

/// Renders the dossier to `out` (a `.pdf`), from `input` or from `vault`'s `alliance`;
/// prints the path written.
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
            "{} : le dossier de présentation se produit en PDF, le fichier doit finir par .pdf.",
            out.display()
        )));
    }
    let source = match (input, vault, alliance) {
        (Some(input), _, _) => {
            let file = checked_alliance_file(&input, reading)?.file;
            let content = file
                .project_dossier
                .as_ref()
                .map(|d| d.to_content(&file.alliance.id));
            let (texts, figures) = match content {
                Some(c) => (
                    c.dossier.map(|d| d.texts).unwrap_or_default(),
                    c.figures.into_iter().map(|f| f.draft).collect(),
                ),
                None => (DossierTexts::default(), Vec::new()),
            };
            Source {
                alliance: file.alliance.name.clone(),
                association: file.profile.map(|p| p.name),
                territory: file.alliance.territory.clone(),
                texts,
                figures,
            }
        }
        (None, Some(vault), Some(alliance)) => {
            let vault = unlock(&vault).await?;
            let store = vault.store();
            let found = crate::commands::find_alliance(store, &alliance).await?;
            let alliance = found.id.clone();
            let content = store.project_dossier(&alliance).await?;
            let association = store.profile().await?.map(|p| p.name);
            vault.close().await;
            Source {
                alliance: found.draft.name,
                association,
                territory: found.draft.territory,
                texts: content.dossier.map(|d| d.texts).unwrap_or_default(),
                figures: content.figures.into_iter().map(|f| f.draft).collect(),
            }
        }
        _ => {
            return Err(CliError::new(
                "indiquez --input FICHIER, ou --vault DIR et --alliance ID.",
            ))
        }
    };
    let bytes = render_pdf(&DossierPdf {
        alliance: &source.alliance,
        association: source.association.as_deref(),
        territory: source.territory.as_deref(),
        texts: &source.texts,
        figures: &source.figures,
        date: chrono::Local::now().date_naive(),
    })
    .map_err(|e| CliError::new(e.to_string()))?;
    write_bytes(out, &bytes)?;
    println!("{}", out.display());
    Ok(())
}
