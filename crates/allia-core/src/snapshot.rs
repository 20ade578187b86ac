//! The alliance data a frozen document version keeps (`document_version.snapshot`),
//! versioned apart from the alliance file it is made from.
//!
//! A signed version must render the same years later, so what it was frozen with is
//! read back whatever Allia wrote it: every stored snapshot carries its version
//! (`snapshotVersion`; rows written before the field existed have none and are version
//! 1), is read into the type of that version ([`SnapshotV1`], …) and upgraded, one
//! version at a time, to the current shape. The current shape is [`AllianceFile`], the
//! input of the document templates; a new version adds a `SnapshotVn`, a variant, an
//! upgrade step and a golden file (docs/formats.md).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::alliance::AllianceDraft;
use crate::alliance_file::{AllianceFile, FileCommitments};
use crate::organisation::Organisation;
use crate::partner::PartnerDraft;

/// The version new snapshots are written in.
pub const SNAPSHOT_VERSION: u32 = 2;

/// Version 1: the alliance file of format 1 as it was on the day of freezing (the
/// association's profile, the alliance, its partners). Stored without a version field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotV1 {
    /// The alliance file format the data had (1).
    pub format: u32,
    #[serde(default)]
    pub profile: Option<Organisation>,
    pub alliance: AllianceDraft,
    pub partners: Vec<PartnerDraft>,
    /// Each party's commitments (added without a version change: snapshots frozen
    /// before have none, and their documents printed none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<FileCommitments>,
}

/// Version 2: the same fields as version 1, but which partner is the association itself
/// is said by its `ownAssociation` link ([`PartnerDraft::own_association`]); in version 1
/// the documents found it by comparing each partner with the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotV2 {
    /// The alliance file format the data had.
    pub format: u32,
    #[serde(default)]
    pub profile: Option<Organisation>,
    pub alliance: AllianceDraft,
    pub partners: Vec<PartnerDraft>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<FileCommitments>,
}

impl From<SnapshotV1> for SnapshotV2 {
    /// Version 1 had no link: its documents named as the association the first partner
    /// that was the same organisation as the profile by the rule of that time
    /// ([`format1_same_organisation`]: same SIREN, else same RNA, else a name equal
    /// without case, accents or punctuation), so a signed version keeps printing the
    /// parties it was signed with.
    fn from(v1: SnapshotV1) -> Self {
        let mut partners = v1.partners;
        if let Some(profile) = &v1.profile {
            if let Some(twin) = partners
                .iter_mut()
                .find(|p| format1_same_organisation(profile, &p.organisation))
            {
                twin.own_association = true;
            }
        }
        SnapshotV2 {
            format: v1.format,
            profile: v1.profile,
            alliance: v1.alliance,
            partners,
            commitments: v1.commitments,
        }
    }
}

/// The rule version-1 snapshots were printed with, kept only to upgrade them
/// ([`SnapshotV2::from`]) so that an old frozen version prints what it printed: same
/// SIREN (first 9 digits of a SIREN or SIRET) when both have one, else same RNA number
/// when both have one, else the same name without case, accents, punctuation or extra
/// spaces ([`crate::text::collation_key`]). Format-1 semantics only: it matches by name,
/// which nothing else may do (identities are explicit: [`crate::same_organisation`]).
fn format1_same_organisation(a: &Organisation, b: &Organisation) -> bool {
    let siren = |o: &Organisation| {
        o.siret
            .as_deref()
            .map(|s| {
                s.chars()
                    .filter(char::is_ascii_digit)
                    .take(9)
                    .collect::<String>()
            })
            .filter(|s| s.len() == 9)
    };
    if let (Some(x), Some(y)) = (siren(a), siren(b)) {
        return x == y;
    }
    let rna = |o: &Organisation| o.rna.as_deref().map(|r| r.trim().to_uppercase());
    if let (Some(x), Some(y)) = (rna(a), rna(b)) {
        return x == y;
    }
    let x = crate::text::collation_key(&a.name);
    !x.is_empty() && x == crate::text::collation_key(&b.name)
}

/// A stored snapshot, in the version it was written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Snapshot {
    V1(SnapshotV1),
    V2(SnapshotV2),
}

/// The field that names a snapshot's version.
const VERSION_FIELD: &str = "snapshotVersion";

impl Snapshot {
    /// The snapshot of `file` in the current version.
    pub fn of(file: &AllianceFile) -> Snapshot {
        Snapshot::V2(SnapshotV2 {
            format: file.format,
            profile: file.profile.clone(),
            alliance: file.alliance.clone(),
            partners: file.partners.clone(),
            commitments: file.commitments.clone(),
        })
    }

    /// The version this snapshot was written in.
    pub fn version(&self) -> u32 {
        match self {
            Snapshot::V1(_) => 1,
            Snapshot::V2(_) => 2,
        }
    }

    /// The data in the current shape, through every upgrade step from its version.
    pub fn upgrade(self) -> AllianceFile {
        let v2 = match self {
            Snapshot::V1(v1) => SnapshotV2::from(v1),
            Snapshot::V2(v2) => v2,
        };
        AllianceFile {
            format: v2.format,
            profile: v2.profile,
            alliance: v2.alliance,
            partners: v2.partners,
            commitments: v2.commitments,
        }
    }
}

/// How a stored snapshot is written: its version, then its fields.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tagged<'a, T> {
    snapshot_version: u32,
    #[serde(flatten)]
    body: &'a T,
}

