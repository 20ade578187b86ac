//! `allia backup`, `allia restore`, `allia check`: the vault's safety net from the
//! terminal, on the same crates as the app.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use allia_store::{backup, BackupSummary, VaultPaths, VaultState};

use crate::error::CliError;
use crate::secret;

/// Writes a backup of the vault to `out` (it opens on its own with today's passphrase
/// or the recovery kit). Refused before anything is asked when `out` exists, lies in
/// the vault's folder, or its folder is missing or not writable.
pub async fn backup_to(dir: &Path, out: &Path) -> Result<(), CliError> {
    crate::commands::ensure_vault(dir)?;
    check_backup_target(dir, out)?;
    let vault = crate::commands::unlock(dir).await?;
    let written = vault.backup_to(out).await;
    vault.close().await;
    written?;
    println!("Sauvegarde enregistrée dans {}.", out.display());
    Ok(())
}

/// Where a backup may go: a new file, outside the vault's folder (a backup beside the
/// vault is lost with it), in a folder that exists and can be written.
fn check_backup_target(dir: &Path, out: &Path) -> Result<(), CliError> {
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(crate::error::missing_folder(folder));
    }
    let inside_vault = match (folder.canonicalize(), dir.canonicalize()) {
        (Ok(folder), Ok(vault)) => folder.starts_with(vault),
        // Without both real paths the comparison cannot be trusted: compare as given.
        _ => folder.starts_with(dir),
    };
    if inside_vault {
        return Err(CliError::new(
            "Enregistrez la sauvegarde ailleurs que dans le dossier du coffre (une clé USB, un autre disque).",
        ));
    }
    if out.symlink_metadata().is_ok() {
        return Err(CliError::new(format!(
            "{} existe déjà\u{a0}: choisissez un autre nom.",
            out.display()
        )));
    }
    // A probe file is the only portable test of the right to create a file there.
    let probe = folder.join(format!(".allia-essai-{}.tmp", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(CliError::new(format!(
            "impossible d’écrire dans le dossier {} ({})\u{a0}: choisissez un dossier où vous pouvez enregistrer.",
            folder.display(),
            io_reason(&e)
        ))),
    }
}

/// The cause of a file error in French, for the common cases.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "accès refusé".into(),
        std::io::ErrorKind::NotFound => "introuvable".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "disque en lecture seule".into(),
        std::io::ErrorKind::StorageFull => "disque plein".into(),
        std::io::ErrorKind::AlreadyExists => "un fichier porte déjà ce nom".into(),
        std::io::ErrorKind::NotADirectory => "ce n’est pas un dossier".into(),
        _ => e.to_string(),
    }
}

/// Shows what the backup holds, asks for confirmation (unless `yes`), keeps the
/// current vault (if any) in its backups folder, then restores. A folder without a
/// vault (a new computer) is created if needed and receives the backup.
pub async fn restore(dir: &Path, input: &Path, yes: bool) -> Result<(), CliError> {
    // The backup file said by name when missing or a folder, before the store's words.
    std::fs::File::open(input)
        .and_then(|f| f.metadata())
        .and_then(|m| {
            if m.is_dir() {
                Err(std::io::ErrorKind::IsADirectory.into())
            } else {
                Ok(())
            }
        })
        .map_err(|e| crate::error::io_problem("de lire", input, &e))?;
    backup::read_info(input)?;
    let paths = VaultPaths::new(dir);
    let state = paths.state();
    let had_vault = paths.database().exists();
    let created = create_vault_folder(dir)?;
    let restored = restore_into(dir, input, yes, state).await;
    if restored.is_err() && created {
        // Only removed when still empty: nothing of the person's is ever deleted.
        let _ = std::fs::remove_dir(dir);
    }
    restored?;
    if had_vault {
        println!(
            "Sauvegarde restaurée. Le coffre tel qu’il était avant a été gardé dans {}.",
            paths.backups().display()
        );
    } else {
        println!("Sauvegarde restaurée dans {}.", dir.display());
    }
    Ok(())
}

