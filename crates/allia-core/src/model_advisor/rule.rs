//! The recommendation rule (guide, section 2 « Choisir le bon modèle de partenariat »):
//! from the questionnaire's answers to one form of cooperation, its reasons, the
//! alternatives worth a look, the answers that contradict each other, and for company
//! partners the Observatoire des partenariats' category.
//!
//! The guide orders the forms « des plus simples aux plus élaborées selon la taille de
//! l’association, les besoins et les objectifs visés »; the rule goes the other way:
//! it looks first for what only a structure can carry (a shared employer, a joint
//! economic activity, a public–private mission), then for what needs a written accord
//! (money, public partners, a call for projects), and ends with the lightest form.

use serde::{Deserialize, Serialize};

use super::ExpectedDuration;
use super::{AdvisorAnswers, CompanyContribution, CompanyPartnershipKind, CooperationForm};
use crate::document::DocumentKind;
use crate::money::format_euros;

/// The annual public subsidy above which a written convention with the public body is
/// compulsory (décret n° 2001-495 du 6 juin 2001, art. 1: « dépasse 23 000 euros »), in
/// cents; the contracts' rule ([`crate::commitment::SUBSIDY_CONVENTION_THRESHOLD_CENTS`]).
pub const CONVENTION_THRESHOLD_CENTS: i64 = crate::commitment::SUBSIDY_CONVENTION_THRESHOLD_CENTS;

/// Below this many answered questions (of the ten), the recommendation says it is
/// provisional.
pub const PROVISIONAL_BELOW: usize = 5;

/// What the advisor recommends for a set of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub form: CooperationForm,
    /// The form's label ([`CooperationForm::label`]).
    pub label: String,
    /// The document Allia can draft for it, if any ([`CooperationForm::document_kind`]).
    pub document_kind: Option<DocumentKind>,
    /// Why, in plain French, one sentence each, the most decisive first.
    pub reasons: Vec<String>,
    /// Other forms worth a look, each with why (none, one or two).
    pub alternatives: Vec<Alternative>,
    /// Answers that do not go together, each explained.
    pub contradictions: Vec<Contradiction>,
    /// For company partners: the partnership's category.
    pub company: Option<CompanyAdvice>,
}

/// Another form worth a look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    pub form: CooperationForm,
    pub label: String,
    pub document_kind: Option<DocumentKind>,
    pub reason: String,
}

/// Two or more answers that do not go together, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Contradiction {
    /// The answers concerned, by field name (`legalEntity`, `sharedEmployees`…).
    pub fields: Vec<String>,
    pub message: String,
}

/// The category of a company–association partnership (Observatoire des partenariats,
/// guide section 2 « La coopération avec le secteur privé »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CompanyAdvice {
    pub kind: CompanyPartnershipKind,
    pub label: String,
    pub reason: String,
}

/// The answers reduced to the facts the rule reads. An unanswered question weighs as
/// « no » in the choice, but the reasons never say « no » for it: `no_funding` and
/// `no_sharing` are only set by an explicit « Non », and the unanswered questions are
/// listed as « à préciser ».
struct Facts {
    /// « Non » to the public funding.
    no_funding: bool,
    /// « Non » to both shared employees and shared assets.
    no_sharing: bool,
    count: Option<u32>,
    public: bool,
    companies: bool,
    funded: bool,
    cents: i64,
    entity: Option<bool>,
    employees: bool,
    assets: bool,
    economic: bool,
    duration: Option<ExpectedDuration>,
    call: bool,
}

impl Facts {
    fn of(a: &AdvisorAnswers) -> Facts {
        let cents = a.public_funding_cents.unwrap_or(0).max(0);
        Facts {
            no_funding: a.public_funding == Some(false),
            no_sharing: a.shared_employees == Some(false) && a.shared_assets == Some(false),
            count: a.partner_count,
            public: a.public_partners == Some(true),
            companies: a.company_partners == Some(true),
            // An amount typed without the yes/no answer is funding all the same; an
            // explicit « non » wins (and is reported as a contradiction).
            funded: a.public_funding == Some(true) || (a.public_funding.is_none() && cents > 0),
            cents,
            entity: a.legal_entity,
            employees: a.shared_employees == Some(true),
            assets: a.shared_assets == Some(true),
            economic: a.joint_economic_activity == Some(true),
            duration: a.expected_duration,
            call: a.call_for_projects == Some(true),
        }
    }

