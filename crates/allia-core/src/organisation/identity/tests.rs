//! Unit tests of the identity fields: country, foreign registration, local register and
//! bank details, checked through [`Organisation::validated`].

use super::*;
use crate::organisation::tests::{messages_for, org};

#[test]
fn france_is_stored_as_no_country() {
    for typed in ["", "  ", "France", "FRANCE", "fr", " France "] {
        let o = Organisation {
            country: Some(typed.into()),
            postal_code: Some("69003".into()),
            ..org("Asso")
        }
        .validated()
        .expect(typed);
        assert_eq!(o.country, None, "{typed:?}");
        assert!(o.in_france());
    }
    let o = Organisation {
        country: Some("belgique".into()),
        ..org("Asso")
    }
    .validated()
    .expect("belgique");
    assert_eq!(o.country.as_deref(), Some("Belgique"));
    assert!(!o.in_france());
    let o = Organisation {
        country: Some("Sénégal".into()),
        ..org("Asso")
    }
    .validated()
    .expect("any country");
    assert_eq!(o.country.as_deref(), Some("Sénégal"));
    let err = Organisation {
        country: Some("75015".into()),
        ..org("Asso")
    }
    .validated()
    .expect_err("digits");
    assert_eq!(
        messages_for(&err, "country"),
        vec!["Indiquez le pays en toutes lettres (exemple\u{a0}: Belgique)."]
    );
}

#[test]
fn a_belgian_partner_has_a_free_postal_code_and_its_register() {
    let o = Organisation {
        country: Some("Belgique".into()),
        postal_code: Some("7500".into()),
        city: Some("Tournai".into()),
        foreign_registration: Some(ForeignRegistration {
            register: " BCE ".into(),
            number: "0456.789.123".into(),
        }),
        ..org("Maison du Hainaut solidaire ASBL")
    }
    .validated()
    .expect("Belgian partner");
    assert_eq!(o.postal_code.as_deref(), Some("7500"));
    assert_eq!(
        o.foreign_registration,
        Some(ForeignRegistration {
            register: "BCE".into(),
            number: "0456.789.123".into(),
        })
    );
    // Letters, spaces and dashes outside France (« L-1234 », « SW1A 1AA »).
    for pc in ["L-1234", "SW1A 1AA", "1204"] {
        assert!(Organisation {
            country: Some("Royaume-Uni".into()),
            postal_code: Some(pc.into()),
            ..org("X")
        }
        .validated()
        .is_ok());
    }
    let err = Organisation {
        country: Some("Belgique".into()),
        postal_code: Some("75_000/Paris".into()),
        ..org("X")
    }
    .validated()
    .expect_err("symbols");
    assert_eq!(
        messages_for(&err, "postalCode"),
        vec!["Le code postal compte au plus 10 lettres, chiffres, espaces ou tirets."]
    );
    // In France, five digits, spaces typed inside removed.
    let o = Organisation {
        postal_code: Some("75 015".into()),
        ..org("X")
    }
    .validated()
    .expect("spaced");
    assert_eq!(o.postal_code.as_deref(), Some("75015"));
    let err = Organisation {
        postal_code: Some("7500".into()),
        ..org("X")
    }
    .validated()
    .expect_err("France");
    assert_eq!(messages_for(&err, "postalCode").len(), 1);
}

#[test]
fn a_foreign_registration_needs_both_parts_and_a_foreign_country() {
    let err = Organisation {
        country: Some("Suisse".into()),
        foreign_registration: Some(ForeignRegistration {
            register: "IDE".into(),
            number: " ".into(),
        }),
        ..org("X")
    }
    .validated()
    .expect_err("no number");
    assert_eq!(
        messages_for(&err, "foreignRegistration.number"),
        vec!["Indiquez le numéro d’immatriculation dans ce registre."]
    );
    let err = Organisation {
        country: Some("Suisse".into()),
        foreign_registration: Some(ForeignRegistration {
            register: "".into(),
            number: "CHE-123.456.789".into(),
        }),
        ..org("X")
    }
    .validated()
    .expect_err("no register");
    assert_eq!(messages_for(&err, "foreignRegistration.register").len(), 1);
    let err = Organisation {
        foreign_registration: Some(ForeignRegistration {
            register: "BCE".into(),
            number: "0456.789.123".into(),
        }),
        ..org("X")
    }
    .validated()
    .expect_err("in France");
    assert!(messages_for(&err, "foreignRegistration.register")[0].contains("hors de France"));
    // Both empty: nothing recorded.
    let o = Organisation {
        foreign_registration: Some(ForeignRegistration::default()),
        ..org("X")
    }
    .validated()
    .expect("empty");
    assert_eq!(o.foreign_registration, None);
}

