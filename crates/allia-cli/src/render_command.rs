//! `allia render`: a document from an alliance file, or from the vault (the stored
//! document of that kind, at its latest or a given version).

use std::path::{Path, PathBuf};

use allia_core::{AgreementTerms, AllianceFile, DocumentKind, DocumentSettings};
use allia_docs::annex_pdf::{render_with_annexes, AnnexFile};
use allia_docs::render::{self, Format};
use allia_docs::templates::DocumentOptions;
use allia_store::AnnexPdf;
use chrono::NaiveDate;

use crate::commands::{unlock, write_bytes};
use crate::error::CliError;

pub enum Source {
    /// The alliance data of a file checked as `allia import` checks it
    /// (`commands::checked_alliance_file`, one function for both):
    /// `ImportedAlliance::render_input`.
    File(Box<AllianceFile>),
    Vault {
        vault: PathBuf,
        alliance: String,
    },
}

/// What to render: the alliance data and the template options.
struct Job {
    file: AllianceFile,
    options: DocumentOptions,
    /// The PDFs attached to the document's added annexes (from a vault only).
    annexes: Vec<AnnexPdf>,
}

/// `--place`, `--date`, `--copies` and `--court`: the signature details of the rendered
/// document. They take precedence over the document's settings and the alliance's
/// terms; the vault is not changed.
#[derive(Debug, Default)]
pub struct SignatureFlags {
    pub place: Option<String>,
    /// As typed: AAAA-MM-JJ.
    pub date: Option<String>,
    pub copies: Option<u32>,
    pub court: Option<String>,
}

impl SignatureFlags {
    /// The flags as agreement terms, checked by the rules of the alliance's terms
    /// (allia-core: place and court lengths, a plausible date, 1 to 50 originals);
    /// every problem on one French line, each named by its flag.
    fn checked(&self) -> Result<AgreementTerms, CliError> {
        let mut problems = Vec::new();
        let signature_date = self.date.as_deref().and_then(|typed| {
            let date = NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").ok();
            if date.is_none() {
                problems.push(format!(
                    "--date\u{a0}: « {typed} » n’est pas une date (AAAA-MM-JJ, par exemple 2027-03-03)."
                ));
            }
            date
        });
        let terms = AgreementTerms {
            signature_place: self.place.clone(),
            signature_date,
            copies: self.copies,
            court: self.court.clone(),
            ..Default::default()
        };
        match terms.validated() {
            Ok(terms) if problems.is_empty() => return Ok(terms),
            Ok(_) => {}
            Err(errors) => problems.extend(
                errors
                    .0
                    .iter()
                    .map(|e| format!("{}\u{a0}: {}", flag_of(&e.field), e.message)),
            ),
        }
        Err(CliError::new(problems.join(" ; ")))
    }
}

/// The flag that set a field of [`AgreementTerms`].
fn flag_of(field: &str) -> &'static str {
    match field {
        "signaturePlace" => "--place",
        "signatureDate" => "--date",
        "copies" => "--copies",
        _ => "--court",
    }
}

/// Puts the flags given over the document's options, and over the alliance's terms
/// too, so they win whichever of the two the templates read.
fn apply(flags: &AgreementTerms, job: &mut Job) {
    let terms = &mut job.file.alliance.terms;
    if let Some(place) = &flags.signature_place {
        job.options.place = Some(place.clone());
        terms.signature_place = Some(place.clone());
    }
    if let Some(date) = flags.signature_date {
        job.options.signature_date = Some(date);
        terms.signature_date = Some(date);
    }
    if let Some(copies) = flags.copies {
        job.options.copies = Some(copies);
        terms.copies = Some(copies);
    }
    if let Some(court) = &flags.court {
        terms.court = Some(court.clone());
    }
}

pub async fn render(
    source: Source,
    document: &str,
    version: Option<u32>,
    signature: &SignatureFlags,
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
    let flags = signature.checked()?;
    let mut job = match source {
        Source::File(file) => Job {
            file: *file,
            options: render::options(
                kind,
                &default_settings(kind),
                version.unwrap_or(1),
                chrono::Local::now().date_naive(),
            ),
            annexes: Vec::new(),
        },
        Source::Vault { vault, alliance } => from_vault(&vault, &alliance, kind, version).await?,
    };
    apply(&flags, &mut job);
    let rendered = match format {
        // A PDF carries the attached files after their annex title pages, as the app's
        // export does.
        Format::Pdf => {
            let files: Vec<AnnexFile<'_>> = job
                .annexes
                .iter()
                .map(|a| AnnexFile {
                    id: &a.annex_id,
                    title: &a.title,
                    bytes: &a.bytes,
                })
                .collect();
            render_with_annexes(&job.file, &job.options, &files)
                .map_err(|e| CliError::new(e.to_string()))?
        }
        Format::Docx => render::render(&job.file, &job.options, format)
            .map_err(|e| CliError::new(e.to_string()))?,
    };
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
                annexes: Vec::new(),
            });
        };
        let (_, chosen, file) = store.document_render_input(&document.id, version).await?;
        let annexes = store
            .annex_pdfs(&document.id, &chosen.settings.annexes)
            .await?;
        Ok(Job {
            file,
            options: render::options_for_version(kind, &chosen, today),
            annexes,
        })
    }
    .await;
    vault.close().await;
    job
}
