//! The alliance file's `diagnostic` (format 2, an additive root field): the needs and
//! the MOFF / SWOT items of the guide's step 1, each record with its id and dates. A file
//! without it imports as an alliance without a diagnostic.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{
    Diagnostic, DiagnosticNeeds, DiagnosticNeedsDraft, SwotItem, SwotItemDraft, SwotQuadrant,
    SWOT_ITEMS_PER_QUADRANT_MAX,
};
use crate::validation::{too_many_message, ValidationErrors};

/// The diagnostic as the file carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileDiagnostic {
    /// The association's needs, `null` when none are written.
    #[serde(default)]
    pub needs: Option<FileDiagnosticNeeds>,
    /// The SWOT items; `position` orders them within their quadrant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<FileSwotItem>,
}

/// The needs: id and dates, then the fields of [`DiagnosticNeedsDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileDiagnosticNeeds {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub strategic_priorities: Option<String>,
    #[serde(default)]
    pub alliance_expectations: Option<String>,
    #[serde(default)]
    pub participation_mode: Option<String>,
}

/// One SWOT item: id and dates, its place, then the fields of [`SwotItemDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileSwotItem {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub quadrant: SwotQuadrant,
    /// From 0 within its quadrant.
    pub position: u32,
    pub text: String,
    /// 1 (secondaire) to 3 (majeure).
    pub importance: u8,
}

impl FileDiagnostic {
    /// The file's diagnostic from a stored one; `None` when it holds nothing, so that a
    /// file without a diagnostic is written as before.
    pub fn of(diagnostic: &Diagnostic) -> Option<FileDiagnostic> {
        if diagnostic.needs.is_none() && diagnostic.items.is_empty() {
            return None;
        }
        Some(FileDiagnostic {
            needs: diagnostic.needs.as_ref().map(|n| {
                let DiagnosticNeedsDraft {
                    strategic_priorities,
                    alliance_expectations,
                    participation_mode,
                } = n.draft.clone();
                FileDiagnosticNeeds {
                    id: n.id.clone(),
                    created_at: n.created_at,
                    updated_at: n.updated_at,
                    strategic_priorities,
                    alliance_expectations,
                    participation_mode,
                }
            }),
            items: diagnostic
                .items
                .iter()
                .map(|i| {
                    let SwotItemDraft {
                        quadrant,
                        text,
                        importance,
                    } = i.draft.clone();
                    FileSwotItem {
                        id: i.id.clone(),
                        created_at: i.created_at,
                        updated_at: i.updated_at,
                        quadrant,
                        position: i.position,
                        text,
                        importance,
                    }
                })
                .collect(),
        })
    }

    /// The diagnostic to store for alliance `alliance_id`, ids and dates as in the file.
    pub fn to_diagnostic(&self, alliance_id: &str) -> Diagnostic {
        Diagnostic {
            needs: self.needs.as_ref().map(|n| DiagnosticNeeds {
                id: n.id.clone(),
                alliance_id: alliance_id.to_string(),
                created_at: n.created_at,
                updated_at: n.updated_at,
                draft: n.draft(),
            }),
            items: self
                .items
                .iter()
                .map(|i| SwotItem {
                    id: i.id.clone(),
                    alliance_id: alliance_id.to_string(),
                    created_at: i.created_at,
                    updated_at: i.updated_at,
                    position: i.position,
                    draft: i.draft(),
                })
                .collect(),
        }
    }

    /// Checked for import, fields under `diagnostic.`: the needs and each item
    /// (`diagnostic.items.N.`, N from 1) valid by the forms' rules, each id checked by
    /// `check_id` (a UUID used once in the file), at most
    /// [`SWOT_ITEMS_PER_QUADRANT_MAX`] items per quadrant. Positions are renumbered from 0
    /// in each quadrant in the file's order of position. `None` when something is wrong
    /// (in `errors`).
    pub(super) fn validated(
        &self,
        errors: &mut ValidationErrors,
        mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
    ) -> Option<FileDiagnostic> {
        let before = errors.0.len();
        let needs = self.needs.as_ref().and_then(|n| {
            check_id(errors, "diagnostic.needs.id", &n.id);
            match n.draft().validated() {
                Ok(draft) => Some(n.with_draft(draft)),
                Err(e) => {
                    errors.extend_prefixed("diagnostic.needs", e);
                    None
                }
            }
        });
        let mut items = Vec::with_capacity(self.items.len());
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("diagnostic.items.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &item.id);
            match item.draft().validated() {
                Ok(draft) => items.push(item.with_draft(draft)),
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        let mut ordered = Vec::with_capacity(items.len());
        for quadrant in SwotQuadrant::ALL {
            let mut these: Vec<FileSwotItem> = items
                .iter()
                .filter(|i| i.quadrant == quadrant)
                .cloned()
                .collect();
            if these.len() > SWOT_ITEMS_PER_QUADRANT_MAX {
                errors.push(
                    "diagnostic.items",
                    too_many_message(
                        &format!("éléments «\u{a0}{}\u{a0}»", quadrant.label()),
                        SWOT_ITEMS_PER_QUADRANT_MAX,
                        these.len(),
                    ),
                );
            }
            // Stable: equal positions keep the file's order.
            these.sort_by_key(|i| i.position);
            for (position, mut item) in these.into_iter().enumerate() {
                item.position = u32::try_from(position).unwrap_or(u32::MAX);
                ordered.push(item);
            }
        }
        (errors.0.len() == before).then_some(FileDiagnostic {
            needs,
            items: ordered,
        })
    }
}

impl FileDiagnosticNeeds {
    /// The fields the user edits.
    pub fn draft(&self) -> DiagnosticNeedsDraft {
        DiagnosticNeedsDraft {
            strategic_priorities: self.strategic_priorities.clone(),
            alliance_expectations: self.alliance_expectations.clone(),
            participation_mode: self.participation_mode.clone(),
        }
    }

    fn with_draft(&self, draft: DiagnosticNeedsDraft) -> FileDiagnosticNeeds {
        let DiagnosticNeedsDraft {
            strategic_priorities,
            alliance_expectations,
            participation_mode,
        } = draft;
        FileDiagnosticNeeds {
            strategic_priorities,
            alliance_expectations,
            participation_mode,
            ..self.clone()
        }
    }
}

impl FileSwotItem {
    /// The fields the user edits.
    pub fn draft(&self) -> SwotItemDraft {
        SwotItemDraft {
            quadrant: self.quadrant,
            text: self.text.clone(),
            importance: self.importance,
        }
    }

    fn with_draft(&self, draft: SwotItemDraft) -> FileSwotItem {
        let SwotItemDraft {
            quadrant,
            text,
            importance,
        } = draft;
        FileSwotItem {
            quadrant,
            text,
            importance,
            ..self.clone()
        }
    }
}