#[test]
fn rna_is_refused_abroad_while_siret_is_allowed() {
    let err = Organisation {
        country: Some("Belgique".into()),
        rna: Some("W751234567".into()),
        siret: Some("732 829 320 00074".into()),
        ..org("X")
    }
    .validated()
    .expect_err("RNA abroad");
    assert_eq!(err.0.len(), 1);
    assert!(messages_for(&err, "rna")[0].contains("établies en France"));
}

#[test]
fn a_country_written_after_the_city_becomes_the_country() {
    for (city, place, country) in [
        ("Tournai (Belgique)", "Tournai", "Belgique"),
        ("Genève, Suisse", "Genève", "Suisse"),
        (
            "Esch-sur-Alzette (luxembourg)",
            "Esch-sur-Alzette",
            "Luxembourg",
        ),
    ] {
        let o = Organisation {
            city: Some(city.into()),
            postal_code: Some("7500".into()),
            ..org("X")
        }
        .validated()
        .expect(city);
        assert_eq!(o.city.as_deref(), Some(place));
        assert_eq!(o.country.as_deref(), Some(country));
    }
    // Not a country: left alone, and a French address keeps its rules.
    for city in ["Saint-Louis (Haut-Rhin)", "Lyon, FR", "Paris, CH"] {
        let o = Organisation {
            city: Some(city.into()),
            postal_code: Some("68300".into()),
            ..org("X")
        }
        .validated()
        .expect(city);
        assert_eq!(o.city.as_deref(), Some(city));
        assert_eq!(o.country, None);
    }
    // A country given explicitly wins over the city's text.
    let o = Organisation {
        country: Some("Suisse".into()),
        city: Some("Tournai (Belgique)".into()),
        ..org("X")
    }
    .validated()
    .expect("explicit");
    assert_eq!(o.country.as_deref(), Some("Suisse"));
    assert_eq!(o.city.as_deref(), Some("Tournai (Belgique)"));
}

#[test]
fn a_country_name_that_is_also_a_place_elsewhere_is_not_guessed() {
    // Arlon is in Belgium's province of Luxembourg (postal codes 6600 to 6999): the
    // name after the city does not say the country, so it is asked for.
    for (city, code) in [
        ("Arlon (Luxembourg)", "6700"),
        ("Bastogne, Luxembourg", "B-6600"),
        ("Paris (Luxembourg)", "75006"),
        ("Tournai (Belgique)", "59000"),
    ] {
        let typed = Organisation {
            city: Some(city.into()),
            postal_code: Some(code.into()),
            ..org("Maison de l’Ardenne")
        };
        assert_eq!(typed.country_guess(), None, "{city}");
        let err = typed.validated().expect_err(city);
        let asked = messages_for(&err, "country");
        assert_eq!(asked.len(), 1, "{city}: {err:?}");
        assert!(
            asked[0].contains(&format!("«\u{a0}{city}\u{a0}»")),
            "{}",
            asked[0]
        );
        assert!(asked[0].ends_with("Indiquez le pays."), "{}", asked[0]);
        // One question: the postal code's shape waits for the country.
        assert!(messages_for(&err, "postalCode").is_empty(), "{city}");
    }
    let err = Organisation {
        city: Some("Arlon (Luxembourg)".into()),
        postal_code: Some("6700".into()),
        ..org("X")
    }
    .validated()
    .expect_err("ambiguous");
    assert_eq!(
        messages_for(&err, "country"),
        vec![
            "La ville «\u{a0}Arlon (Luxembourg)\u{a0}» ne dit pas le pays avec certitude\u{a0}: \
             Luxembourg est aussi une province de Belgique, dont les codes postaux vont de 6600 \
             à 6999 (code postal 6700). Indiquez le pays."
        ]
    );
    // Luxembourg's own codes: « L-6700 », or outside the Belgian province's range.
    for (city, code) in [
        ("Grevenmacher (Luxembourg)", "L-6700"),
        ("Esch-sur-Alzette (Luxembourg)", "4001"),
        ("Arlon (Luxembourg)", ""),
    ] {
        let typed = Organisation {
            city: Some(city.into()),
            postal_code: Some(code.into()),
            ..org("X")
        };
        let guess = typed.country_guess().expect(city);
        assert_eq!(guess.country, "Luxembourg");
        assert_eq!(guess.city_as_written, city);
        let o = typed.validated().expect(city);
        assert_eq!(o.country.as_deref(), Some("Luxembourg"));
        assert_eq!(o.city.as_deref(), Some(guess.city.as_str()));
    }
    // Given explicitly, the country is never questioned.
    let o = Organisation {
        country: Some("Belgique".into()),
        city: Some("Arlon (Luxembourg)".into()),
        postal_code: Some("6700".into()),
        ..org("X")
    };
    assert_eq!(o.country_guess(), None);
    assert!(o.validated().is_ok());
}