    /// Four organisations or more, the association included.
    fn many(&self) -> bool {
        self.count.is_some_and(|n| n >= 3)
    }

    /// « , sans financement public ni moyens partagés » for what was answered « Non »
    /// (empty when neither was).
    fn without(&self) -> String {
        match (self.no_funding, self.no_sharing) {
            (true, true) => ", sans financement public ni moyens partagés".into(),
            (true, false) => ", sans financement public".into(),
            (false, true) => ", sans moyens partagés".into(),
            (false, false) => String::new(),
        }
    }
}

/// The questions not answered yet, by their French subject, in the questionnaire's
/// order. An amount typed without the yes/no answer answers the funding question.
pub fn unanswered(a: &AdvisorAnswers) -> Vec<&'static str> {
    let subjects: [(bool, &'static str); 10] = [
        (a.partner_count.is_none(), "le nombre de partenaires"),
        (a.public_partners.is_none(), "les partenaires publics"),
        (
            a.public_funding.is_none() && a.public_funding_cents.is_none(),
            "le financement public",
        ),
        (a.legal_entity.is_none(), "la structure juridique commune"),
        (a.shared_employees.is_none(), "les salariés partagés"),
        (a.shared_assets.is_none(), "les moyens partagés"),
        (
            a.joint_economic_activity.is_none(),
            "l’activité économique commune",
        ),
        (a.expected_duration.is_none(), "la durée de la coopération"),
        (a.call_for_projects.is_none(), "l’appel à projets"),
        (a.company_partners.is_none(), "les entreprises partenaires"),
    ];
    subjects
        .into_iter()
        .filter_map(|(open, subject)| open.then_some(subject))
        .collect()
}

/// The recommendation for `answers`, or `None` while nothing is answered. The answers
/// need not be validated: a negative amount counts as none.
///
/// The rule, in order (guide section 2; the first that applies gives the form):
/// 1. a joint economic activity with public partners, companies and five organisations
///    or more: PTCE (« Partenariats multi-acteurs »);
/// 2. a legal entity wanted (or not answered, with shared employees or a joint economic
///    activity): GIP when public partners come without an economic activity, SCIC for
///    an economic activity with public partners or companies, GIE otherwise;
/// 3. a call for projects, or four organisations or more with public funding: accord
///    de consortium;
/// 4. public funding or public partners, or a joint economic activity without a
///    structure: convention de partenariat;
/// 5. shared employees or assets: mutualisation de moyens;
/// 6. four organisations or more for the long run: charte partenariale;
/// 7. a project's duration: construction partagée;
/// 8. a lasting relation between few partners: convention de partenariat;
/// 9. otherwise: partage d’informations.
pub fn recommend(answers: &AdvisorAnswers) -> Option<Recommendation> {
    if answers.is_empty() {
        return None;
    }
    let f = Facts::of(answers);
    let (form, mut reasons, alternatives) = choose(&f);
    if f.funded {
        reasons.push(
            "Pour recevoir une subvention, l’association signe le contrat d’engagement républicain (obligatoire depuis 2022)."
                .into(),
        );
    }
    let open = unanswered(answers);
    if 10 - open.len() < PROVISIONAL_BELOW {
        reasons.insert(
            0,
            "Recommandation provisoire\u{a0}: moins de la moitié des questions ont une réponse, elle peut changer avec les suivantes.".into(),
        );
    }
    if !open.is_empty() {
        reasons.push(format!("À préciser\u{a0}: {}.", open.join(", ")));
    }
    Some(Recommendation {
        form,
        label: form.label().into(),
        document_kind: form.document_kind(),
        reasons,
        alternatives: alternatives
            .into_iter()
            .map(|(form, reason)| Alternative {
                form,
                label: form.label().into(),
                document_kind: form.document_kind(),
                reason: reason.into(),
            })
            .collect(),
        contradictions: contradictions(answers, &f),
        company: company_advice(answers, &f),
    })
}

