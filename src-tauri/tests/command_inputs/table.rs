//! The commands and their arguments, and the commands the generated bindings register.

/// What an argument is, as the command declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// A free string (passphrase, confirmation, recovery key, file name).
    Text,
    /// An optional string (`null` or absent is `None`).
    OptionalText,
    AllianceId,
    PartnerId,
    DocumentId,
    Bool,
    Organisation,
    AllianceDraft,
    PartnerDraft,
    /// A kind of actor (`ActorType`).
    ActorType,
    /// How contracts name an organisation (`Designation`).
    Designation,
    DocumentKind,
    DocumentSettings,
    DocumentStatus,
    ClauseChange,
    SignatureDraft,
    Settings,
    ExportFormat,
    /// Where a form draft belongs (`FormDraftKey`).
    FormDraftKey,
    /// A whole number (« Taille du texte » in percent).
    Percent,
    /// A partner of the alliance, or `null` for the user's own association.
    OptionalPartnerId,
    CommitmentsDraft,
    FinancialContribution,
    /// A number of instalments.
    Count,
    /// The answers to an alliance file's import questions (`ImportChoices`).
    ImportChoices,
    /// The diagnostic's needs (`DiagnosticNeedsDraft`).
    DiagnosticNeedsDraft,
    /// One SWOT item (`SwotItemDraft`).
    SwotItemDraft,
    /// A quadrant of the SWOT matrix (`SwotQuadrant`).
    SwotQuadrant,
    /// The evaluation's purposes and questions (`EvaluationFrameDraft`).
    EvaluationFrameDraft,
    /// An indicator (`IndicatorDraft`).
    IndicatorDraft,
    /// A measurement of an indicator (`MeasurementDraft`).
    MeasurementDraft,
    /// A gap analysis (`GapAnalysisDraft`).
    GapAnalysisDraft,
    /// The texts of a project dossier (`DossierTexts`).
    DossierTexts,
    /// A key figure of a project dossier (`FigureDraft`).
    FigureDraft,
    /// A list of strings (figure ids in their new order).
    TextList,
    /// The model advisor's answers (`AdvisorAnswers`).
    AdvisorAnswers,
    /// A status of the relation with an actor (`ActorPipelineStatus`).
    ActorPipelineStatus,
    /// A partner's role (`PartnerRole`).
    PartnerRole,
    /// A link between two actors (`InteractionDraft`).
    InteractionDraft,
    /// An entry of an actor's proximity log (`ExchangeEntryDraft`).
    ExchangeEntryDraft,
    /// A criterion of the scoring matrix (`CriterionDraft`).
    CriterionDraft,
    /// The shared vision and the priority criteria (`ObjectivesFrameDraft`).
    ObjectivesFrameDraft,
    /// A strategic objective (`StrategicObjectiveDraft`).
    StrategicObjectiveDraft,
    /// A strategic gap between partners (`StrategicGapDraft`).
    StrategicGapDraft,
    /// An operational objective (`OperationalObjectiveDraft`).
    OperationalObjectiveDraft,
    /// A strategic or operational objective (`ObjectiveRef`).
    ObjectiveRef,
    /// What becomes of a deleted objective's indicators (`IndicatorFate`).
    IndicatorFate,
    /// Which CSV « Évaluation » exports (`EvaluationCsv`).
    EvaluationCsv,
}