#[test]
fn the_guess_is_what_validation_stores() {
    let o = Organisation {
        city: Some(" Tournai (Belgique) ".into()),
        postal_code: Some("7500".into()),
        ..org("Maison du Hainaut solidaire ASBL")
    };
    let guess = o.country_guess().expect("deduced");
    assert_eq!(guess.city_as_written, "Tournai (Belgique)");
    assert_eq!(guess.city, "Tournai");
    assert_eq!(guess.country, "Belgique");
    let stored = o.validated().expect("valid");
    assert_eq!(stored.city.as_deref(), Some("Tournai"));
    assert_eq!(stored.country.as_deref(), Some("Belgique"));
    // Nothing deduced: a French city, or a country already given.
    assert_eq!(
        Organisation {
            city: Some("Tours".into()),
            ..org("X")
        }
        .country_guess(),
        None
    );
    assert_eq!(stored.country_guess(), None);
}

#[test]
fn an_alsace_moselle_association_has_its_local_register() {
    let local = LocalRegister {
        court: " Strasbourg ".into(),
        volume: "84".into(),
        folio: "127".into(),
    };
    for pc in ["67000", "68100", "57000"] {
        let o = Organisation {
            legal_form: Some("Association de droit local (Alsace-Moselle)".into()),
            postal_code: Some(pc.into()),
            local_register: Some(local.clone()),
            ..org("Cercle de l’Ill")
        }
        .validated()
        .expect(pc);
        assert_eq!(
            o.local_register.as_ref().map(|l| l.court.as_str()),
            Some("Strasbourg")
        );
    }
    // With an RNA as well (an association that moved, or declared both).
    assert!(Organisation {
        postal_code: Some("67000".into()),
        rna: Some("W672001234".into()),
        local_register: Some(local.clone()),
        ..org("X")
    }
    .validated()
    .is_ok());
    // Elsewhere, or without a postal code: refused on the tribunal.
    for pc in [Some("69003"), None] {
        let err = Organisation {
            postal_code: pc.map(Into::into),
            local_register: Some(local.clone()),
            ..org("X")
        }
        .validated()
        .expect_err("outside 57/67/68");
        assert!(messages_for(&err, "localRegister.court")[0].contains("57"));
    }
    let err = Organisation {
        country: Some("Allemagne".into()),
        postal_code: Some("67000".into()),
        local_register: Some(local.clone()),
        ..org("X")
    }
    .validated()
    .expect_err("abroad");
    assert_eq!(messages_for(&err, "localRegister.court").len(), 1);
    // Every part required once one is given.
    let err = Organisation {
        postal_code: Some("57000".into()),
        local_register: Some(LocalRegister {
            court: "Metz".into(),
            ..Default::default()
        }),
        ..org("X")
    }
    .validated()
    .expect_err("parts");
    assert_eq!(
        messages_for(&err, "localRegister.volume"),
        vec!["Indiquez le volume du registre."]
    );
    assert_eq!(
        messages_for(&err, "localRegister.folio"),
        vec!["Indiquez le folio du registre."]
    );
    assert!(Organisation {
        local_register: Some(LocalRegister::default()),
        ..org("X")
    }
    .validated()
    .expect("empty")
    .local_register
    .is_none());
}

