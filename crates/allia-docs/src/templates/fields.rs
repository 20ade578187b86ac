//! The French names of the data a clause text can insert, for the clause editor: where
//! a text says `{{ alliance.name }}`, the editor shows a chip « [Nom de l’alliance] ».
//!
//! The list follows [`DocumentContext`](super::DocumentContext) field by field (a test
//! checks every path against the serialised context and against the model texts). The
//! screens read it from `ui/src/lib/api/clause-fields.json`, written from [`field_labels`]
//! by `crates/allia-docs/tests/clause_fields.rs`, so the UI never spells a label itself.

/// One insertable piece of data: its path in the template context and its French name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldLabel {
    /// Dotted path as a clause text writes it: `alliance.name`, `party.short_name`.
    pub path: String,
    /// What the editor's chip shows, without brackets: « Nom de l’alliance ».
    pub label: String,
}

/// Top-level fields of the context, with their French names.
const FIELDS: &[(&str, &str)] = &[
    ("document.kind", "Type de document (code)"),
    ("document.label", "Type de document"),
    ("document.title", "Titre du document"),
    ("document.version", "Numéro de version"),
    ("document.creation_date", "Date de création du document"),
    ("document.place", "Lieu de signature"),
    ("document.signature_date", "Date de signature"),
    ("document.copies", "Nombre d’exemplaires"),
    ("alliance.name", "Nom de l’alliance"),
    ("alliance.purpose", "Objet"),
    ("alliance.territory", "Territoire"),
    ("alliance.start_date", "Date de début"),
    ("alliance.duration_months", "Durée en mois"),
    ("alliance.duration", "Durée"),
    ("alliance.tacit_renewal", "Reconduction tacite"),
    ("alliance.notice_months", "Préavis en mois"),
    (
        "alliance.notice",
        "Préavis («\u{a0}préavis de 3\u{a0}mois\u{a0}»)",
    ),
    ("parties", "Parties"),
    ("party_count", "Nombre de parties"),
    ("public_funders", "Financeurs publics"),
    ("subsidy_cents", "Montant de la subvention"),
    ("subsidies", "Subventions des financeurs publics"),
    (
        "subsidy_threshold_cents",
        "Montant au-delà duquel une convention est obligatoire",
    ),
    ("contributions", "Contributions financières"),
    ("in_kind", "Apports en nature"),
    (
        "financial_total_cents",
        "Total des contributions financières",
    ),
    ("in_kind_total_cents", "Total des apports en nature"),
    ("total_cents", "Total des engagements"),
    (
        "has_instalments",
        "Une contribution est versée selon un échéancier",
    ),
    ("bank.holder", "Titulaire du compte à créditer"),
    (
        "bank.holder_of",
        "Titulaire du compte à créditer, précédé de « de »",
    ),
    (
        "bank.holder_short_name",
        "Nom court du titulaire du compte à créditer",
    ),
    ("bank.iban", "IBAN du compte à créditer"),
    ("bank.bic", "BIC du compte à créditer"),
    ("court", "Tribunal compétent"),
    ("annexes", "Annexes"),
    ("review.period_months", "Périodicité de la revue en mois"),
    ("review.next_date", "Date de la prochaine revue"),
    ("governance.quorum", "Quorum"),
    ("governance.qualified_majority", "Majorité qualifiée"),
    ("governance.meetings_per_year", "Nombre de réunions par an"),
    ("objectives", "Objectifs"),
];

