//! The clause engine: the minijinja environment that turns a clause's template text into
//! mini-markup, with its settings, the French helpers (filters and functions) and the
//! resolution of cross-references. (Not to be confused with [`crate::render`], which
//! turns a whole alliance into the bytes of a PDF or DOCX file.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior};

use allia_core::designation::{
    agree, of_designated, pronoun, to_designated, upper_first, Gender, GrammaticalNumber,
};

use super::markup::escape;
use super::party::quoted;
use super::typography::{format_amount, format_date, join_fr, lower_first, sentence};

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

fn date_filter(value: &str) -> Result<String, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(format_date)
        .or_else(|_| {
            // Already formatted dates (« 1er décembre 2025 ») pass through.
            if value.chars().any(char::is_alphabetic) {
                Ok(value.to_string())
            } else {
                Err(Error::new(
                    ErrorKind::InvalidOperation,
                    "date attendue (AAAA-MM-JJ)",
                ))
            }
        })
}

/// The gender and number of a party (its `gender` and `number` fields); a value that is
/// not a party is an error of the clause text.
fn grammar_of(party: &Value) -> Result<(Gender, GrammaticalNumber), Error> {
    let field = |name: &str| {
        party
            .get_attr(name)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let gender = match field("gender").as_deref() {
        Some("masculine") => Gender::Masculine,
        Some("feminine") => Gender::Feminine,
        _ => return Err(not_a_party()),
    };
    let number = match field("number").as_deref() {
        Some("plural") => GrammaticalNumber::Plural,
        Some("singular") => GrammaticalNumber::Singular,
        _ => return Err(not_a_party()),
    };
    Ok((gender, number))
}

fn not_a_party() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        "une partie est attendue (party, lead ou parties[n])",
    )
}

/// The designated name of a party (« le Département d’Indre-et-Loire »); a text that is
/// the name of one of the document's `parties` (an item of `public_funders`) gets that
/// party's designated name; any other text is taken as already designated.
fn designated(state: &State, value: &Value) -> String {
    let own = |party: &Value| {
        party
            .get_attr("designated_name")
            .ok()
            .and_then(|name| name.as_str().map(str::to_string))
    };
    if let Some(name) = own(value) {
        return name;
    }
    let text = value.to_string();
    let parties = state.lookup("parties");
    let found = parties
        .as_ref()
        .and_then(|parties| parties.try_iter().ok())
        .and_then(|mut parties| {
            parties.find(|p| {
                p.get_attr("name")
                    .ok()
                    .is_some_and(|name| name.as_str() == Some(text.as_str()))
            })
        });
    found.as_ref().and_then(own).unwrap_or(text)
}

/// « de » + each party or name, contracted, joined the French way: « du Département
/// d’Indre-et-Loire et de la Commune de Tours ».
fn of_list(state: &State, items: Vec<Value>) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|v| of_designated(&designated(state, v)))
        .collect();
    join_fr(&items)
}

/// Each party or name with its article, joined the French way: « le Département
/// d’Indre-et-Loire et la Commune de Tours ».
fn names(state: &State, items: Vec<Value>) -> String {
    let items: Vec<String> = items.iter().map(|v| designated(state, v)).collect();
    join_fr(&items)
}

