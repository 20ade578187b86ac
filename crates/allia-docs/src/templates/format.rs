//! The clause model files (`crates/allia-docs/templates/*.clauses`) and their parser.
//! The format is described in the module documentation of `templates`.

use allia_core::DocumentKind;

use super::context::SUBSIDY_THRESHOLD_CENTS;
use super::error::TemplateError;
use super::typography::format_whole_euros;

const CONVENTION: &str = include_str!("../../templates/convention.clauses");
const CHARTE: &str = include_str!("../../templates/charte.clauses");
const CONSORTIUM: &str = include_str!("../../templates/consortium.clauses");

/// A condition evaluated in Rust on the document context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// A local authority or the State grants a subsidy, in money or in kind (loi
    /// n° 2000-321, article 9-1), whatever its role, or takes part as a funder: the
    /// Contrat d’engagement républicain applies (same loi, article 10-1).
    PublicFunder,
    /// The annual amount of the subsidy one public funder grants exceeds
    /// [`SUBSIDY_THRESHOLD_CENTS`] (décret n° 2001-495, article 1: `annual_cents` of
    /// `subsidies` in the context; `subsidy_cents` when a context built by hand has no
    /// per-funder amounts).
    SubsidyOverThreshold,
    /// The document has annexes (generated from the data or listed by the user).
    Annexes,
}

impl Condition {
    pub fn from_name(name: &str) -> Option<Condition> {
        match name {
            "public_funder" => Some(Self::PublicFunder),
            "subsidy_over_threshold" => Some(Self::SubsidyOverThreshold),
            "annexes" => Some(Self::Annexes),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::PublicFunder => "public_funder",
            Self::SubsidyOverThreshold => "subsidy_over_threshold",
            Self::Annexes => "annexes",
        }
    }

    /// When the clause is included, in words the user reads next to it.
    pub fn description(self) -> String {
        match self {
            Self::PublicFunder => {
                "Incluse lorsqu’une collectivité territoriale ou l’État accorde une subvention \
                 (en argent ou en nature) ou participe comme financeur."
                    .into()
            }
            Self::SubsidyOverThreshold => format!(
                "Incluse lorsque le montant annuel de la subvention d’un financeur public \
                 dépasse {}.",
                format_whole_euros(SUBSIDY_THRESHOLD_CENTS)
            ),
            Self::Annexes => "Incluse lorsque le document a des annexes.".into(),
        }
    }
}

/// Whether a clause can be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Mandatory,
    Optional { default_on: bool },
    Conditional(Condition),
}

/// One clause of a document model, as written in its model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseDef {
    pub id: String,
    pub title: String,
    /// Heading printed instead of the title (for unnumbered sections).
    pub heading: Option<String>,
    pub kind: ClauseKind,
    /// Numbered article (default) or unnumbered section (parties, préambule).
    pub numbered: bool,
    /// Expands into one sub-article per party, titled by `item_title`.
    pub per_party: bool,
    pub item_title: String,
    /// minijinja template producing mini-markup.
    pub body: String,
}

/// A parsed document model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub kind: DocumentKind,
    /// Printed before the first numbered article (« Il a été convenu ce qui suit : »).
    pub agreed: String,
    pub clauses: Vec<ClauseDef>,
}

impl Model {
    pub fn clause(&self, id: &str) -> Option<&ClauseDef> {
        self.clauses.iter().find(|c| c.id == id)
    }
}

/// The model of one kind of document.
pub fn model(kind: DocumentKind) -> Result<Model, TemplateError> {
    let source = match kind {
        DocumentKind::PartnershipAgreement => CONVENTION,
        DocumentKind::PartnershipCharter => CHARTE,
        DocumentKind::ConsortiumAgreement => CONSORTIUM,
    };
    parse(kind, source).map_err(|detail| TemplateError::InvalidModel {
        document: kind.label().to_string(),
        detail,
    })
}

#[derive(Default)]
struct Draft {
    id: String,
    line: usize,
    fields: Vec<(String, String)>,
    body: Vec<String>,
}

/// Parses a model file; the error is a description for developers.
pub fn parse(kind: DocumentKind, source: &str) -> Result<Model, String> {
    let mut agreed = String::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut in_document = false;
    let mut in_header = false;
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        if let Some(id) = line.strip_prefix("@clause ") {
            drafts.push(Draft {
                id: id.trim().to_string(),
                line: number,
                ..Draft::default()
            });
            in_header = true;
            in_document = false;
        } else if line.trim() == "@document" {
            if !drafts.is_empty() {
                return Err(format!(
                    "ligne {number} : @document doit précéder les clauses"
                ));
            }
            in_document = true;
        } else if let Some(draft) = drafts.last_mut() {
            if in_header {
                if line.trim().is_empty() {
                    in_header = false;
                } else if !line.starts_with('#') {
                    draft.fields.push(field(line, number)?);
                }
            } else {
                draft.body.push(line.to_string());
            }
        } else if in_document && !line.trim().is_empty() && !line.starts_with('#') {
            let (key, value) = field(line, number)?;
            match key.as_str() {
                "agreed" => agreed = value,
                other => return Err(format!("ligne {number} : champ inconnu « {other} »")),
            }
        } else if !line.trim().is_empty() && !line.starts_with('#') {
            return Err(format!("ligne {number} : texte hors d’une clause"));
        }
    }
    let mut clauses: Vec<ClauseDef> = Vec::new();
    for draft in drafts {
        let clause = clause(draft)?;
        if clauses.iter().any(|c| c.id == clause.id) {
            return Err(format!("la clause « {} » est définie deux fois", clause.id));
        }
        clauses.push(clause);
    }
    if clauses.is_empty() {
        return Err("aucune clause".into());
    }
    Ok(Model {
        kind,
        agreed,
        clauses,
    })
}

