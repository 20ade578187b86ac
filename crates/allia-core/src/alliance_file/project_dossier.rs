//! The alliance file's `projectDossier` (format 2, an additive root field): the texts of
//! the dossier de présentation (guide, step 2) and its key figures, each record with its
//! id and dates. A file without it imports as an alliance without a dossier.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::project_dossier::{
    DossierContent, DossierFigure, DossierTexts, FigureDraft, FigureSourceKind, ProjectDossier,
    FIGURES_MAX,
};
use crate::validation::{too_many_message, ValidationErrors};

/// The dossier as the file carries it: the texts' record (id, dates, the four texts)
/// and the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileProjectDossier {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// « Qualifier le besoin social ».
    #[serde(default)]
    pub social_need: Option<String>,
    /// « Démontrer la nécessité d'une réponse collective ».
    #[serde(default)]
    pub collective_response: Option<String>,
    /// « Argumenter sur le projet et son contexte ».
    #[serde(default)]
    pub argument: Option<String>,
    /// « Mobiliser les acteurs clés y compris les bénéficiaires ».
    #[serde(default)]
    pub key_actors: Option<String>,
    /// The key figures; `position` orders them (from 0). Not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<FileFigure>,
}

/// One key figure: id and dates, its place, then the fields of [`FigureDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileFigure {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From 0, the figure's row in the table.
    pub position: u32,
    pub label: String,
    /// A canonical decimal string (« 1250.5 »), never a JSON number: kept exactly.
    pub value: String,
    #[serde(default)]
    pub unit: Option<String>,
    pub year: i32,
    pub source_kind: FigureSourceKind,
    pub source: String,
    #[serde(default)]
    pub link: Option<String>,
}

impl FileProjectDossier {
    /// The file's dossier from a stored one; `None` when nothing is stored, so that a
    /// file without a dossier is written as before.
    pub fn of(content: &DossierContent) -> Option<FileProjectDossier> {
        let dossier = content.dossier.as_ref()?;
        let DossierTexts {
            social_need,
            collective_response,
            argument,
            key_actors,
        } = dossier.texts.clone();
        Some(FileProjectDossier {
            id: dossier.id.clone(),
            created_at: dossier.created_at,
            updated_at: dossier.updated_at,
            social_need,
            collective_response,
            argument,
            key_actors,
            figures: content.figures.iter().map(FileFigure::of).collect(),
        })
    }

    /// The fields the user edits.
    pub fn texts(&self) -> DossierTexts {
        DossierTexts {
            social_need: self.social_need.clone(),
            collective_response: self.collective_response.clone(),
            argument: self.argument.clone(),
            key_actors: self.key_actors.clone(),
        }
    }

    /// The dossier to store for alliance `alliance_id`, ids and dates as in the file.
    pub fn to_content(&self, alliance_id: &str) -> DossierContent {
        DossierContent {
            dossier: Some(ProjectDossier {
                id: self.id.clone(),
                alliance_id: alliance_id.to_string(),
                created_at: self.created_at,
                updated_at: self.updated_at,
                texts: self.texts(),
            }),
            figures: self
                .figures
                .iter()
                .map(|f| DossierFigure {
                    id: f.id.clone(),
                    alliance_id: alliance_id.to_string(),
                    position: f.position,
                    created_at: f.created_at,
                    updated_at: f.updated_at,
                    draft: f.draft(),
                })
                .collect(),
        }
    }

    /// Checked for import, fields under `projectDossier.`: the texts and each figure
    /// (`projectDossier.figures.N.`, N from 1) valid by the forms' rules (a figure's
    /// value read as [`crate::project_dossier::parse_decimal`] reads it), each id
    /// checked by `check_id` (a UUID used once in the file), at most [`FIGURES_MAX`]
    /// figures. Positions are renumbered from 0 in the order of position (equal ones
    /// in the file's order). `None` when something is wrong (in `errors`).
    pub(super) fn validated(
        &self,
        errors: &mut ValidationErrors,
        mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
    ) -> Option<FileProjectDossier> {
        let before = errors.0.len();
        check_id(errors, "projectDossier.id", &self.id);
        let texts = match self.texts().validated() {
            Ok(texts) => texts,
            Err(e) => {
                errors.extend_prefixed("projectDossier", e);
                DossierTexts::default()
            }
        };
        if self.figures.len() > FIGURES_MAX {
            errors.push(
                "projectDossier.figures",
                too_many_message("chiffres clés", FIGURES_MAX, self.figures.len()),
            );
        }
        let mut figures = Vec::with_capacity(self.figures.len());
        for (index, figure) in self.figures.iter().enumerate() {
            let prefix = format!("projectDossier.figures.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &figure.id);
            match figure.draft().validated() {
                Ok(draft) => figures.push(figure.with_draft(draft)),
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        // Stable: equal positions keep the file's order.
        figures.sort_by_key(|f| f.position);
        for (position, figure) in figures.iter_mut().enumerate() {
            figure.position = u32::try_from(position).unwrap_or(u32::MAX);
        }
        let DossierTexts {
            social_need,
            collective_response,
            argument,
            key_actors,
        } = texts;
        (errors.0.len() == before).then(|| FileProjectDossier {
            social_need,
            collective_response,
            argument,
            key_actors,
            figures,
            ..self.clone()
        })
    }
}

impl FileFigure {
    /// The file's figure from a stored one.
    pub fn of(figure: &DossierFigure) -> FileFigure {
        FileFigure {
            id: figure.id.clone(),
            created_at: figure.created_at,
            updated_at: figure.updated_at,
            position: figure.position,
            ..FileFigure::from_draft(figure.draft.clone())
        }
    }

    fn from_draft(draft: FigureDraft) -> FileFigure {
        let FigureDraft {
            label,
            value,
            unit,
            year,
            source_kind,
            source,
            link,
        } = draft;
        FileFigure {
            id: String::new(),
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
            position: 0,
            label,
            value,
            unit,
            year,
            source_kind,
            source,
            link,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> FigureDraft {
        FigureDraft {
            label: self.label.clone(),
            value: self.value.clone(),
            unit: self.unit.clone(),
            year: self.year,
            source_kind: self.source_kind,
            source: self.source.clone(),
            link: self.link.clone(),
        }
    }

    fn with_draft(&self, draft: FigureDraft) -> FileFigure {
        FileFigure {
            id: self.id.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            position: self.position,
            ..FileFigure::from_draft(draft)
        }
    }
}