impl Serialize for Snapshot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Snapshot::V1(body) => Tagged {
                snapshot_version: 1,
                body,
            }
            .serialize(serializer),
            Snapshot::V2(body) => Tagged {
                snapshot_version: 2,
                body,
            }
            .serialize(serializer),
        }
    }
}

/// A stored snapshot before its version is known.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    /// Absent from the snapshots written before versions: they are version 1.
    #[serde(default)]
    snapshot_version: Option<u32>,
    #[serde(flatten)]
    body: serde_json::Map<String, serde_json::Value>,
}

impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Snapshot, D::Error> {
        let envelope = Envelope::deserialize(deserializer)?;
        let body = serde_json::Value::Object(envelope.body);
        match envelope.snapshot_version.unwrap_or(1) {
            1 => serde_json::from_value(body)
                .map(Snapshot::V1)
                .map_err(D::Error::custom),
            2 => serde_json::from_value(body)
                .map(Snapshot::V2)
                .map_err(D::Error::custom),
            newer => Err(D::Error::custom(format!(
                "{VERSION_FIELD} {newer} was written by a newer Allia (this one reads up to {SNAPSHOT_VERSION})"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alliance::AllianceStatus;

    /// A snapshot as stored before versions (the shape of an alliance file).
    const UNVERSIONED: &str = r#"{"format":1,"profile":null,"alliance":{"name":"Service partagé","purpose":null,"territory":null,"startDate":null,"status":"active"},"partners":[]}"#;

    #[test]
    fn a_snapshot_without_version_reads_as_v1() {
        let snapshot: Snapshot = serde_json::from_str(UNVERSIONED).expect("v1");
        assert_eq!(snapshot.version(), 1);
        let file = snapshot.upgrade();
        assert_eq!(file.alliance.name, "Service partagé");
        assert_eq!(file.alliance.status, AllianceStatus::Active);
        assert!(file.partners.is_empty());
    }

    #[test]
    fn a_written_snapshot_carries_its_version_and_reads_back() {
        let file: AllianceFile = serde_json::from_str(UNVERSIONED).expect("file");
        let snapshot = Snapshot::of(&file);
        let json = serde_json::to_string(&snapshot).expect("json");
        assert!(
            json.starts_with(r#"{"snapshotVersion":2,"format":1,"#),
            "{json}"
        );
        let back: Snapshot = serde_json::from_str(&json).expect("read");
        assert_eq!(back, snapshot);
        assert_eq!(back.upgrade(), file);
        // What an older Allia reads: the alliance file, the version field ignored.
        let old_reader: AllianceFile = serde_json::from_str(&json).expect("old reader");
        assert_eq!(old_reader, file);
    }

    /// A version-1 snapshot of an alliance whose first partner is the profile by SIREN,
    /// and one homonym of the profile with another RNA.
    fn with_twin_and_homonym(version: Option<u32>) -> String {
        let v = version.map_or(String::new(), |v| format!(r#""snapshotVersion":{v},"#));
        format!(
            r#"{{{v}"format":1,"profile":{{"name":"Comité des fêtes","rna":"W372011111","siret":"80012345700015"}},"alliance":{{"name":"Fêtes","status":"active"}},"partners":[{{"organisation":{{"name":"CDF","siret":"80012345700023"}},"actorType":"association","role":"lead"}},{{"organisation":{{"name":"Comité des fêtes","rna":"W372022222"}},"actorType":"association","role":"member"}}]}}"#
        )
    }

    #[test]
    fn a_v1_snapshot_links_the_profile_as_its_documents_did() {
        let v1: Snapshot = serde_json::from_str(&with_twin_and_homonym(None)).expect("v1");
        assert_eq!(v1.version(), 1);
        let file = v1.upgrade();
        let links: Vec<bool> = file.partners.iter().map(|p| p.own_association).collect();
        assert_eq!(links, [true, false], "same SIREN: the twin; other RNA: not");
        // Without identifiers, version 1 matched names without case or accents.
        let by_name = with_twin_and_homonym(None)
            .replace(r#""siret":"80012345700023""#, r#""legalForm":"x""#)
            .replace(r#""name":"CDF""#, r#""name":"COMITE DES FETES""#);
        let file = serde_json::from_str::<Snapshot>(&by_name)
            .expect("v1")
            .upgrade();
        assert!(file.partners[0].own_association);
        assert!(!file.partners[1].own_association);
    }

    #[test]
    fn a_v2_snapshot_keeps_its_links_and_never_matches_names() {
        let v2: Snapshot = serde_json::from_str(&with_twin_and_homonym(Some(2))).expect("v2");
        assert_eq!(v2.version(), 2);
        let file = v2.upgrade();
        assert!(file.partners.iter().all(|p| !p.own_association));
        // Written with its link, read back the same.
        let mut linked = file.clone();
        linked.partners[1].own_association = true;
        let json = serde_json::to_string(&Snapshot::of(&linked)).expect("json");
        assert!(json.contains(r#""ownAssociation":true"#), "{json}");
        let back: Snapshot = serde_json::from_str(&json).expect("read");
        assert_eq!(back.upgrade(), linked);
    }

    #[test]
    fn a_newer_or_broken_snapshot_is_refused() {
        let newer = UNVERSIONED.replacen('{', r#"{"snapshotVersion":3,"#, 1);
        let err = serde_json::from_str::<Snapshot>(&newer).expect_err("newer");
        assert!(err.to_string().contains("newer Allia"), "{err}");
        let broken = UNVERSIONED.replace(r#""alliance":"#, r#""alliances":"#);
        assert!(serde_json::from_str::<Snapshot>(&broken).is_err());
        assert!(serde_json::from_str::<Snapshot>("[]").is_err());
    }
}
