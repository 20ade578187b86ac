use serde_json::{json, Value};

use super::*;

const ALLIANCE: &str = "6f1c1a8e-0000-4000-8000-000000000001";
const VILLARD: &str = "6f1c1a8e-0000-4000-8000-0000000000a1";
const CENTRE: &str = "6f1c1a8e-0000-4000-8000-0000000000a2";
const NEW_PARTNER: &str = "6f1c1a8e-0000-4000-8000-0000000000a3";
const CONVENTION: &str = "6f1c1a8e-0000-4000-8000-0000000000d1";

fn stored() -> Value {
    json!({
        "format": 2,
        "createdAt": "2026-11-30T10:00:00Z",
        "profile": { "name": "Association Alpha" },
        "alliance": {
            "id": ALLIANCE, "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-02T10:00:00Z",
            "name": "Service partagé", "purpose": "Mutualiser", "territory": null,
            "startDate": "2027-01-01", "status": "under_construction",
            "terms": { "durationMonths": 12, "tacitRenewal": false }
        },
        "partners": [
            { "id": VILLARD, "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
              "organisation": { "name": "Commune de Villard", "city": "Villard" },
              "actorType": "local_authority", "role": "funder", "resourceTags": ["locaux"] },
            { "id": CENTRE, "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
              "organisation": { "name": "Centre social" },
              "actorType": "association", "role": "member" }
        ],
        "commitments": [
            { "id": "c1", "party": { "partnerId": VILLARD },
              "draft": { "financial": [ { "nature": "subsidy", "amountCents": 100000,
                                          "schedule": { "kind": "at_signature" } } ] } },
            { "id": "c2", "party": { "partnerId": CENTRE },
              "draft": { "inKind": [ { "description": "Salle", "valueCents": 0 } ] } }
        ],
        "documents": [
            { "id": CONVENTION, "kind": "convention", "versions": [
                { "id": "v1", "number": 1, "status": "signed",
                  "settings": { "title": "Convention de mutualisation", "overrides": [] },
                  "signatures": [ { "id": "s1", "party": "Commune de Villard",
                                    "signatory": "Claire Martin", "signedOn": "2026-11-20" } ] },
                { "id": "v2", "number": 2, "status": "draft",
                  "settings": { "title": "Convention de mutualisation", "overrides": [] },
                  "signatures": [] }
            ] }
        ]
    })
}

fn changed_partner(diff: &AllianceDiff, id: &str) -> PartnerChange {
    diff.partners_changed
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .expect("changed partner")
}

#[test]
fn the_same_file_changes_nothing_whatever_its_dates_and_producer() {
    let mut incoming = stored();
    incoming["createdAt"] = json!("2026-12-01T08:00:00Z");
    incoming["alliance"]["updatedAt"] = json!("2026-12-01T08:00:00Z");
    incoming["partners"][0]["updatedAt"] = json!("2026-12-01T08:00:00Z");
    incoming["partners"][1]["ownAssociation"] = json!(true);
    incoming["profile"] = json!({ "name": "Commune de Villard" });
    // null, absent and "" are the same emptiness.
    incoming["alliance"]["territory"] = json!("");
    let diff = AllianceDiff::between_json(&stored(), &incoming);
    assert!(diff.is_empty(), "{diff:#?}");
    assert_eq!(diff.alliance_id, ALLIANCE);
    assert_eq!(diff.alliance_name, "Service partagé");
    assert_eq!(
        diff.french_lines(),
        vec!["Aucune différence avec l’alliance du coffre.".to_string()]
    );
}

