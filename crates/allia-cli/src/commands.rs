//! What each command does, on the same crates as the app.

use std::path::Path;

use allia_core::{
    read_alliance_file as parse_alliance_file, Alliance, AllianceFileError, AllianceFileV2,
    Importable, ImportedAlliance, ReadFile, UnknownField,
};
use allia_store::{BackupReason, Entity, Store, StoreError, Vault, VaultPaths, VaultState};

use crate::args::{Command, ReadingFlags};
use crate::error::CliError;
use crate::secret;

pub async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Init { vault } => init(&vault).await,
        Command::Demo {
            vault,
            scale,
            indicators,
            months,
        } => {
            let open = unlock(&vault).await?;
            let alliance = match (scale, indicators) {
                (_, Some(indicators)) => {
                    open.store()
                        .create_scaled_evaluation(indicators, months.unwrap_or(12))
                        .await
                }
                (Some(actors), None) => open.store().create_scaled_demo(actors).await,
                (None, None) => open.store().load_demo().await,
            };
            close_after_change(open).await;
            let alliance = alliance?;
            println!("{}\t{}", alliance.id, alliance.draft.name);
            Ok(())
        }
        Command::Recover { vault } => recover(&vault).await,
        Command::NewKit { vault } => new_kit(&vault).await,
        Command::List { vault } => list(&vault).await,
        Command::Export {
            vault,
            alliance,
            out,
            encrypt,
            force,
        } => {
            // Refused before the passphrase is asked: nothing to undo.
            refuse_to_overwrite(&out, force)?;
            let open = unlock(&vault).await?;
            let file = match find_alliance(open.store(), &alliance).await {
                Ok(found) => open
                    .store()
                    .export_alliance_file(&found.id)
                    .await
                    .map_err(CliError::from),
                Err(e) => Err(e),
            };
            open.close().await;
            if encrypt {
                let json = file?.to_json_string().map_err(|e| {
                    CliError::new(format!("impossible de préparer le fichier ({e})."))
                })?;
                write_bytes(&out, &crate::encrypted::encrypt_export(json.as_bytes())?)?;
                eprintln!("{}", crate::encrypted::SEND_ADVICE);
                return Ok(());
            }
            write_json(&out, &file?)
        }
        Command::Import {
            vault,
            input,
            reading,
            update,
            copy,
        } => {
            let way = crate::import_command::ImportWay::from_flags(update, copy);
            crate::import_command::import(&vault, &input, &reading, way).await
        }
        Command::Diff {
            file,
            vault,
            alliance,
            reading,
        } => crate::import_command::diff(&file, &vault, &alliance, &reading).await,
        Command::Render {
            input,
            vault,
            alliance,
            document,
            version,
            out,
            place,
            date,
            copies,
            court,
            reading,
        } => {
            if document == crate::render_dossier::NAME {
                return crate::render_dossier::render(input, vault, alliance, &reading, &out).await;
            }
            if document == crate::render_evaluation::NAME {
                return crate::render_evaluation::render(
                    input,
                    vault,
                    alliance,
                    date.as_deref(),
                    &out,
                )
                .await;
            }
            if document == crate::render_diagnostic::NAME {
                return crate::render_diagnostic::render(input, vault, alliance, &reading, &out)
                    .await;
            }
            let signature = crate::render_command::SignatureFlags {
                place,
                date,
                copies,
                court,
            };
            let source = match (input, vault, alliance) {
                (Some(input), _, _) => crate::render_command::Source::File(Box::new(
                    checked_alliance_file(&input, &reading)?,
                )),
                (None, Some(vault), Some(alliance)) => {
                    crate::render_command::Source::Vault { vault, alliance }
                }
                _ => {
                    return Err(CliError::new(
                        "indiquez --input FICHIER, ou --vault DIR et --alliance ID.",
                    ))
                }
            };
            crate::render_command::render(source, &document, version, &signature, &out).await
        }
        Command::MeasurementsExport {
            vault,
            alliance,
            out,
            force,
            indicators,
        } => crate::measurements_command::export(&vault, &alliance, &out, indicators, force).await,
        Command::MeasurementsImport {
            vault,
            alliance,
            input,
            dry_run,
        } => crate::measurements_command::import(&vault, &alliance, &input, dry_run).await,
        Command::Validate { file } => validate(&file),
        Command::Backup { vault, out } => crate::vault_commands::backup_to(&vault, &out).await,
        Command::Restore { vault, input, oui } => {
            crate::vault_commands::restore(&vault, &input, oui).await
        }
        Command::Check { vault } => crate::vault_commands::check(&vault).await,
        Command::Schema { out } => {
            let schema = alliance_file_schema();
            match out {
                Some(path) => write_text(&path, &schema),
                None => {
                    println!("{schema}");
                    Ok(())
                }
            }
        }
    }
}