impl Arg {
    /// The TypeScript type tauri-specta writes for it.
    pub fn ts(self) -> &'static str {
        match self {
            Arg::Text | Arg::AllianceId | Arg::PartnerId | Arg::DocumentId => "string",
            Arg::OptionalText => "string | null",
            Arg::Bool => "boolean",
            Arg::Organisation => "Organisation",
            Arg::AllianceDraft => "AllianceDraft",
            Arg::PartnerDraft => "PartnerDraft",
            Arg::ActorType => "ActorType",
            Arg::Designation => "Designation",
            Arg::DocumentKind => "DocumentKind",
            Arg::DocumentSettings => "DocumentSettings",
            Arg::DocumentStatus => "DocumentStatus",
            Arg::ClauseChange => "ClauseChange",
            Arg::SignatureDraft => "SignatureDraft",
            Arg::Settings => "Settings",
            Arg::ExportFormat => "ExportFormat",
            Arg::FormDraftKey => "FormDraftKey",
            Arg::Percent | Arg::Count => "number",
            Arg::OptionalPartnerId => "string | null",
            Arg::CommitmentsDraft => "CommitmentsDraft",
            Arg::FinancialContribution => "FinancialContribution",
            Arg::ImportChoices => "ImportChoices",
            Arg::DiagnosticNeedsDraft => "DiagnosticNeedsDraft",
            Arg::SwotItemDraft => "SwotItemDraft",
            Arg::SwotQuadrant => "SwotQuadrant",
            Arg::EvaluationFrameDraft => "EvaluationFrameDraft",
            Arg::IndicatorDraft => "IndicatorDraft",
            Arg::MeasurementDraft => "MeasurementDraft",
            Arg::GapAnalysisDraft => "GapAnalysisDraft",
            Arg::DossierTexts => "DossierTexts",
            Arg::FigureDraft => "FigureDraft",
            Arg::TextList => "string[]",
            Arg::AdvisorAnswers => "AdvisorAnswers",
            Arg::ActorPipelineStatus => "ActorPipelineStatus",
            Arg::PartnerRole => "PartnerRole",
            Arg::InteractionDraft => "InteractionDraft",
            Arg::ExchangeEntryDraft => "ExchangeEntryDraft",
            Arg::CriterionDraft => "CriterionDraft",
            Arg::ObjectivesFrameDraft => "ObjectivesFrameDraft",
            Arg::StrategicObjectiveDraft => "StrategicObjectiveDraft",
            Arg::StrategicGapDraft => "StrategicGapDraft",
            Arg::OperationalObjectiveDraft => "OperationalObjectiveDraft",
            Arg::ObjectiveRef => "ObjectiveRef",
            Arg::IndicatorFate => "IndicatorFate",
            Arg::EvaluationCsv => "EvaluationCsv",
        }
    }
}

