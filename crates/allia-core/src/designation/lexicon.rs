//! The words a designation is read from: the head nouns that French names of public
//! bodies, associations and companies start with (their gender and number), the heads
//! that stand alone as a short name, the h aspiré, and the gender guessed from an ending.

use super::{Gender, GrammaticalNumber};

/// One head noun of the lexicon: the word(s) a name starts with, and their grammar.
pub(super) struct Head {
    /// Lower-case words, with the typographic apostrophe (« communauté d’agglomération »).
    pub(super) words: &'static str,
    pub(super) gender: Gender,
    pub(super) number: GrammaticalNumber,
}

const fn m(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Masculine,
        number: GrammaticalNumber::Singular,
    }
}

const fn f(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Feminine,
        number: GrammaticalNumber::Singular,
    }
}

const fn mp(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Masculine,
        number: GrammaticalNumber::Plural,
    }
}

const fn fp(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Feminine,
        number: GrammaticalNumber::Plural,
    }
}

/// The usual first words of the names of French public bodies, associations and
/// companies, with their gender and number (Trésor de la langue française). Longer heads
/// come before the shorter ones they start with, so « communauté de communes » is the
/// head of « Communauté de communes du Castelrenaudais » rather than « communauté ».
const LEXICON: &[Head] = &[
    // Local and State authorities.
    f("communauté de communes"),
    f("communauté d’agglomération"),
    f("communauté urbaine"),
    f("communauté"),
    f("commune"),
    f("ville"),
    f("mairie"),
    m("département"),
    m("conseil départemental"),
    m("conseil régional"),
    f("région"),
    f("métropole"),
    m("état"),
    m("etat"),
    f("préfecture"),
    f("sous-préfecture"),
    m("ministère"),
    m("syndicat mixte"),
    m("syndicat"),
    m("pôle d’équilibre territorial et rural"),
    m("pôle"),
    m("pays"),
    m("parc naturel régional"),
    m("parc"),
    // Public establishments, education and culture.
    m("établissement"),
    m("office"),
    f("agence"),
    f("caisse"),
    m("centre communal d’action sociale"),
    m("centre hospitalier"),
    m("centre"),
    m("hôpital"),
    f("clinique"),
    m("institut"),
    f("chambre"),
    f("université"),
    f("école"),
    m("lycée"),
    m("collège"),
    m("conservatoire"),
    m("théâtre"),
    m("musée"),
    f("médiathèque"),
    f("bibliothèque"),
    f("halle"),
    f("maison"),
    m("foyer"),
    m("tiers-lieu"),
    f("ressourcerie"),
    f("recyclerie"),
    f("banque alimentaire"),
    f("banque"),
    // Associations and networks.
    f("association"),
    f("fédération"),
    f("union"),
    f("confédération"),
    f("coordination"),
    m("réseau"),
    m("mouvement"),
    m("collectif"),
    m("comité"),
    m("club"),
    m("cercle"),
    m("conseil"),
    m("secours"),
    f("croix-rouge"),
    f("ligue"),
    f("coopérative"),
    f("fondation"),
    m("fonds de dotation"),
    m("fonds"),
    m("groupement"),
    m("atelier"),
    m("jardin"),
    m("relais"),
    m("café"),
    f("mutuelle"),
    f("amicale"),
    f("entraide"),
    f("épicerie"),
    f("régie"),
    f("mission locale"),
    f("mission"),
    f("compagnie"),
    f("fabrique"),
    f("plateforme"),
    f("pépinière"),
    f("crèche"),
    f("ferme"),
    f("cité"),
    f("direction"),
    f("académie"),
    m("rectorat"),
    m("tribunal"),
    m("service"),
    m("bureau"),
    m("cabinet"),
    m("groupe"),
    m("espace"),
    m("observatoire"),
    m("laboratoire"),
    m("incubateur"),
    m("festival"),
    m("cinéma"),
    m("orchestre"),
    m("hôtel"),
    // Companies (their legal form as the first word).
    f("société"),
    f("entreprise"),
    f("sarl"),
    f("sas"),
    f("sasu"),
    f("sa"),
    f("eurl"),
    f("scic"),
    f("scop"),
    m("gie"),
    m("gip"),
    // Plural heads, after « Les ».
    mp("amis"),
    fp("amies"),
    mp("restos"),
    mp("ateliers"),
    mp("jardins"),
    mp("petits frères"),
    mp("petits"),
    fp("petites"),
    mp("compagnons"),
    mp("colibris"),
    fp("maisons"),
    fp("écoles"),
    mp("foyers"),
];