#[test]
fn partners_added_changed_and_removed_are_matched_by_id() {
    let mut incoming = stored();
    // Renamed: still the same partner (same id), never matched by name.
    incoming["partners"][0]["organisation"]["name"] = json!("Commune de Villard-Bonnot");
    incoming["partners"][0]["organisation"]["siret"] = json!("21380547700019");
    incoming["partners"][0]["role"] = json!("member");
    incoming["partners"][0]["resourceTags"] = json!(["locaux", "prêt de matériel"]);
    // The centre leaves; a partner with the centre's old name but another id arrives.
    incoming["partners"][1] = json!({
        "id": NEW_PARTNER, "organisation": { "name": "Centre social" },
        "actorType": "association", "role": "member"
    });
    let diff = AllianceDiff::between_json(&stored(), &incoming);

    assert_eq!(
        diff.partners_added,
        vec![RecordName {
            id: NEW_PARTNER.into(),
            name: "Centre social".into()
        }]
    );
    assert_eq!(
        diff.partners_removed,
        vec![RecordName {
            id: CENTRE.into(),
            name: "Centre social".into()
        }]
    );
    let villard = changed_partner(&diff, VILLARD);
    assert_eq!(villard.name, "Commune de Villard-Bonnot");
    let fields: Vec<(&str, &str, Option<&str>, Option<&str>)> = villard
        .fields
        .iter()
        .map(|f| {
            (
                f.field.as_str(),
                f.label.as_str(),
                f.old.as_deref(),
                f.new.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            (
                "organisation.name",
                "nom",
                Some("Commune de Villard"),
                Some("Commune de Villard-Bonnot")
            ),
            ("organisation.siret", "SIRET", None, Some("21380547700019")),
            (
                "resourceTags",
                "mots-clés",
                Some("locaux"),
                Some("locaux, prêt de matériel")
            ),
            (
                "role",
                "rôle dans l’alliance",
                Some("Financeur"),
                Some("Membre")
            ),
        ]
    );
    // The removed centre's commitments go with it, not listed twice; the new partner
    // has none.
    assert!(diff.commitments.is_empty(), "{:?}", diff.commitments);

    let lines = diff.french_lines();
    assert!(
        lines.contains(&"Partenaire ajouté\u{a0}: Centre social".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"Partenaire retiré\u{a0}: Centre social".to_string()));
    assert!(lines.contains(&"Partenaire modifié\u{a0}: Commune de Villard-Bonnot".to_string()));
    assert!(lines.contains(&"    SIRET\u{a0}: (vide) → «\u{a0}21380547700019\u{a0}»".to_string()));
}

#[test]
fn alliance_fields_and_commitments_are_listed_old_to_new() {
    let mut incoming = stored();
    incoming["alliance"]["name"] = json!("Service partagé 2027");
    incoming["alliance"]["terms"]["durationMonths"] = json!(24);
    incoming["alliance"]["terms"]["tacitRenewal"] = json!(true);
    incoming["alliance"]["status"] = json!("active");
    incoming["commitments"][0]["draft"]["financial"][0]["amountCents"] = json!(250000);
    incoming["commitments"]
        .as_array_mut()
        .expect("array")
        .push(json!({ "party": "association",
                      "draft": { "inKind": [ { "description": "Bureau", "valueCents": 12000 } ] } }));
    let diff = AllianceDiff::between_json(&stored(), &incoming);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = diff
        .alliance_fields
        .iter()
        .map(|f| (f.label.as_str(), f.old.as_deref(), f.new.as_deref()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("nom", Some("Service partagé"), Some("Service partagé 2027")),
            ("statut", Some("En construction"), Some("Active")),
            ("durée (mois)", Some("12"), Some("24")),
            ("reconduction tacite", Some("non"), Some("oui")),
        ]
    );
    assert_eq!(diff.commitments.len(), 2);
    let villard = &diff.commitments[0];
    assert_eq!(villard.kind, CommitmentChangeKind::Changed);
    assert_eq!(villard.party_name, "Commune de Villard");
    assert_eq!(
        villard.fields[0].label,
        "contribution financière 1, montant"
    );
    assert_eq!(
        villard.fields[0].old.as_deref(),
        Some("1\u{202f}000,00\u{202f}€")
    );
    assert_eq!(
        villard.fields[0].new.as_deref(),
        Some("2\u{202f}500,00\u{202f}€")
    );
    let association = &diff.commitments[1];
    assert_eq!(association.kind, CommitmentChangeKind::Added);
    assert_eq!(association.party, "association");
    assert!(diff
        .french_lines()
        .contains(&"Engagements de l’association ajoutés".to_string()));
}

#[test]
fn a_new_document_version_is_added_and_a_draft_change_applies() {
    let mut incoming = stored();
    let versions = incoming["documents"][0]["versions"]
        .as_array_mut()
        .expect("versions");
    versions[1]["settings"]["title"] = json!("Convention 2027");
    versions.push(json!({ "id": "v3", "number": 3, "status": "in_review",
                          "settings": { "title": "Convention 2027", "overrides": [] },
                          "signatures": [] }));
    incoming["documents"]
        .as_array_mut()
        .expect("documents")
        .push(json!({ "id": "charte-id", "kind": "charter", "versions": [
            { "id": "cv1", "number": 1, "status": "draft", "settings": { "title": "" }, "signatures": [] } ] }));
    let diff = AllianceDiff::between_json(&stored(), &incoming);
    assert_eq!(diff.documents_added.len(), 1);
    assert_eq!(diff.documents_added[0].id, "charte-id");
    assert_eq!(
        diff.versions_added,
        vec![VersionAdded {
            document_id: CONVENTION.into(),
            document_name: "Convention de mutualisation".into(),
            number: 3,
            status: "En relecture".into(),
        }]
    );
    assert_eq!(diff.versions_changed.len(), 1);
    let draft = &diff.versions_changed[0];
    assert_eq!(draft.number, 2);
    assert_eq!(draft.ignored, None, "a draft follows the file");
    assert_eq!(draft.fields[0].label, "titre");
    assert_eq!(draft.fields[0].new.as_deref(), Some("Convention 2027"));
}

#[test]
fn a_signed_version_is_never_altered() {
    let mut incoming = stored();
    let signed = &mut incoming["documents"][0]["versions"][0];
    signed["settings"]["title"] = json!("Convention réécrite");
    signed["signatures"][0]["signatory"] = json!("Quelqu’un d’autre");
    // In review is frozen too.
    let mut stored = stored();
    stored["documents"][0]["versions"][1]["status"] = json!("ready_to_sign");
    incoming["documents"][0]["versions"][1]["status"] = json!("ready_to_sign");
    incoming["documents"][0]["versions"][1]["settings"]["copies"] = json!(3);
    let diff = AllianceDiff::between_json(&stored, &incoming);
    assert_eq!(diff.versions_changed.len(), 2);
    let v1 = &diff.versions_changed[0];
    assert_eq!(v1.number, 1);
    assert_eq!(v1.ignored.as_deref(), Some("ignorée\u{a0}: version signée"));
    let labels: Vec<&str> = v1.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, vec!["titre", "signature 1, signataire"]);
    let v2 = &diff.versions_changed[1];
    assert_eq!(v2.ignored.as_deref(), Some("ignorée\u{a0}: version figée"));
    assert!(diff.french_lines().contains(
        &"Version modifiée\u{a0}: Convention de mutualisation, version 1 — ignorée\u{a0}: version signée"
            .to_string()
    ));
}

