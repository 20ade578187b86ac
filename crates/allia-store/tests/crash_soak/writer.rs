//! The writer child: unlocks the vault and commits in its mode's loop until it is killed.

use std::path::PathBuf;
use std::time::Instant;

use allia_core::{
    AllianceDraft, AllianceFile, DocumentKind, DocumentSettings, Organisation, PartnerDraft,
};
use allia_store::Vault;

use crate::protocol::{tell_parent, Commit, Mode};
use crate::{
    AUTOMATIC_INTERVAL, DIR_VAR, EXPORTS_VAR, FILE_VAR, LIVE_ALLIANCES, MODE_VAR, PARTNER_BATCH,
    PASSPHRASE, TRIAL_VAR,
};

pub async fn write_until_killed() -> Result<(), String> {
    let var = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set"));
    let dir = PathBuf::from(var(DIR_VAR)?);
    let mode_name = var(MODE_VAR)?;
    let mode = Mode::parse(&mode_name).ok_or(format!("unknown mode {mode_name}"))?;
    let trial = var(TRIAL_VAR)?;
    let vault = Vault::unlock(&dir, PASSPHRASE)
        .await
        .map_err(|e| format!("unlock: {e}"))?;
    tell_parent("ready");
    let store = vault.store();
    match mode {
        Mode::Write => {
            let filler =
                "Prêt de salle, comptabilité partagée, mutualisation d’un poste. ".repeat(6);
            let mut live = std::collections::VecDeque::new();
            for n in 0u64.. {
                let name = format!("soak-t{trial}-n{n}");
                let alliance = store
                    .create_alliance(&AllianceDraft {
                        name: name.clone(),
                        ..Default::default()
                    })
                    .await
                    .map_err(|e| format!("create alliance {name}: {e}"))?;
                tell_parent(
                    &Commit::Alliance {
                        id: alliance.id.clone(),
                        name,
                    }
                    .line(),
                );
                let partners: Vec<PartnerDraft> = (0..PARTNER_BATCH)
                    .map(|k| PartnerDraft {
                        organisation: Organisation {
                            name: format!("Partenaire {n}-{k}"),
                            ..Default::default()
                        },
                        resources: Some(format!("{k} {filler}")),
                        resource_tags: vec!["locaux".into(), format!("lot {n}")],
                        ..Default::default()
                    })
                    .collect();
                let ids = store
                    .create_partners(&alliance.id, &partners)
                    .await
                    .map_err(|e| format!("create partners: {e}"))?;
                tell_parent(
                    &Commit::Partners {
                        alliance_id: alliance.id.clone(),
                        count: i64::try_from(ids.len()).map_err(|e| e.to_string())?,
                    }
                    .line(),
                );
                let document = store
                    .create_document(
                        &alliance.id,
                        DocumentKind::PartnershipAgreement,
                        &DocumentSettings {
                            title: format!("Convention {n}"),
                            ..Default::default()
                        },
                    )
                    .await
                    .map_err(|e| format!("create document: {e}"))?;
                tell_parent(
                    &Commit::Document {
                        id: document.id,
                        alliance_id: alliance.id.clone(),
                    }
                    .line(),
                );
                // Deleting an older alliance keeps the vault small over 100 kills and
                // adds cascading deletes to the transactions that must survive.
                live.push_back(alliance.id);
                if live.len() > LIVE_ALLIANCES {
                    if let Some(id) = live.pop_front() {
                        tell_parent(&Commit::DeleteIntent { id: id.clone() }.line());
                        store
                            .delete_alliance(&id)
                            .await
                            .map_err(|e| format!("delete alliance {id}: {e}"))?;
                        tell_parent(&Commit::Delete { id }.line());
                    }
                }
            }
        }
        Mode::Import => {
            let path = PathBuf::from(var(FILE_VAR)?);
            let bytes = std::fs::read(&path).map_err(|e| format!("read {path:?}: {e}"))?;
            let file: AllianceFile =
                serde_json::from_slice(&bytes).map_err(|e| format!("parse {path:?}: {e}"))?;
            loop {
                let alliance = store
                    .import_alliance(&file)
                    .await
                    .map_err(|e| format!("import: {e}"))?;
                tell_parent(
                    &Commit::Import {
                        alliance_id: alliance.id,
                    }
                    .line(),
                );
            }
        }
        Mode::Backup => {
            let exports = PathBuf::from(var(EXPORTS_VAR)?);
            let mut last_automatic = Instant::now();
            for n in 0u64.. {
                let name = format!("soak-t{trial}-n{n}");
                let alliance = store
                    .create_alliance(&AllianceDraft {
                        name: name.clone(),
                        ..Default::default()
                    })
                    .await
                    .map_err(|e| format!("create alliance {name}: {e}"))?;
                tell_parent(
                    &Commit::Alliance {
                        id: alliance.id,
                        name: name.clone(),
                    }
                    .line(),
                );
                let file = format!("{name}.{}", allia_store::backup::EXTENSION);
                vault
                    .backup_to(&exports.join(&file))
                    .await
                    .map_err(|e| format!("backup to {file}: {e}"))?;
                tell_parent(&Commit::Export { file }.line());
                if last_automatic.elapsed() >= AUTOMATIC_INTERVAL {
                    last_automatic = Instant::now();
                    let path = vault
                        .backup_now(allia_store::BackupReason::Manual)
                        .await
                        .map_err(|e| format!("automatic backup: {e}"))?;
                    let file = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .ok_or("automatic backup without a file name")?;
                    tell_parent(&Commit::Automatic { file }.line());
                }
            }
        }
    }
    Ok(())
}
