//! The dossier de présentation of an alliance's project: step 2 of « Construire une
//! alliance en 5 étapes », « Formaliser le projet » (guide, section 3): « qualifier et
//! quantifier le besoin social, démontrer la nécessité d'une réponse collective,
//! argumenter sur le projet et son contexte à partir de données d'analyse, mobiliser les
//! acteurs clés y compris les bénéficiaires dès le départ ».
//!
//! Two records: the dossier's texts, one per alliance, and its key figures (« chiffres
//! clés »), each with its value, unit, year and source, ordered by position.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{optional_multiline_text, optional_text, text, ValidationErrors};

mod decimal;
mod demo;
#[cfg(test)]
mod tests;

pub use decimal::{format_french_decimal, parse_decimal};
pub use demo::demo_dossier;

/// Longest text of a dossier section, in characters.
pub const DOSSIER_TEXT_MAX: usize = 20_000;
/// Longest label of a figure, in characters.
pub const FIGURE_LABEL_MAX: usize = 200;
/// Longest unit of a figure (« habitants », « % », « € par an »), in characters.
pub const FIGURE_UNIT_MAX: usize = 40;
/// Longest source name and details, in characters.
pub const FIGURE_SOURCE_MAX: usize = 300;
/// Longest link, in characters.
pub const FIGURE_LINK_MAX: usize = 2_000;
/// Most figures one dossier holds.
pub const FIGURES_MAX: usize = 100;
/// Earliest year a figure may describe: a typo guard, not a business limit.
pub const FIGURE_YEAR_MIN: i32 = 1900;
/// Latest year a figure may describe (projections included).
pub const FIGURE_YEAR_MAX: i32 = 2100;

/// The texts of the dossier de présentation, each section of the guide's step 2 as
/// written by the association. Every field optional: the dossier is written over time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DossierTexts {
    /// « Qualifier le besoin social »: who needs what, where, and why it matters.
    #[serde(default)]
    pub social_need: Option<String>,
    /// « Démontrer la nécessité d'une réponse collective »: why no organisation alone
    /// can answer it.
    #[serde(default)]
    pub collective_response: Option<String>,
    /// « Argumenter sur le projet et son contexte à partir de données d'analyse ».
    #[serde(default)]
    pub argument: Option<String>,
    /// « Mobiliser les acteurs clés y compris les bénéficiaires dès le départ ».
    #[serde(default)]
    pub key_actors: Option<String>,
}

impl DossierTexts {
    /// Each text cleaned ([`crate::text::clean_multiline`]: NFC, line breaks as `\n`,
    /// control characters refused), trimmed, capped at [`DOSSIER_TEXT_MAX`]; empty
    /// becomes `None`. Errors on `socialNeed`, `collectiveResponse`, `argument`,
    /// `keyActors`, in French.
    pub fn validated(&self) -> Result<DossierTexts, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let social_need = optional_multiline_text(
            &mut errors,
            "socialNeed",
            &self.social_need,
            DOSSIER_TEXT_MAX,
        );
        let collective_response = optional_multiline_text(
            &mut errors,
            "collectiveResponse",
            &self.collective_response,
            DOSSIER_TEXT_MAX,
        );
        let argument =
            optional_multiline_text(&mut errors, "argument", &self.argument, DOSSIER_TEXT_MAX);
        let key_actors =
            optional_multiline_text(&mut errors, "keyActors", &self.key_actors, DOSSIER_TEXT_MAX);
        errors.into_result(DossierTexts {
            social_need,
            collective_response,
            argument,
            key_actors,
        })
    }

    /// Whether no section is written yet.
    pub fn is_empty(&self) -> bool {
        self.social_need.is_none()
            && self.collective_response.is_none()
            && self.argument.is_none()
            && self.key_actors.is_none()
    }
}

/// The stored texts of one alliance's dossier (one record per alliance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProjectDossier {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub texts: DossierTexts,
}

/// Where a figure comes from: the kinds of source the guide names for « données
/// d'analyse » (DOMAIN.md, « Sources de données »: INSEE, open data, own survey).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum FigureSourceKind {
    /// The Institut national de la statistique et des études économiques.
    #[default]
    Insee,
    /// Published open data (data.gouv.fr, a territory's open data portal…).
    OpenData,
    /// A survey or count made by the association or its partners.
    OwnSurvey,
    Other,
}

impl FigureSourceKind {
    pub const ALL: [FigureSourceKind; 4] =
        [Self::Insee, Self::OpenData, Self::OwnSurvey, Self::Other];

