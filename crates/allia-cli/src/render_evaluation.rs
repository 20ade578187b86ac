//! `allia render --document evaluation`: the evaluation report as a PDF or, for `.docx`,
//! as a DOCX to edit in Word (allia-docs' `evaluation` document model written by
//! `allia_docs::docx`), from the vault (`--vault` and `--alliance`): the purposes,
//! questions, indicators with their status, the key indicators' charts (in the DOCX, the
//! tables of their values) and the gap analyses, as of today or of `--date`.

use std::path::{Path, PathBuf};

use allia_docs::evaluation::{render_evaluation_report, EvaluationReportInput};
use allia_docs::render::Format;
use chrono::NaiveDate;

use crate::commands::{unlock, write_bytes};
use crate::error::CliError;

/// The `--document` name of the evaluation report.
pub const NAME: &str = "evaluation";

/// Renders the report to `out` (a `.pdf`, or a `.docx` to edit in Word) from `vault`'s
/// `alliance`, as of `date` (AAAA-MM-JJ as typed; today when absent: the day the statuses are computed for);
/// prints the path written.
pub async fn render(
    input: Option<PathBuf>,
    vault: Option<PathBuf>,
    alliance: Option<String>,
    date: Option<&str>,
    out: &Path,
) -> Result<(), CliError> {
    let Some(format) = Format::from_path(out) else {
        return Err(CliError::new(format!(
            "{}\u{a0}: le rapport d’évaluation se produit en PDF ou en Word, le fichier doit finir par .pdf ou .docx.",
            out.display()
        )));
    };
    let today = match date {
        None => chrono::Local::now().date_naive(),
        Some(typed) => NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").map_err(|_| {
            CliError::new(format!(
                "--date\u{a0}: « {typed} » n’est pas une date (AAAA-MM-JJ, par exemple 2026-12-01)."
            ))
        })?,
    };
    let (vault, alliance) = match (input, vault, alliance) {
        (None, Some(vault), Some(alliance)) => (vault, alliance),
        (Some(_), _, _) => {
            // The statuses and the objectives' order are the store's reading of the
            // records: the report is read from the vault (import the file first).
            return Err(CliError::new(
                "le rapport d’évaluation se produit depuis le coffre\u{a0}: importez le fichier (allia import), puis indiquez --vault DIR et --alliance ID.",
            ));
        }
        _ => return Err(CliError::new("indiquez --vault DIR et --alliance ID.")),
    };
    let vault = unlock(&vault).await?;
    let store = vault.store();
    let read = async {
        let found = crate::commands::find_alliance(store, &alliance).await?;
        let evaluation = store.evaluation_overview(&found.id, today).await?;
        let objectives = store.objectives_overview(&found.id, today).await?;
        let association = store.profile().await?.map(|p| p.name);
        Ok::<_, CliError>(EvaluationReportInput {
            alliance: found.draft.name,
            association,
            today,
            evaluation,
            objectives,
        })
    }
    .await;
    vault.close().await;
    let input = read?;
    let bytes = match format {
        Format::Pdf => {
            render_evaluation_report(&input).map_err(|e| CliError::new(e.to_string()))?
        }
        Format::Docx => allia_docs::docx::render(&allia_docs::evaluation::document(&input))
            .map_err(|e| CliError::new(allia_docs::render::RenderError::from(e).to_string()))?,
    };
    write_bytes(out, &bytes)?;
    println!("{}", out.display());
    Ok(())
}