/// Every IPC command: its name and its arguments (names as they cross IPC, camelCase).
/// A command added to `specta_builder()` must be added here (and to `dispatch`).
pub const COMMANDS: &[(&str, &[(&str, Arg)])] = &[
    ("vault_status", &[]),
    (
        "vault_create",
        &[("passphrase", Arg::Text), ("confirmation", Arg::Text)],
    ),
    ("save_recovery_kit", &[("recoveryKey", Arg::Text)]),
    ("copy_recovery_key", &[("recoveryKey", Arg::Text)]),
    ("recovery_key_acknowledged", &[]),
    ("quit_without_key", &[]),
    ("vault_unlock", &[("passphrase", Arg::Text)]),
    (
        "vault_recover",
        &[
            ("recoveryKey", Arg::Text),
            ("newPassphrase", Arg::Text),
            ("confirmation", Arg::Text),
        ],
    ),
    ("vault_lock", &[]),
    ("vault_touch", &[]),
    (
        "vault_change_passphrase",
        &[
            ("current", Arg::Text),
            ("newPassphrase", Arg::Text),
            ("confirmation", Arg::Text),
        ],
    ),
    ("vault_new_recovery_key", &[("passphrase", Arg::Text)]),
    ("backup_list", &[]),
    ("backup_save_as", &[]),
    ("backup_choose_file", &[]),
    ("backup_choose_automatic", &[("fileName", Arg::Text)]),
    ("backup_preview", &[("secret", Arg::OptionalText)]),
    ("backup_restore", &[("secret", Arg::OptionalText)]),
    ("profile_get", &[]),
    ("profile_save", &[("profile", Arg::Organisation)]),
    ("catalog", &[]),
    ("alliance_list", &[]),
    ("alliance_create", &[("draft", Arg::AllianceDraft)]),
    (
        "alliance_update",
        &[("id", Arg::AllianceId), ("draft", Arg::AllianceDraft)],
    ),
    (
        "alliance_set_archived",
        &[("id", Arg::AllianceId), ("archived", Arg::Bool)],
    ),
    ("alliance_delete", &[("id", Arg::AllianceId)]),
    ("demo_load", &[]),
    ("alliance_export", &[("id", Arg::AllianceId)]),
    (
        "alliance_export_encrypted",
        &[("id", Arg::AllianceId), ("passphrase", Arg::Text)],
    ),
    ("alliance_import_choose", &[]),
    (
        "alliance_import_inspect",
        &[("passphrase", Arg::OptionalText)],
    ),
    ("alliance_import_apply", &[("choices", Arg::ImportChoices)]),
    ("alliance_import_cancel", &[]),
    (
        "designation_propose",
        &[
            ("name", Arg::Text),
            ("acronym", Arg::OptionalText),
            ("actorType", Arg::ActorType),
        ],
    ),
    (
        "designation_example",
        &[("name", Arg::Text), ("designation", Arg::Designation)],
    ),
    ("partner_list", &[("allianceId", Arg::AllianceId)]),
    (
        "partner_create",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::PartnerDraft),
        ],
    ),
    (
        "partner_update",
        &[("id", Arg::PartnerId), ("draft", Arg::PartnerDraft)],
    ),
    ("partner_delete", &[("id", Arg::PartnerId)]),
    (
        "partner_lookalikes",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::PartnerDraft),
            ("partnerId", Arg::OptionalPartnerId),
        ],
    ),
    ("actor_list", &[("allianceId", Arg::AllianceId)]),
    ("actor_get", &[("id", Arg::PartnerId)]),
    (
        "actor_create",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::PartnerDraft),
        ],
    ),
    (
        "actor_update",
        &[("id", Arg::PartnerId), ("draft", Arg::PartnerDraft)],
    ),
    (
        "actor_move",
        &[
            ("id", Arg::PartnerId),
            ("to", Arg::ActorPipelineStatus),
            ("reason", Arg::OptionalText),
        ],
    ),
    (
        "actor_promote",
        &[("id", Arg::PartnerId), ("role", Arg::PartnerRole)],
    ),
    ("actor_delete", &[("id", Arg::PartnerId)]),
    ("interaction_list", &[("allianceId", Arg::AllianceId)]),
    (
        "interaction_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::InteractionDraft),
        ],
    ),
    (
        "interaction_update",
        &[("id", Arg::Text), ("draft", Arg::InteractionDraft)],
    ),
    ("interaction_delete", &[("id", Arg::Text)]),
    ("exchange_list", &[("actorId", Arg::PartnerId)]),
    (
        "exchange_add",
        &[
            ("actorId", Arg::PartnerId),
            ("draft", Arg::ExchangeEntryDraft),
        ],
    ),
    (
        "exchange_update",
        &[("id", Arg::Text), ("draft", Arg::ExchangeEntryDraft)],
    ),
    ("exchange_delete", &[("id", Arg::Text)]),
    ("criteria_list", &[("allianceId", Arg::AllianceId)]),
    (
        "criterion_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::CriterionDraft),
        ],
    ),
    (
        "criterion_update",
        &[("id", Arg::Text), ("draft", Arg::CriterionDraft)],
    ),
    ("criterion_remove", &[("id", Arg::Text)]),
    (
        "criteria_reorder",
        &[
            ("allianceId", Arg::AllianceId),
            ("criterionIds", Arg::TextList),
        ],
    ),
    (
        "score_set",
        &[
            ("actorId", Arg::PartnerId),
            ("criterionId", Arg::Text),
            ("score", Arg::Count),
        ],
    ),
    (
        "score_clear",
        &[("actorId", Arg::PartnerId), ("criterionId", Arg::Text)],
    ),
    ("scoring_matrix", &[("allianceId", Arg::AllianceId)]),
    ("commitments_list", &[("allianceId", Arg::AllianceId)]),
    (
        "commitments_set",
        &[
            ("allianceId", Arg::AllianceId),
            ("partnerId", Arg::OptionalPartnerId),
            ("draft", Arg::CommitmentsDraft),
        ],
    ),
    (
        "commitments_propose_split",
        &[
            ("contribution", Arg::FinancialContribution),
            ("count", Arg::Count),
        ],
    ),
    ("diagnostic_get", &[("allianceId", Arg::AllianceId)]),
    (
        "diagnostic_save_needs",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::DiagnosticNeedsDraft),
        ],
    ),
    (
        "swot_item_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::SwotItemDraft),
        ],
    ),
    (
        "swot_item_update",
        &[("itemId", Arg::Text), ("draft", Arg::SwotItemDraft)],
    ),
    ("swot_item_delete", &[("itemId", Arg::Text)]),
    (
        "swot_item_move",
        &[
            ("itemId", Arg::Text),
            ("quadrant", Arg::SwotQuadrant),
            ("index", Arg::Count),
        ],
    ),
    ("diagnostic_export_pdf", &[("allianceId", Arg::AllianceId)]),
    ("evaluation_overview", &[("allianceId", Arg::AllianceId)]),
    ("evaluation_summary", &[("allianceId", Arg::AllianceId)]),
    (
        "evaluation_indicator",
        &[("allianceId", Arg::AllianceId), ("indicatorId", Arg::Text)],
    ),
    (
        "evaluation_frame_save",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::EvaluationFrameDraft),
        ],
    ),
    (
        "indicator_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::IndicatorDraft),
        ],
    ),
    (
        "indicator_update",
        &[("id", Arg::Text), ("draft", Arg::IndicatorDraft)],
    ),
    ("indicator_delete", &[("id", Arg::Text)]),
    (
        "measurement_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::MeasurementDraft),
        ],
    ),
    (
        "measurement_update",
        &[("id", Arg::Text), ("draft", Arg::MeasurementDraft)],
    ),
    ("measurement_delete", &[("id", Arg::Text)]),
    (
        "gap_analysis_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::GapAnalysisDraft),
        ],
    ),
    (
        "gap_analysis_update",
        &[("id", Arg::Text), ("draft", Arg::GapAnalysisDraft)],
    ),
    ("gap_analysis_delete", &[("id", Arg::Text)]),
    (
        "evaluation_csv_export",
        &[
            ("allianceId", Arg::AllianceId),
            ("which", Arg::EvaluationCsv),
        ],
    ),
    ("evaluation_csv_preview", &[("allianceId", Arg::AllianceId)]),
    ("evaluation_csv_import", &[("allianceId", Arg::AllianceId)]),
    (
        "evaluation_report_export",
        &[
            ("allianceId", Arg::AllianceId),
            ("format", Arg::ExportFormat),
        ],
    ),
    ("model_advisor_get", &[("allianceId", Arg::AllianceId)]),
    (
        "model_advisor_save",
        &[
            ("allianceId", Arg::AllianceId),
            ("answers", Arg::AdvisorAnswers),
        ],
    ),
    (
        "model_advisor_recommend",
        &[("answers", Arg::AdvisorAnswers)],
    ),
    ("alliance_progress", &[("allianceId", Arg::AllianceId)]),
    ("objectives_overview", &[("allianceId", Arg::AllianceId)]),
    (
        "objectives_frame_save",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::ObjectivesFrameDraft),
        ],
    ),
    (
        "strategic_objective_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::StrategicObjectiveDraft),
        ],
    ),
    (
        "strategic_objective_update",
        &[("id", Arg::Text), ("draft", Arg::StrategicObjectiveDraft)],
    ),
    (
        "strategic_objective_move",
        &[("id", Arg::Text), ("toPosition", Arg::Count)],
    ),
    (
        "strategic_gap_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::StrategicGapDraft),
        ],
    ),
    (
        "strategic_gap_update",
        &[("id", Arg::Text), ("draft", Arg::StrategicGapDraft)],
    ),
    ("strategic_gap_delete", &[("id", Arg::Text)]),
    (
        "operational_objective_add",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::OperationalObjectiveDraft),
        ],
    ),
    (
        "operational_objective_update",
        &[("id", Arg::Text), ("draft", Arg::OperationalObjectiveDraft)],
    ),
    (
        "objective_delete",
        &[
            ("allianceId", Arg::AllianceId),
            ("objective", Arg::ObjectiveRef),
            ("fate", Arg::IndicatorFate),
        ],
    ),
    ("smart_check", &[("draft", Arg::OperationalObjectiveDraft)]),
    ("dossier_get", &[("allianceId", Arg::AllianceId)]),
    (
        "dossier_save_texts",
        &[
            ("allianceId", Arg::AllianceId),
            ("texts", Arg::DossierTexts),
        ],
    ),
    (
        "dossier_figure_add",
        &[("allianceId", Arg::AllianceId), ("draft", Arg::FigureDraft)],
    ),
    (
        "dossier_figure_update",
        &[
            ("allianceId", Arg::AllianceId),
            ("figureId", Arg::Text),
            ("draft", Arg::FigureDraft),
        ],
    ),
    (
        "dossier_figure_delete",
        &[("allianceId", Arg::AllianceId), ("figureId", Arg::Text)],
    ),
    (
        "dossier_figures_reorder",
        &[
            ("allianceId", Arg::AllianceId),
            ("figureIds", Arg::TextList),
        ],
    ),
    ("dossier_export_pdf", &[("allianceId", Arg::AllianceId)]),
    ("document_list", &[("allianceId", Arg::AllianceId)]),
    (
        "document_create",
        &[
            ("allianceId", Arg::AllianceId),
            ("kind", Arg::DocumentKind),
            ("settings", Arg::DocumentSettings),
        ],
    ),
    (
        "document_update",
        &[("id", Arg::DocumentId), ("settings", Arg::DocumentSettings)],
    ),
    (
        "document_change_clause",
        &[
            ("id", Arg::DocumentId),
            ("clauseId", Arg::Text),
            ("change", Arg::ClauseChange),
        ],
    ),
    (
        "document_set_status",
        &[
            ("id", Arg::DocumentId),
            ("status", Arg::DocumentStatus),
            ("confirmed", Arg::Bool),
        ],
    ),
    ("document_return_to_draft", &[("id", Arg::DocumentId)]),
    (
        "document_record_signature",
        &[("id", Arg::DocumentId), ("signature", Arg::SignatureDraft)],
    ),
    ("document_delete", &[("id", Arg::DocumentId)]),
    ("document_clauses", &[("id", Arg::DocumentId)]),
    ("document_preview", &[("id", Arg::DocumentId)]),
    (
        "document_export",
        &[("id", Arg::DocumentId), ("format", Arg::ExportFormat)],
    ),
    ("document_open_for_print", &[("id", Arg::DocumentId)]),
    (
        "document_annex_attach",
        &[("documentId", Arg::DocumentId), ("annexId", Arg::Text)],
    ),
    (
        "document_annex_detach",
        &[("documentId", Arg::DocumentId), ("annexId", Arg::Text)],
    ),
    ("document_annex_files", &[("documentId", Arg::DocumentId)]),
    (
        "draft_save",
        &[("key", Arg::FormDraftKey), ("content", Arg::Text)],
    ),
    ("draft_list", &[]),
    ("draft_clear", &[("key", Arg::FormDraftKey)]),
    ("settings_get", &[]),
    ("settings_save", &[("settings", Arg::Settings)]),
    ("settings_set_text_scale", &[("percent", Arg::Percent)]),
    ("settings_apply_text_scale", &[]),
    ("window_set_text_scale", &[("percent", Arg::Percent)]),
];

