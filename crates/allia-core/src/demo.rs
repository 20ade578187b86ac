//! The guide's own example, loaded as a demo alliance: five associations pooling
//! accounting, HR and communication in a shared service.

use chrono::NaiveDate;

use crate::alliance::{AllianceDraft, AllianceStatus};
use crate::organisation::Organisation;
use crate::partner::{ActorType, PartnerDraft, PartnerRole};

/// The id earlier versions gave the demo alliance in every vault. No longer used for a
/// new demo (each vault's demo now gets a random id, remembered in the vault): two
/// associations that turned the demo into their real alliance were otherwise told their
/// files were « the same alliance ». A vault that already holds a demo under this id
/// keeps it as its demo.
pub const LEGACY_DEMO_ALLIANCE_ID: &str = "7ceec4a7-d2ba-4dad-8495-8136eeaf4ef7";

/// The demo alliance and its partners, ready to be stored.
pub struct DemoAlliance {
    pub alliance: AllianceDraft,
    pub partners: Vec<PartnerDraft>,
}

struct DemoMember {
    name: &'static str,
    acronym: &'static str,
    rna: &'static str,
    siret: &'static str,
    street: &'static str,
    postal_code: &'static str,
    city: &'static str,
    representative: (&'static str, &'static str),
    email: &'static str,
    role: PartnerRole,
    resources: &'static str,
    tags: &'static [&'static str],
}

const MEMBERS: [DemoMember; 5] = [
    DemoMember {
        name: "Maison des Solidarités du Val de Brenne",
        acronym: "MSVB",
        rna: "W372001234",
        siret: "80012345700015",
        street: "12 rue des Tanneurs",
        postal_code: "37110",
        city: "Château-Renault",
        representative: ("Claire Moreau", "Présidente"),
        email: "contact@msvb.example.fr",
        role: PartnerRole::Lead,
        resources: "Porte le service partagé : héberge la comptable mutualisée et met à disposition un bureau.",
        tags: &["comptabilité", "locaux", "coordination"],
    },
    DemoMember {
        name: "Les Jardins partagés de Brenne",
        acronym: "JPB",
        rna: "W372002345",
        siret: "81123456600016",
        street: "3 chemin du Moulin",
        postal_code: "37110",
        city: "Auzouer-en-Touraine",
        representative: ("Karim Benali", "Président"),
        email: "bonjour@jardins-brenne.example.fr",
        role: PartnerRole::Member,
        resources: "Un réseau de quarante bénévoles et l’animation des ateliers de quartier.",
        tags: &["bénévoles", "animation"],
    },
    DemoMember {
        name: "Culture pour tous en Val de Brenne",
        acronym: "CPTVB",
        rna: "W372003456",
        siret: "82234567400011",
        street: "8 place de la Mairie",
        postal_code: "37110",
        city: "Villedômer",
        representative: ("Sophie Lambert", "Co-présidente"),
        email: "culture@cptvb.example.fr",
        role: PartnerRole::Member,
        resources: "Une chargée de communication à mi-temps et les outils graphiques de l’alliance.",
        tags: &["communication", "graphisme"],
    },
    DemoMember {
        name: "Aide à domicile rurale du Val",
        acronym: "ADRV",
        rna: "W372004567",
        siret: "83345678300012",
        street: "21 avenue de la Gare",
        postal_code: "37110",
        city: "Château-Renault",
        representative: ("Jean Petit", "Président"),
        email: "accueil@adrv.example.fr",
        role: PartnerRole::Member,
        resources: "L’expérience de la paie et de la gestion de trente salariés.",
        tags: &["ressources humaines", "paie"],
    },
    DemoMember {
        name: "Sport et Insertion Brenne",
        acronym: "SIB",
        rna: "W372005678",
        siret: "84456789100016",
        street: "Complexe sportif, route de Tours",
        postal_code: "37110",
        city: "Saunay",
        representative: ("Nadia Roux", "Trésorière"),
        email: "sib@sport-insertion.example.fr",
        role: PartnerRole::Member,
        resources: "Des salles pour les réunions et l’organisation des événements communs.",
        tags: &["événementiel", "salles"],
    },
];

pub fn demo_alliance() -> DemoAlliance {
    DemoAlliance {
        alliance: AllianceDraft {
            name: "Service partagé du Val de Brenne".into(),
            purpose: Some(
                "Réduire de 15\u{202f}% les coûts administratifs des 5 associations membres de l’alliance \
                 avant juillet 2026 en mutualisant les fonctions comptabilité, RH et communication \
                 via la création d’un service partagé opérationnel au 1er décembre 2025."
                    .into(),
            ),
            territory: Some("Val de Brenne (Indre-et-Loire)".into()),
            start_date: NaiveDate::from_ymd_opt(2025, 12, 1),
            status: AllianceStatus::Active,
            terms: Default::default(),
        },
        partners: MEMBERS
            .iter()
            .map(|m| PartnerDraft {
                organisation: Organisation {
                    name: m.name.into(),
                    acronym: Some(m.acronym.into()),
                    legal_form: Some("Association loi 1901".into()),
                    rna: Some(m.rna.into()),
                    siret: Some(m.siret.into()),
                    street: Some(m.street.into()),
                    postal_code: Some(m.postal_code.into()),
                    city: Some(m.city.into()),
                    representative_name: Some(m.representative.0.into()),
                    representative_role: Some(m.representative.1.into()),
                    email: Some(m.email.into()),
                    phone: None,
                    ..Organisation::default()
                },
                actor_type: ActorType::Association,
                role: m.role,
                resources: Some(m.resources.into()),
                resource_tags: m.tags.iter().map(|t| t.to_string()).collect(),
                own_association: false,
                ..PartnerDraft::default()
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_valid_and_matches_the_guide() {
        let demo = demo_alliance();
        assert!(demo.alliance.validated().is_ok());
        assert_eq!(demo.partners.len(), 5);
        for p in &demo.partners {
            assert_eq!(p.actor_type, ActorType::Association);
            let validated = p.validated().expect("demo partner valid");
            assert_eq!(&validated, p, "demo data is already normalised");
        }
        assert_eq!(
            demo.partners
                .iter()
                .filter(|p| p.role == PartnerRole::Lead)
                .count(),
            1
        );
        let tags: Vec<&str> = demo
            .partners
            .iter()
            .flat_map(|p| p.resource_tags.iter().map(String::as_str))
            .collect();
        for pooled in ["comptabilité", "ressources humaines", "communication"] {
            assert!(tags.contains(&pooled), "{pooled}");
        }
    }
}
