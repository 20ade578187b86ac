use serde_json::json;

use super::super::{read_alliance_file, AllianceFileV2, FileContent};

const A: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e01";
const B: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e02";
const C1: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e11";
const C2: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e12";
const T: &str = "2026-11-30T10:00:00Z";

fn id(n: u32) -> String {
    format!("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d{n:04}")
}

/// A format-2 file with two actors (a partner and a candidate), one link, one exchange,
/// two criteria and their scores.
fn file() -> serde_json::Value {
    json!({
        "format": 2, "createdAt": T, "profile": null,
        "alliance": { "id": id(1), "createdAt": T, "updatedAt": T,
                      "name": "Service partagé", "status": "active" },
        "partners": [
            { "id": A, "createdAt": T, "updatedAt": T,
              "organisation": { "name": "Maison des Solidarités" },
              "actorType": "association", "role": "lead" },
            { "id": B, "createdAt": T, "updatedAt": T,
              "organisation": { "name": "Mairie de Saunay" },
              "actorType": "local_authority", "role": "member",
              "pipeline": { "status": "retained" },
              "assessment": { "category": "local_authorities", "influence": 4, "interest": 3 } }
        ],
        "interactions": [
            { "id": id(2), "createdAt": T, "updatedAt": T, "fromActorId": B, "toActorId": A,
              "kind": "finances", "note": " Subvention annuelle " }
        ],
        "exchanges": [
            { "id": id(3), "createdAt": T, "updatedAt": T, "actorId": B, "date": "2026-11-02",
              "kind": "meeting", "frictionPoints": ["Calendrier des subventions"] }
        ],
        "criteria": [
            { "id": C2, "createdAt": T, "updatedAt": T, "name": "Ancrage territorial",
              "weight": 1, "position": 7 },
            { "id": C1, "createdAt": T, "updatedAt": T, "name": "Compatibilité stratégique",
              "weight": 2, "position": 3 }
        ],
        "scores": [
            { "id": id(4), "createdAt": T, "updatedAt": T, "actorId": B, "criterionId": C1, "score": 4 },
            { "id": id(5), "createdAt": T, "updatedAt": T, "actorId": B, "criterionId": C2, "score": 0 }
        ]
    })
}

fn parsed(value: &serde_json::Value) -> AllianceFileV2 {
    let bytes = serde_json::to_vec(value).expect("json");
    match read_alliance_file(&bytes).expect("reads").content {
        FileContent::V2(file) => *file,
        FileContent::V1(_) => panic!("format 2 expected"),
    }
}

/// Every problem of the file, placed as the command line prints it.
fn problems(value: &serde_json::Value) -> Vec<String> {
    parsed(value)
        .validated_for_import()
        .expect_err("refused")
        .placed_lines()
}

#[test]
fn the_records_travel_with_their_ids_and_are_checked() {
    let read = parsed(&file());
    assert_eq!(read.interactions.len(), 1);
    let imported = read.validated_for_import().expect("valid").file;
    assert_eq!(
        imported.interactions[0].note.as_deref(),
        Some("Subvention annuelle")
    );
    assert_eq!(
        imported.exchanges[0].friction_points,
        ["Calendrier des subventions"]
    );
    // Criteria come in their order of position, renumbered from 0.
    let criteria: Vec<(&str, u32)> = imported
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.position))
        .collect();
    assert_eq!(criteria, [(C1, 0), (C2, 1)]);
    assert_eq!(imported.scores.len(), 2);
    // Written back, then read again: the same records.
    let json = imported.to_json_string().expect("writes");
    let again: AllianceFileV2 = serde_json::from_str(&json).expect("reads");
    assert_eq!(again, imported);
}

#[test]
fn a_file_without_records_writes_none_of_the_arrays() {
    let mut value = file();
    for key in ["interactions", "exchanges", "criteria", "scores"] {
        value.as_object_mut().expect("object").remove(key);
    }
    let imported = parsed(&value).validated_for_import().expect("valid").file;
    let json = imported.to_json_string().expect("writes");
    for key in ["interactions", "exchanges", "criteria", "scores"] {
        assert!(!json.contains(&format!("\"{key}\"")), "{key} in {json}");
    }
}

#[test]
fn links_name_actors_of_the_file_once_each() {
    let mut value = file();
    value["interactions"] = json!([
        { "id": id(2), "createdAt": T, "updatedAt": T, "fromActorId": B, "toActorId": id(99),
          "kind": "finances" },
        { "id": id(6), "createdAt": T, "updatedAt": T, "fromActorId": A, "toActorId": B,
          "kind": "cooperates_with" },
        { "id": id(7), "createdAt": T, "updatedAt": T, "fromActorId": B, "toActorId": A,
          "kind": "cooperates_with" },
        { "id": id(8), "createdAt": T, "updatedAt": T, "fromActorId": A, "toActorId": A,
          "kind": "advises" }
    ]);
    assert_eq!(
        problems(&value),
        [
            format!(
                "lien entre acteurs 1, second acteur\u{a0}: Aucun acteur de ce fichier n’a l’identifiant «\u{a0}{}\u{a0}».",
                id(99)
            ),
            "lien entre acteurs 3\u{a0}: Ce lien existe déjà\u{a0}: «\u{a0}Mairie de Saunay\u{a0}» coopère avec «\u{a0}Maison des Solidarités\u{a0}».".to_string(),
            "lien entre acteurs 4, second acteur\u{a0}: Un lien relie deux acteurs différents\u{a0}: choisissez un autre acteur.".to_string(),
        ]
    );
}

