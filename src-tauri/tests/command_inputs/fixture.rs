//! A real vault, a locked second one, a backup, and the records the commands refer to.

use allia_core::{DocumentKind, DocumentStatus, PartnerDraft};
use allia_store::{KdfParams, Store, Vault};
use serde_json::Value;

use crate::strategies::sample;
use crate::table::Arg;

/// A passphrase the strength rule accepts.
pub const STRONG: &str = "girafe violette sous la pluie de Lyon";

/// Placeholders the generated arguments use for what exists in the vault; each is
/// replaced, just before the call, by the current value.
pub const TOKENS: &[&str] = &[
    "@@alliance",
    "@@partner",
    "@@actor",
    "@@interaction",
    "@@exchange",
    "@@criterion",
    "@@document",
    "@@ready",
    "@@passphrase",
    "@@closed_passphrase",
    "@@recovery",
    "@@backup",
];

pub struct Fixture {
    pub rt: tokio::runtime::Runtime,
    /// The open vault, as the app holds it once unlocked (`None` only in the middle of
    /// a restore).
    pub dir: tempfile::TempDir,
    pub vault: Option<Vault>,
    pub passphrase: String,
    /// An automatic backup of the open vault, made at the start.
    pub backup: std::path::PathBuf,
    /// The backup chosen for the preview and the restore (the app keeps it in its
    /// state between those commands).
    pub pending: Option<std::path::PathBuf>,
    /// The alliance file chosen for import, between its questions and its import (the
    /// app keeps its bytes in its state).
    pub pending_import: Option<Vec<u8>>,
    /// Files the person could pick as a backup (`backup_choose_file`).
    pub picked: tempfile::TempDir,
    /// A second vault, locked: unlock and recovery try it.
    pub closed_dir: tempfile::TempDir,
    pub closed_passphrase: String,
    pub closed_recovery: String,
}

pub async fn new_vault(dir: &std::path::Path, passphrase: &str) -> (Vault, String) {
    let (vault, recovery) = Vault::create_with_params(dir, passphrase, KdfParams::default())
        .await
        .expect("create vault");
    (vault, recovery.display().to_string())
}

impl Fixture {
    pub fn new() -> Fixture {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("tempdir");
        let closed_dir = tempfile::tempdir().expect("tempdir");
        let (vault, closed_recovery, backup) = rt.block_on(async {
            let (vault, _) = new_vault(dir.path(), STRONG).await;
            vault.store().load_demo().await.expect("demo");
            let backup = vault
                .backup_now(allia_store::BackupReason::Lock)
                .await
                .expect("automatic backup");
            let (closed, recovery) = new_vault(closed_dir.path(), STRONG).await;
            closed.close().await;
            (vault, recovery, backup)
        });
        Fixture {
            rt,
            dir,
            vault: Some(vault),
            passphrase: STRONG.into(),
            pending: Some(backup.clone()),
            pending_import: None,
            backup,
            picked: tempfile::tempdir().expect("tempdir"),
            closed_dir,
            closed_passphrase: STRONG.into(),
            closed_recovery,
        }
    }

    pub fn vault(&mut self) -> &mut Vault {
        self.vault.as_mut().expect("the vault is open")
    }

    pub fn store(&self) -> Store {
        self.vault
            .as_ref()
            .expect("the vault is open")
            .store()
            .clone()
    }