/// The commands whose store call runs the key derivation (slow on purpose), and those
/// that render a whole document: fewer cases by default.
pub const SLOW: &[&str] = &[
    "vault_create",
    "vault_unlock",
    "vault_recover",
    "vault_change_passphrase",
    "vault_new_recovery_key",
    "save_recovery_kit",
    "backup_save_as",
    "backup_preview",
    "backup_restore",
    "document_export",
    "document_open_for_print",
];

/// The TypeScript the app's bindings are generated as.
pub fn bindings() -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bindings.ts");
    allia_app::specta_builder()
        .export(specta_typescript::Typescript::default(), &path)
        .expect("export bindings");
    std::fs::read_to_string(&path).expect("read bindings")
}

/// `(command, [(argument, TypeScript type)])` for each command in the bindings: each
/// command is one line `name: (arg: Type, …) => … __TAURI_INVOKE…("command", …)`.
pub fn registered(bindings: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for line in bindings.lines() {
        let Some(at) = line.find("__TAURI_INVOKE") else {
            continue;
        };
        if line.trim_start().starts_with("import") {
            continue;
        }
        let after = &line[at..];
        let Some(open) = after.find("(\"") else {
            continue;
        };
        let name: String = after[open + 2..]
            .chars()
            .take_while(|&c| c != '"')
            .collect();
        let params = line
            .split_once(": (")
            .and_then(|(_, rest)| rest.split_once(") =>"))
            .map(|(params, _)| params)
            .unwrap_or("");
        let args = params
            .split(", ")
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once(": "))
            .map(|(n, t)| (n.trim().to_string(), t.trim().to_string()))
            .collect();
        out.push((name, args));
    }
    out
}
