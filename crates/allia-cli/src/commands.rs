//! What each command does, on the same crates as the app.

use std::path::Path;

use allia_core::AllianceFile;
use allia_store::Vault;

use crate::args::Command;
use crate::error::CliError;
use crate::secret;

pub async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Init { vault } => init(&vault).await,
        Command::Demo { vault } => {
            let open = unlock(&vault).await?;
            let alliance = open.store().load_demo().await;
            open.close().await;
            let alliance = alliance?;
            println!("{}\t{}", alliance.id, alliance.draft.name);
            Ok(())
        }
        Command::List { vault } => list(&vault).await,
        Command::Export {
            vault,
            alliance,
            out,
        } => {
            let open = unlock(&vault).await?;
            let file = open.store().export_alliance(&alliance).await;
            open.close().await;
            write_json(&out, &file?)
        }
        Command::Import { vault, input } => {
            let file = read_alliance_file(&input)?;
            let open = unlock(&vault).await?;
            let alliance = open.store().import_alliance(&file).await;
            open.close().await;
            let alliance = alliance?;
            println!("{}\t{}", alliance.id, alliance.draft.name);
            Ok(())
        }
        Command::Render {
            input,
            vault,
            alliance,
            document,
            version,
            out,
        } => {
            let source = match (input, vault, alliance) {
                (Some(input), _, _) => {
                    crate::render::Source::File(Box::new(read_alliance_file(&input)?))
                }
                (None, Some(vault), Some(alliance)) => {
                    crate::render::Source::Vault { vault, alliance }
                }
                _ => {
                    return Err(CliError::new(
                        "indiquez --input FICHIER, ou --vault DIR et --alliance ID.",
                    ))
                }
            };
            crate::render::render(source, &document, version, &out).await
        }
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

pub async fn unlock(dir: &Path) -> Result<Vault, CliError> {
    let passphrase = secret::passphrase("Phrase de passe : ")?;
    Ok(Vault::unlock(dir, &passphrase).await?)
}

/// The JSON Schema of the alliance file, as published in docs/schema/.
pub fn alliance_file_schema() -> String {
    let schema = schemars::schema_for!(AllianceFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

pub fn read_alliance_file(path: &Path) -> Result<AllianceFile, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("impossible de lire {} ({e}).", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::new(format!(
            "{} n’est pas un fichier d’alliance valide (ligne {}, colonne {} : {}).",
            path.display(),
            e.line(),
            e.column(),
            json_problem(&e)
        ))
    })
}

/// serde_json's message, reduced to what matters, in French.
fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = e.to_string();
    let quoted = |marker: &str| {
        text.split_once(marker)
            .and_then(|(_, rest)| rest.split('`').next())
            .map(str::to_string)
    };
    match e.classify() {
        Category::Syntax => "JSON mal formé".into(),
        Category::Eof => "fichier tronqué".into(),
        Category::Io => "lecture interrompue".into(),
        Category::Data => {
            if let Some(field) = quoted("missing field `") {
                format!("champ « {field} » manquant")
            } else if let Some(value) = quoted("unknown variant `") {
                format!("valeur « {value} » inconnue")
            } else {
                "valeur d’un type inattendu".into()
            }
        }
    }
}

fn write_json(path: &Path, file: &AllianceFile) -> Result<(), CliError> {
    let json = serde_json::to_string_pretty(file)
        .map_err(|e| CliError::new(format!("impossible de préparer le fichier ({e}).")))?;
    write_text(path, &(json + "\n"))
}

pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes)
        .map_err(|e| CliError::new(format!("impossible d’écrire {} ({e}).", path.display())))
}

fn write_text(path: &Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text)
        .map_err(|e| CliError::new(format!("impossible d’écrire {} ({e}).", path.display())))
}