async fn restore_into(
    dir: &Path,
    input: &Path,
    yes: bool,
    state: VaultState,
) -> Result<(), CliError> {
    let secret = secret::passphrase(
        "Phrase de passe en vigueur lors de la sauvegarde (ou clé de récupération) : ",
    )?;
    let summary = allia_store::inspect_backup_locked(dir, input, &secret).await?;
    print_summary(&summary);
    if !summary.same_vault {
        match state {
            VaultState::Absent => println!(
                "Ce dossier ne contient pas encore de coffre\u{a0}: après la restauration, il s’ouvrira avec la phrase de passe (ou la clé de récupération) de cette sauvegarde."
            ),
            VaultState::KeyFileMissing => println!(
                "Le fichier de clés du coffre manque, Allia ne peut pas dire si cette sauvegarde vient de ce coffre\u{a0}: après la restauration, il s’ouvrira avec la phrase de passe (ou la clé de récupération) de cette sauvegarde."
            ),
            VaultState::Present | VaultState::DatabaseMissing => println!(
                "Cette sauvegarde vient d’un autre coffre\u{a0}: après la restauration, il s’ouvrira avec la phrase de passe (ou la clé de récupération) de ce coffre-là."
            ),
        }
    }
    if !yes && !confirm()? {
        return Err(CliError::new(
            "restauration annulée : le coffre n’a pas été modifié.",
        ));
    }
    let vault = allia_store::restore_locked(dir, input, &secret).await?;
    vault.close().await;
    Ok(())
}

/// Creates the vault's folder (private, like the app's) when it does not exist;
/// true when it was created here.
fn create_vault_folder(dir: &Path) -> Result<bool, CliError> {
    if dir.is_dir() {
        return Ok(false);
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| {
        CliError::new(format!(
            "impossible de créer le dossier {} ({})\u{a0}: choisissez un dossier où vous pouvez enregistrer.",
            dir.display(),
            io_reason(&e)
        ))
    })?;
    Ok(true)
}

/// Unlocks and runs both integrity checks; lists the automatic backups.
pub async fn check(dir: &Path) -> Result<(), CliError> {
    let vault = crate::commands::unlock(dir).await?;
    let checked = vault.check_integrity().await;
    let alliances = vault.store().alliances().await;
    vault.close().await;
    checked?;
    let alliances = alliances?;
    println!(
        "Coffre intact : contrôles d’intégrité réussis ({} alliance(s)).",
        alliances.len()
    );
    let backups = backup::list(&VaultPaths::new(dir));
    match backups.first() {
        Some(latest) => println!(
            "{} sauvegarde(s) automatique(s), la plus récente du {} ({}).",
            backups.len(),
            local_date(latest.created_at),
            backup::reason_label(&latest.reason)
        ),
        None => println!("Aucune sauvegarde automatique pour l’instant."),
    }
    Ok(())
}

/// « 1er décembre 2026 à 9 h 05 » in the computer's time zone, as the app shows it.
fn local_date(at: chrono::DateTime<chrono::Utc>) -> String {
    allia_docs::templates::typography::format_date_time(
        at.with_timezone(&chrono::Local).naive_local(),
    )
}

fn print_summary(summary: &BackupSummary) {
    println!(
        "Sauvegarde du {} ({}).",
        local_date(summary.info.created_at),
        backup::reason_label(&summary.info.reason)
    );
    println!(
        "Elle contient {} alliance(s), {} partenaire(s) et {} document(s) :",
        summary.alliances.len(),
        summary.partners,
        summary.documents
    );
    for name in &summary.alliances {
        println!("  - {name}");
    }
}

/// « oui » typed at the terminal; refuses when there is no terminal to ask.
fn confirm() -> Result<bool, CliError> {
    if !std::io::stdin().is_terminal() {
        return Err(CliError::new(
            "confirmation impossible sans terminal : ajoutez --oui pour restaurer sans question.",
        ));
    }
    print!("Remplacer le contenu actuel du coffre par cette sauvegarde ? Tapez « oui » : ");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| CliError::new(format!("lecture impossible ({e}).")))?;
    Ok(answer.trim().eq_ignore_ascii_case("oui"))
}
