//! `allia render`: a document from an alliance file, or from the vault (the stored
//! document of that kind, at its latest or a given version).

use std::path::{Path, PathBuf};

use allia_core::alliance_file::short_fingerprint;
use allia_core::{
    AgreementTerms, AllianceFile, DocumentKind, DocumentSettings, FileDocument, FileVersion,
    ImportedAlliance,
};
use allia_docs::annex_pdf::{render_with_annexes, AnnexFile};
use allia_docs::render::{self, Format, Rendered};
use allia_docs::templates::typography::format_date;
use allia_docs::templates::DocumentOptions;
use allia_store::{AnnexPdf, PrintFormat, PrintOrigin, VersionPrint};
use chrono::NaiveDate;

use crate::commands::{unlock, write_bytes};
use crate::error::CliError;

pub enum Source {
    /// A file checked as `allia import` checks it (`commands::checked_alliance_file`,
    /// one function for both): its document of the kind asked for, when it has one
    /// ([`from_file`]), else the model with `ImportedAlliance::render_input`.
    File(Box<ImportedAlliance>),
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
    let rendered = match source {
        Source::File(imported) => from_file(&imported, kind, version, &flags, format)?,
        Source::Vault { vault, alliance } => {
            from_vault(&vault, &alliance, kind, version, &flags, format).await?
        }
    };
    write_bytes(out, &rendered.bytes)?;
    for warning in &rendered.warnings {
        eprintln!("allia : à vérifier : {warning}");
    }
    println!("{}", out.display());
    Ok(())
}

/// The file's document of `kind` to render: the only one, or the most recently updated
/// of several (said on stderr); `None` when the file has none (the model is rendered).
fn file_document(imported: &ImportedAlliance, kind: DocumentKind) -> Option<&FileDocument> {
    let of_kind: Vec<&FileDocument> = imported
        .file
        .documents
        .iter()
        .filter(|d| d.kind == kind)
        .collect();
    let chosen = of_kind.iter().copied().max_by_key(|d| d.updated_at)?;
    if of_kind.len() > 1 {
        eprintln!(
            "allia : le fichier contient {} documents de ce type ({})\u{a0}: le plus récemment modifié est utilisé.",
            of_kind.len(),
            kind.label().to_lowercase()
        );
    }
    Some(chosen)
}

