//! The clause engine: the minijinja environment that turns a clause's template text into
//! mini-markup, with its settings, the French helpers (filters and functions) and the
//! resolution of cross-references. (Not to be confused with [`crate::render`], which
//! turns a whole alliance into the bytes of a PDF or DOCX file.)
//!
//! The parts: the environment, its settings and the cross-references here; [`helpers`],
//! the filters and functions that write about parties, dates and annexes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior};

use allia_core::designation::{agree, of_designated, pronoun, to_designated, upper_first, verb};

use super::markup::escape;
use super::party::quoted;
use super::typography::{format_amount, join_fr, lower_first, sentence};
use helpers::{annex_number, date_filter, designated, grammar_of, names, of_list};

mod helpers;

/// What a clause identity points to once the document is planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefTarget {
    /// A numbered article.
    Article(u32),
    /// An unnumbered section, named by its title.
    Section(String),
    /// A clause left out of this document, named by its title.
    Removed(String),
}

/// Something a clause text asked for that the document cannot give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Removed {
        title: String,
    },
    Unknown {
        id: String,
    },
    Blank {
        label: String,
    },
    /// `annex("id")` names an annex the document does not have.
    MissingAnnex {
        id: String,
    },
}

/// Renders clause texts against the document context.
pub struct ClauseEngine {
    env: Environment<'static>,
    issues: Arc<Mutex<Vec<Issue>>>,
}

fn record(issues: &Mutex<Vec<Issue>>, issue: Issue) {
    if let Ok(mut list) = issues.lock() {
        list.push(issue);
    }
}

/// Writes inserted values as plain text: `none` prints nothing, markup is escaped.
fn formatter(
    out: &mut minijinja::Output,
    _: &minijinja::State,
    value: &Value,
) -> Result<(), Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    let text = value.to_string();
    let text = if value.is_safe() { text } else { escape(&text) };
    out.write_str(&text)
        .map_err(|_| Error::new(ErrorKind::WriteFailure, "écriture impossible"))
}

/// Whether a line holds nothing but `{% … %}` tags and spaces.
fn only_tags(line: &str) -> bool {
    let mut rest = line.trim();
    while let Some(after) = rest.strip_prefix("{%") {
        match after.find("%}") {
            Some(end) => rest = after[end + 2..].trim_start(),
            None => return false,
        }
    }
    rest.is_empty()
}

