use super::*;

fn org(name: &str, city: Option<&str>) -> Organisation {
    Organisation {
        name: name.into(),
        city: city.map(Into::into),
        ..Organisation::default()
    }
}

fn reason(a: &Organisation, b: &Organisation) -> Option<SuspicionReason> {
    suspicion(a, b).map(|s| s.reason)
}

#[test]
fn the_homonyms_of_two_villages_are_not_suspected() {
    // rw-04: the user's « Comité des fêtes » of Saunay and the partner of Villedômer.
    let mut saunay = org("Comité des fêtes", Some("Saunay"));
    saunay.rna = Some("W372011111".into());
    let mut villedomer = org("Comité des fêtes", Some("Villedômer"));
    villedomer.rna = Some("W372022222".into());
    assert_eq!(suspicion(&saunay, &villedomer), None);
}

#[test]
fn same_rna_whatever_the_names() {
    let mut a = org("Comité des fêtes", Some("Saunay"));
    a.rna = Some("W372011111".into());
    let mut b = org("Comite des fetes de Saunay", None);
    b.rna = Some("w372 011 111".into());
    let s = suspicion(&a, &b).expect("same RNA");
    assert_eq!(s.reason, SuspicionReason::SameRna);
    assert_eq!(s.label, "même numéro RNA");
}

#[test]
fn same_siret_then_same_siren() {
    let mut a = org("Entreprise A", None);
    a.siret = Some("80012345700015".into());
    let mut b = org("Autre nom", Some("Tours"));
    b.siret = Some("800 123 457 00015".into());
    assert_eq!(reason(&a, &b), Some(SuspicionReason::SameSiret));
    assert_eq!(
        suspicion(&a, &b).map(|s| s.label),
        Some("même numéro SIRET".into())
    );
    // Another establishment of the same company, or its SIREN alone.
    b.siret = Some("80012345700023".into());
    assert_eq!(reason(&a, &b), Some(SuspicionReason::SameSiren));
    b.siret = Some("800123457".into());
    assert_eq!(reason(&a, &b), Some(SuspicionReason::SameSiren));
    assert_eq!(
        SuspicionReason::SameSiren.label(),
        "même numéro SIREN",
        "French label"
    );
    // Different SIREN: no suspicion (names and cities differ too).
    b.siret = Some("81123456600016".into());
    assert_eq!(reason(&a, &b), None);
}

#[test]
fn same_name_and_city_collated() {
    let a = org("Maison des Solidarités", Some("Château-Renault"));
    let b = org("  MAISON DES SOLIDARITES ", Some("chateau renault"));
    let s = suspicion(&a, &b).expect("same name and city");
    assert_eq!(s.reason, SuspicionReason::SameNameAndCity);
    assert_eq!(s.label, "même nom et même commune");
    // Decomposed accents (macOS) and ligatures fold the same way.
    let nfd = org(
        "Maison des Solidarite\u{301}s",
        Some("Cha\u{302}teau-Renault"),
    );
    assert_eq!(reason(&a, &nfd), Some(SuspicionReason::SameNameAndCity));
    let oe = org("Œuvre du Cœur", None);
    assert_eq!(
        reason(&oe, &org("oeuvre du coeur", None)),
        Some(SuspicionReason::SameNameNoCity),
        "both cities missing: nothing tells them apart"
    );
}

#[test]
fn the_same_name_without_a_city_is_asked_about() {
    // The register's trial: the same town hall typed twice, neither with a city.
    let a = org("Mairie de Joué-lès-Tours", None);
    let b = org("MAIRIE DE JOUÉ-LÈS-TOURS", None);
    let s = suspicion(&a, &b).expect("same name, no city");
    assert_eq!(s.reason, SuspicionReason::SameNameNoCity);
    assert_eq!(s.label, "même nom, sans ville pour les distinguer");
    // A city on one side only, either side: still nothing to tell them apart.
    let tours = org("Mairie de Joué-lès-Tours", Some("Joué-lès-Tours"));
    assert_eq!(reason(&tours, &b), Some(SuspicionReason::SameNameNoCity));
    assert_eq!(reason(&b, &tours), Some(SuspicionReason::SameNameNoCity));
    // A blank city is a missing one.
    let blank = org("Comité des fêtes", Some("   "));
    assert_eq!(
        reason(&org("Comité des fêtes", None), &blank),
        Some(SuspicionReason::SameNameNoCity)
    );
    assert_eq!(
        reason(&org("Comité des fêtes", Some("Saunay")), &blank),
        Some(SuspicionReason::SameNameNoCity)
    );
    // Two known, different cities keep the homonyms apart; other names are not asked.
    assert_eq!(
        reason(
            &org("Comité des fêtes", Some("Saunay")),
            &org("Comité des fêtes", Some("Villedômer"))
        ),
        None
    );
    assert_eq!(reason(&a, &org("Mairie de Tours", None)), None);
    // Numbers still come first.
    let mut x = org("Mairie", None);
    x.siret = Some("21370122500017".into());
    let mut y = org("Mairie", None);
    y.siret = Some("21370122500017".into());
    assert_eq!(reason(&x, &y), Some(SuspicionReason::SameSiret));
}

