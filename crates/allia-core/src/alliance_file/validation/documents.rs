//! The documents of an alliance file checked for import: their versions, settings, signatures and printed PDFs.

use std::collections::HashMap;

use super::super::v2::{FileDocument, FileSettings, FileSignature, FileVersion};
use super::{Ids, ALLIANCE_FILE_MAX_VERSIONS};
use crate::document::{DocumentStatus, MAX_SIGNATURES};
use crate::validation::{too_many_message, ValidationErrors};

/// A document checked for import (`prefix`: `documents.N`), or `None` when it has
/// errors (reported).
pub(super) fn validated_document(
    document: &FileDocument,
    prefix: &str,
    ids: &mut Ids,
    errors: &mut ValidationErrors,
) -> Option<FileDocument> {
    let before = errors.0.len();
    ids.check(errors, &format!("{prefix}.id"), &document.id);
    let count = document.versions.len();
    if count == 0 {
        errors.push(
            format!("{prefix}.versions"),
            "Ce document n’a aucune version.",
        );
    }
    if count > ALLIANCE_FILE_MAX_VERSIONS {
        errors.push(
            format!("{prefix}.versions"),
            too_many_message("versions", ALLIANCE_FILE_MAX_VERSIONS, count),
        );
        return None;
    }
    let mut versions = Vec::with_capacity(count);
    for (index, version) in document.versions.iter().enumerate() {
        let place = format!("{prefix}.versions.{}", index + 1);
        let expected = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if version.number != expected {
            errors.push(
                format!("{place}.number"),
                format!(
                    "Les versions se suivent à partir de 1\u{a0}: celle-ci devrait porter le numéro {expected}, pas {}.",
                    version.number
                ),
            );
        }
        if index + 1 < count && !version.status.is_frozen() {
            errors.push(
                format!("{place}.status"),
                "Seule la dernière version d’un document peut être un brouillon.",
            );
        }
        if let Some(version) = validated_version(version, &place, ids, errors) {
            versions.push(version);
        }
    }
    (errors.0.len() == before).then(|| FileDocument {
        versions,
        ..document.clone()
    })
}

/// One version checked for import (`place`: `documents.N.versions.M`). A frozen version
/// is kept as it is once checked; a draft is normalised and has no snapshot.
fn validated_version(
    version: &FileVersion,
    place: &str,
    ids: &mut Ids,
    errors: &mut ValidationErrors,
) -> Option<FileVersion> {
    // Kept as written when frozen, but its texts (settings, signatures, the data it was
    // frozen with) enter the vault composed, like every text (`text::composed`).
    let version = &crate::text::composed(version);
    let before = errors.0.len();
    ids.check(errors, &format!("{place}.id"), &version.id);
    let frozen = version.status.is_frozen();
    for (index, o) in version.settings.overrides.iter().enumerate() {
        ids.check(
            errors,
            &format!("{place}.settings.overrides.{}.id", index + 1),
            &o.id,
        );
    }
    let settings = match version.settings.settings().validated() {
        Ok(valid) => {
            let by_clause: HashMap<String, String> =
                version.settings.override_ids().into_iter().collect();
            let mut normalised = FileSettings::new(valid, |clause| {
                by_clause.get(clause).cloned().unwrap_or_default()
            });
            if frozen {
                normalised = version.settings.clone();
            }
            // The files attached to annexes stay in the vault that wrote the file.
            normalised
                .annexes
                .iter_mut()
                .for_each(|a| a.file_name = None);
            Some(normalised)
        }
        Err(e) => {
            errors.extend_prefixed(&format!("{place}.settings"), e);
            None
        }
    };
    if version.signatures.len() > MAX_SIGNATURES {
        errors.push(
            format!("{place}.signatures"),
            too_many_message("signatures", MAX_SIGNATURES, version.signatures.len()),
        );
        return None;
    }
    if !version.signatures.is_empty() && !accepts_signatures(version.status) {
        errors.push(
            format!("{place}.signatures"),
            "Seule une version prête à signer ou signée porte des signatures.",
        );
    }
    let mut signatures = Vec::with_capacity(version.signatures.len());
    for (index, signature) in version.signatures.iter().enumerate() {
        let prefix = format!("{place}.signatures.{}", index + 1);
        ids.check(errors, &format!("{prefix}.id"), &signature.id);
        match signature.signature().validated() {
            Ok(valid) if !frozen => {
                signatures.push(FileSignature::new(signature.id.clone(), valid))
            }
            Ok(_) => signatures.push(signature.clone()),
            Err(e) => errors.extend_prefixed(&prefix, e),
        }
    }
    if let Some(print) = &version.printed_pdf {
        // What was signed: only a frozen version has one, and it comes in whole.
        let problem = if frozen {
            print.pdf_bytes().err()
        } else {
            Some(
                "un brouillon ne porte pas de PDF imprimé\u{a0}: seule une version figée en a un."
                    .into(),
            )
        };
        if let Some(problem) = problem {
            errors.push(format!("{place}.printedPdf"), capitalised(&problem));
        }
    }
    let settings = settings?;
    (errors.0.len() == before).then(|| FileVersion {
        settings,
        signatures,
        snapshot: if frozen {
            version.snapshot.clone()
        } else {
            None
        },
        frozen_at: if frozen { version.frozen_at } else { None },
        printed_pdf: if frozen {
            version.printed_pdf.clone()
        } else {
            None
        },
        ..version.clone()
    })
}

/// `text` with its first letter in capitals (« Le PDF… »).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn accepts_signatures(status: DocumentStatus) -> bool {
    matches!(status, DocumentStatus::ReadyToSign | DocumentStatus::Signed)
}