fn field(line: &str, number: usize) -> Result<(String, String), String> {
    let (key, value) = line
        .split_once(':')
        .ok_or_else(|| format!("ligne {number} : « clé: valeur » attendu"))?;
    Ok((key.trim().to_string(), value.trim().to_string()))
}

fn yes_no(value: &str, at: &str) -> Result<bool, String> {
    match value {
        "yes" | "on" => Ok(true),
        "no" | "off" => Ok(false),
        other => Err(format!("{at} : « {other} » au lieu de yes/no")),
    }
}

fn clause(draft: Draft) -> Result<ClauseDef, String> {
    let at = format!("clause « {} » (ligne {})", draft.id, draft.line);
    let valid_id = !draft.id.is_empty()
        && draft
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid_id {
        return Err(format!("{at} : identifiant invalide"));
    }
    let mut title = None;
    let mut heading = None;
    let mut kind_name = None;
    let mut default_on = true;
    let mut condition = None;
    let mut numbered = true;
    let mut per_party = false;
    let mut item_title = String::new();
    for (key, value) in draft.fields {
        match key.as_str() {
            "title" => title = Some(value),
            "heading" => heading = Some(value),
            "kind" => kind_name = Some(value),
            "default" => default_on = yes_no(&value, &at)?,
            "condition" => {
                condition = Some(
                    Condition::from_name(&value)
                        .ok_or_else(|| format!("{at} : condition inconnue « {value} »"))?,
                )
            }
            "numbered" => numbered = yes_no(&value, &at)?,
            "per" => {
                if value != "party" {
                    return Err(format!("{at} : « per » vaut « party »"));
                }
                per_party = true;
            }
            "item_title" => item_title = value,
            other => return Err(format!("{at} : champ inconnu « {other} »")),
        }
    }
    let title = title
        .filter(|t| !t.is_empty())
        .ok_or_else(|| format!("{at} : titre manquant"))?;
    let kind = match (kind_name.as_deref(), condition) {
        (Some("mandatory"), None) => ClauseKind::Mandatory,
        (Some("optional"), None) => ClauseKind::Optional { default_on },
        (Some("conditional"), Some(c)) => ClauseKind::Conditional(c),
        _ => return Err(format!("{at} : « kind » ou « condition » incohérent")),
    };
    if per_party && (item_title.is_empty() || !numbered) {
        return Err(format!(
            "{at} : « per: party » demande item_title et un article numéroté"
        ));
    }
    let body = draft.body.join("\n").trim().to_string();
    Ok(ClauseDef {
        id: draft.id,
        title,
        heading,
        kind,
        numbered,
        per_party,
        item_title,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_models_parse() {
        for kind in DocumentKind::ALL {
            let model = model(kind).expect("valid model");
            assert!(model.clauses.len() >= 7, "{kind:?}");
            assert!(!model.agreed.is_empty());
        }
    }

    #[test]
    fn the_threshold_in_words_is_the_constant() {
        assert_eq!(
            Condition::SubsidyOverThreshold.description(),
            "Incluse lorsque le montant annuel de la subvention d’un financeur public dépasse \
             23\u{202f}000\u{202f}€."
        );
    }

    #[test]
    fn format() {
        let src = "# comment\n@document\nagreed: Convenu :\n\n@clause objet\ntitle: Objet\n\
                   kind: optional\ndefault: off\n\nLigne 1\n\n# pas un commentaire\n\n\
                   @clause eng\ntitle: Engagements\nkind: conditional\ncondition: public_funder\n\
                   per: party\nitem_title: De {{ party.name }}\n\nCorps\n";
        let model = parse(DocumentKind::PartnershipCharter, src).expect("parses");
        assert_eq!(model.agreed, "Convenu :");
        assert_eq!(
            model.clauses[0].kind,
            ClauseKind::Optional { default_on: false }
        );
        assert_eq!(model.clauses[0].body, "Ligne 1\n\n# pas un commentaire");
        assert_eq!(
            model.clauses[1].kind,
            ClauseKind::Conditional(Condition::PublicFunder)
        );
        assert!(model.clauses[1].per_party);
        assert_eq!(model.clauses[1].body, "Corps");
    }

    #[test]
    fn malformed_models_are_reported() {
        let k = DocumentKind::PartnershipCharter;
        for src in [
            "",
            "texte\n",
            "@clause Objet\ntitle: x\nkind: mandatory\n",
            "@clause a\nkind: mandatory\n",
            "@clause a\ntitle: A\nkind: conditional\n",
            "@clause a\ntitle: A\nkind: conditional\ncondition: lune\n",
            "@clause a\ntitle: A\nkind: mandatory\nper: party\n",
            "@clause a\ntitle: A\nkind: mandatory\n\n@clause a\ntitle: B\nkind: mandatory\n",
            "@clause a\ntitle: A\nkind: mandatory\ncouleur: bleu\n",
        ] {
            assert!(parse(k, src).is_err(), "{src}");
        }
    }
}
