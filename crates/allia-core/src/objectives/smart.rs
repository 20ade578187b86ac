//! The SMART checker (guide section 4, « Formuler des objectifs opérationnels SMART »:
//! « Utiliser la méthode SMART (Spécifiques, Mesurables, Atteignables, Réalistes,
//! Temporellement définis), aide à formuler des objectifs clairs et réalisables »).
//!
//! It reads an operational objective's structured fields (target, unit, scope, partners,
//! owner, dates) and its wording, and says for each letter whether it holds and, when it
//! does not, why, in French, starting with the letter's label. The guide's own example
//! (« Réduire de 15 % les coûts administratifs des 5 associations membres de l’alliance
//! avant juillet 2026… », with its fields) passes all five; each rule below is written so
//! that one missing piece fails one letter only. Words are compared on their
//! [`collation_key`] (case and accents set aside). What it cannot judge is said to the
//! user by [`SMART_LIMITS`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kinds::SmartCriterion;
use super::records::OperationalObjectiveDraft;
use crate::evaluation::units::{format_date, format_quantity, is_percent};
use crate::text::collation_key;

/// What the checker cannot do, shown by the SMART panel next to the five letters.
pub const SMART_LIMITS: &str = "Ce contrôle vérifie la forme de l’objectif (un verbe d’action précis, une cible chiffrée avec son unité, un responsable, une durée et une échéance plausibles), pas la pertinence de sa cible\u{a0}: il ne dit pas si 15\u{a0}% est ambitieux ou hors de portée, ni si les moyens suivront. C’est à l’équipe et aux partenaires d’en juger.";

/// Fewest words (letters or digits) of a specific wording: fewer cannot say what changes,
/// for whom and how (« Réduire les coûts » is three). The guide's example has 35.
pub const SMART_MIN_WORDS: usize = 6;

/// Shortest span from the start date to the due date, in days, below which the deployment
/// is not realistic (the guide's example: « Réaliste : 7 mois de déploiement »; under a
/// month, nothing that needs several partners gets deployed).
pub const SMART_MIN_SPAN_DAYS: i64 = 30;

/// Longest span, in years, from the start date (or from today without one) to the due
/// date: beyond it the objective is no operational objective any more (the vision's horizon
/// is 3 to 5 years, and the frame refuses a horizon more than ten years ahead).
pub const SMART_MAX_SPAN_YEARS: u32 = 10;

/// How many words from the start of the wording the main verb is looked for in (after a
/// time phrase such as « D’ici juin 2026, réduire… »).
const VERB_WINDOW: usize = 8;

/// Verbs whose result cannot be observed without a figure (the guide's advice: « des
/// objectifs clairs »): with no figure in the wording nor a target value, they fail
/// « Spécifique ». Collation keys.
const VAGUE_VERBS: &[&str] = &[
    "ameliorer",
    "favoriser",
    "developper",
    "renforcer",
    "sensibiliser",
    "accompagner",
    "optimiser",
    "promouvoir",
    "soutenir",
    "faciliter",
    "encourager",
    "valoriser",
    "dynamiser",
    "consolider",
    "contribuer",
    "participer",
    "permettre",
    "viser",
    "tendre",
    "travailler",
    "agir",
    "oeuvrer",
    "veiller",
    "poursuivre",
    "structurer",
    "perenniser",
    "professionnaliser",
    "fluidifier",
];

/// Verbs whose result is observable (collation keys), recognised anywhere in the first
/// [`VERB_WINDOW`] words; another infinitive is recognised as the wording's first word.
const ACTION_VERBS: &[&str] = &[
    "reduire",
    "diminuer",
    "baisser",
    "abaisser",
    "limiter",
    "augmenter",
    "accroitre",
    "doubler",
    "tripler",
    "atteindre",
    "creer",
    "mettre",
    "mutualiser",
    "accueillir",
    "former",
    "recruter",
    "embaucher",
    "organiser",
    "publier",
    "lancer",
    "ouvrir",
    "signer",
    "obtenir",
    "collecter",
    "lever",
    "porter",
    "passer",
    "produire",
    "mobiliser",
    "realiser",
    "installer",
    "deployer",
    "fusionner",
    "rassembler",
    "reunir",
    "distribuer",
    "servir",
    "equiper",
    "construire",
    "recenser",
    "informer",
    "rediger",
    "elaborer",
    "adopter",
    "conclure",
    "generer",
    "economiser",
    "supprimer",
    "remplacer",
    "partager",
    "proposer",
    "faire",
    "heberger",
    "animer",
    "financer",
];

