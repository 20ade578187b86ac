//! How a contract names the register that issued a foreign registration number, after
//! « immatriculée sous le n° 0456.789.123 »: with its article and the right preposition
//! when the register is known (« auprès de la BCE », « au registre du commerce du canton
//! de Genève », « au RCS Luxembourg »), between parentheses otherwise (« (Handelsregister) »),
//! a wording that is correct French whatever the name's gender or language.

/// Registers known by their acronym (the first word of the register's name, as written),
/// with the words that introduce them.
const ACRONYMS: &[(&str, &str)] = &[
    // Banque-Carrefour des Entreprises (Belgium), feminine: « auprès de la BCE ».
    ("BCE", "auprès de la"),
    // Its Dutch name, Kruispuntbank van Ondernemingen: « la KBO » in French too.
    ("KBO", "auprès de la"),
    // Registre de commerce et des sociétés (Luxembourg, France): « au RCS Luxembourg ».
    ("RCS", "au"),
    // Registre des personnes morales (Belgium).
    ("RPM", "au"),
    // Registre national des entreprises.
    ("RNE", "au"),
];

/// French head nouns a register's name starts with, lower case, with the words that
/// introduce it; the name then follows in lower case (« au registre du commerce … »),
/// but for a proper name (`keep_case`).
const HEADS: &[(&str, &str, bool)] = &[
    ("registre", "au", false),
    ("répertoire", "au", false),
    ("fichier", "au", false),
    ("greffe", "au", false),
    ("tribunal", "auprès du", false),
    ("chambre", "auprès de la", false),
    ("office", "auprès de l’", false),
    ("banque-carrefour", "auprès de la", true),
];

/// Articles a register's name may start with, and how the phrase then reads.
const ARTICLES: &[(&str, &str)] = &[
    ("le ", "auprès du"),
    ("la ", "auprès de la"),
    ("les ", "auprès des"),
    ("l’", "auprès de l’"),
    ("l'", "auprès de l’"),
];

/// What follows « immatriculée sous le n° … » for the register `register` (its name or
/// acronym as typed), with a leading space: « auprès de la BCE », « au registre du
/// commerce du canton de Genève », « au RCS Luxembourg »; a register Allia cannot give an
/// article to goes between parentheses, « (Handelsregister) », which reads correctly
/// whatever its gender or language. Empty for an empty name.
pub fn registered_at(register: &str) -> String {
    let name = register.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return String::new();
    }
    let first = name.split([' ', '\u{a0}']).next().unwrap_or_default();
    if let Some((_, words)) = ACRONYMS.iter().find(|(acronym, _)| *acronym == first) {
        return format!(" {words} {name}");
    }
    let lower = name.to_lowercase();
    for (article, words) in ARTICLES {
        if let Some(rest) = lower.strip_prefix(article) {
            // The name as typed after its article (« le Registre du commerce »).
            let rest = &name[name.len() - rest.len()..];
            let spaced = if words.ends_with('’') { "" } else { " " };
            return format!(" {words}{spaced}{}", shown(rest));
        }
    }
    match head(&name) {
        Some((words, _)) => {
            let spaced = if words.ends_with('’') { "" } else { " " };
            format!(" {words}{spaced}{}", shown(&name))
        }
        None => format!(" ({name})"),
    }
}

/// The known head noun `name` starts with: the words that introduce it and whether the
/// name keeps its case (a proper name).
fn head(name: &str) -> Option<(&'static str, bool)> {
    let lower = name.to_lowercase();
    let first = lower.split([' ', '\u{a0}']).next().unwrap_or_default();
    HEADS
        .iter()
        .find(|(h, _, _)| *h == first)
        .map(|(_, words, keep_case)| (*words, *keep_case))
}

/// The name inside the sentence: lower-cased first letter (« registre du commerce »),
/// but for a proper name (« Banque-Carrefour des Entreprises ») or an acronym.
fn shown(name: &str) -> String {
    match head(name) {
        Some((_, true)) => name.to_string(),
        _ => lower_first(name),
    }
}

/// The first letter in lower case, unless the first word is an acronym (« RCS »).
fn lower_first(text: &str) -> String {
    let first_word = text.split([' ', '\u{a0}']).next().unwrap_or_default();
    let acronym = first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first_word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !acronym => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::registered_at;

    #[test]
    fn known_registers_get_their_article() {
        for (register, phrase) in [
            ("BCE", " auprès de la BCE"),
            ("  BCE ", " auprès de la BCE"),
            ("KBO", " auprès de la KBO"),
            ("RCS Luxembourg", " au RCS Luxembourg"),
            (
                "Registre du commerce du canton de Genève",
                " au registre du commerce du canton de Genève",
            ),
            (
                "registre des personnes morales de Liège",
                " au registre des personnes morales de Liège",
            ),
            (
                "Banque-Carrefour des Entreprises",
                " auprès de la Banque-Carrefour des Entreprises",
            ),
            (
                "Tribunal de l’entreprise de Liège",
                " auprès du tribunal de l’entreprise de Liège",
            ),
            (
                "Chambre de commerce de Luxembourg",
                " auprès de la chambre de commerce de Luxembourg",
            ),
            (
                "Office du registre du commerce",
                " auprès de l’office du registre du commerce",
            ),
            ("le Registre du commerce", " auprès du registre du commerce"),
            ("la Banque-Carrefour", " auprès de la Banque-Carrefour"),
            ("l'Office fédéral", " auprès de l’office fédéral"),
            ("RPM Liège", " au RPM Liège"),
        ] {
            assert_eq!(registered_at(register), phrase, "{register}");
        }
    }

    #[test]
    fn unknown_registers_go_between_parentheses() {
        for (register, phrase) in [
            ("Handelsregister", " (Handelsregister)"),
            (
                "Handelsregister B des Amtsgerichts Köln",
                " (Handelsregister B des Amtsgerichts Köln)",
            ),
            ("Companies House", " (Companies House)"),
            ("Bce", " (Bce)"),
            ("KVK", " (KVK)"),
        ] {
            assert_eq!(registered_at(register), phrase, "{register}");
        }
        assert_eq!(registered_at(""), "");
        assert_eq!(registered_at("   "), "");
    }
}