type Choice = (
    CooperationForm,
    Vec<String>,
    Vec<(CooperationForm, &'static str)>,
);

/// Steps 1 to 9 of [`recommend`].
fn choose(f: &Facts) -> Choice {
    use CooperationForm as F;
    let lasting = f.duration == Some(ExpectedDuration::Lasting);
    if f.economic && f.public && f.companies && f.count.is_some_and(|n| n >= 4) {
        return (
            F::Ptce,
            vec![
                "Associations, partenaires publics et entreprises, nombreux, veulent mener ensemble une activité économique sur leur territoire.".into(),
                "Le guide cite le PTCE parmi les structures adaptées aux coopérations territoriales multi-acteurs qui poursuivent des buts variés.".into(),
            ],
            vec![
                (F::Scic, "Si l’activité doit être portée par une société dont chaque catégorie d’acteurs est associée."),
                (F::ConsortiumAgreement, "Pour commencer par un projet commun, avec une gouvernance et des modalités financières écrites, avant de créer un pôle."),
            ],
        );
    }
    let structure = f.entity == Some(true) || (f.entity.is_none() && (f.employees || f.economic));
    if structure {
        let mut reasons: Vec<String> = Vec::new();
        if f.entity == Some(true) {
            reasons.push("Vous avez besoin d’une structure juridique commune, qui puisse employer, signer et facturer en son nom.".into());
        } else {
            reasons.push("Partager des salariés ou mener une activité économique ensemble demande en général une structure commune, même si vous ne l’avez pas indiqué.".into());
        }
        if f.public && !f.economic {
            reasons.push("Des partenaires publics en font partie\u{a0}: le GIP réunit personnes publiques et privées autour d’une mission d’intérêt général.".into());
            return (
                F::Gip,
                reasons,
                vec![(F::PartnershipAgreement, "Si une structure commune n’est finalement pas nécessaire, une convention (par exemple pluriannuelle d’objectifs et de moyens) fixe les engagements de chacun.")],
            );
        }
        if f.economic && (f.public || f.companies) {
            reasons.push("L’activité économique commune associe des acteurs de natures différentes (collectivités, entreprises, associations)\u{a0}: la SCIC les réunit tous comme associés d’une activité d’intérêt collectif.".into());
            return (
                F::Scic,
                reasons,
                vec![(F::Gie, "Si l’activité commune ne fait que prolonger celle de chaque membre, sans autre catégorie d’associés.")],
            );
        }
        if f.employees {
            reasons.push(
                "Un GIE peut être l’employeur commun des salariés partagés entre ses membres."
                    .into(),
            );
        }
        if f.assets {
            reasons.push(
                "Un GIE peut détenir les moyens partagés (locaux, matériel) au nom de tous.".into(),
            );
        }
        if f.economic {
            reasons.push("Le GIE prolonge l’activité économique de ses membres sans réaliser de bénéfices pour lui-même.".into());
        }
        if !(f.employees || f.assets || f.economic) {
            reasons.push("Le GIE est la structure la plus légère parmi celles que cite le guide pour mettre des moyens en commun.".into());
        }
        return (
            F::Gie,
            reasons,
            vec![(F::ResourcePooling, "Si l’un des membres peut porter seul les moyens partagés, une mutualisation encadrée par une convention suffit.")],
        );
    }
    if f.call || (f.many() && f.funded) {
        let mut reasons: Vec<String> = Vec::new();
        if f.call {
            reasons.push("Répondre à plusieurs à un appel à projets demande de fixer qui porte le dossier, qui reçoit et reverse les fonds et à quelle date.".into());
        } else {
            reasons.push("Plusieurs partenaires partagent un financement public\u{a0}: il faut écrire qui le reçoit et comment il est réparti.".into());
        }
        reasons.push("L’accord de consortium organise la gouvernance collective, le calendrier et les modalités financières.".into());
        return (
            F::ConsortiumAgreement,
            reasons,
            vec![(F::PartnershipAgreement, "Si le projet ne réunit que deux partenaires, une convention de partenariat suffit.")],
        );
    }
    if f.funded || f.public || f.economic {
        let mut reasons: Vec<String> = Vec::new();
        if f.public {
            reasons.push("Avec des partenaires publics, la relation passe d’une logique de subvention à une construction conjointe\u{a0}: les engagements de chacun doivent être écrits.".into());
        }
        if f.funded {
            if f.cents > CONVENTION_THRESHOLD_CENTS {
                reasons.push(format!(
                    "Le montant annuel du financement public annoncé ({}) dépasse 23\u{a0}000\u{a0}€\u{a0}: une convention avec la personne publique est obligatoire (décret n°\u{a0}2001-495, art.\u{a0}1).",
                    format_euros(f.cents)
                ));
            } else {
                reasons.push("Un financement public se formalise par une convention qui en fixe l’objet, le montant et les conditions.".into());
            }
        }
        if f.economic {
            reasons.push("Sans structure commune, chaque partenaire facture sa part de l’activité\u{a0}: la convention en fixe la répartition.".into());
        }
        reasons.push("La convention de partenariat fixe les engagements stratégiques et opérationnels des partenaires.".into());
        return (
            F::PartnershipAgreement,
            reasons,
            vec![(F::PartnershipCharter, "Pour poser en plus un cadre éthique et déontologique commun, une charte peut accompagner la convention.")],
        );
    }
    if f.employees || f.assets {
        let mut reasons: Vec<String> = vec![
            "Vous partagez des moyens sans vouloir de structure commune\u{a0}: c’est une mutualisation de moyens.".into(),
        ];
        reasons.push("La mutualisation réduit les coûts de chacun\u{a0}; écrivez qui apporte quoi, qui paie et qui en est responsable.".into());
        return (
            F::ResourcePooling,
            reasons,
            vec![
                (F::PartnershipAgreement, "Une convention de partenariat écrit les engagements de chacun sur les moyens partagés."),
                (F::Gie, "Si le partage devient important et durable, un GIE peut porter les moyens au nom de tous."),
            ],
        );
    }
    if f.many() && lasting {
        return (
            F::PartnershipCharter,
            vec![
                format!("De nombreux partenaires coopèrent dans la durée{}.", f.without()),
                "La charte partenariale pose le cadre éthique et déontologique commun, que chacun signe.".into(),
            ],
            vec![(F::PartnershipAgreement, "Si des engagements précis (actions, moyens, calendrier) apparaissent, une convention les fixe.")],
        );
    }
    if f.duration == Some(ExpectedDuration::Project) {
        return (
            F::SharedConstruction,
            vec![
                format!("Vous menez un projet commun sur une durée limitée{}.", f.without()),
                "La construction partagée suffit\u{a0}; un accord écrit reste utile pour les rôles de chacun.".into(),
            ],
            vec![(F::PartnershipAgreement, "Pour écrire les engagements de chacun dans le projet.")],
        );
    }
    if lasting {
        return (
            F::PartnershipAgreement,
            vec![
                "Une relation durable engage le fonctionnement stratégique et opérationnel de chacun\u{a0}: un accord de coopération en formalise le cadre commun.".into(),
                "La convention de partenariat fixe les engagements stratégiques et opérationnels des partenaires.".into(),
            ],
            vec![(F::PartnershipCharter, "Si vous voulez seulement partager des valeurs et des règles de conduite.")],
        );
    }
    (
        F::InformationSharing,
        vec![
            nothing_formal(f),
            "Le partage d’informations est la forme de coopération la plus simple\u{a0}: c’est un bon point de départ.".into(),
        ],
        vec![(F::SharedConstruction, "Si un projet commun se dessine, vous pourrez le construire ensemble.")],
    )
}

/// Why the lightest form, saying « non » only for what was answered « Non ».
fn nothing_formal(f: &Facts) -> String {
    let mut said: Vec<&str> = Vec::new();
    if f.no_funding {
        said.push("ni financement public");
    }
    if f.no_sharing {
        said.push("ni moyens partagés");
    }
    if f.duration == Some(ExpectedDuration::OneOff) {
        said.push("ni durée longue");
    }
    if said.is_empty() {
        "Aucune de vos réponses ne demande pour l’instant d’engagement formel.".into()
    } else {
        format!(
            "Rien dans vos réponses ne demande d’engagement formel ({}).",
            said.join(", ")
        )
    }
}

/// The answers that do not go together, each with why.
fn contradictions(a: &AdvisorAnswers, f: &Facts) -> Vec<Contradiction> {
    let mut out = Vec::new();
    let mut add = |fields: &[&str], message: &str| {
        out.push(Contradiction {
            fields: fields.iter().map(|s| s.to_string()).collect(),
            message: message.into(),
        })
    };
    if f.entity == Some(false) && f.employees {
        add(
            &["legalEntity", "sharedEmployees"],
            "Vous ne voulez pas de structure juridique mais partagez des salariés\u{a0}: un salarié a un seul employeur. Sans structure, l’un des partenaires l’emploie et le met à disposition des autres, sans but lucratif\u{a0}; au-delà, un employeur commun — un GIE ou un groupement d’employeurs (comme un GEIQ) — est en général nécessaire.",
        );
    }
    if f.entity == Some(false) && f.economic {
        add(
            &["legalEntity", "jointEconomicActivity"],
            "Vous ne voulez pas de structure juridique mais prévoyez une activité économique commune\u{a0}: sans structure, personne ne peut vendre ni facturer au nom de tous. Chacun facture alors sa part, ou une structure (GIE, SCIC) porte l’activité.",
        );
    }
    if a.public_funding == Some(false) && f.cents > 0 {
        add(
            &["publicFunding", "publicFundingCents"],
            "Vous indiquez ne pas recevoir de financement public, mais un montant est saisi\u{a0}: il n’est pas pris en compte. Corrigez l’une des deux réponses.",
        );
    }
    if f.count == Some(0) && (f.public || f.companies || f.call) {
        add(
            &["partnerCount"],
            "Vous indiquez n’avoir aucun partenaire, mais d’autres réponses en supposent (partenaires publics, entreprises ou réponse commune à un appel à projets)\u{a0}: précisez le nombre de partenaires.",
        );
    }
    if a.company_partners == Some(false) && !a.company_contributions.is_empty() {
        add(
            &["companyPartners", "companyContributions"],
            "Vous indiquez n’avoir aucune entreprise partenaire, mais avez coché ce que des entreprises apportent\u{a0}: ces apports ne sont pas pris en compte.",
        );
    }
    if f.duration == Some(ExpectedDuration::OneOff) && f.entity == Some(true) {
        add(
            &["expectedDuration", "legalEntity"],
            "Créer une structure juridique pour une action ponctuelle est lourd (statuts, comptes, dissolution)\u{a0}: une convention ou un accord de consortium suffit en général pour une action limitée dans le temps.",
        );
    }
    out
}

/// The Observatoire des partenariats' category for the company partners, when there
/// are some: the most engaged of what they bring (innovation, then economic
/// cooperation, then responsible practices, then patronage).
fn company_advice(a: &AdvisorAnswers, f: &Facts) -> Option<CompanyAdvice> {
    use CompanyContribution as C;
    use CompanyPartnershipKind as K;
    let has = |c: C| a.company_contributions.contains(&c);
    if !(f.companies || (a.company_partners.is_none() && !a.company_contributions.is_empty())) {
        return None;
    }
    let (kind, reason) = if has(C::Innovation) {
        (K::SocietalInnovation, "Vous co-construisez avec l’entreprise des solutions nouvelles\u{a0}: c’est un partenariat d’innovation sociétale. Prévoyez comment en mesurer l’impact, les entreprises y sont attentives.".to_string())
    } else if has(C::BusinessActivity) || f.economic {
        (K::EconomicCooperation, "L’entreprise et l’association mènent une activité économique ensemble\u{a0}: c’est une coopération économique, qui s’inscrit souvent dans la durée.".to_string())
    } else if has(C::PracticeChange) {
        (K::ResponsiblePractices, "L’association aide l’entreprise à faire évoluer ses pratiques\u{a0}: c’est un partenariat de pratiques responsables, où l’association apporte ses compétences stratégiques.".to_string())
    } else if has(C::Funding) || has(C::Skills) || has(C::InKind) {
        (K::Patronage, "L’entreprise soutient le projet de l’association par de l’argent, des compétences ou des dons en nature\u{a0}: c’est du mécénat.".to_string())
    } else {
        (K::Patronage, "Sans précision sur ce que les entreprises apportent, le mécénat est le partenariat le plus courant\u{a0}; indiquez leurs apports pour affiner.".to_string())
    };
    Some(CompanyAdvice {
        kind,
        label: kind.label().into(),
        reason,
    })
}
