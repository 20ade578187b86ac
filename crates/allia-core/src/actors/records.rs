//! The actor register's stored records (issue 11, items 3–5): a link between two actors,
//! an entry of an actor's proximity log, a scoring criterion and one score, each with its
//! id, its alliance and its dates, as the vault keeps them and the alliance file carries
//! them. The actors themselves are the partner rows ([`crate::Partner`], a partner being
//! an actor at « Engagé »). What the user edits is the draft each record wraps
//! ([`InteractionDraft`], [`ExchangeEntryDraft`]), or the criterion's name and weight
//! ([`super::CriterionDraft`]) and the score.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};

use super::criteria::{default_criteria, Criterion};
use super::interaction::InteractionDraft;
use super::proximity::ExchangeEntryDraft;

/// A stored link between two actors of one alliance (« la Région finance l’association »).
/// Both ends are actors (partner rows) of `alliance_id`; deleting either deletes the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    /// UUID (lower case, as the vault writes its ids).
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: InteractionDraft,
}

/// A stored entry of one actor's proximity log (guide step 3, « Tester la proximité
/// relationnelle »): a dated exchange, its notes and the friction points it revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExchangeEntry {
    /// UUID.
    pub id: String,
    pub alliance_id: String,
    /// The actor (partner row) the exchange was with; deleting it deletes its log.
    pub actor_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: ExchangeEntryDraft,
}

/// A stored criterion of one alliance's scoring matrix (guide step 3, « Réduire la
/// sélection sur des critères objectifs »). The pure rules work on [`Criterion`]
/// ([`ScoringCriterion::criterion`]); this adds where it is shown and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScoringCriterion {
    /// UUID; the five defaults get [`seeded_criterion_id`], the same whenever seeded.
    pub id: String,
    pub alliance_id: String,
    /// Column of the matrix, from 0, contiguous within the alliance.
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// One line, unique in the alliance by [`crate::text::collation_key`], at most
    /// [`super::CRITERION_NAME_MAX`] characters.
    pub name: String,
    /// 0 (does not count) to [`super::WEIGHT_MAX`].
    pub weight: u32,
}

impl ScoringCriterion {
    /// The criterion as the pure rules take it ([`super::rank_candidates`],
    /// [`super::update_criterion`]…).
    pub fn criterion(&self) -> Criterion {
        Criterion {
            id: self.id.clone(),
            name: self.name.clone(),
            weight: self.weight,
        }
    }
}

/// A stored score: how one actor does on one criterion, 0 to [`super::SCORE_MAX`]. At
/// most one per actor and criterion; deleting either deletes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ActorScore {
    /// UUID.
    pub id: String,
    pub alliance_id: String,
    pub actor_id: String,
    pub criterion_id: String,
    /// 0 to [`super::SCORE_MAX`].
    pub score: u8,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The stored id of the default criterion `slug` ([`default_criteria`]) in the alliance
/// `alliance_id`: a name-based UUID (version 5, RFC 9562 § 5.5) in the alliance's id as
/// namespace (or, for an id that is not a UUID, in the URL namespace of that id), so that
/// seeding the defaults twice, or in two vaults holding the same alliance, gives the same
/// ids and inserts nothing the second time.
pub fn seeded_criterion_id(alliance_id: &str, slug: &str) -> String {
    let namespace = uuid::Uuid::parse_str(alliance_id)
        .unwrap_or_else(|_| name_based(uuid::Uuid::NAMESPACE_URL, alliance_id.as_bytes()));
    name_based(namespace, format!("allia:criterion:{slug}").as_bytes()).to_string()
}

/// The default criteria of [`default_criteria`] for `alliance_id`, with their stored ids
/// ([`seeded_criterion_id`]), in their order.
pub fn seeded_criteria(alliance_id: &str) -> Vec<Criterion> {
    default_criteria()
        .into_iter()
        .map(|c| Criterion {
            id: seeded_criterion_id(alliance_id, &c.id),
            ..c
        })
        .collect()
}

/// `Uuid::new_v5`: the first 16 bytes of SHA-1(namespace ‖ name), with the version and
/// variant bits set by `uuid::Builder`.
fn name_based(namespace: uuid::Uuid, name: &[u8]) -> uuid::Uuid {
    let mut hasher = Sha1::new();
    hasher.update(namespace.as_bytes());
    hasher.update(name);
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_sha1_bytes(bytes).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::is_record_id;

    #[test]
    fn seeded_ids_are_stable_uuids_per_alliance() {
        let a = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
        let b = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
        let first = seeded_criteria(a);
        assert_eq!(first, seeded_criteria(a), "the same every time");
        assert_eq!(first.len(), 5);
        assert!(first.iter().all(|c| is_record_id(&c.id)), "{first:?}");
        assert_eq!(first[0].name, "Compatibilité stratégique");
        let other = seeded_criteria(b);
        assert!(first.iter().zip(&other).all(|(x, y)| x.id != y.id));
        // A legacy id that is not a UUID still gets UUIDs.
        assert!(is_record_id(&seeded_criterion_id("demo", "strategic_fit")));
        assert_eq!(
            uuid::Uuid::parse_str(&first[0].id)
                .expect("uuid")
                .get_version_num(),
            5
        );
    }

    #[test]
    fn records_travel_in_camel_case() {
        let t = DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let score = ActorScore {
            id: "s".into(),
            alliance_id: "a".into(),
            actor_id: "x".into(),
            criterion_id: "c".into(),
            score: 4,
            created_at: t,
            updated_at: t,
        };
        let json = serde_json::to_value(&score).expect("json");
        assert_eq!(json["actorId"], "x");
        assert_eq!(json["criterionId"], "c");
        let criterion = ScoringCriterion {
            id: "c".into(),
            alliance_id: "a".into(),
            position: 2,
            created_at: t,
            updated_at: t,
            name: "Ancrage territorial".into(),
            weight: 1,
        };
        assert_eq!(criterion.criterion().weight, 1);
        assert_eq!(
            serde_json::to_value(&criterion).expect("json")["allianceId"],
            "a"
        );
    }
}