async fn init(dir: &Path) -> Result<(), CliError> {
    let (passphrase, confirmation) = secret::new_passphrase()?;
    let (vault, recovery) = Vault::create(dir, &passphrase, &confirmation).await?;
    vault.close().await;
    println!("Coffre créé dans {}.", dir.display());
    println!("Clé de récupération (notez-la, elle ne sera plus affichée) :");
    println!("{}", recovery.display().as_str());
    Ok(())
}

async fn list(dir: &Path) -> Result<(), CliError> {
    let vault = unlock(dir).await?;
    let alliances = vault.store().alliances().await;
    vault.close().await;
    for a in alliances? {
        let archived = if a.archived { "\tarchivée" } else { "" };
        println!(
            "{}\t{}\t{}\t{} partenaire(s){archived}",
            a.id,
            a.draft.name,
            a.draft.status.label(),
            a.partner_count
        );
    }
    Ok(())
}

/// Says what is wrong with the folder before any secret is asked: no vault, or a
/// vault without its key file (the kit opens it), or without its database.
pub fn ensure_vault(dir: &Path) -> Result<(), CliError> {
    match VaultPaths::new(dir).state() {
        VaultState::Present => Ok(()),
        VaultState::Absent => Err(CliError::new(format!(
            "aucun coffre dans {}\u{a0}: créez-en un avec allia init.",
            dir.display()
        ))),
        VaultState::KeyFileMissing => Err(CliError::new(format!(
            "{} (allia recover --vault {})",
            StoreError::KeyFileMissing.user_message(),
            dir.display()
        ))),
        VaultState::DatabaseMissing => Err(CliError::new(
            StoreError::VaultDamaged(String::new()).user_message(),
        )),
    }
}

/// Closes a vault the command changed: an automatic backup is made when something
/// was committed (as the app does on close). Its failure is said on stderr but does
/// not fail the command, whose change is already saved in the vault.
pub async fn close_after_change(vault: Vault) {
    if let Some(e) = vault.lock(BackupReason::Close).await {
        eprintln!(
            "allia : la sauvegarde automatique a échoué\u{a0}: {}",
            e.user_message()
        );
    }
}

/// `allia recover`: the recovery kit reopens the vault (even without its key file)
/// and a new passphrase is set at once.
async fn recover(dir: &Path) -> Result<(), CliError> {
    match VaultPaths::new(dir).state() {
        VaultState::Present | VaultState::KeyFileMissing => {}
        // Absent or no database: the same words as for the other commands.
        _ => ensure_vault(dir)?,
    }
    let key = secret::recovery_key()?;
    let (passphrase, confirmation) = secret::new_passphrase()?;
    let vault = Vault::recover(dir, &key, &passphrase, &confirmation).await?;
    close_after_change(vault).await;
    println!(
        "Coffre rouvert avec le kit de récupération\u{a0}: la nouvelle phrase de passe est enregistrée."
    );
    Ok(())
}

/// `allia new-kit`: a new recovery key, printed once; the vault is re-encrypted under it
/// (after an automatic backup) and the passphrase stays the same.
async fn new_kit(dir: &Path) -> Result<(), CliError> {
    ensure_vault(dir)?;
    let passphrase = secret::passphrase("Phrase de passe : ")?;
    let mut vault = Vault::unlock(dir, &passphrase).await?;
    let made = vault.new_recovery_key(&passphrase).await;
    close_after_change(vault).await;
    let recovery = made?;
    println!("Nouveau kit de récupération créé : l’ancien n’ouvre plus le coffre (il ouvre encore les sauvegardes faites avant).");
    println!("Clé de récupération (notez-la, elle ne sera plus affichée) :");
    println!("{}", recovery.display().as_str());
    Ok(())
}