/// `render --input`: the file's document of `kind`, as `render --vault` renders the stored
/// one once the file is imported: its version `version` (else its latest) with its
/// settings (title, place, date, copies, « Paraphes », added annexes, whose attached files
/// stay in the sender's vault). A frozen version renders from the data it was frozen with;
/// as a PDF, when the file carries its `printedPdf`, those bytes are written, said on
/// stderr as received (the file is not authenticated) with the fingerprint to compare.
/// Without a document of that kind, the model, as before.
fn from_file(
    imported: &ImportedAlliance,
    kind: DocumentKind,
    version: Option<u32>,
    flags: &AgreementTerms,
    format: Format,
) -> Result<Rendered, CliError> {
    let today = chrono::Local::now().date_naive();
    let Some(document) = file_document(imported, kind) else {
        let mut job = Job {
            file: imported.render_input(),
            options: render::options(kind, &default_settings(kind), version.unwrap_or(1), today),
            annexes: Vec::new(),
        };
        apply(flags, &mut job);
        return typeset(&job, format);
    };
    let chosen: &FileVersion = match version {
        Some(n) => document
            .versions
            .iter()
            .find(|v| v.number == n)
            .ok_or_else(|| {
                CliError::new(format!(
                    "le document «\u{a0}{}\u{a0}» du fichier n’a pas de version {n}.",
                    document_title(document)
                ))
            })?,
        None => document
            .versions
            .last()
            .ok_or_else(|| CliError::new("le document du fichier n’a aucune version."))?,
    };
    let settings = chosen.settings.settings();
    eprintln!(
        "allia : document «\u{a0}{}\u{a0}» du fichier, version {} ({}).",
        settings.title,
        chosen.number,
        chosen.status.label().to_lowercase()
    );
    let frozen_at = chosen.frozen_at.filter(|_| chosen.status.is_frozen());
    let mut job = Job {
        file: imported.render_input(),
        options: render::options(
            kind,
            &settings,
            chosen.number,
            frozen_at.map(|t| t.date_naive()).unwrap_or(today),
        ),
        annexes: Vec::new(),
    };
    if let Some(frozen_at) = frozen_at {
        if !flags.is_unset() {
            return Err(CliError::new(format!(
                "la version {} est figée ({})\u{a0}: elle s’imprime telle qu’elle a été figée, sans --place, --date, --copies ni --court.",
                chosen.number,
                chosen.status.label().to_lowercase()
            )));
        }
        let frozen_on = format_date(frozen_at.date_naive());
        if let (Format::Pdf, Some(print)) = (format, &chosen.printed_pdf) {
            let bytes = print.pdf_bytes().map_err(CliError::new)?;
            eprintln!(
                "allia : version {} figée le {frozen_on}\u{a0}: {}",
                chosen.number,
                received_print_line(&short_fingerprint(&print.sha256))
            );
            return Ok(Rendered {
                bytes,
                warnings: Vec::new(),
            });
        }
        if let Some(snapshot) = &chosen.snapshot {
            job.file = snapshot.clone().upgrade();
        }
        eprintln!(
            "allia : version {} figée le {frozen_on}\u{a0}: rendue à partir des données figées du fichier (sans les fichiers joints aux annexes, restés chez l’expéditeur).",
            chosen.number
        );
        return typeset(&job, format);
    }
    apply(flags, &mut job);
    typeset(&job, format)
}

/// A document's title in the file (its latest version's).
fn document_title(document: &FileDocument) -> String {
    document
        .versions
        .last()
        .map(|v| v.settings.title.clone())
        .unwrap_or_default()
}

/// Typesets a job: a PDF carries the attached files after their annex title pages, as
/// the app's export does.
fn typeset(job: &Job, format: Format) -> Result<Rendered, CliError> {
    match format {
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
                .map_err(|e| CliError::new(e.to_string()))
        }
        Format::Docx => render::render(&job.file, &job.options, format)
            .map_err(|e| CliError::new(e.to_string())),
    }
}

/// What `render` says of a kept print it writes (after « version N figée le … : »): one
/// this vault typeset is reproduced as it was frozen; one received with an alliance file
/// (not authenticated) as it was received, with the fingerprint to compare.
fn kept_print_line(print: &VersionPrint) -> String {
    let fingerprint = short_fingerprint(&print.sha256);
    match print.origin {
        PrintOrigin::Printed => format!(
            "l’impression conservée est reproduite à l’identique (empreinte SHA-256\u{a0}: {fingerprint})."
        ),
        PrintOrigin::Received => received_print_line(&fingerprint),
    }
}

/// What `allia import` says of the prints a file carries (one line each, for the frozen
/// versions with a `printedPdf`): they are kept as received, not verified (the file is
/// not authenticated), with the fingerprint to compare with the sender's.
pub(crate) fn received_print_notices(imported: &ImportedAlliance) -> Vec<String> {
    imported
        .file
        .documents
        .iter()
        .flat_map(|d| d.versions.iter())
        .filter_map(|v| {
            let print = v.printed_pdf.as_ref()?;
            Some(format!(
                "allia : «\u{a0}{}\u{a0}», version {}\u{a0}: le fichier porte son PDF imprimé (empreinte SHA-256\u{a0}: {}), gardé tel qu’il a été reçu, sans vérification possible\u{a0}; comparez l’empreinte avec celle de l’expéditeur.",
                v.settings.title,
                v.number,
                short_fingerprint(&print.sha256)
            ))
        })
        .collect()
}