    /// The French label shown in lists and printed in the dossier.
    pub fn label(self) -> &'static str {
        match self {
            Self::Insee => "INSEE",
            Self::OpenData => "Données ouvertes",
            Self::OwnSurvey => "Enquête propre",
            Self::Other => "Autre",
        }
    }

    /// A hint on what to write as the source's name and details.
    pub fn help(self) -> &'static str {
        match self {
            Self::Insee => "Nommez la publication ou la base (ex.\u{a0}: recensement de la population, Filosofi).",
            Self::OpenData => "Nommez le jeu de données et qui le publie (ex.\u{a0}: data.gouv.fr, portail de la métropole).",
            Self::OwnSurvey => "Dites qui l’a menée, auprès de qui et quand (ex.\u{a0}: questionnaire auprès de 120\u{a0}familles).",
            Self::Other => "Nommez la source précisément (rapport, étude, organisme).",
        }
    }
}

/// One key figure as the user types it. `value` is French input (« 12,5 »,
/// « 1 250 ») and becomes a canonical decimal (« 12.5 », « 1250 ») once validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FigureDraft {
    /// What is counted (« Familles monoparentales du quartier »).
    pub label: String,
    /// The number, exactly: a canonical decimal string once validated (a dot before the
    /// decimals, no grouping, no sign for zero, no trailing zeros), never a float.
    pub value: String,
    /// The unit (« habitants », « % », « € »); optional for a plain count.
    #[serde(default)]
    pub unit: Option<String>,
    /// The year the figure describes (four digits).
    pub year: i32,
    pub source_kind: FigureSourceKind,
    /// The source's name and details (« INSEE, recensement 2021, IRIS Les Tilleuls »).
    pub source: String,
    /// An optional http(s) link to the source.
    #[serde(default)]
    pub link: Option<String>,
}

impl FigureDraft {
    /// The figure cleaned and checked, every problem at once, in French: `label`,
    /// `value` ([`parse_decimal`]), `unit`, `year` (between [`FIGURE_YEAR_MIN`] and
    /// [`FIGURE_YEAR_MAX`]), `source` required, `link` an http or https address.
    pub fn validated(&self) -> Result<FigureDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let label = text(
            &mut errors,
            "label",
            &self.label,
            Some("ce que mesure ce chiffre"),
            FIGURE_LABEL_MAX,
        );
        let value = match parse_decimal(&self.value) {
            Ok(v) => v,
            Err(message) => {
                errors.push("value", message);
                String::new()
            }
        };
        let unit = optional_text(&mut errors, "unit", &self.unit, FIGURE_UNIT_MAX);
        if !(FIGURE_YEAR_MIN..=FIGURE_YEAR_MAX).contains(&self.year) {
            errors.push(
                "year",
                format!(
                    "Indiquez l’année du chiffre sur quatre chiffres, entre {FIGURE_YEAR_MIN} et {FIGURE_YEAR_MAX}."
                ),
            );
        }
        let source = text(
            &mut errors,
            "source",
            &self.source,
            Some("la source du chiffre\u{a0}: un financeur voudra la vérifier"),
            FIGURE_SOURCE_MAX,
        );
        let link = optional_text(&mut errors, "link", &self.link, FIGURE_LINK_MAX);
        if let Some(link) = &link {
            if !is_web_link(link) {
                errors.push(
                    "link",
                    "Ce lien n’est pas une adresse web\u{a0}: il commence par «\u{a0}https://\u{a0}» ou «\u{a0}http://\u{a0}» et ne contient pas d’espace.",
                );
            }
        }
        errors.into_result(FigureDraft {
            label,
            value,
            unit,
            year: self.year,
            source_kind: self.source_kind,
            source,
            link,
        })
    }
}

/// Whether `s` is an absolute http or https address with a host: no whitespace, no
/// control character, a host of letters, digits, dots, hyphens (or a bracketed IPv6
/// address), an optional port.
pub fn is_web_link(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else {
        return false;
    };
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // Credentials in a link are refused: a printed dossier never carries them.
    if authority.contains('@') {
        return false;
    }
    let host = if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => &authority[..=end],
            None => return false,
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => {
                if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
                    return false;
                }
                host
            }
            None => authority,
        }
    };
    if host.starts_with('[') {
        return host.len() > 2;
    }
    !host.is_empty()
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A stored key figure of one alliance's dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DossierFigure {
    pub id: String,
    pub alliance_id: String,
    /// Its place in the table, from 0.
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: FigureDraft,
}

/// Everything the dossier holds for one alliance: its texts (`None` before anything is
/// written) and its figures in table order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DossierContent {
    pub dossier: Option<ProjectDossier>,
    pub figures: Vec<DossierFigure>,
}

/// Checks that `ids` names every figure of `current` exactly once, for a reorder.
/// The message is French; `None` when it does.
pub fn reorder_problem(current: &[&str], ids: &[String]) -> Option<String> {
    let mut wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut have: Vec<&str> = current.to_vec();
    wanted.sort_unstable();
    have.sort_unstable();
    (wanted != have).then(|| {
        "La liste des chiffres a changé entre-temps\u{a0}: rechargez le dossier puis recommencez."
            .to_string()
    })
}