/// Fields of one party ([`PartyContext`](super::context::PartyContext)); `{of}` becomes « de la
/// partie » or « du chef de file ». Yes-or-no fields (`is_…`) read as a statement, which the
/// editor puts after « si ».
const PARTY_FIELDS: &[(&str, &str)] = &[
    ("index", "Rang {of} dans la liste"),
    ("name", "Nom {of}"),
    ("acronym", "Sigle {of}"),
    ("designated_name", "Nom {of} avec son article"),
    (
        "designated_name_start",
        "Nom {of} avec son article, en début de phrase",
    ),
    ("short_name", "Nom court {of}"),
    ("short_name_start", "Nom court {of}, en début de phrase"),
    ("of_name", "Nom {of} précédé de «\u{a0}de\u{a0}»"),
    (
        "of_short_name",
        "Nom court {of} précédé de «\u{a0}de\u{a0}»",
    ),
    ("to_name", "Nom {of} précédé de «\u{a0}à\u{a0}»"),
    ("to_short_name", "Nom court {of} précédé de «\u{a0}à\u{a0}»"),
    ("gender", "Genre du nom {of} (code)"),
    ("number", "Nombre du nom {of} (code)"),
    ("legal_form", "Forme juridique {of}"),
    ("rna", "Numéro RNA {of}"),
    ("siret", "SIRET {of}"),
    ("siret_label", "Type de numéro {of} (SIRET ou SIREN)"),
    ("address", "Adresse {of}"),
    ("city", "Ville {of}"),
    ("country", "Pays {of} (hors France)"),
    ("representative_name", "Représentant {of}"),
    ("representative_role", "Fonction du représentant {of}"),
    ("identity", "Identification {of}"),
    ("actor_type", "Type d’acteur {of} (code)"),
    ("actor_label", "Type d’acteur {of}"),
    ("contribution", "Apport habituel {of}"),
    ("role", "Rôle {of} (code)"),
    ("role_label", "Rôle {of}"),
    ("is_profile", "La partie est votre association"),
    ("is_lead", "La partie est chef de file"),
    ("is_public_funder", "La partie est un financeur public"),
    ("resources", "Apports {of}"),
    ("resource_tags", "Types d’apport {of}"),
    ("financial", "Contributions financières {of}"),
    ("in_kind", "Apports en nature {of}"),
    (
        "financial_total_cents",
        "Total des contributions financières {of}",
    ),
    ("in_kind_total_cents", "Total des apports en nature {of}"),
    ("total_cents", "Total des engagements {of}"),
    ("commitments_summary", "Engagements chiffrés {of}"),
];

/// Loop variables over the lists of commitments and annexes (`{% for contribution in
/// contributions %}`): the variable, its French name, the list it walks and its fields'
/// French names.
pub type LoopFields = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// See [`LoopFields`].
pub const LOOP_FIELDS: &[LoopFields] = &[
    (
        "contribution",
        "Contribution financière",
        "contributions",
        &[
            ("party", "Partie qui verse la contribution"),
            (
                "party_name",
                "Nom complet de la partie qui verse la contribution",
            ),
            ("party_index", "Rang de la partie qui verse la contribution"),
            ("nature", "Nature de la contribution (code)"),
            ("nature_label", "Nature de la contribution"),
            (
                "nature_phrase",
                "Nature de la contribution avec son article («\u{a0}une subvention\u{a0}»)",
            ),
            ("amount_cents", "Montant de la contribution"),
            ("amount", "Montant de la contribution en euros"),
            ("schedule", "Modalités de versement de la contribution"),
            ("schedule_kind", "Type de versement (code)"),
            ("instalments", "Versements datés de la contribution"),
            ("budget_line", "Imputation budgétaire de la contribution"),
        ],
    ),
    (
        "instalment",
        "Versement",
        "contribution.instalments",
        &[
            ("date", "Date du versement"),
            ("amount_cents", "Montant du versement"),
            ("amount", "Montant du versement en euros"),
        ],
    ),
    (
        "item",
        "Apport en nature",
        "in_kind",
        &[
            ("party", "Partie qui fait l’apport en nature"),
            (
                "party_index",
                "Rang de la partie qui fait l’apport en nature",
            ),
            ("description", "Apport en nature"),
            ("value_cents", "Valeur de l’apport en nature"),
            ("value", "Valeur de l’apport en nature en euros"),
        ],
    ),
    (
        "subsidy",
        "Subvention d’un financeur public",
        "subsidies",
        &[
            ("funder", "Financeur public"),
            (
                "amount_cents",
                "Montant de la subvention du financeur (argent et nature)",
            ),
            (
                "annual_cents",
                "Montant annuel de la subvention du financeur",
            ),
            ("annual_basis", "Calcul du montant annuel de la subvention"),
            (
                "in_kind_cents",
                "Valeur des apports en nature du financeur public",
            ),
            ("in_kind", "Part en nature de la subvention"),
        ],
    ),
    (
        "annex",
        "Annexe",
        "annexes",
        &[
            ("id", "Identifiant de l’annexe (code)"),
            ("number", "Numéro de l’annexe"),
            ("title", "Titre de l’annexe"),
            (
                "heading",
                "Intitulé de l’annexe («\u{a0}Annexe 1 — …\u{a0}»)",
            ),
            ("generated", "L’annexe est produite par Allia"),
            ("file_name", "Fichier joint à l’annexe"),
        ],
    ),
];