#[test]
fn scores_name_a_criterion_and_stay_between_0_and_5() {
    let mut value = file();
    value["scores"] = json!([
        { "id": id(4), "createdAt": T, "updatedAt": T, "actorId": B, "criterionId": id(98), "score": 4 },
        { "id": id(5), "createdAt": T, "updatedAt": T, "actorId": B, "criterionId": C2, "score": 7 },
        { "id": id(6), "createdAt": T, "updatedAt": T, "actorId": B, "criterionId": C1, "score": 3 },
        { "id": id(7), "createdAt": T, "updatedAt": T, "actorId": B, "criterionId": C1, "score": 5 },
        { "id": id(8), "createdAt": T, "updatedAt": T, "actorId": id(97), "criterionId": C1, "score": 5 }
    ]);
    assert_eq!(
        problems(&value),
        [
            format!("note 1, critère\u{a0}: Aucun critère de ce fichier n’a l’identifiant «\u{a0}{}\u{a0}».", id(98)),
            "note 2, valeur\u{a0}: Une note va de 0 à 5\u{a0}: 7 n’en est pas une.".to_string(),
            "note 4\u{a0}: La note de «\u{a0}Mairie de Saunay\u{a0}» pour «\u{a0}Compatibilité stratégique\u{a0}» est déjà donnée plus haut dans ce fichier.".to_string(),
            format!("note 5, acteur\u{a0}: Aucun acteur de ce fichier n’a l’identifiant «\u{a0}{}\u{a0}».", id(97)),
        ]
    );
}

#[test]
fn ids_are_unique_criteria_named_once_and_exchanges_in_the_past() {
    let mut value = file();
    // The exchange reuses the link's id; a criterion takes the other's name; the log
    // holds a meeting two days after the file was written.
    value["exchanges"][0]["id"] = json!(id(2));
    value["exchanges"][0]["date"] = json!("2026-12-02");
    value["criteria"][1]["name"] = json!("ancrage  TERRITORIAL");
    value["partners"][1]["assessment"]["influence"] = json!(9);
    let lines = problems(&value);
    assert_eq!(
        lines,
        [
            "partenaire 2, niveau d’influence\u{a0}: Le niveau d’influence va de 1 (très faible) à 5 (très fort)\u{a0}; 9 n’en fait pas partie.".to_string(),
            format!("échange 1, identifiant\u{a0}: L’identifiant {} est déjà celui d’un autre élément de ce fichier.", id(2)),
            "échange 1, date\u{a0}: Cet échange est daté d’après aujourd’hui\u{a0}: notez-le une fois qu’il a eu lieu.".to_string(),
            "critère 2, nom\u{a0}: Un critère porte déjà ce nom\u{a0}: «\u{a0}Ancrage territorial\u{a0}».".to_string(),
        ]
    );
    // The day after the file was written is accepted (its time is UTC, the person's day local).
    let mut value = file();
    value["exchanges"][0]["date"] = json!("2026-12-01");
    assert!(parsed(&value).validated_for_import().is_ok());
}

#[test]
fn a_dismissed_actor_without_reason_is_refused_with_its_place() {
    let mut value = file();
    value["partners"][1]["pipeline"] = json!({ "status": "dismissed" });
    let lines = problems(&value);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("partenaire 2, motif de l’écartement\u{a0}: "),
        "{lines:?}"
    );
}

#[test]
fn a_document_s_parties_are_the_partners_not_every_actor() {
    let imported = parsed(&file()).validated_for_import().expect("valid");
    let input = imported.render_input();
    let names: Vec<&str> = input
        .partners
        .iter()
        .map(|p| p.organisation.name.as_str())
        .collect();
    assert_eq!(names, ["Maison des Solidarités"]);
}

#[test]
fn only_a_partner_has_commitments() {
    let mut value = file();
    value["commitments"] = json!([
        { "id": id(9), "createdAt": T, "updatedAt": T, "party": { "partnerId": B },
          "draft": { "inKind": [ { "description": "Salle", "valueCents": 0 } ] } }
    ]);
    assert_eq!(
        problems(&value),
        ["engagements, entrée 1\u{a0}: L’acteur «\u{a0}Mairie de Saunay\u{a0}» n’est pas engagé dans l’alliance (statut «\u{a0}Retenu\u{a0}»)\u{a0}: seul un partenaire a des engagements."]
    );
}