/// Unlocks with the passphrase, asked only once the folder is known to hold a vault.
pub async fn unlock(dir: &Path) -> Result<Vault, CliError> {
    ensure_vault(dir)?;
    let passphrase = secret::passphrase("Phrase de passe : ")?;
    Ok(Vault::unlock(dir, &passphrase).await?)
}

/// The JSON Schema of the alliance file (format 2), as published in docs/schema/.
pub fn alliance_file_schema() -> String {
    let schema = schemars::schema_for!(AllianceFileV2);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Reads an alliance file of format 1 or 2 through allia-core's one parser
/// ([`allia_core::read_alliance_file`]): decrypted first when encrypted, at most
/// [`allia_core::ALLIANCE_FILE_MAX_BYTES`] read (a bigger file is refused without being
/// loaded), what is wrong said in French with its line and column.
pub fn read_alliance_file(path: &Path) -> Result<ReadFile, CliError> {
    // Decrypted first when encrypted (age): the passphrase is asked here.
    let bytes = crate::encrypted::read_alliance_file_bytes(path)?;
    parse_alliance_file(&bytes).map_err(|e| unreadable(path, &e))
}

/// The French sentence for a file that cannot be read as an alliance file.
fn unreadable(path: &Path, e: &AllianceFileError) -> CliError {
    match e {
        AllianceFileError::TooLarge { .. } => CliError::new(format!(
            "{} est trop volumineux pour un fichier d’alliance ({}).",
            path.display(),
            e.problem()
        )),
        AllianceFileError::Malformed {
            line,
            column,
            problem,
        } => CliError::new(format!(
            "{} n’est pas un fichier d’alliance valide (ligne {line}, colonne {column}\u{a0}: {problem}).",
            path.display()
        )),
        AllianceFileError::UnknownFormat { .. } | AllianceFileError::NotAllianceFile { .. } => {
            CliError::new(format!("{}\u{a0}: {}", path.display(), e))
        }
        // Every record that does not fit, one a line, each with its place and path.
        AllianceFileError::Shape { problems } => {
            let listed: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            CliError::new(format!(
                "{} n’est pas un fichier d’alliance valide ({} problèmes)\u{a0}:\n{}",
                path.display(),
                problems.len(),
                listed.join("\n")
            ))
        }
    }
}

/// The one check of `allia import` and `allia render --input`: the file read
/// ([`read_alliance_file`]), its unknown fields refused unless `--ignore-unknown` (then
/// named on stderr as dropped), then allia-core's validation
/// ([`Importable::validated_for_import`]: a file of format 1 converted to format 2),
/// every problem named by its place; what validation deduces (a country read from the
/// city) named on stderr.
pub fn checked_alliance_file(
    path: &Path,
    reading: &ReadingFlags,
) -> Result<ImportedAlliance, CliError> {
    let read = read_alliance_file(path)?;
    if !read.unknown_fields.is_empty() {
        if !reading.ignore_unknown {
            let mut refusal = unknown_fields_refusal(path, &read.unknown_fields);
            // The file's other problems in the same output: --ignore-unknown alone
            // would not be enough to import it.
            if let Err(errors) = read.validated_for_import() {
                refusal.push('\n');
                refusal.push_str(&CliError::from(StoreError::Validation(errors)).to_string());
            }
            return Err(CliError::new(refusal));
        }
        for field in &read.unknown_fields {
            eprintln!("allia : ignoré, {}", field.described());
        }
    }
    let imported = read
        .validated_for_import()
        .map_err(|errors| CliError::from(StoreError::Validation(errors)))?;
    // What is deduced rather than read (a country from « Tournai (Belgique) ») is said.
    for notice in allia_core::import_review::country_notices(&read.content) {
        eprintln!(
            "allia : {} («\u{a0}{}\u{a0}») — {}",
            notice.place, notice.organisation, notice.message
        );
    }
    Ok(imported)
}

/// Why a file with unknown fields is refused, and how to go on.
fn unknown_fields_refusal(path: &Path, fields: &[UnknownField]) -> String {
    let listed: Vec<String> = fields
        .iter()
        .map(|f| format!("  {}", f.described()))
        .collect();
    format!(
        "{} contient {} que cette version d’Allia ne connaît pas (écrit par une version plus récente, ou à la main)\u{a0}; ils seraient perdus\u{a0}:\n{}\nRelancez avec --ignore-unknown pour continuer sans eux, ou mettez Allia à jour.",
        path.display(),
        if fields.len() == 1 {
            "un champ".to_string()
        } else {
            format!("{} champs", fields.len())
        },
        listed.join("\n")
    )
}

/// `allia validate FICHIER`: every problem of the file on its own line (stdout), with its
/// place and its path in the file: the reading error if it cannot be read, else each
/// unknown field and each validation problem; exit code 1 when there is any.
fn validate(path: &Path) -> Result<(), CliError> {
    let read = read_alliance_file(path)?;
    let mut problems: Vec<String> = read
        .unknown_fields
        .iter()
        .map(UnknownField::described)
        .collect();
    if let Err(errors) = read.validated_for_import() {
        problems.extend(
            errors
                .0
                .iter()
                .map(|e| format!("{} ({})", crate::error::field_problem(e), e.field)),
        );
    }
    if problems.is_empty() {
        println!(
            "{}\u{a0}: fichier d’alliance valide (format {}).",
            path.display(),
            read.content.format()
        );
        return Ok(());
    }
    for problem in &problems {
        println!("{problem}");
    }
    Err(CliError::new(format!(
        "{}\u{a0}: {}.",
        path.display(),
        match problems.len() {
            1 => "un problème".to_string(),
            n => format!("{n} problèmes"),
        }
    )))
}

/// The alliance `given` names: its id, else its name (case, accents and punctuation
/// ignored, as the CSV import finds an indicator by name), which must be one alliance's:
/// what every command's `--alliance` takes.
pub async fn find_alliance(store: &Store, given: &str) -> Result<Alliance, CliError> {
    match store.alliance(given.trim()).await {
        Ok(alliance) => return Ok(alliance),
        Err(StoreError::NotFound(Entity::Alliance)) => {}
        Err(other) => return Err(other.into()),
    }
    let key = allia_core::text::collation_key(given);
    let mut named: Vec<Alliance> = store
        .alliances()
        .await?
        .into_iter()
        .filter(|a| !key.is_empty() && allia_core::text::collation_key(&a.draft.name) == key)
        .collect();
    match named.len() {
        1 => Ok(named.remove(0)),
        0 => Err(CliError::new(format!(
            "aucune alliance de ce coffre n’a l’identifiant ou le nom «\u{a0}{given}\u{a0}» (allia list les affiche)."
        ))),
        _ => Err(CliError::new(format!(
            "plusieurs alliances s’appellent «\u{a0}{given}\u{a0}»\u{a0}: indiquez son identifiant ({}).",
            named
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// `allia export --out` refuses a file that exists (a previous export, another
/// alliance's file) unless `--force`: the command asks nothing, so it never replaces one
/// silently. A folder is refused even with `--force`.
pub fn refuse_to_overwrite(path: &Path, force: bool) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(CliError::new(format!(
            "{} est un dossier, pas un fichier\u{a0}: indiquez le nom du fichier à écrire.",
            path.display()
        )));
    }
    if !force && path.exists() {
        return Err(CliError::new(format!(
            "{} existe déjà\u{a0}: choisissez un autre nom, ou relancez avec --force pour le remplacer.",
            path.display()
        )));
    }
    Ok(())
}

fn write_json(path: &Path, file: &AllianceFileV2) -> Result<(), CliError> {
    let json = file
        .to_json_string()
        .map_err(|e| CliError::new(format!("impossible de préparer le fichier ({e}).")))?;
    write_text(path, &json)
}

pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes).map_err(|e| crate::error::write_problem(path, &e))
}

fn write_text(path: &Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|e| crate::error::write_problem(path, &e))
}
