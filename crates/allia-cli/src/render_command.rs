//! `allia render`: a document from an alliance file, or from the vault (the stored
//! document of that kind, at its latest or a given version).

use std::path::{Path, PathBuf};

use allia_core::{AllianceFile, DocumentKind, DocumentSettings};
use allia_docs::render::{self, Format};
use allia_docs::templates::DocumentOptions;

use crate::commands::{unlock, write_bytes};
use crate::error::CliError;

pub enum Source {
    File(Box<AllianceFile>),
    Vault { vault: PathBuf, alliance: String },
}

/// What to render: the alliance data and the template options.
struct Job {
    file: AllianceFile,
    options: DocumentOptions,
}

pub async fn render(
    source: Source,
    document: &str,
    version: Option<u32>,
    out: &Path,
) -> Result<(), CliError> {
    let kind = DocumentKind::from_cli_name(document).ok_or_else(|| {
        CliError::new(format!(
            "document inconnu : « {document} » (convention, charte ou consortium)."
        ))
    })?;
    let format = Format::from_path(out).ok_or_else(|| {
        CliError::new(format!(
            "{} : le fichier produit doit finir par .pdf ou .docx.",
            out.display()
        ))
    })?;
    let job = match source {
        Source::File(file) => Job {
            file: *file,
            options: render::options(
                kind,
                &default_settings(kind),
                version.unwrap_or(1),
                chrono::Local::now().date_naive(),
            ),
        },
        Source::Vault { vault, alliance } => from_vault(&vault, &alliance, kind, version).await?,
    };
    let rendered = render::render(&job.file, &job.options, format)
        .map_err(|e| CliError::new(e.to_string()))?;
    write_bytes(out, &rendered.bytes)?;
    for warning in &rendered.warnings {
        eprintln!("allia : à vérifier : {warning}");
    }
    println!("{}", out.display());
    Ok(())
}

fn default_settings(kind: DocumentKind) -> DocumentSettings {
    DocumentSettings {
        title: kind.label().to_string(),
        ..Default::default()
    }
}

/// The stored document of that kind if there is one (a frozen version renders from
/// the data it was frozen with, so identically every time), else the model.
async fn from_vault(
    dir: &Path,
    alliance: &str,
    kind: DocumentKind,
    version: Option<u32>,
) -> Result<Job, CliError> {
    let vault = unlock(dir).await?;
    let job = async {
        let store = vault.store();
        let stored = store.documents(alliance).await?.into_iter().find(|d| d.kind == kind);
        let today = chrono::Local::now().date_naive();
        let Some(document) = stored else {
            if version.is_some() {
                return Err(CliError::new(format!(
                    "cette alliance n’a pas encore de {} enregistrée : sans --version, le modèle est utilisé.",
                    kind.label().to_lowercase()
                )));
            }
            return Ok(Job {
                file: store.export_alliance(alliance).await?,
                options: render::options(kind, &default_settings(kind), 1, today),
            });
        };
        let (_, chosen, file) = store.document_render_input(&document.id, version).await?;
        Ok(Job {
            file,
            options: render::options_for_version(kind, &chosen, today),
        })
    }
    .await;
    vault.close().await;
    job
}