    /// The current value of each placeholder, creating what is missing (a command may
    /// have deleted it): an alliance with partners, a draft document, a document ready
    /// to sign.
    pub async fn tokens(&self) -> Vec<(&'static str, String)> {
        let store = self.store();
        let alliance = match store.alliances().await.expect("alliances").first() {
            Some(a) => a.id.clone(),
            None => store.load_demo().await.expect("demo").id,
        };
        let partner = match store.partners(&alliance).await.expect("partners").first() {
            Some(p) => p.id.clone(),
            None => {
                store
                    .create_partner(&alliance, &sample::<PartnerDraft>(Arg::PartnerDraft))
                    .await
                    .expect("partner")
                    .id
            }
        };
        let (actor, interaction, exchange, criterion) =
            register_tokens(&store, &alliance, &partner).await;
        let documents = store.documents(&alliance).await.expect("documents");
        let document = match documents.first() {
            Some(d) => d.id.clone(),
            None => {
                store
                    .create_document(
                        &alliance,
                        DocumentKind::PartnershipAgreement,
                        &sample(Arg::DocumentSettings),
                    )
                    .await
                    .expect("document")
                    .id
            }
        };
        let ready = documents
            .iter()
            .find(|d| {
                d.current.status == DocumentStatus::ReadyToSign && d.current.signatures.len() < 50
            })
            .map(|d| d.id.clone());
        let ready = match ready {
            Some(id) => id,
            None => {
                let d = store
                    .create_document(
                        &alliance,
                        DocumentKind::ConsortiumAgreement,
                        &sample(Arg::DocumentSettings),
                    )
                    .await
                    .expect("document");
                store
                    .set_document_status(&d.id, DocumentStatus::ReadyToSign)
                    .await
                    .expect("ready")
                    .id
            }
        };
        vec![
            ("@@alliance", alliance),
            ("@@partner", partner),
            ("@@actor", actor),
            ("@@interaction", interaction),
            ("@@exchange", exchange),
            ("@@criterion", criterion),
            ("@@document", document),
            ("@@ready", ready),
            ("@@passphrase", self.passphrase.clone()),
            ("@@closed_passphrase", self.closed_passphrase.clone()),
            ("@@recovery", self.closed_recovery.clone()),
            (
                "@@backup",
                self.backup
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
        ]
    }
}

pub fn substitute(v: &mut Value, tokens: &[(&str, String)]) {
    match v {
        Value::String(s) => {
            if let Some((_, value)) = tokens.iter().find(|(t, _)| t == s) {
                *s = value.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| substitute(i, tokens)),
        Value::Object(map) => map.values_mut().for_each(|i| substitute(i, tokens)),
        _ => {}
    }
}

/// The actor register's records the commands refer to, created when missing: an actor
/// that is not a partner, a link, an entry of that actor's log, a criterion.
async fn register_tokens(
    store: &Store,
    alliance: &str,
    partner: &str,
) -> (String, String, String, String) {
    use allia_core::actors::{
        ActorPipeline, ActorPipelineStatus, ExchangeEntryDraft, ExchangeKind, InteractionDraft,
        InteractionKind,
    };
    let actors = store.actors(alliance).await.expect("actors");
    let actor = match actors.iter().find(|a| !a.is_partner) {
        Some(a) => a.actor.id.clone(),
        None => {
            let draft = PartnerDraft {
                pipeline: ActorPipeline {
                    status: ActorPipelineStatus::Identified,
                    dismissal_reason: None,
                },
                ..sample::<PartnerDraft>(Arg::PartnerDraft)
            };
            store
                .create_actor(alliance, &draft)
                .await
                .expect("actor")
                .actor
                .id
        }
    };
    let interaction = match store.interactions(alliance).await.expect("links").first() {
        Some(i) => i.id.clone(),
        None => {
            let draft = InteractionDraft {
                from_actor_id: actor.clone(),
                to_actor_id: partner.to_string(),
                kind: InteractionKind::Finances,
                note: None,
            };
            store
                .add_interaction(alliance, &draft)
                .await
                .expect("link")
                .id
        }
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).expect("date");
    let exchange = match store.exchanges(&actor).await.expect("log").first() {
        Some(e) => e.id.clone(),
        None => {
            let draft = ExchangeEntryDraft {
                date: day,
                kind: ExchangeKind::Meeting,
                notes: None,
                friction_points: Vec::new(),
            };
            store
                .add_exchange(&actor, &draft, day)
                .await
                .expect("exchange")
                .id
        }
    };
    let criterion = store
        .criteria(alliance)
        .await
        .expect("criteria")
        .first()
        .map(|c| c.id.clone())
        .unwrap_or_default();
    (actor, interaction, exchange, criterion)
}