/// A tag alone on its line vanishes with its line (trim_blocks); a tag that ends a line
/// of text keeps the line break (`+%}`), so `…{% endif %}` never glues two paragraphs.
/// Line numbers are unchanged.
fn keep_inline_newlines(source: &str) -> String {
    source
        .split('\n')
        .map(|line| {
            let trimmed = line.trim_end();
            // Only a real tag's end: « 100 %} » typed as text (no `{%` on the line) stays as is.
            let plain_end = trimmed.ends_with("%}")
                && !trimmed.ends_with("-%}")
                && !trimmed.ends_with("+%}")
                && trimmed.contains("{%");
            if plain_end && !only_tags(line) {
                format!("{}+%}}", &trimmed[..trimmed.len() - 2])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl ClauseEngine {
    pub fn new(targets: HashMap<String, RefTarget>) -> ClauseEngine {
        let issues: Arc<Mutex<Vec<Issue>>> = Arc::default();
        let mut env = Environment::new();
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(formatter);

        let included: Vec<String> = targets
            .iter()
            .filter(|(_, t)| !matches!(t, RefTarget::Removed(_)))
            .map(|(id, _)| id.clone())
            .collect();
        env.add_function("has", move |id: &str| included.iter().any(|i| i == id));
        let ref_issues = Arc::clone(&issues);
        env.add_function("ref", move |id: &str| -> String {
            match targets.get(id) {
                Some(RefTarget::Article(n)) => n.to_string(),
                Some(RefTarget::Section(title)) => lower_first(title),
                Some(RefTarget::Removed(title)) => {
                    record(
                        &ref_issues,
                        Issue::Removed {
                            title: title.clone(),
                        },
                    );
                    format!("[article supprimé : {}]", lower_first(title))
                }
                None => {
                    record(&ref_issues, Issue::Unknown { id: id.to_string() });
                    format!("[article inconnu : {id}]")
                }
            }
        });
        let blank_issues = Arc::clone(&issues);
        env.add_function("blank", move |label: Option<&str>| -> String {
            let label = label.map(str::trim).filter(|l| !l.is_empty());
            record(
                &blank_issues,
                Issue::Blank {
                    label: label.unwrap_or("une information").to_string(),
                },
            );
            match label {
                Some(label) => format!("[à compléter : {label}]"),
                None => "[à compléter]".to_string(),
            }
        });
        // « l’annexe 1 »: the number the document gives the annex `id` (`financial`,
        // `schedule`, a user's annex id), like `ref()` for articles.
        let annex_issues = Arc::clone(&issues);
        env.add_function("annex", move |state: &State, id: &str| -> String {
            match annex_number(state, id) {
                // A no-break space: « l’annexe » and its number stay on one line.
                Some(n) => format!("l’annexe\u{a0}{n}"),
                None => {
                    record(&annex_issues, Issue::MissingAnnex { id: id.to_string() });
                    format!("[annexe absente : {id}]")
                }
            }
        });
        env.add_function("has_annex", |state: &State, id: &str| {
            annex_number(state, id).is_some()
        });
        env.add_function("amount", format_amount);
        env.add_filter("amount", format_amount);
        env.add_filter("date", |value: &str| date_filter(value));
        env.add_filter("list_fr", |items: Vec<String>| join_fr(&items));
        env.add_filter("sentence", |text: &str| sentence(text));
        env.add_filter("lower_first", |text: &str| lower_first(text));
        env.add_filter("upper_first", |text: &str| upper_first(text));
        env.add_filter("quoted", |text: &str| quoted(text));
        env.add_filter("agree", |party: Value, word: &str| {
            grammar_of(&party).map(|(gender, number)| agree(word, gender, number))
        });
        // `{{ party | verb("contribue", "contribuent") }}`: the verb agreed in number
        // with a party that is its subject.
        env.add_filter("verb", |party: Value, singular: &str, plural: &str| {
            grammar_of(&party).map(|(_, number)| verb(number, singular, plural).to_string())
        });
        env.add_filter("pronoun", |party: Value| {
            grammar_of(&party).map(|(gender, number)| pronoun(gender, number).to_string())
        });
        env.add_filter("designated", |state: &State, value: Value| {
            designated(state, &value)
        });
        env.add_filter("of", |state: &State, value: Value| {
            of_designated(&designated(state, &value))
        });
        env.add_filter("to", |state: &State, value: Value| {
            to_designated(&designated(state, &value))
        });
        env.add_filter("of_list", of_list);
        env.add_filter("names", names);
        ClauseEngine { env, issues }
    }

    /// Renders one text; the output is mini-markup before typography.
    pub fn render(&self, source: &str, context: &Value) -> Result<String, Error> {
        self.env.render_str(&keep_inline_newlines(source), context)
    }

    /// Checks that a text parses, without rendering it.
    pub fn check(&self, source: &str) -> Result<(), Error> {
        self.env
            .template_from_str(&keep_inline_newlines(source))
            .map(|_| ())
    }

    /// The data a text reads that is neither a context field nor a helper of this engine
    /// (a typo such as `alliance.nme`), even in a branch today's data would skip. Loop
    /// variables are declared by their loop and never reported.
    pub fn unknown_names(&self, source: &str) -> Result<Vec<String>, Error> {
        let source = keep_inline_newlines(source);
        let template = self.env.template_from_str(&source)?;
        let known: Vec<String> = super::fields::field_labels()
            .into_iter()
            .map(|f| f.path)
            .collect();
        let mut unknown: Vec<String> = template
            .undeclared_variables(true)
            .into_iter()
            .filter(|name| {
                let prefix = format!("{name}.");
                self.env.globals().all(|(global, _)| global != name)
                    && !known.iter().any(|k| k == name || k.starts_with(&prefix))
            })
            .collect();
        unknown.sort();
        Ok(unknown)
    }

    /// The issues recorded since the last call.
    pub fn take_issues(&self) -> Vec<Issue> {
        match self.issues.lock() {
            Ok(mut list) => std::mem::take(&mut *list),
            Err(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests;