/// Verbs of a decrease: with a target in « % » and no baseline, the target is the size of
/// the decrease, which cannot exceed 100 %.
const REDUCTION_VERBS: &[&str] = &[
    "reduire",
    "diminuer",
    "baisser",
    "abaisser",
    "limiter",
    "economiser",
    "supprimer",
];

/// Nouns and other words ending like an infinitive (-er, -ir, -re, -oir) that often open a
/// wording: not taken for its verb.
const NOT_VERBS: &[&str] = &[
    "partenaire",
    "partenaires",
    "membre",
    "membres",
    "nombre",
    "centre",
    "titre",
    "ordre",
    "cadre",
    "offre",
    "chiffre",
    "premier",
    "dernier",
    "entier",
    "leur",
    "pour",
    "sur",
    "par",
    "notre",
    "votre",
    "autre",
    "entre",
    "contre",
    "hiver",
    "fevrier",
    "janvier",
    "lettre",
    "matiere",
    "filiere",
    "frontiere",
    "territoire",
    "beneficiaire",
    "beneficiaires",
    "benevoles",
    "plaidoyer",
    "loyer",
    "foyer",
    "avenir",
    "devoir",
    "pouvoir",
    "savoir",
    "espoir",
    "trottoir",
    "soir",
    "dossier",
    "atelier",
    "chantier",
    "quartier",
    "metier",
    "papier",
    "fichier",
    "calendrier",
    "budgetaire",
    "prestataire",
    "secretaire",
    "tresorier",
    "tresoriere",
];

/// One letter's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmartLetter {
    pub criterion: SmartCriterion,
    pub passed: bool,
    /// Why it fails, in French, starting with the letter's label (« Mesurable : aucune
    /// valeur cible chiffrée »); `None` when it passes.
    pub reason: Option<String>,
}

/// The five letters, always in S, M, A, R, T order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmartCheck {
    pub letters: Vec<SmartLetter>,
    /// Whether all five pass.
    pub passed: bool,
}

impl SmartCheck {
    /// The verdict of one letter.
    pub fn letter(&self, criterion: SmartCriterion) -> Option<&SmartLetter> {
        self.letters.iter().find(|l| l.criterion == criterion)
    }

    /// The letters that fail, in S, M, A, R, T order.
    pub fn failing(&self) -> Vec<SmartCriterion> {
        self.letters
            .iter()
            .filter(|l| !l.passed)
            .map(|l| l.criterion)
            .collect()
    }
}

/// What the checker verifies for one letter, in French, for the SMART panel's help (the
/// catalog's `smartCriteria`).
pub fn smart_rule(criterion: SmartCriterion) -> &'static str {
    match criterion {
        SmartCriterion::Specific => "Un verbe d’action à l’infinitif en tête (« Réduire », « Créer », « Mutualiser »…), une formulation d’au moins six mots et un périmètre ou des partenaires nommés. Un verbe vague (« améliorer », « favoriser », « développer »…) demande un chiffre, dans la formulation ou la cible.",
        SmartCriterion::Measurable => "Une valeur cible chiffrée avec son unité (« % », « € », « bénéficiaires »…), différente de la valeur de départ quand il y en a une.",
        SmartCriterion::Achievable => "Un partenaire responsable, et une baisse en pourcentage d’au plus 100\u{a0}%.",
        SmartCriterion::Realistic => "Une échéance qui n’est pas déjà passée, au moins un mois entre le début et l’échéance, et au plus dix ans.",
        SmartCriterion::TimeBound => "Une échéance.",
    }
}