#[test]
fn lookalikes_ask_about_an_actor_typed_twice_without_a_city() {
    let partners = vec![stored("p1", org("Mairie de Joué-lès-Tours", None), false)];
    let again = crate::partner::PartnerDraft {
        organisation: org("MAIRIE DE JOUÉ-LÈS-TOURS", None),
        ..Default::default()
    };
    let found = lookalikes(&again, None, None, &partners);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].partner_id.as_deref(), Some("p1"));
    assert_eq!(found[0].suspicion.reason, SuspicionReason::SameNameNoCity);
    assert!(lookalikes(&again, Some("p1"), None, &partners).is_empty());
}

#[test]
fn identifiers_that_differ_do_not_prevent_the_name_question() {
    // Two different RNA numbers but the same name in the same town: still asked, the
    // user decides (a typo in a number is likelier than two homonyms in one town).
    let mut a = org("Comité des fêtes", Some("Saunay"));
    a.rna = Some("W372011111".into());
    let mut b = org("Comité des Fêtes", Some("SAUNAY"));
    b.rna = Some("W372011112".into());
    assert_eq!(reason(&a, &b), Some(SuspicionReason::SameNameAndCity));
}

#[test]
fn empty_names_are_never_suspected() {
    assert_eq!(reason(&org("", None), &org("", None)), None);
    assert_eq!(reason(&org("—", None), &org("…", None)), None);
}

fn stored(id: &str, organisation: Organisation, own: bool) -> Partner {
    Partner {
        id: id.into(),
        alliance_id: "a".into(),
        created_at: chrono::Utc::now(),
        updated_at: chrono::Utc::now(),
        draft: crate::partner::PartnerDraft {
            organisation,
            own_association: own,
            ..Default::default()
        },
    }
}

fn with_rna(name: &str, city: &str, rna: &str) -> Organisation {
    Organisation {
        rna: Some(rna.into()),
        ..org(name, Some(city))
    }
}

#[test]
fn lookalikes_list_the_profile_then_the_partners() {
    let profile = with_rna("Comité des fêtes", "Saunay", "W372011111");
    let partners = vec![
        stored("p1", with_rna("Jardins", "Auzouer", "W372002345"), false),
        stored(
            "p2",
            with_rna("Comité des fêtes", "Villedômer", "W372022222"),
            false,
        ),
    ];
    // A new partner with p2's RNA: p2 only (the profile has another RNA and town).
    let draft = crate::partner::PartnerDraft {
        organisation: with_rna("CDF Villedômer", "Villedômer", "W372022222"),
        ..Default::default()
    };
    let found = lookalikes(&draft, None, Some(&profile), &partners);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].partner_id.as_deref(), Some("p2"));
    assert_eq!(found[0].suspicion.reason, SuspicionReason::SameRna);
    assert!(!found[0].own_association);
    // Editing p2 itself: nothing to ask.
    assert!(lookalikes(&draft, Some("p2"), Some(&profile), &partners).is_empty());

    // The profile typed again as a partner: the profile first, marked as the association.
    let again = crate::partner::PartnerDraft {
        organisation: org("COMITE DES FETES", Some("saunay")),
        ..Default::default()
    };
    let found = lookalikes(&again, None, Some(&profile), &partners);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].partner_id, None);
    assert!(found[0].own_association);
    assert_eq!(found[0].suspicion.reason, SuspicionReason::SameNameAndCity);
    // Once marked as the association itself, the profile is not asked about.
    let marked = crate::partner::PartnerDraft {
        own_association: true,
        ..again.clone()
    };
    assert!(lookalikes(&marked, None, Some(&profile), &partners).is_empty());
    // A partner already linked as the association stands for the profile.
    let mut linked = partners.clone();
    linked.push(stored("p3", profile.clone(), true));
    let found = lookalikes(&again, None, Some(&profile), &linked);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].partner_id.as_deref(), Some("p3"));
    assert!(found[0].own_association);
}