/// The line for a PDF received with an alliance file, by its short fingerprint.
fn received_print_line(fingerprint: &str) -> String {
    format!(
        "PDF reçu avec le fichier de l’alliance (empreinte SHA-256\u{a0}: {fingerprint}), reproduit tel qu’il a été reçu. Comparez l’empreinte avec celle de l’expéditeur."
    )
}

fn default_settings(kind: DocumentKind) -> DocumentSettings {
    DocumentSettings {
        title: kind.label().to_string(),
        ..Default::default()
    }
}

/// The stored document of that kind if there is one, else the model. A frozen version
/// (in review, ready to sign, signed) is what it printed when it was frozen, byte for
/// byte, as the app exports it: the print the vault kept, or, for a version frozen
/// before Allia kept prints, rendered now from the data it was frozen with and kept
/// (the flags, which would change it, are refused). A draft is rendered each time.
async fn from_vault(
    dir: &Path,
    alliance: &str,
    kind: DocumentKind,
    version: Option<u32>,
    flags: &AgreementTerms,
    format: Format,
) -> Result<Rendered, CliError> {
    let vault = unlock(dir).await?;
    let rendered = async {
        let store = vault.store();
        let alliance = crate::commands::find_alliance(store, alliance).await?.id;
        let alliance = alliance.as_str();
        let stored = store.documents(alliance).await?.into_iter().find(|d| d.kind == kind);
        let today = chrono::Local::now().date_naive();
        let Some(document) = stored else {
            if version.is_some() {
                return Err(CliError::new(format!(
                    "cette alliance n’a pas encore de {} enregistrée : sans --version, le modèle est utilisé.",
                    kind.label().to_lowercase()
                )));
            }
            let mut job = Job {
                file: store.export_alliance(alliance).await?,
                options: render::options(kind, &default_settings(kind), 1, today),
                annexes: Vec::new(),
            };
            apply(flags, &mut job);
            return typeset(&job, format);
        };
        let (_, chosen, file) = store.document_render_input(&document.id, version).await?;
        let frozen_at = chosen.frozen_at.filter(|_| chosen.status.is_frozen());
        let print_format = match format {
            Format::Pdf => PrintFormat::Pdf,
            Format::Docx => PrintFormat::Docx,
        };
        if frozen_at.is_some() {
            if !flags.is_unset() {
                return Err(CliError::new(format!(
                    "la version {} est figée ({})\u{a0}: elle s’imprime telle qu’elle a été figée, sans --place, --date, --copies ni --court.",
                    chosen.number,
                    chosen.status.label().to_lowercase()
                )));
            }
            if let Some(print) = store
                .version_print(&document.id, chosen.number, print_format)
                .await?
            {
                let frozen_on = frozen_at.map(|t| format_date(t.date_naive()));
                eprintln!(
                    "allia : version {} figée le {}\u{a0}: {}",
                    chosen.number,
                    frozen_on.unwrap_or_default(),
                    kept_print_line(&print)
                );
                return Ok(Rendered {
                    bytes: print.bytes,
                    warnings: Vec::new(),
                });
            }
        }
        let annexes = store
            .annex_pdfs(&document.id, &chosen.settings.annexes)
            .await?;
        let mut job = Job {
            file,
            options: render::options_for_version(kind, &chosen, today),
            annexes,
        };
        apply(flags, &mut job);
        let rendered = typeset(&job, format)?;
        match frozen_at {
            Some(frozen_at) => {
                let kept = store
                    .keep_version_print(
                        &document.id,
                        chosen.number,
                        frozen_at,
                        print_format,
                        &rendered.bytes,
                    )
                    .await?;
                Ok(Rendered {
                    bytes: kept.bytes,
                    warnings: rendered.warnings,
                })
            }
            None => Ok(rendered),
        }
    }
    .await;
    vault.close().await;
    rendered
}