/// The number of the annex `id` in the context's `annexes` (a list of `{id, number}`).
fn annex_number(state: &State, id: &str) -> Option<i64> {
    let annexes = state.lookup("annexes")?;
    let mut items = annexes.try_iter().ok()?;
    let annex = items.find(|a| {
        a.get_attr("id")
            .ok()
            .is_some_and(|v| v.as_str() == Some(id))
    })?;
    annex.get_attr("number").ok()?.as_i64()
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
mod tests {
    use super::*;
    use minijinja::context;

    fn engine() -> ClauseEngine {
        let mut targets = HashMap::new();
        targets.insert("objet".to_string(), RefTarget::Article(2));
        targets.insert(
            "preambule".to_string(),
            RefTarget::Section("Préambule".into()),
        );
        targets.insert(
            "pi".to_string(),
            RefTarget::Removed("Propriété intellectuelle".into()),
        );
        ClauseEngine::new(targets)
    }

    #[test]
    fn references() {
        let r = engine();
        let out = r
            .render(
                "art. {{ ref('objet') }}, {{ ref('preambule') }}, {{ ref('pi') }}, {{ ref('x') }}",
                &context! {},
            )
            .expect("renders");
        assert_eq!(
            out,
            "art. 2, préambule, [article supprimé : propriété intellectuelle], [article inconnu : x]"
        );
        assert_eq!(
            r.take_issues(),
            vec![
                Issue::Removed {
                    title: "Propriété intellectuelle".into()
                },
                Issue::Unknown { id: "x".into() }
            ]
        );
        assert!(r.take_issues().is_empty());
        let out = r
            .render(
                "{{ has('objet') }} {{ has('pi') }} {{ has('x') }}",
                &context! {},
            )
            .expect("renders");
        assert_eq!(out, "True False False");
    }

    #[test]
    fn helpers_and_escaping() {
        let r = engine();
        let ctx =
            context! { name => "*Étoile*", none => Value::from(()), tags => vec!["a", "b", "c"] };
        let out = r
            .render(
                "{{ name }}|{{ none }}|{{ tags | list_fr }}|{{ 125000 | amount }}|\
                 {{ '2025-12-01' | date }}|{{ 'fin' | sentence }}|{{ blank('la durée') }}",
                &ctx,
            )
            .expect("renders");
        assert_eq!(
            out,
            "\\*Étoile\\*||a, b et c|1\u{202f}250,00\u{202f}€|1er décembre 2025|fin.|[à compléter : la durée]"
        );
        assert_eq!(
            r.take_issues(),
            vec![Issue::Blank {
                label: "la durée".into()
            }]
        );
    }

    #[test]
    fn grammar_helpers_agree_contract_and_quote() {
        let r = engine();
        let departement = context! {
            designated_name => "le Département d’Indre-et-Loire",
            gender => "masculine",
            number => "singular",
        };
        let amis = context! {
            designated_name => "Les Amis du Quartier",
            gender => "masculine",
            number => "plural",
        };
        let universite = context! {
            designated_name => "l’Université de Tours",
            gender => "feminine",
            number => "singular",
        };
        let commune = context! {
            name => "Commune de Tours",
            designated_name => "la Commune de Tours",
            gender => "feminine",
            number => "singular",
        };
        let ctx = context! {
            d => departement,
            a => amis,
            u => universite,
            parties => vec![commune],
            funders => vec!["Commune de Tours", "OQM"],
        };
        let out = r
            .render(
                "{{ d | agree('représenté') }}, {{ u | agree('dénommé') }}, {{ a | agree('représenté') }}|\
                 {{ d | pronoun }}, {{ u | pronoun }}, {{ a | pronoun }}|\
                 {{ d | of }}, {{ u | to }}, {{ 'OQM' | of }}, {{ 'le Département' | to }}|\
                 {{ [d, u, a] | of_list }}|{{ funders | of_list }}|{{ funders | names }}|\
                 {{ 'l’Université' | upper_first }}|{{ 'Fondation « S & N »' | quoted }}",
                &ctx,
            )
            .expect("renders");
        assert_eq!(
            out,
            "représenté, dénommée, représentés|celui-ci, celle-ci, ceux-ci|\
             du Département d’Indre-et-Loire, à l’Université de Tours, d’OQM, au Département|\
             du Département d’Indre-et-Loire, de l’Université de Tours et des Amis du Quartier|\
             de la Commune de Tours et d’OQM|la Commune de Tours et OQM|L’Université|« Fondation “S & N” »"
        );
        let err = r
            .render("{{ 'texte' | agree('représenté') }}", &ctx)
            .expect_err("not a party");
        assert_eq!(err.kind(), ErrorKind::InvalidOperation);
    }

    #[test]
    fn annexes_are_numbered_from_the_context() {
        let r = engine();
        let ctx = context! { annexes => vec![context! { id => "financial", number => 1 }] };
        let out = r
            .render(
                "{{ annex('financial') }}|{{ has_annex('financial') }}|{{ has_annex('schedule') }}|{{ annex('schedule') }}",
                &ctx,
            )
            .expect("renders");
        assert_eq!(
            out,
            "l’annexe\u{a0}1|True|False|[annexe absente : schedule]"
        );
        assert_eq!(
            r.take_issues(),
            vec![Issue::MissingAnnex {
                id: "schedule".into()
            }]
        );
    }

    #[test]
    fn the_lower_first_filter_keeps_acronyms() {
        let r = engine();
        let out = r
            .render(
                "{{ 'Réduire les coûts' | lower_first }}, {{ 'CAF de Tours' | lower_first }}",
                &context! {},
            )
            .expect("renders");
        assert_eq!(out, "réduire les coûts, CAF de Tours");
    }

    #[test]
    fn inline_tags_keep_their_line_break() {
        let r = engine();
        let src = "A{% if true %}.{% endif %}\n\n{% if false %}\nX\n{% endif %}\nB\n{% for i in [1, 2] %}\n- {{ i }}\n{% endfor %}\nC";
        let out = r.render(src, &context! {}).expect("renders");
        assert_eq!(out, "A.\n\nB\n- 1\n- 2\nC");
        assert_eq!(
            r.render("100 %}\nfin", &context! {}).expect("renders"),
            "100 %}\nfin"
        );
        assert!(only_tags("  {% if a %}{% endif %} "));
        assert!(!only_tags("x {% endif %}"));
        assert!(!only_tags("{% x"));
    }

    #[test]
    fn strict_and_syntax_errors() {
        let r = engine();
        let err = r
            .render("{{ missing.field }}", &context! {})
            .expect_err("undefined");
        assert_eq!(err.kind(), ErrorKind::UndefinedError);
        let err = r.render("{% if %}", &context! {}).expect_err("syntax");
        assert_eq!(err.kind(), ErrorKind::SyntaxError);
        assert!(r.check("{{ a").is_err());
        assert!(r.render("{{ '13/99' | date }}", &context! {}).is_err());
    }
}
