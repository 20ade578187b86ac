//! `allia backup`, `allia restore`, `allia check`: the vault's safety net from the
//! terminal, on the same crates as the app.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use allia_store::{backup, BackupSummary, VaultPaths};

use crate::error::CliError;
use crate::secret;

/// Writes a backup of the vault to `out` (it opens on its own with today's passphrase
/// or the recovery kit).
pub async fn backup_to(dir: &Path, out: &Path) -> Result<(), CliError> {
    let vault = crate::commands::unlock(dir).await?;
    let written = vault.backup_to(out).await;
    vault.close().await;
    written?;
    println!("Sauvegarde enregistrée dans {}.", out.display());
    Ok(())
}

/// Shows what the backup holds, asks for confirmation (unless `yes`), keeps the
/// current vault in its backups folder, then restores.
pub async fn restore(dir: &Path, input: &Path, yes: bool) -> Result<(), CliError> {
    backup::read_info(input)?;
    let secret = secret::passphrase(
        "Phrase de passe en vigueur lors de la sauvegarde (ou clé de récupération) : ",
    )?;
    let summary = allia_store::inspect_backup_locked(dir, input, &secret).await?;
    print_summary(&summary);
    if !yes && !confirm()? {
        return Err(CliError::new(
            "restauration annulée : le coffre n’a pas été modifié.",
        ));
    }
    let vault = allia_store::restore_locked(dir, input, &secret).await?;
    vault.close().await;
    println!(
        "Sauvegarde restaurée. Le coffre tel qu’il était avant a été gardé dans {}.",
        VaultPaths::new(dir).backups().display()
    );
    Ok(())
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

fn local_date(at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at.with_timezone(&chrono::Local);
    format!(
        "{} à {}",
        allia_docs::templates::typography::format_date(local.date_naive()),
        local.format("%H:%M")
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
