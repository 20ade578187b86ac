//! One call, the way the command makes it: its arguments deserialised, then its store call.

use allia_app::AppError;
use allia_core::{
    AllianceDraft, ClauseChange, CommitmentsDraft, DocumentKind, DocumentSettings, DocumentStatus,
    FinancialContribution, FormDraftKey, Organisation, PartnerDraft, Settings, SignatureDraft,
};
use allia_store::{Store, StoreError, Vault, VaultPaths};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::fixture::Fixture;
use crate::strategies::FILE;

// ---------------------------------------------------------------------------------
// One call, the way the command makes it.

/// Why a call did not go through.
#[derive(Debug)]
pub enum Refusal {
    /// Tauri could not deserialise an argument (it answers with that error).
    Deserialise(String),
    App(AppError),
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Refusal {
        Refusal::App(AppError::from(e))
    }
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Refusal {
        Refusal::App(e)
    }
}

pub fn arg<T: DeserializeOwned>(args: &Map<String, Value>, name: &str) -> Result<T, Refusal> {
    let value = args
        .get(name)
        .cloned()
        .ok_or_else(|| Refusal::Deserialise(format!("missing required key {name}")))?;
    serde_json::from_value(value).map_err(|e| Refusal::Deserialise(e.to_string()))
}

/// An `Option` argument: absent or `null` is `None`, as Tauri reads it.
pub fn optional_arg<T: DeserializeOwned>(
    args: &Map<String, Value>,
    name: &str,
) -> Result<Option<T>, Refusal> {
    match args.get(name) {
        None => Ok(None),
        Some(value) => {
            serde_json::from_value(value.clone()).map_err(|e| Refusal::Deserialise(e.to_string()))
        }
    }
}

/// The backup chosen earlier, or the command's refusal when none was.
pub fn pending(fx: &Fixture) -> Result<std::path::PathBuf, Refusal> {
    fx.pending.clone().ok_or_else(|| {
        Refusal::App(AppError::new(
            allia_app::ErrorCode::NotFound,
            "Choisissez d’abord la sauvegarde à restaurer.",
        ))
    })
}

/// The alliance file chosen earlier, or the command's refusal when none was.
pub fn pending_import(fx: &Fixture) -> Result<Vec<u8>, Refusal> {
    fx.pending_import.clone().ok_or_else(|| {
        Refusal::App(AppError::new(
            allia_app::ErrorCode::Precondition,
            "Aucun fichier d’alliance n’est en cours d’import\u{a0}: choisissez-le à nouveau.",
        ))
    })
}

/// Damages bytes as one generated operation says: `["truncate", at]`,
/// `["flip", at, mask]`, `["insert", at, [bytes]]`, `["replace", [bytes]]`.
pub fn damage(bytes: &mut Vec<u8>, op: &Value) {
    let len = bytes.len().max(1);
    let at = |i: usize| {
        op.get(i)
            .and_then(Value::as_u64)
            .map_or(0, |v| (v as usize) % len)
    };
    let list = |i: usize| -> Vec<u8> {
        op.get(i)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_u64)
                    .map(|b| b as u8)
                    .collect()
            })
            .unwrap_or_default()
    };
    match op.get(0).and_then(Value::as_str) {
        Some("truncate") => bytes.truncate(at(1)),
        Some("flip") => {
            let mask = op.get(2).and_then(Value::as_u64).unwrap_or(1) as u8 | 1;
            let i = at(1);
            if let Some(b) = bytes.get_mut(i) {
                *b ^= mask;
            }
        }
        Some("insert") => {
            let i = at(1).min(bytes.len());
            bytes.splice(i..i, list(2));
        }
        Some("replace") => *bytes = list(1),
        _ => {}
    }
}
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A one-page PDF, written by hand with its cross-reference table: what
/// `document_annex_attach`'s open dialog gives.
fn one_page_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

pub async fn render_input(
    store: &Store,
    id: &str,
) -> Result<
    (
        allia_core::AllianceFile,
        allia_docs::templates::DocumentOptions,
    ),
    Refusal,
> {
    let (document, version, file) = store.document_render_input(id, None).await?;
    let options = allia_docs::render::options_for_version(document.kind, &version, today());
    Ok((file, options))
}

