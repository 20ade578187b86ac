use super::*;

fn answers() -> AdvisorAnswers {
    AdvisorAnswers::default()
}

/// One case per form, so every form of the guide is reachable.
fn cases() -> Vec<(CooperationForm, AdvisorAnswers)> {
    use CooperationForm as F;
    vec![
        (
            F::InformationSharing,
            AdvisorAnswers {
                partner_count: Some(2),
                expected_duration: Some(ExpectedDuration::OneOff),
                ..answers()
            },
        ),
        (
            F::ResourcePooling,
            AdvisorAnswers {
                partner_count: Some(1),
                legal_entity: Some(false),
                shared_assets: Some(true),
                ..answers()
            },
        ),
        (
            F::SharedConstruction,
            AdvisorAnswers {
                partner_count: Some(2),
                expected_duration: Some(ExpectedDuration::Project),
                ..answers()
            },
        ),
        (
            F::PartnershipAgreement,
            AdvisorAnswers {
                partner_count: Some(1),
                public_partners: Some(true),
                public_funding: Some(true),
                public_funding_cents: Some(3_000_000),
                legal_entity: Some(false),
                ..answers()
            },
        ),
        (
            F::PartnershipCharter,
            AdvisorAnswers {
                partner_count: Some(6),
                expected_duration: Some(ExpectedDuration::Lasting),
                public_funding: Some(false),
                ..answers()
            },
        ),
        (
            F::ConsortiumAgreement,
            AdvisorAnswers {
                partner_count: Some(3),
                call_for_projects: Some(true),
                legal_entity: Some(false),
                ..answers()
            },
        ),
        (
            F::Gie,
            AdvisorAnswers {
                partner_count: Some(2),
                shared_employees: Some(true),
                ..answers()
            },
        ),
        (
            F::Scic,
            AdvisorAnswers {
                partner_count: Some(3),
                legal_entity: Some(true),
                joint_economic_activity: Some(true),
                company_partners: Some(true),
                ..answers()
            },
        ),
        (
            F::Ptce,
            AdvisorAnswers {
                partner_count: Some(8),
                public_partners: Some(true),
                company_partners: Some(true),
                joint_economic_activity: Some(true),
                expected_duration: Some(ExpectedDuration::Lasting),
                ..answers()
            },
        ),
        (
            F::Gip,
            AdvisorAnswers {
                partner_count: Some(4),
                public_partners: Some(true),
                legal_entity: Some(true),
                ..answers()
            },
        ),
    ]
}

#[test]
fn every_form_is_reachable() {
    let cases = cases();
    for form in CooperationForm::ALL {
        assert!(
            cases.iter().any(|(f, _)| *f == form),
            "no case for {form:?}"
        );
    }
    for (expected, a) in cases {
        let r = recommend(&a).expect("a recommendation");
        assert_eq!(r.form, expected, "answers {a:?}");
        assert_eq!(r.label, expected.label());
        assert!(!r.reasons.is_empty(), "{expected:?} has reasons");
        assert!(
            r.reasons.iter().all(|s| s.ends_with('.')),
            "{:?}",
            r.reasons
        );
        assert!(
            r.contradictions.is_empty(),
            "{expected:?}: {:?}",
            r.contradictions
        );
        for alt in &r.alternatives {
            assert_ne!(alt.form, expected, "an alternative is another form");
        }
    }
}

#[test]
fn nothing_answered_recommends_nothing() {
    assert_eq!(recommend(&answers()), None);
}

#[test]
fn forms_map_to_their_documents() {
    use CooperationForm as F;
    assert_eq!(
        F::PartnershipAgreement.document_kind(),
        Some(DocumentKind::PartnershipAgreement)
    );
    assert_eq!(
        F::PartnershipCharter.document_kind(),
        Some(DocumentKind::PartnershipCharter)
    );
    assert_eq!(
        F::ConsortiumAgreement.document_kind(),
        Some(DocumentKind::ConsortiumAgreement)
    );
    let with_document: Vec<_> = F::ALL
        .into_iter()
        .filter(|f| f.document_kind().is_some())
        .collect();
    assert_eq!(with_document.len(), 3);
    let consortium = cases().remove(5).1;
    assert_eq!(
        recommend(&consortium).expect("r").document_kind,
        Some(DocumentKind::ConsortiumAgreement)
    );
}

#[test]
fn labels_are_domain_labels_in_order() {
    let labels: Vec<_> = CooperationForm::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(labels[0], "Partage d’informations");
    assert_eq!(labels[5], "Accord de consortium");
    assert_eq!(labels[9], "GIP (Groupement d’intérêt public)");
    let kinds: Vec<_> = CompanyPartnershipKind::ALL
        .iter()
        .map(|k| k.label())
        .collect();
    assert_eq!(
        kinds,
        [
            "Mécénat",
            "Pratiques responsables",
            "Coopération économique",
            "Innovation sociétale"
        ]
    );
}