/// Heads that name a body alone in usual drafting: « la Commune », « le Département »,
/// « l’État », « l’Université », « la Fondation ». Any other head (« maison »,
/// « association », « secours », « hôtel »…) is generic: its short name is the acronym,
/// else the full name.
pub(super) const INSTITUTIONAL_HEADS: &[&str] = &[
    "communauté de communes",
    "communauté d’agglomération",
    "communauté urbaine",
    "commune",
    "ville",
    "mairie",
    "département",
    "conseil départemental",
    "conseil régional",
    "région",
    "métropole",
    "état",
    "etat",
    "préfecture",
    "sous-préfecture",
    "ministère",
    "rectorat",
    "université",
    "fondation",
];

/// Words starting with an h the article does not elide before (h aspiré): « la Halle »,
/// « le Hameau ». Any other h is mute (« l’Hôpital », « l’Hôtel de ville »).
const ASPIRATED_H: &[&str] = &[
    "hache",
    "haie",
    "hall",
    "halle",
    "halles",
    "hameau",
    "hamac",
    "hangar",
    "handball",
    "handicap",
    "hangars",
    "haras",
    "hareng",
    "harpe",
    "hasard",
    "haut",
    "haute",
    "hauts",
    "hautes",
    "haut-commissariat",
    "havre",
    "hérisson",
    "héron",
    "héros",
    "hibou",
    "hockey",
    "honte",
    "houblon",
    "hutte",
    "huit",
];

/// Whether `word` starts with a vowel sound: a vowel (accented or not) or a mute h.
pub fn starts_with_vowel_sound(word: &str) -> bool {
    let lower = word.to_lowercase();
    let Some(first) = lower.chars().next() else {
        return false;
    };
    if "aeiouyàâäéèêëîïôöùûüœæ".contains(first) {
        return true;
    }
    if first == 'h' {
        let head: String = lower
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        let bare = head.split('-').next().unwrap_or_default();
        return !ASPIRATED_H.contains(&head.as_str()) && !ASPIRATED_H.contains(&bare);
    }
    false
}

/// Lower case, with `'` written as `’`, one space between words.
fn folded(text: &str) -> String {
    text.replace('\'', "’")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The lexicon's head that `name` starts with (whole words), and its length in
/// characters of the folded name.
pub(super) fn head_of(name: &str) -> Option<(&'static Head, usize)> {
    let name = folded(name);
    LEXICON.iter().find_map(|head| {
        let rest = name.strip_prefix(head.words)?;
        let whole_word = rest
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '’' && c != '-');
        whole_word.then_some((head, head.words.chars().count()))
    })
}

/// The first word of a text, up to a space, an apostrophe or a punctuation mark.
pub(super) fn first_word(text: &str) -> &str {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

/// Feminine common nouns whose ending reads masculine (« l’Étape », « la Clé »,
/// « l’Image »), found in association names; checked before the endings.
const FEMININE_WORDS: &[&str] = &[
    "étape",
    "etape",
    "escale",
    "image",
    "page",
    "plage",
    "cage",
    "nage",
    "rage",
    "main",
    "fin",
    "faim",
    "mer",
    "clé",
    "clef",
    "forêt",
    "fleur",
    "couleur",
    "valeur",
    "chaleur",
    "sœur",
    "voix",
    "croix",
    "paix",
    "noix",
    "part",
    "dent",
    "nuit",
    "souris",
    "brebis",
    "cour",
    "eau",
    "peau",
    "boussole",
    "passerelle",
    "onde",
    "ronde",
    "source",
    "ruche",
    "graine",
    "semence",
    "toile",
    "voile",
    "île",
    "rive",
    "route",
    "piste",
    "boîte",
    "cabane",
    "grange",
    "table",
    "porte",
    "fenêtre",
    "pomme",
];

/// A guess of the gender of a common noun the lexicon does not know, from its ending
/// (« l’Étincelle », « Les Cigales »): a short list of feminine nouns with a masculine
/// ending first (« l’Étape »), then the endings that are feminine far more often than
/// not; masculine otherwise, the default of French grammar.
pub(super) fn gender_by_ending(word: &str) -> Gender {
    let w = word.to_lowercase();
    let singular = w.strip_suffix('s').unwrap_or(&w);
    if FEMININE_WORDS.contains(&singular) || FEMININE_WORDS.contains(&w.as_str()) {
        return Gender::Feminine;
    }
    const FEMININE: &[&str] = &[
        "tion", "sion", "té", "ence", "ance", "ure", "ette", "elle", "ière", "ée", "ie", "ise",
        "ade", "ine", "ole", "ale", "ule", "ude", "ève", "erie", "aine", "oire", "ite", "ote",
        "use",
    ];
    if FEMININE.iter().any(|e| singular.ends_with(e)) {
        Gender::Feminine
    } else {
        Gender::Masculine
    }
}