pub async fn dispatch(
    fx: &mut Fixture,
    name: &str,
    args: &Map<String, Value>,
) -> Result<(), Refusal> {
    let store = fx.store();
    match name {
        "vault_status" => {
            let _ = VaultPaths::new(fx.closed_dir.path()).exists();
        }
        "vault_create" => {
            let passphrase: String = arg(args, "passphrase")?;
            let confirmation: String = arg(args, "confirmation")?;
            let dir = tempfile::tempdir().expect("tempdir");
            let (vault, _) = Vault::create(dir.path(), &passphrase, &confirmation).await?;
            vault.close().await;
        }
        "save_recovery_kit" => {
            let key: String = arg(args, "recoveryKey")?;
            // The kit's PDF, with the profile's name; the save dialog is not run.
            let association = store.profile().await?.map(|p| p.name);
            allia_docs::kit::render_pdf(&allia_docs::kit::KitContent {
                recovery_key: &key,
                created: today(),
                association: association.as_deref(),
            })
            .map_err(|e| AppError::from(allia_docs::render::RenderError::from(e)))?;
        }
        "copy_recovery_key" => {
            // Only the clipboard takes it.
            let _: String = arg(args, "recoveryKey")?;
        }
        // Only the shell's close guard flag changes (quitting is not run here); no
        // argument to deserialise.
        "recovery_key_acknowledged" | "quit_without_key" => {}
        "vault_unlock" => {
            let passphrase: String = arg(args, "passphrase")?;
            Vault::unlock(fx.closed_dir.path(), &passphrase)
                .await?
                .close()
                .await;
        }
        "vault_recover" => {
            let key: String = arg(args, "recoveryKey")?;
            let new: String = arg(args, "newPassphrase")?;
            let confirmation: String = arg(args, "confirmation")?;
            let vault = Vault::recover(fx.closed_dir.path(), &key, &new, &confirmation).await?;
            vault.close().await;
            fx.closed_passphrase = new;
        }
        // Locking closes the vault (and backs it up); the fixture keeps it open. Touch
        // only restarts the auto-lock timer.
        "vault_lock" | "vault_touch" => {}
        "backup_list" => {
            allia_store::backup::list(&VaultPaths::new(fx.dir.path()));
        }
        "backup_save_as" => {
            // Where the save dialog would have pointed.
            let target = fx.picked.path().join("sauvegarde.allia");
            fx.vault().backup_to(&target).await?;
        }
        "backup_choose_file" => {
            // The chosen file is any file: the fixture's backup, damaged as generated.
            let mut bytes = std::fs::read(&fx.backup).expect("backup bytes");
            for op in args
                .get(FILE)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                damage(&mut bytes, op);
            }
            let path = fx
                .picked
                .path()
                .join(format!("choisie-{}.allia", bytes.len()));
            std::fs::write(&path, &bytes).expect("write the chosen file");
            allia_store::backup::read_info(&path)?;
            fx.pending = Some(path);
        }
        "backup_choose_automatic" => {
            let file_name: String = arg(args, "fileName")?;
            let info = allia_store::backup::list(&VaultPaths::new(fx.dir.path()))
                .into_iter()
                .find(|b| b.file_name == file_name)
                .ok_or(StoreError::NotFound(allia_store::Entity::Backup))?;
            fx.pending = Some(info.path);
        }
        "backup_preview" => {
            let secret: Option<String> = optional_arg(args, "secret")?;
            let path = pending(fx)?;
            fx.vault().inspect_backup(&path, secret.as_deref()).await?;
            // And from the unlock screen, on the locked vault, when a secret is given.
            if let Some(secret) = secret {
                allia_store::inspect_backup_locked(fx.closed_dir.path(), &path, &secret).await?;
            }
        }
        "backup_restore" => {
            let secret: Option<String> = optional_arg(args, "secret")?;
            let path = pending(fx)?;
            let vault = fx.vault.take().expect("the vault is open");
            let prepared = match vault.prepare_restore(&path, secret.as_deref()).await {
                Ok(prepared) => prepared,
                Err(e) => {
                    // A refusal keeps the vault open.
                    fx.vault = Some(vault);
                    return Err(e.into());
                }
            };
            match vault.restore_backup(prepared).await {
                Ok(restored) => fx.vault = Some(restored),
                Err(e) => {
                    fx.vault = Some(
                        Vault::unlock(fx.dir.path(), &fx.passphrase)
                            .await
                            .expect("the vault opens again after a failed restore"),
                    );
                    return Err(e.into());
                }
            }
        }
        "vault_change_passphrase" => {
            let current: String = arg(args, "current")?;
            let new: String = arg(args, "newPassphrase")?;
            let confirmation: String = arg(args, "confirmation")?;
            match fx.vault().change_passphrase(&current, &new, &confirmation) {
                Err(StoreError::WrongPassphrase) => {
                    return Err(AppError::wrong_passphrase_on("current").into())
                }
                other => other?,
            }
            fx.passphrase = new;
        }
        "vault_new_recovery_key" => {
            let passphrase: String = arg(args, "passphrase")?;
            match fx.vault().new_recovery_key(&passphrase).await {
                Err(StoreError::WrongPassphrase) => {
                    return Err(AppError::wrong_passphrase_on("passphrase").into())
                }
                other => {
                    other?;
                }
            }
        }
        "profile_get" => {
            store.profile().await?;
        }
        "profile_save" => {
            store
                .save_profile(&arg::<Organisation>(args, "profile")?)
                .await?;
        }
        "catalog" => {
            let _ = allia_core::Catalog::build();
        }
        "designation_propose" => {
            let name: String = arg(args, "name")?;
            let acronym: Option<String> = optional_arg(args, "acronym")?;
            let actor_type: allia_core::ActorType = arg(args, "actorType")?;
            let designation =
                allia_core::designation::propose(&name, acronym.as_deref(), actor_type);
            // What the field shows as the proposal is always a valid designation.
            designation.validated().map_err(AppError::from)?;
        }
        "designation_example" => {
            let name: String = arg(args, "name")?;
            let designation: allia_core::Designation = arg(args, "designation")?;
            let _ = allia_core::designation::example_sentence(&name, &designation);
        }
        "alliance_list" => {
            store.alliances().await?;
        }
        "alliance_create" => {
            store
                .create_alliance(&arg::<AllianceDraft>(args, "draft")?)
                .await?;
        }
        "alliance_update" => {
            let id: String = arg(args, "id")?;
            let draft: AllianceDraft = arg(args, "draft")?;
            store.update_alliance(&id, &draft).await?;
        }
        "alliance_set_archived" => {
            let id: String = arg(args, "id")?;
            let archived: bool = arg(args, "archived")?;
            store.set_alliance_archived(&id, archived).await?;
        }
        "alliance_delete" => {
            store.delete_alliance(&arg::<String>(args, "id")?).await?;
        }
        "demo_load" => {
            store.load_demo().await?;
        }
        "alliance_export" => {
            let file = store.export_alliance(&arg::<String>(args, "id")?).await?;
            file.to_json_string().expect("an export serialises");
        }
        "alliance_export_encrypted" => {
            // The command's steps before its save dialog: the passphrase rule, then the
            // export. The encryption itself (a second of scrypt per call, too slow for
            // fuzzing) is tested in crates/allia-store/tests/exchange_crypto.rs.
            let id: String = arg(args, "id")?;
            let passphrase: String = arg(args, "passphrase")?;
            allia_store::exchange_crypto::check_export_passphrase(&passphrase)?;
            let file = store.export_alliance(&id).await?;
            file.to_json_string().expect("an export serialises");
        }
        "alliance_import_choose" => {
            // No argument: the file comes from the open dialog. Its bytes go through the
            // same reader and review, then, when it asks nothing, the import as a new
            // alliance; crates/allia-store/tests/import_fuzz.rs fuzzes them in depth.
            let bytes = serde_json::to_vec(args.get(FILE).unwrap_or(&Value::Null)).expect("json");
            fx.pending_import = None;
            let read = allia_core::read_alliance_file(&bytes).map_err(AppError::from)?;
            let review = store.review_import(&read).await?;
            if review.unknown_fields.is_empty()
                && review.own_lookalikes.is_empty()
                && review.existing.is_none()
            {
                store
                    .apply_import(&read, &allia_core::ImportChoices::default())
                    .await?;
            } else {
                fx.pending_import = Some(bytes);
            }
        }
        "alliance_import_inspect" => {
            // The fixture's files are not encrypted: the passphrase is read, not used.
            let _passphrase: Option<String> = optional_arg(args, "passphrase")?;
            let bytes = pending_import(fx)?;
            let read = allia_core::read_alliance_file(&bytes).map_err(AppError::from)?;
            store.review_import(&read).await?;
        }
        "alliance_import_apply" => {
            let choices: allia_core::ImportChoices = arg(args, "choices")?;
            let bytes = pending_import(fx)?;
            let read = allia_core::read_alliance_file(&bytes).map_err(AppError::from)?;
            store.apply_import(&read, &choices).await?;
            fx.pending_import = None;
        }
        "alliance_import_cancel" => {
            fx.pending_import = None;
        }
        "partner_list" => {
            store.partners(&arg::<String>(args, "allianceId")?).await?;
        }
        "partner_create" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            store.create_partner(&alliance, &draft).await?;
        }
        "partner_update" => {
            let id: String = arg(args, "id")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            store.update_partner(&id, &draft).await?;
        }
        "partner_delete" => {
            store.delete_partner(&arg::<String>(args, "id")?).await?;
        }
        "partner_lookalikes" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            let editing: Option<String> = optional_arg(args, "partnerId")?;
            store
                .partner_lookalikes(&alliance, &draft, editing.as_deref())
                .await?;
        }
        "actor_list" => {
            store.actors(&arg::<String>(args, "allianceId")?).await?;
        }
        "actor_get" => {
            store.actor(&arg::<String>(args, "id")?).await?;
        }
        "actor_create" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            store.create_actor(&alliance, &draft).await?;
        }
        "actor_update" => {
            let id: String = arg(args, "id")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            store.update_actor(&id, &draft).await?;
        }
        "actor_move" => {
            let id: String = arg(args, "id")?;
            let to: allia_core::ActorPipelineStatus = arg(args, "to")?;
            let reason: Option<String> = optional_arg(args, "reason")?;
            store.move_actor(&id, to, reason.as_deref()).await?;
        }
        "actor_promote" => {
            let id: String = arg(args, "id")?;
            let role: allia_core::PartnerRole = arg(args, "role")?;
            store.promote_actor(&id, role).await?;
        }
        "actor_delete" => {
            store.delete_actor(&arg::<String>(args, "id")?).await?;
        }
        "interaction_list" => {
            store
                .interactions(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "interaction_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::InteractionDraft = arg(args, "draft")?;
            store.add_interaction(&alliance, &draft).await?;
        }
        "interaction_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::InteractionDraft = arg(args, "draft")?;
            store.update_interaction(&id, &draft).await?;
        }
        "interaction_delete" => {
            store
                .delete_interaction(&arg::<String>(args, "id")?)
                .await?;
        }
        "exchange_list" => {
            store.exchanges(&arg::<String>(args, "actorId")?).await?;
        }
        "exchange_add" => {
            let actor: String = arg(args, "actorId")?;
            let draft: allia_core::ExchangeEntryDraft = arg(args, "draft")?;
            store
                .add_exchange(&actor, &draft, chrono::Local::now().date_naive())
                .await?;
        }
        "exchange_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::ExchangeEntryDraft = arg(args, "draft")?;
            store
                .update_exchange(&id, &draft, chrono::Local::now().date_naive())
                .await?;
        }
        "exchange_delete" => {
            store.delete_exchange(&arg::<String>(args, "id")?).await?;
        }
        "criteria_list" => {
            store.criteria(&arg::<String>(args, "allianceId")?).await?;
        }
        "criterion_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::CriterionDraft = arg(args, "draft")?;
            store.add_criterion(&alliance, &draft).await?;
        }
        "criterion_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::CriterionDraft = arg(args, "draft")?;
            store.update_criterion(&id, &draft).await?;
        }
        "criterion_remove" => {
            store.remove_criterion(&arg::<String>(args, "id")?).await?;
        }
        "criteria_reorder" => {
            let alliance: String = arg(args, "allianceId")?;
            let ids: Vec<String> = arg(args, "criterionIds")?;
            store.reorder_criteria(&alliance, &ids).await?;
        }
        "score_set" => {
            let actor: String = arg(args, "actorId")?;
            let criterion: String = arg(args, "criterionId")?;
            let score: u32 = arg(args, "score")?;
            store.set_score(&actor, &criterion, score).await?;
        }
        "score_clear" => {
            let actor: String = arg(args, "actorId")?;
            let criterion: String = arg(args, "criterionId")?;
            store.clear_score(&actor, &criterion).await?;
        }
        "scoring_matrix" => {
            store
                .scoring_matrix(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "commitments_list" => {
            store
                .commitments(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "commitments_set" => {
            let alliance: String = arg(args, "allianceId")?;
            let partner: Option<String> = arg(args, "partnerId")?;
            let draft: CommitmentsDraft = arg(args, "draft")?;
            store
                .set_commitments(&alliance, partner.as_deref(), &draft)
                .await?;
        }
        "commitments_propose_split" => {
            let contribution: FinancialContribution = arg(args, "contribution")?;
            let count: u32 = arg(args, "count")?;
            allia_core::propose_instalments(&contribution, count).map_err(AppError::from)?;
        }
        "diagnostic_get" => {
            store
                .diagnostic(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "diagnostic_save_needs" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::DiagnosticNeedsDraft = arg(args, "draft")?;
            store.set_diagnostic_needs(&alliance, &draft).await?;
        }
        "swot_item_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::SwotItemDraft = arg(args, "draft")?;
            store.add_swot_item(&alliance, &draft).await?;
        }
        "swot_item_update" => {
            let item: String = arg(args, "itemId")?;
            let draft: allia_core::SwotItemDraft = arg(args, "draft")?;
            store.update_swot_item(&item, &draft).await?;
        }
        "swot_item_delete" => {
            store
                .delete_swot_item(&arg::<String>(args, "itemId")?)
                .await?;
        }
        "swot_item_move" => {
            let item: String = arg(args, "itemId")?;
            let quadrant: allia_core::SwotQuadrant = arg(args, "quadrant")?;
            let index: u32 = arg(args, "index")?;
            store.move_swot_item(&item, quadrant, index).await?;
        }
        "evaluation_overview" => {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
            store
                .evaluation_overview(&arg::<String>(args, "allianceId")?, today)
                .await?;
        }
        "evaluation_summary" | "evaluation_indicator" => {
            // The overview, then only what the command keeps of it (no rule of its own).
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
            let alliance: String = arg(args, "allianceId")?;
            let overview = store.evaluation_overview(&alliance, today).await?;
            if name == "evaluation_indicator" {
                let id: String = arg(args, "indicatorId")?;
                overview
                    .indicators
                    .iter()
                    .find(|view| view.indicator.id == id)
                    .ok_or(StoreError::NotFound(allia_store::Entity::Indicator))?;
            }
        }
        "evaluation_frame_save" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::evaluation::EvaluationFrameDraft = arg(args, "draft")?;
            store.save_evaluation_frame(&alliance, &draft).await?;
        }
        "indicator_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::evaluation::IndicatorDraft = arg(args, "draft")?;
            store.add_indicator(&alliance, &draft).await?;
        }
        "indicator_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::evaluation::IndicatorDraft = arg(args, "draft")?;
            store.update_indicator(&id, &draft).await?;
        }
        "indicator_delete" => {
            store.delete_indicator(&arg::<String>(args, "id")?).await?;
        }
        "measurement_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::evaluation::MeasurementDraft = arg(args, "draft")?;
            store.add_measurement(&alliance, &draft).await?;
        }
        "measurement_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::evaluation::MeasurementDraft = arg(args, "draft")?;
            store.update_measurement(&id, &draft).await?;
        }
        "measurement_delete" => {
            store
                .delete_measurement(&arg::<String>(args, "id")?)
                .await?;
        }
        "gap_analysis_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::evaluation::GapAnalysisDraft = arg(args, "draft")?;
            store.add_gap_analysis(&alliance, &draft).await?;
        }
        "gap_analysis_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::evaluation::GapAnalysisDraft = arg(args, "draft")?;
            store.update_gap_analysis(&id, &draft).await?;
        }
        "gap_analysis_delete" => {
            store
                .delete_gap_analysis(&arg::<String>(args, "id")?)
                .await?;
        }
        "evaluation_csv_export" => {
            // The command's steps before its save dialog: the overview read (with the
            // objectives and partners for the indicators' table), then the CSV written.
            let alliance: String = arg(args, "allianceId")?;
            let which: String = arg(args, "which")?;
            store.alliance(&alliance).await?;
            let overview = store.evaluation_overview(&alliance, today()).await?;
            match which.as_str() {
                "measurements" => {
                    allia_core::evaluation::csv::export_measurements(&overview.indicators);
                }
                "indicators" => {
                    let objectives = store.objectives_overview(&alliance, today()).await?;
                    let partners = store.partners(&alliance).await?;
                    let names =
                        allia_core::evaluation::csv::ExportNames::new(&objectives, &partners);
                    allia_core::evaluation::csv::export_indicators(
                        &overview.indicators,
                        &names,
                        today(),
                    );
                }
                other => return Err(Refusal::Deserialise(format!("unknown variant {other}"))),
            }
        }
        "evaluation_csv_preview" => {
            // The file comes from the open dialog: the alliance's own measurements
            // exported, read against the vault (each one already recorded).
            let alliance: String = arg(args, "allianceId")?;
            store.alliance(&alliance).await?;
            let overview = store.evaluation_overview(&alliance, today()).await?;
            let bytes = allia_core::evaluation::csv::export_measurements(&overview.indicators);
            let indicators: Vec<_> = overview
                .indicators
                .iter()
                .map(|v| v.indicator.clone())
                .collect();
            let recorded: Vec<_> = overview
                .indicators
                .iter()
                .flat_map(|v| v.measurements.clone())
                .collect();
            allia_core::evaluation::csv::parse_new_measurements(
                &bytes,
                &indicators,
                &recorded,
                today(),
            );
        }
        "evaluation_csv_import" => {
            // The staged file's measurements go to the store's all-or-nothing import.
            let alliance: String = arg(args, "allianceId")?;
            let overview = store.evaluation_overview(&alliance, today()).await?;
            let bytes = allia_core::evaluation::csv::export_measurements(&overview.indicators);
            let indicators: Vec<_> = overview
                .indicators
                .iter()
                .map(|v| v.indicator.clone())
                .collect();
            let import =
                allia_core::evaluation::csv::parse_measurements(&bytes, &indicators, today());
            store.import_measurements(&alliance, &import.drafts).await?;
        }
        "evaluation_report_export" => {
            // The command's steps before its save dialog: the overviews read as of
            // today, then typeset (PDF) or written for Word (DOCX).
            let alliance_id: String = arg(args, "allianceId")?;
            let format: allia_docs::render::Format = arg(args, "format")?;
            let alliance = store.alliance(&alliance_id).await?;
            let input = allia_docs::evaluation::EvaluationReportInput {
                alliance: alliance.draft.name,
                association: None,
                today: today(),
                evaluation: store.evaluation_overview(&alliance_id, today()).await?,
                objectives: store.objectives_overview(&alliance_id, today()).await?,
            };
            match format {
                allia_docs::render::Format::Pdf => {
                    allia_docs::evaluation::render_evaluation_report(&input)
                        .map_err(AppError::from)?;
                }
                allia_docs::render::Format::Docx => {
                    allia_docs::docx::render(&allia_docs::evaluation::document(&input))
                        .map_err(|e| AppError::from(allia_docs::render::RenderError::from(e)))?;
                }
            }
        }
        "diagnostic_export_pdf" => {
            // The command's steps around its save dialog: the diagnostic read, then
            // typeset.
            let alliance_id: String = arg(args, "allianceId")?;
            let alliance = store.alliance(&alliance_id).await?;
            let diagnostic = store.diagnostic(&alliance_id).await?;
            allia_docs::diagnostic::render_pdf(&allia_docs::diagnostic::DiagnosticPdf {
                alliance: &alliance.draft.name,
                association: None,
                diagnostic: &diagnostic,
                date: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default(),
            })
            .map_err(|e| AppError::from(allia_docs::render::RenderError::from(e)))?;
        }
        "model_advisor_get" => {
            store
                .model_advisor(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "model_advisor_save" => {
            let alliance: String = arg(args, "allianceId")?;
            let answers: allia_core::AdvisorAnswers = arg(args, "answers")?;
            store.save_model_advisor(&alliance, &answers).await?;
        }
        "model_advisor_recommend" => {
            let answers: allia_core::AdvisorAnswers = arg(args, "answers")?;
            allia_core::recommend(&answers);
        }
        "objectives_overview" => {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
            store
                .objectives_overview(&arg::<String>(args, "allianceId")?, today)
                .await?;
        }
        "objectives_frame_save" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::objectives::ObjectivesFrameDraft = arg(args, "draft")?;
            store.save_objectives_frame(&alliance, &draft).await?;
        }
        "strategic_objective_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::objectives::StrategicObjectiveDraft = arg(args, "draft")?;
            store.add_strategic_objective(&alliance, &draft).await?;
        }
        "strategic_objective_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::objectives::StrategicObjectiveDraft = arg(args, "draft")?;
            store.update_strategic_objective(&id, &draft).await?;
        }
        "strategic_objective_move" => {
            let id: String = arg(args, "id")?;
            let to: u32 = arg(args, "toPosition")?;
            store.move_strategic_objective(&id, to).await?;
        }
        "strategic_gap_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::objectives::StrategicGapDraft = arg(args, "draft")?;
            store.add_strategic_gap(&alliance, &draft).await?;
        }
        "strategic_gap_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::objectives::StrategicGapDraft = arg(args, "draft")?;
            store.update_strategic_gap(&id, &draft).await?;
        }
        "strategic_gap_delete" => {
            store
                .delete_strategic_gap(&arg::<String>(args, "id")?)
                .await?;
        }
        "operational_objective_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::objectives::OperationalObjectiveDraft = arg(args, "draft")?;
            store.add_operational_objective(&alliance, &draft).await?;
        }
        "operational_objective_update" => {
            let id: String = arg(args, "id")?;
            let draft: allia_core::objectives::OperationalObjectiveDraft = arg(args, "draft")?;
            store.update_operational_objective(&id, &draft).await?;
        }
        "objective_delete" => {
            let alliance: String = arg(args, "allianceId")?;
            let objective: allia_core::objectives::ObjectiveRef = arg(args, "objective")?;
            let fate: allia_core::objectives::IndicatorFate = arg(args, "fate")?;
            store.delete_objective(&alliance, &objective, &fate).await?;
        }
        "smart_check" => {
            let draft: allia_core::objectives::OperationalObjectiveDraft = arg(args, "draft")?;
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
            allia_core::objectives::check_smart(&draft, today);
        }
        "alliance_progress" => {
            store
                .alliance_progress(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "dossier_get" => {
            store
                .project_dossier(&arg::<String>(args, "allianceId")?)
                .await?;
        }
        "dossier_save_texts" => {
            let alliance: String = arg(args, "allianceId")?;
            let texts: allia_core::DossierTexts = arg(args, "texts")?;
            store.set_dossier_texts(&alliance, &texts).await?;
        }
        "dossier_figure_add" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: allia_core::FigureDraft = arg(args, "draft")?;
            store.add_dossier_figure(&alliance, &draft).await?;
        }
        "dossier_figure_update" => {
            let alliance: String = arg(args, "allianceId")?;
            let figure: String = arg(args, "figureId")?;
            let draft: allia_core::FigureDraft = arg(args, "draft")?;
            store
                .update_dossier_figure(&alliance, &figure, &draft)
                .await?;
        }
        "dossier_figure_delete" => {
            let alliance: String = arg(args, "allianceId")?;
            let figure: String = arg(args, "figureId")?;
            store.delete_dossier_figure(&alliance, &figure).await?;
        }
        "dossier_figures_reorder" => {
            let alliance: String = arg(args, "allianceId")?;
            let ids: Vec<String> = arg(args, "figureIds")?;
            store.reorder_dossier_figures(&alliance, &ids).await?;
        }
        "dossier_export_pdf" => {
            // The command's steps before and after its save dialog: the dossier read,
            // then typeset.
            let alliance_id: String = arg(args, "allianceId")?;
            let alliance = store.alliance(&alliance_id).await?;
            let content = store.project_dossier(&alliance_id).await?;
            let texts = content.dossier.map(|d| d.texts).unwrap_or_default();
            let figures: Vec<allia_core::FigureDraft> =
                content.figures.into_iter().map(|f| f.draft).collect();
            allia_docs::dossier::render_pdf(&allia_docs::dossier::DossierPdf {
                alliance: &alliance.draft.name,
                association: None,
                territory: alliance.draft.territory.as_deref(),
                texts: &texts,
                figures: &figures,
                date: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default(),
            })
            .map_err(|e| AppError::from(allia_docs::render::RenderError::from(e)))?;
        }
        "document_list" => {
            store.documents(&arg::<String>(args, "allianceId")?).await?;
        }
        "document_create" => {
            let alliance: String = arg(args, "allianceId")?;
            let kind: DocumentKind = arg(args, "kind")?;
            let settings: DocumentSettings = arg(args, "settings")?;
            store.create_document(&alliance, kind, &settings).await?;
        }
        "document_update" => {
            let id: String = arg(args, "id")?;
            let settings: DocumentSettings = arg(args, "settings")?;
            store.update_document_settings(&id, &settings).await?;
        }
        "document_change_clause" => {
            let id: String = arg(args, "id")?;
            let clause_id: String = arg(args, "clauseId")?;
            let change: ClauseChange = arg(args, "change")?;
            store
                .change_document_clause(&id, &clause_id, change)
                .await?;
        }
        "document_set_status" => {
            let id: String = arg(args, "id")?;
            let status: DocumentStatus = arg(args, "status")?;
            store.set_document_status(&id, status).await?;
        }
        "document_return_to_draft" => {
            let id: String = arg(args, "id")?;
            store.return_document_to_draft(&id).await?;
        }
        "document_record_signature" => {
            let id: String = arg(args, "id")?;
            let signature: SignatureDraft = arg(args, "signature")?;
            store.record_signature_draft(&id, &signature).await?;
        }
        "document_delete" => {
            store.delete_document(&arg::<String>(args, "id")?).await?;
        }
        "document_clauses" => {
            let (file, options) = render_input(&store, &arg::<String>(args, "id")?).await?;
            allia_docs::templates::clauses(&file, &options).map_err(AppError::from)?;
        }
        "document_preview" => {
            let (file, options) = render_input(&store, &arg::<String>(args, "id")?).await?;
            allia_docs::templates::build(&file, &options).map_err(AppError::from)?;
        }
        "document_export" => {
            let id: String = arg(args, "id")?;
            let format: allia_docs::render::Format = arg(args, "format")?;
            let (file, options) = render_input(&store, &id).await?;
            allia_docs::render::render(&file, &options, format).map_err(AppError::from)?;
        }
        "document_open_for_print" => {
            let (file, options) = render_input(&store, &arg::<String>(args, "id")?).await?;
            allia_docs::render::render(&file, &options, allia_docs::render::Format::Pdf)
                .map_err(AppError::from)?;
        }
        "document_annex_attach" => {
            // The file comes from the open dialog: a small real PDF here.
            let id: String = arg(args, "documentId")?;
            let annex: String = arg(args, "annexId")?;
            store
                .attach_annex_file(&id, &annex, "annexe.pdf", one_page_pdf())
                .await?;
        }
        "document_annex_detach" => {
            let id: String = arg(args, "documentId")?;
            let annex: String = arg(args, "annexId")?;
            store.detach_annex_file(&id, &annex).await?;
        }
        "document_annex_files" => {
            store
                .annex_files(&arg::<String>(args, "documentId")?)
                .await?;
        }
        "draft_save" => {
            store
                .save_form_draft(
                    &arg::<FormDraftKey>(args, "key")?,
                    &arg::<String>(args, "content")?,
                )
                .await?;
        }
        "draft_list" => {
            store.form_drafts().await?;
        }
        "draft_clear" => {
            store
                .clear_form_draft(&arg::<FormDraftKey>(args, "key")?)
                .await?;
        }
        "settings_get" => {
            store.settings().await?;
        }
        "settings_save" => {
            store
                .save_settings(&arg::<Settings>(args, "settings")?)
                .await?;
        }
        "settings_set_text_scale" => {
            store.set_text_scale(arg(args, "percent")?).await?;
        }
        "settings_apply_text_scale" => {
            store.settings().await?;
        }
        "window_set_text_scale" => {
            // The zoom itself is the webview's: only the check runs here.
            allia_core::settings::text_scale_checked(arg(args, "percent")?)
                .map_err(AppError::from)?;
        }
        other => panic!("no dispatch for the command {other}: add it to `dispatch`"),
    }
    Ok(())
}