/// The variables a clause text gets from its loops or its clause kind: `party` (a
/// `per: party` clause or `{% for party in parties %}`), `lead`, `objective`.
const OWNERS: &[(&str, &str)] = &[("party", "de la partie"), ("lead", "du chef de file")];

/// Every insertable field with its French name, in context order, then the loop
/// variables (`objective`, `loop.last`…).
pub fn field_labels() -> Vec<FieldLabel> {
    let mut labels: Vec<FieldLabel> = FIELDS
        .iter()
        .map(|(path, label)| FieldLabel {
            path: (*path).into(),
            label: (*label).into(),
        })
        .collect();
    for (owner, of) in OWNERS {
        labels.push(FieldLabel {
            path: (*owner).into(),
            label: match *owner {
                "lead" => "Chef de file".into(),
                _ => "Partie".into(),
            },
        });
        for (field, label) in PARTY_FIELDS {
            let label = match (*owner, *field) {
                ("lead", "is_profile") => "Le chef de file est votre association".into(),
                ("lead", "is_lead") => "Le chef de file est chef de file".into(),
                ("lead", "is_public_funder") => "Le chef de file est un financeur public".into(),
                _ => label.replace("{of}", of),
            };
            labels.push(FieldLabel {
                path: format!("{owner}.{field}"),
                label,
            });
        }
    }
    for (var, name, _, fields) in LOOP_FIELDS {
        labels.push(FieldLabel {
            path: (*var).into(),
            label: (*name).into(),
        });
        for (field, label) in *fields {
            labels.push(FieldLabel {
                path: format!("{var}.{field}"),
                label: (*label).into(),
            });
        }
    }
    for (path, label) in [
        ("objective", "Objectif"),
        ("loop.first", "Premier de la liste"),
        ("loop.last", "Dernier de la liste"),
        ("loop.index", "Rang dans la liste"),
    ] {
        labels.push(FieldLabel {
            path: path.into(),
            label: label.into(),
        });
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_unique_french_and_cover_the_party_fields() {
        let labels = field_labels();
        let mut paths: Vec<&str> = labels.iter().map(|l| l.path.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), labels.len(), "each path once");
        let find = |p: &str| {
            labels
                .iter()
                .find(|l| l.path == p)
                .map(|l| l.label.as_str())
        };
        assert_eq!(find("alliance.name"), Some("Nom de l’alliance"));
        assert_eq!(find("alliance.purpose"), Some("Objet"));
        assert_eq!(find("lead.short_name"), Some("Nom court du chef de file"));
        assert_eq!(
            find("party.of_name"),
            Some("Nom de la partie précédé de «\u{a0}de\u{a0}»")
        );
        assert_eq!(
            find("lead.index"),
            Some("Rang du chef de file dans la liste")
        );
        assert!(labels
            .iter()
            .all(|l| !l.label.contains('\'') && !l.label.contains("{of}")));
    }
}