/// Checks the form of an operational objective on the five letters, from its structured
/// fields and its wording, as of `today`. Never fails: a draft that is not valid yet
/// (empty wording, no partner) is checked as it is.
pub fn check_smart(draft: &OperationalObjectiveDraft, today: NaiveDate) -> SmartCheck {
    let wording = Wording::read(&draft.wording);
    let letters: Vec<SmartLetter> = SmartCriterion::ALL
        .into_iter()
        .map(|criterion| {
            let reason = match criterion {
                SmartCriterion::Specific => specific(draft, &wording),
                SmartCriterion::Measurable => measurable(draft, &wording),
                SmartCriterion::Achievable => achievable(draft, &wording),
                SmartCriterion::Realistic => realistic(draft, today),
                SmartCriterion::TimeBound => time_bound(draft),
            };
            SmartLetter {
                criterion,
                passed: reason.is_none(),
                reason: reason.map(|r| format!("{}\u{a0}: {r}", criterion.label())),
            }
        })
        .collect();
    SmartCheck {
        passed: letters.iter().all(|l| l.passed),
        letters,
    }
}

/// The wording as the rules read it.
struct Wording {
    /// Collation keys of its words (letters and digits; « l’alliance » is « l », « alliance »).
    words: Vec<String>,
    /// The main verb's collation key and the word as written, if one is found.
    verb: Option<(String, String)>,
    /// Whether it holds a digit.
    has_figure: bool,
}

impl Wording {
    fn read(text: &str) -> Wording {
        let key = collation_key(text);
        let words: Vec<String> = key
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        let written: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let verb = words
            .iter()
            .take(VERB_WINDOW)
            .enumerate()
            .find(|(i, w)| {
                let w = w.as_str();
                ACTION_VERBS.contains(&w)
                    || VAGUE_VERBS.contains(&w)
                    || (*i == 0 && looks_like_infinitive(w))
            })
            .map(|(i, w)| {
                // The written word, when the two splits agree on the words (they do unless
                // a character folds into two words, « œ » does not).
                let shown = written
                    .get(i)
                    .filter(|s| collation_key(s) == *w)
                    .map(|s| s.to_lowercase())
                    .unwrap_or_else(|| w.clone());
                (w.clone(), shown)
            });
        Wording {
            has_figure: text.chars().any(|c| c.is_ascii_digit()),
            words,
            verb,
        }
    }

    fn verb_is(&self, list: &[&str]) -> bool {
        self.verb
            .as_ref()
            .is_some_and(|(key, _)| list.contains(&key.as_str()))
    }
}

/// An infinitive by its ending (« -er », « -ir », « -re », « -oir »), four letters at least,
/// not one of [`NOT_VERBS`], no digit.
fn looks_like_infinitive(word: &str) -> bool {
    word.chars().count() >= 4
        && word.chars().all(char::is_alphabetic)
        && (word.ends_with("er") || word.ends_with("ir") || word.ends_with("re"))
        && !NOT_VERBS.contains(&word)
}

/// S: the guide's « Spécifique : fonctions précises (compta, RH, com) ». The wording says
/// what is done (an action verb), with enough words to say what and for whom, and the
/// objective names who it covers (a scope, or the partners concerned); a vague verb
/// (« améliorer ») only passes with a figure saying how much.
fn specific(draft: &OperationalObjectiveDraft, wording: &Wording) -> Option<String> {
    if wording.words.is_empty() {
        return Some("la formulation est vide.".to_string());
    }
    let Some((_, verb)) = &wording.verb else {
        return Some(
            "aucun verbe d’action en tête de la formulation (« Réduire », « Créer », « Mutualiser »…)."
                .to_string(),
        );
    };
    if wording.verb_is(VAGUE_VERBS) && !wording.has_figure && draft.target_value.is_none() {
        return Some(format!(
            "«\u{a0}{verb}\u{a0}» est vague sans chiffre\u{a0}: dites de combien, pour qui (par exemple «\u{a0}réduire de 15\u{a0}%\u{a0}»)."
        ));
    }
    if wording.words.len() < SMART_MIN_WORDS {
        return Some(format!(
            "formulation trop courte ({} mots)\u{a0}: précisez quoi, pour qui et comment.",
            wording.words.len()
        ));
    }
    let has_scope = draft.scope.as_deref().is_some_and(|s| !s.trim().is_empty());
    if !has_scope && draft.partner_ids.is_empty() {
        return Some("ni périmètre ni partenaire concerné.".to_string());
    }
    None
}