#[test]
fn documents_missing_from_the_file_are_kept() {
    let mut incoming = stored();
    incoming["documents"] = json!([]);
    let diff = AllianceDiff::between_json(&stored(), &incoming);
    assert!(diff.is_empty(), "nothing to apply");
    assert_eq!(diff.documents_kept.len(), 1);
    assert!(diff.french_lines().contains(
        &"Document absent du fichier, conservé\u{a0}: Convention de mutualisation".to_string()
    ));
}

fn with_sections() -> Value {
    let mut file = stored();
    file["diagnostic"] = json!({
        "needs": { "id": "n1", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
                   "strategicPriorities": "Ouvrir le soir" },
        "items": [
            { "id": "i1", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
              "quadrant": "strength", "position": 0, "text": "Bénévoles", "importance": 2 },
            { "id": "i2", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
              "quadrant": "weakness", "position": 0, "text": "Locaux", "importance": 3 }
        ]
    });
    file["projectDossier"] = json!({
        "id": "d1", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
        "socialNeed": "Isolement",
        "figures": [
            { "id": "f1", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
              "position": 0, "label": "Habitants", "value": "3 200", "year": 2025,
              "sourceKind": "insee", "source": "Recensement" }
        ]
    });
    file["modelAdvisor"] = json!({
        "id": "m1", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
        "answers": { "partnerCount": 2, "publicPartners": true }
    });
    file
}

#[test]
fn sections_alike_or_absent_from_the_file_are_not_listed() {
    let mut incoming = with_sections();
    incoming["diagnostic"]["items"][0]["updatedAt"] = json!("2026-12-01T08:00:00Z");
    incoming["projectDossier"]["updatedAt"] = json!("2026-12-01T08:00:00Z");
    let diff = AllianceDiff::between_json(&with_sections(), &incoming);
    assert!(diff.is_empty(), "{diff:#?}");

    // A file from an older version, without the sections: the vault's are kept.
    let diff = AllianceDiff::between_json(&with_sections(), &stored());
    assert!(diff.sections.is_empty(), "{diff:#?}");
    assert!(diff.is_empty());
}

