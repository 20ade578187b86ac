//! The evaluation report (allia-docs' `evaluation`): the purposes, questions, indicators
//! with their status, the key indicators' charts and the gap analyses, as of today, in a
//! PDF or a DOCX (for the association to edit in Word before sending it to its funders)
//! saved where the person chooses.

use allia_docs::evaluation::{render_evaluation_report, EvaluationReportInput};
use allia_docs::render::{Format, RenderError};
use allia_store::Store;
use chrono::NaiveDate;
use tauri::{AppHandle, State};

use crate::dialogs::{save_as, PdfToSave};
use crate::error::AppError;
use crate::state::AppState;

/// What the report is made of: the alliance's evaluation and objectives as the store
/// reads them on `today` (the day the statuses are computed for), and the association's
/// name from its profile.
///
/// # Errors
/// An unknown alliance; a vault read failure.
async fn report_input(
    store: &Store,
    alliance_id: &str,
    today: NaiveDate,
) -> Result<EvaluationReportInput, AppError> {
    let alliance = store.alliance(alliance_id).await?;
    let evaluation = store.evaluation_overview(alliance_id, today).await?;
    let objectives = store.objectives_overview(alliance_id, today).await?;
    let association = store.profile().await?.map(|p| p.name);
    Ok(EvaluationReportInput {
        alliance: alliance.draft.name,
        association,
        today,
        evaluation,
        objectives,
    })
}

/// The report's bytes in `format`: the PDF typeset by allia-docs, or its document model
/// written as a DOCX (a chart becomes the table of its values, with a line sending to the
/// PDF for the drawing).
///
/// # Errors
/// A typesetting or DOCX writing failure.
fn render_report(input: &EvaluationReportInput, format: Format) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Pdf => render_evaluation_report(input),
        Format::Docx => Ok(allia_docs::docx::render(
            &allia_docs::evaluation::document(input),
        )?),
    }
}

/// Asks where to save the evaluation report (system dialog, suggesting `.pdf` or `.docx`
/// after `format`), makes it as of today (`crate::clock::today`, the day its statuses are
/// computed for) and writes it there. Returns the chosen path, or `None` when the person
/// cancelled.
#[tauri::command]
#[specta::specta]
pub async fn evaluation_report_export(
    app: AppHandle,
    state: State<'_, AppState>,
    alliance_id: String,
    format: Format,
) -> Result<Option<String>, AppError> {
    let store = state.store().await?;
    let input = report_input(&store, &alliance_id, crate::clock::today()).await?;
    let name = input.alliance.clone();
    let saved = save_as(
        &app,
        PdfToSave {
            title: "Enregistrer le rapport d’évaluation",
            name_prefix: "rapport-evaluation",
            alliance_name: &name,
            interrupted: "La préparation du rapport d’évaluation a été interrompue.",
            write_failed: "Impossible d’enregistrer le rapport d’évaluation à cet endroit",
        },
        format,
        move || render_report(&input, format).map(|bytes| (bytes, ())),
    )
    .await?;
    Ok(saved.map(|(path, ())| path.to_string_lossy().into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::documents::test_vault::demo_vault;

    /// The file's `word/document.xml`, read with `unzip` (a DOCX is a zip).
    fn document_xml(docx: &[u8]) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("rapport.docx");
        std::fs::write(&path, docx).expect("write");
        let out = std::process::Command::new("unzip")
            .arg("-p")
            .arg(&path)
            .arg("word/document.xml")
            .output()
            .expect("unzip installed");
        assert!(out.status.success(), "word/document.xml in the DOCX");
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// On a real vault with the demo alliance: the command's input gives a PDF, and a
    /// DOCX holding the alliance, its indicators with their status and the key
    /// indicators' charts as tables of values sending to the PDF for the drawing.
    #[tokio::test]
    async fn the_report_is_made_in_pdf_and_in_docx() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (vault, alliance) = demo_vault(dir.path()).await;
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let input = report_input(vault.store(), &alliance.id, today)
            .await
            .expect("input");
        let pdf = render_report(&input, Format::Pdf).expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
        let docx = render_report(&input, Format::Docx).expect("docx");
        assert!(docx.starts_with(b"PK"), "a DOCX is a zip");
        // Numbers are tied to their words with non-breaking spaces in the report.
        let xml = document_xml(&docx).replace(['\u{a0}', '\u{202f}'], " ");
        let indicator = &input.evaluation.indicators[0].indicator.draft.name;
        for expected in [
            alliance.draft.name.as_str(),
            "Rapport d’évaluation",
            indicator.as_str(),
            ">Date<",
            "version PDF",
        ] {
            assert!(xml.contains(expected), "« {expected} » in the DOCX");
        }
        assert!(
            xml.contains("En bonne voie") || xml.contains("En retard"),
            "a status in words in the DOCX"
        );
        assert!(report_input(vault.store(), "inconnue", today)
            .await
            .is_err());
    }
}