/// M: the guide's « Mesurable : 15 % réduction, 5 associations ». A numeric target with
/// its unit; a before → after whose after equals its before measures nothing.
fn measurable(draft: &OperationalObjectiveDraft, wording: &Wording) -> Option<String> {
    let Some(target) = draft.target_value.filter(|v| v.is_finite()) else {
        return Some(if wording.has_figure {
            "aucune valeur cible chiffrée (le chiffre de la formulation n’est pas reporté dans la cible).".to_string()
        } else {
            "aucune valeur cible chiffrée.".to_string()
        });
    };
    let unit = draft.unit.as_deref().map(str::trim).unwrap_or("");
    if unit.is_empty() {
        return Some(
            "la valeur cible n’a pas d’unité (« % », « € », « bénéficiaires »…).".to_string(),
        );
    }
    if draft.baseline_value == Some(target) {
        return Some(format!(
            "la cible ({}) est égale à la valeur de départ\u{a0}: rien ne change.",
            format_quantity(target, unit)
        ));
    }
    None
}

/// A: the guide's « Atteignable : mutualisation de fonctions existantes ». Someone answers
/// for it (a partner responsible), and it is not impossible on its face: a decrease
/// expressed in % (a decrease verb, a target in « % », no baseline) of more than 100 %.
fn achievable(draft: &OperationalObjectiveDraft, wording: &Wording) -> Option<String> {
    let has_owner = draft
        .owner_partner_id
        .as_deref()
        .is_some_and(|id| !id.trim().is_empty());
    if !has_owner {
        return Some("aucun partenaire responsable.".to_string());
    }
    let percent = draft.unit.as_deref().is_some_and(is_percent);
    if let (Some(target), true, None) = (draft.target_value, percent, draft.baseline_value) {
        if wording.verb_is(REDUCTION_VERBS) && target > 100.0 {
            return Some(format!(
                "une baisse de {} est impossible (au plus 100\u{a0}%).",
                format_quantity(target, "%")
            ));
        }
    }
    None
}

/// R: the guide's « Réaliste : 7 mois de déploiement ». Judged only when there is a due
/// date (its absence is T's): not already past as of `today`, and, with a start date, at
/// least [`SMART_MIN_SPAN_DAYS`] from start to due. An objective that nears its due date
/// is not made unrealistic by the passing days: the span is measured from the start date,
/// never from today. And at most [`SMART_MAX_SPAN_YEARS`] from the start date (from today
/// without one) to due: a deadline in 2099 is no deadline.
fn realistic(draft: &OperationalObjectiveDraft, today: NaiveDate) -> Option<String> {
    let due = draft.due_date?;
    if due < today {
        return Some(format!("échéance déjà passée (le {}).", format_date(due)));
    }
    let from = draft.start_date.unwrap_or(today);
    let too_far = from
        .checked_add_months(chrono::Months::new(SMART_MAX_SPAN_YEARS * 12))
        .is_none_or(|limit| due > limit);
    if too_far && due > from {
        return Some(format!(
            "échéance à plus de {SMART_MAX_SPAN_YEARS}\u{a0}ans {} (le {})\u{a0}: un objectif opérationnel se tient en quelques années.",
            if draft.start_date.is_some() {
                "du début"
            } else {
                "d’aujourd’hui"
            },
            format_date(due)
        ));
    }
    if let Some(start) = draft.start_date {
        let days = (due - start).num_days();
        if days < 0 {
            return Some("l’échéance précède la date de début.".to_string());
        }
        if days < SMART_MIN_SPAN_DAYS {
            return Some(format!(
                "moins d’un mois entre le début et l’échéance ({days}\u{a0}jour{}).",
                if days > 1 { "s" } else { "" }
            ));
        }
    }
    None
}

/// T: the guide's « Temporel : échéance juillet 2026 ». A due date.
fn time_bound(draft: &OperationalObjectiveDraft) -> Option<String> {
    if draft.due_date.is_none() {
        return Some("pas d’échéance.".to_string());
    }
    None
}

#[cfg(test)]
#[path = "smart_tests.rs"]
mod tests;