#[test]
fn each_changed_section_gets_one_french_line() {
    let mut incoming = with_sections();
    incoming["diagnostic"]["needs"]["participationMode"] = json!("Une réunion par mois");
    incoming["diagnostic"]["items"][1]["text"] = json!("Locaux trop petits");
    incoming["diagnostic"]["items"]
        .as_array_mut()
        .expect("items")
        .extend([
            json!({ "id": "i3", "quadrant": "threat", "position": 0, "text": "Baisse des aides", "importance": 1 }),
            json!({ "id": "i4", "quadrant": "threat", "position": 1, "text": "Concurrence", "importance": 1 }),
        ]);
    incoming["projectDossier"]["argument"] = json!("Un seul guichet");
    incoming["projectDossier"]["figures"] = json!([]);
    incoming["modelAdvisor"]["answers"]["publicFunding"] = json!(true);
    let diff = AllianceDiff::between_json(&with_sections(), &incoming);

    let lines: Vec<(&str, &str)> = diff
        .sections
        .iter()
        .map(|s| (s.section.as_str(), s.summary.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                "diagnostic",
                "modifié (besoins, matrice\u{a0}: 2 éléments ajoutés, 1 modifié)"
            ),
            (
                "projectDossier",
                "modifié (textes, chiffres clés\u{a0}: 1 chiffre retiré)"
            ),
            ("modelAdvisor", "modifié (réponses)"),
        ]
    );
    assert!(!diff.is_empty());
    let all = diff.french_lines();
    assert!(all.contains(
        &"Diagnostic interne\u{a0}: modifié (besoins, matrice\u{a0}: 2 éléments ajoutés, 1 modifié)"
            .to_string()
    ));
    assert!(all.contains(
        &"Dossier de présentation\u{a0}: modifié (textes, chiffres clés\u{a0}: 1 chiffre retiré)"
            .to_string()
    ));
    assert!(all.contains(&"Modèle de partenariat\u{a0}: modifié (réponses)".to_string()));
}

#[test]
fn a_section_the_vault_lacks_is_listed_as_added_content() {
    let diff = AllianceDiff::between_json(&stored(), &with_sections());
    let summaries: Vec<&str> = diff.sections.iter().map(|s| s.summary.as_str()).collect();
    assert_eq!(
        summaries,
        vec![
            "modifié (besoins, matrice\u{a0}: 2 éléments ajoutés)",
            "modifié (textes, chiffres clés\u{a0}: 1 chiffre ajouté)",
            "modifié (réponses)",
        ]
    );
}

#[test]
fn an_actor_s_status_and_map_changes_are_named_in_french() {
    let mut incoming = stored();
    incoming["partners"][1]["pipeline"] = json!({ "status": "dismissed",
        "dismissalReason": "Hors du périmètre" });
    incoming["partners"][1]["assessment"] = json!({ "category": "social_economy",
        "influence": 4 });
    let diff = AllianceDiff::between_json(&stored(), &incoming);
    let change = changed_partner(&diff, CENTRE);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = change
        .fields
        .iter()
        .map(|f| (f.label.as_str(), f.old.as_deref(), f.new.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "catégorie de la cartographie",
                None,
                Some("Acteurs de l’ESS")
            ),
            ("niveau d’influence", None, Some("4")),
            ("motif de l’écartement", None, Some("Hors du périmètre")),
            ("statut de l’acteur", Some("Engagé"), Some("Écarté")),
        ]
    );
}

#[test]
fn the_register_s_lists_are_summed_up_and_absent_ones_kept() {
    let link = |id: &str, note: &str| {
        json!({ "id": id, "fromActorId": VILLARD, "toActorId": CENTRE, "kind": "finances",
                "note": note, "createdAt": "2026-11-01T10:00:00Z" })
    };
    let score = |id: &str, value: u8| json!({ "id": id, "actorId": CENTRE, "criterionId": "k1", "score": value });
    let mut old = stored();
    old["interactions"] = json!([link("i1", "Subvention"), link("i2", "Prêt")]);
    old["scores"] = json!([score("s1", 3)]);
    let mut new = stored();
    new["interactions"] = json!([link("i1", "Subvention annuelle"), link("i3", "Salle")]);
    new["scores"] = json!([score("s1", 4), score("s2", 5), score("s3", 1)]);
    let diff = AllianceDiff::between_json(&old, &new);
    let lines: Vec<(&str, &str)> = diff
        .sections
        .iter()
        .map(|s| (s.label.as_str(), s.summary.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (
                "Liens entre acteurs",
                "modifié (1 lien ajouté, 1 modifié, 1 retiré)"
            ),
            (
                "Notes des candidats",
                "modifié (2 notes ajoutées, 1 modifiée)"
            ),
        ]
    );
    // A file without the lists (an older one) changes none of them.
    assert!(AllianceDiff::between_json(&old, &stored())
        .sections
        .is_empty());
}
