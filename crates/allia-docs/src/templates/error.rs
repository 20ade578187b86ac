//! Errors of the clause templates, with messages written for the person preparing the
//! document.

use std::fmt;

use serde::Serialize;

use super::typography::fix_typography;

/// What can stop a document from being prepared. Every message is French and names
/// what to fix; `code()` gives a stable identifier for the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "code",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum TemplateError {
    /// The alliance has no name: the document title and header need one.
    MissingAllianceName,

    /// A saved change names a clause the document model does not have.
    UnknownClause { clause_id: String, document: String },

    /// A clause text (edited by the user, or the model's own) cannot be rendered.
    ClauseText {
        clause_id: String,
        clause_title: String,
        /// True when the text is the user's edit (the model text is always valid).
        edited: bool,
        line: Option<usize>,
        /// French sentence shown to the user.
        message: String,
        /// The template engine's own description, for logs.
        detail: String,
    },

    /// A model file embedded in the program is malformed (a programming error).
    InvalidModel { document: String, detail: String },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let raw = match self {
            Self::MissingAllianceName => {
                "Indiquez le nom de l'alliance avant de préparer un document.".to_string()
            }
            Self::UnknownClause {
                clause_id,
                document,
            } => format!(
                "La clause « {clause_id} » n'existe pas dans le modèle « {document} » : \
                 retirez cette modification."
            ),
            Self::ClauseText { message, .. } => message.clone(),
            Self::InvalidModel { document, detail } => {
                format!("Le modèle de document « {document} » est invalide : {detail}")
            }
        };
        f.write_str(&fix_typography(&raw))
    }
}

impl std::error::Error for TemplateError {}

impl TemplateError {
    /// Stable identifier of the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingAllianceName => "missing_alliance_name",
            Self::UnknownClause { .. } => "unknown_clause",
            Self::ClauseText { .. } => "clause_text",
            Self::InvalidModel { .. } => "invalid_model",
        }
    }

    /// The clause the error is about, when there is one.
    pub fn clause_id(&self) -> Option<&str> {
        match self {
            Self::UnknownClause { clause_id, .. } | Self::ClauseText { clause_id, .. } => {
                Some(clause_id)
            }
            _ => None,
        }
    }

    /// An edited text reads a field the document does not have (`name`, e.g.
    /// `alliance.nme`): found before rendering, so also in a branch the data skips.
    pub(crate) fn unknown_field(clause_id: &str, clause_title: &str, name: &str) -> TemplateError {
        TemplateError::ClauseText {
            clause_id: clause_id.to_string(),
            clause_title: clause_title.to_string(),
            edited: true,
            line: None,
            // The field's name is template code: the person never sees it.
            message: fix_typography(&format!(
                "Le texte modifié de la clause « {clause_title} » contient une erreur : il \
                 insère une donnée inconnue. Corrigez le texte ou rétablissez le texte du \
                 modèle."
            )),
            detail: format!("undeclared variable {name}"),
        }
    }

    /// An edited text refused before rendering (its shape, or empty), with the French
    /// `message` to show at the clause.
    pub(crate) fn refused_edit(
        clause_id: &str,
        clause_title: &str,
        message: &str,
    ) -> TemplateError {
        TemplateError::ClauseText {
            clause_id: clause_id.to_string(),
            clause_title: clause_title.to_string(),
            edited: true,
            line: None,
            message: fix_typography(message),
            detail: "refused by the clause editor's shape check".to_string(),
        }
    }

    pub(crate) fn clause_text(
        clause_id: &str,
        clause_title: &str,
        edited: bool,
        err: &minijinja::Error,
    ) -> TemplateError {
        use minijinja::ErrorKind;
        let problem = match err.kind() {
            ErrorKind::SyntaxError => {
                "des accolades « { » saisies dans le texte ne sont pas permises à cet endroit, \
                 ou une donnée insérée est incomplète"
            }
            ErrorKind::UndefinedError => "un champ inséré n’existe pas",
            ErrorKind::UnknownFunction => "une fonction inconnue est utilisée",
            ErrorKind::UnknownFilter => "un filtre inconnu est utilisé",
            ErrorKind::UnknownMethod => "une méthode inconnue est utilisée",
            ErrorKind::MissingArgument | ErrorKind::TooManyArguments => {
                "une fonction n’a pas le bon nombre de valeurs"
            }
            _ => "une instruction ne peut pas être exécutée",
        };
        let whose = if edited {
            "Le texte modifié de la clause"
        } else {
            "Le texte modèle de la clause"
        };
        // The editor shows no lines of code: an edit's message names none (the number
        // stays in `line` for logs); a model's, read by whoever writes the model, does.
        let line = err.line();
        let at = match line {
            Some(l) if !edited => format!(" (ligne {l})"),
            _ => String::new(),
        };
        let advice = if edited {
            " Corrigez le texte ou rétablissez le texte du modèle."
        } else {
            ""
        };
        TemplateError::ClauseText {
            clause_id: clause_id.to_string(),
            clause_title: clause_title.to_string(),
            edited,
            line,
            message: fix_typography(&format!(
                "{whose} « {clause_title} » contient une erreur{at} : {problem}.{advice}"
            )),
            detail: err.to_string(),
        }
    }
}