#[test]
fn bank_details_are_checked_and_stored_compact() {
    let o = Organisation {
        bank: Some(BankDetails {
            iban: "fr76 3000 6000 0112 3456 7890 189".into(),
            bic: Some("agri fr pp 882".into()),
        }),
        ..org("X")
    }
    .validated()
    .expect("valid");
    assert_eq!(
        o.bank,
        Some(BankDetails {
            iban: "FR7630006000011234567890189".into(),
            bic: Some("AGRIFRPP882".into()),
        })
    );
    let o = Organisation {
        country: Some("Belgique".into()),
        bank: Some(BankDetails {
            iban: "BE68 5390 0754 7034".into(),
            bic: None,
        }),
        ..org("X")
    }
    .validated()
    .expect("Belgian IBAN");
    assert_eq!(o.bank.map(|b| b.iban).as_deref(), Some("BE68539007547034"));
    let err = Organisation {
        bank: Some(BankDetails {
            iban: "FR76 3000 6000 0112 3456 7890 188".into(),
            bic: Some("AGRIFRP".into()),
        }),
        ..org("X")
    }
    .validated()
    .expect_err("wrong key");
    assert!(messages_for(&err, "bank.iban")[0].contains("clé de contrôle"));
    assert!(messages_for(&err, "bank.bic")[0].contains("8 ou 11"));
    let err = Organisation {
        bank: Some(BankDetails {
            iban: " ".into(),
            bic: Some("AGRIFRPP".into()),
        }),
        ..org("X")
    }
    .validated()
    .expect_err("BIC alone");
    assert_eq!(messages_for(&err, "bank.iban").len(), 1);
    let err = Organisation {
        bank: Some(BankDetails {
            iban: "FR76 ".repeat(20),
            bic: Some("B".repeat(40)),
        }),
        ..org("X")
    }
    .validated()
    .expect_err("far too long");
    assert_eq!(messages_for(&err, "bank.iban").len(), 1);
    assert!(messages_for(&err, "bank.iban")[0].contains("trop long"));
    assert_eq!(messages_for(&err, "bank.bic").len(), 1);
    assert!(Organisation {
        bank: Some(BankDetails::default()),
        ..org("X")
    }
    .validated()
    .expect("empty")
    .bank
    .is_none());
}

#[test]
fn english_country_names_are_known() {
    for (typed, country) in [
        ("Belgium", "Belgique"),
        ("SWITZERLAND", "Suisse"),
        ("Germany", "Allemagne"),
        ("Spain", "Espagne"),
        ("Italy", "Italie"),
        ("United Kingdom", "Royaume-Uni"),
        ("the Netherlands", "Pays-Bas"),
        ("Austria", "Autriche"),
        ("Ireland", "Irlande"),
        ("Andorra", "Andorre"),
    ] {
        let o = Organisation {
            country: Some(typed.into()),
            postal_code: Some("7500".into()),
            ..org("X")
        }
        .validated()
        .expect(typed);
        assert_eq!(o.country.as_deref(), Some(country), "{typed}");
    }
    // In the city too: « Liège (Belgium) ».
    let o = Organisation {
        city: Some("Liège (Belgium)".into()),
        postal_code: Some("4000".into()),
        ..org("X")
    }
    .validated()
    .expect("city");
    assert_eq!(o.city.as_deref(), Some("Liège"));
    assert_eq!(o.country.as_deref(), Some("Belgique"));
}

#[test]
fn overseas_departments_and_collectivities_are_france() {
    for (typed, postal_code) in [
        ("Guadeloupe", "97110"),
        ("Martinique", "97200"),
        ("Guyane", "97300"),
        ("La Réunion", "97400"),
        ("Réunion", "97410"),
        ("Mayotte", "97600"),
        ("Saint-Pierre-et-Miquelon", "97500"),
        ("St-Barthélemy", "97133"),
        ("Saint-Martin", "97150"),
    ] {
        let o = Organisation {
            country: Some(typed.into()),
            postal_code: Some(postal_code.into()),
            ..org("Asso")
        }
        .validated()
        .expect(typed);
        assert_eq!(o.country, None, "{typed}");
        assert!(o.in_france(), "{typed}");
        assert_eq!(o.postal_code.as_deref(), Some(postal_code));
    }
}

#[test]
fn france_written_after_the_city_is_dropped_from_it() {
    for (city, place) in [
        ("Tours (France)", "Tours"),
        ("Tours, France", "Tours"),
        ("Tours (FRANCE)", "Tours"),
        ("Pointe-à-Pitre (Guadeloupe)", "Pointe-à-Pitre"),
        ("Fort-de-France, Martinique", "Fort-de-France"),
    ] {
        let o = Organisation {
            city: Some(city.into()),
            postal_code: Some("37000".into()),
            ..org("X")
        }
        .validated()
        .expect(city);
        assert_eq!(o.city.as_deref(), Some(place), "{city}");
        assert_eq!(o.country, None, "{city}");
        // Nothing foreign is guessed, so the import review lists nothing.
        let typed = Organisation {
            city: Some(city.into()),
            postal_code: Some("37000".into()),
            ..org("X")
        };
        assert_eq!(typed.country_guess(), None, "{city}");
    }
    // « France » alone is not a city with a country.
    let o = Organisation {
        city: Some("France".into()),
        postal_code: Some("37000".into()),
        ..org("X")
    }
    .validated()
    .expect("alone");
    assert_eq!(o.city.as_deref(), Some("France"));
}