#[test]
fn no_structure_with_shared_employees_is_explained() {
    let a = AdvisorAnswers {
        partner_count: Some(2),
        legal_entity: Some(false),
        shared_employees: Some(true),
        ..answers()
    };
    let r = recommend(&a).expect("r");
    assert_eq!(r.form, CooperationForm::ResourcePooling);
    assert_eq!(r.contradictions.len(), 1);
    let c = &r.contradictions[0];
    assert_eq!(c.fields, ["legalEntity", "sharedEmployees"]);
    assert!(c.message.contains("un seul employeur"), "{}", c.message);
    assert!(c.message.contains("GIE"), "{}", c.message);
    assert!(c.message.contains("GEIQ"), "{}", c.message);
    assert!(r
        .alternatives
        .iter()
        .any(|x| x.form == CooperationForm::Gie));
}

#[test]
fn other_contradictions_are_explained() {
    let economic = AdvisorAnswers {
        legal_entity: Some(false),
        joint_economic_activity: Some(true),
        ..answers()
    };
    let r = recommend(&economic).expect("r");
    assert_eq!(r.form, CooperationForm::PartnershipAgreement);
    assert_eq!(
        r.contradictions[0].fields,
        ["legalEntity", "jointEconomicActivity"]
    );

    let amount = AdvisorAnswers {
        public_funding: Some(false),
        public_funding_cents: Some(500_000),
        ..answers()
    };
    let r = recommend(&amount).expect("r");
    assert_eq!(r.form, CooperationForm::InformationSharing, "« non » wins");
    assert_eq!(
        r.contradictions[0].fields,
        ["publicFunding", "publicFundingCents"]
    );

    let alone = AdvisorAnswers {
        partner_count: Some(0),
        call_for_projects: Some(true),
        ..answers()
    };
    assert_eq!(
        recommend(&alone).expect("r").contradictions[0].fields,
        ["partnerCount"]
    );

    let no_companies = AdvisorAnswers {
        company_partners: Some(false),
        company_contributions: vec![CompanyContribution::Funding],
        ..answers()
    };
    let r = recommend(&no_companies).expect("r");
    assert_eq!(r.company, None);
    assert_eq!(
        r.contradictions[0].fields,
        ["companyPartners", "companyContributions"]
    );

    let one_off_structure = AdvisorAnswers {
        expected_duration: Some(ExpectedDuration::OneOff),
        legal_entity: Some(true),
        ..answers()
    };
    let r = recommend(&one_off_structure).expect("r");
    assert_eq!(r.form, CooperationForm::Gie);
    assert_eq!(
        r.contradictions[0].fields,
        ["expectedDuration", "legalEntity"]
    );
}

#[test]
fn the_23_000_euro_threshold_is_a_reason() {
    // Décret n° 2001-495 art. 1: an annual amount that exceeds 23 000 €, as the
    // contracts' rule (`commitment::annual`) reads it.
    assert_eq!(
        rule::CONVENTION_THRESHOLD_CENTS,
        crate::commitment::SUBSIDY_CONVENTION_THRESHOLD_CENTS
    );
    let mut a = AdvisorAnswers {
        public_funding: Some(true),
        public_funding_cents: Some(2_300_001),
        ..answers()
    };
    let r = recommend(&a).expect("r");
    assert_eq!(r.form, CooperationForm::PartnershipAgreement);
    let decree = r
        .reasons
        .iter()
        .find(|s| s.contains("2001-495"))
        .expect("the decree is a reason");
    assert!(decree.contains("montant annuel"), "{decree}");
    assert!(decree.contains("dépasse 23\u{a0}000\u{a0}€"), "{decree}");
    assert!(!decree.contains("atteint"), "{decree}");
    assert!(r
        .reasons
        .iter()
        .any(|s| s.contains("engagement républicain")));
    a.public_funding_cents = Some(2_300_000);
    let r = recommend(&a).expect("r");
    assert!(
        !r.reasons.iter().any(|s| s.contains("2001-495")),
        "exactly 23 000 € does not exceed it: {:?}",
        r.reasons
    );
}

#[test]
fn unknown_answers_are_to_be_specified_never_said_no() {
    // Only the partner count answered: everything else is « Je ne sais pas ».
    let a = AdvisorAnswers {
        partner_count: Some(2),
        ..answers()
    };
    let r = recommend(&a).expect("r");
    assert_eq!(r.form, CooperationForm::InformationSharing);
    let all = r.reasons.join(" ");
    for asserted in [
        "ni financement",
        "ni moyens partagés",
        "ni durée longue",
        "sans financement",
    ] {
        assert!(!all.contains(asserted), "{asserted} in {all}");
    }
    assert!(
        r.reasons[0].starts_with("Recommandation provisoire"),
        "{:?}",
        r.reasons
    );
    let open = r
        .reasons
        .iter()
        .find(|s| s.starts_with("À préciser\u{a0}: "))
        .expect("the open questions are listed");
    assert!(open.contains("le financement public"), "{open}");
    assert!(open.contains("les moyens partagés"), "{open}");
    assert!(open.contains("la durée de la coopération"), "{open}");
    assert!(!open.contains("le nombre de partenaires"), "{open}");
    assert_eq!(unanswered(&a).len(), 9);
}

#[test]
fn an_explicit_no_is_said_and_enough_answers_are_not_provisional() {
    let a = AdvisorAnswers {
        partner_count: Some(2),
        public_partners: Some(false),
        public_funding: Some(false),
        legal_entity: Some(false),
        shared_employees: Some(false),
        shared_assets: Some(false),
        joint_economic_activity: Some(false),
        expected_duration: Some(ExpectedDuration::OneOff),
        call_for_projects: Some(false),
        company_partners: Some(false),
        ..answers()
    };
    let r = recommend(&a).expect("r");
    assert_eq!(r.form, CooperationForm::InformationSharing);
    assert_eq!(
        r.reasons[0],
        "Rien dans vos réponses ne demande d’engagement formel (ni financement public, ni moyens partagés, ni durée longue)."
    );
    assert!(!r.reasons.iter().any(|s| s.contains("provisoire")));
    assert!(!r.reasons.iter().any(|s| s.contains("À préciser")));
    assert!(unanswered(&a).is_empty());

    // Funding « Non » but sharing unknown: only the funding is said.
    let charter = AdvisorAnswers {
        partner_count: Some(6),
        public_funding: Some(false),
        expected_duration: Some(ExpectedDuration::Lasting),
        ..answers()
    };
    let r = recommend(&charter).expect("r");
    assert_eq!(r.form, CooperationForm::PartnershipCharter);
    let all = r.reasons.join(" ");
    assert!(
        all.contains("dans la durée, sans financement public."),
        "{all}"
    );
    assert!(!all.contains("moyens partagés."), "{all}");
    // Three answers of ten: provisional.
    assert!(all.contains("Recommandation provisoire"), "{all}");
}

#[test]
fn company_category_follows_what_companies_bring() {
    use CompanyContribution as C;
    use CompanyPartnershipKind as K;
    let with = |contributions: Vec<C>| AdvisorAnswers {
        company_partners: Some(true),
        company_contributions: contributions,
        ..answers()
    };
    let kind = |a: &AdvisorAnswers| recommend(a).expect("r").company.expect("company").kind;
    assert_eq!(kind(&with(vec![C::Funding, C::Skills])), K::Patronage);
    assert_eq!(kind(&with(vec![])), K::Patronage);
    assert_eq!(
        kind(&with(vec![C::InKind, C::PracticeChange])),
        K::ResponsiblePractices
    );
    assert_eq!(
        kind(&with(vec![C::Funding, C::BusinessActivity])),
        K::EconomicCooperation
    );
    assert_eq!(
        kind(&with(vec![C::BusinessActivity, C::Innovation])),
        K::SocietalInnovation
    );
    let economic = AdvisorAnswers {
        joint_economic_activity: Some(true),
        ..with(vec![C::Funding])
    };
    assert_eq!(kind(&economic), K::EconomicCooperation);
    let advice = recommend(&with(vec![C::Skills]))
        .expect("r")
        .company
        .expect("company");
    assert_eq!(advice.label, "Mécénat");
    assert!(advice.reason.contains("mécénat"));
    // No company partner, no category.
    let none = AdvisorAnswers {
        partner_count: Some(2),
        ..answers()
    };
    assert_eq!(recommend(&none).expect("r").company, None);
}

#[test]
fn validation_bounds_and_deduplicates() {
    let a = AdvisorAnswers {
        partner_count: Some(PARTNER_COUNT_MAX + 1),
        public_funding_cents: Some(-1),
        ..answers()
    };
    let err = a.validated().expect_err("refused");
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["partnerCount", "publicFundingCents"]);
    let too_much = AdvisorAnswers {
        public_funding_cents: Some(AMOUNT_MAX_CENTS + 1),
        ..answers()
    };
    assert!(too_much.validated().is_err());
    let twice = AdvisorAnswers {
        company_contributions: vec![
            CompanyContribution::Skills,
            CompanyContribution::Funding,
            CompanyContribution::Skills,
        ],
        ..answers()
    };
    assert_eq!(
        twice.validated().expect("ok").company_contributions,
        [CompanyContribution::Skills, CompanyContribution::Funding]
    );
}

#[test]
fn answers_read_from_partial_json() {
    let a: AdvisorAnswers =
        serde_json::from_str(r#"{"partnerCount":3,"expectedDuration":"lasting"}"#).expect("json");
    assert_eq!(a.partner_count, Some(3));
    assert_eq!(a.expected_duration, Some(ExpectedDuration::Lasting));
    assert_eq!(a.legal_entity, None);
}

#[test]
fn the_demo_answers_recommend_a_gie_with_patronage() {
    let answers = demo_answers();
    assert_eq!(answers.validated().expect("valid"), answers);
    let r = recommend(&answers).expect("r");
    assert_eq!(r.form, CooperationForm::Gie);
    assert!(r.contradictions.is_empty());
    assert_eq!(
        r.company.map(|c| c.kind),
        Some(CompanyPartnershipKind::Patronage)
    );
}
