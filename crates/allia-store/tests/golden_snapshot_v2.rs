//! The frozen snapshot of version 2 (docs/formats.md), pinned by a golden file written by
//! Allia itself and never edited: which partner is the association itself is its
//! explicit `ownAssociation` link, and version 1 reads with the link its documents
//! inferred.

use allia_core::{AllianceFile, Snapshot};

/// A frozen version's snapshot as stored in `document_version.snapshot` (version 2).
const FROZEN_SNAPSHOT_V2: &str = include_str!("golden/frozen-snapshot-v2.json");
/// The same alliance frozen in version 1 (before the link existed).
const FROZEN_SNAPSHOT_V1: &str = include_str!("golden/frozen-snapshot-v1.json");

#[test]
fn the_v2_frozen_snapshot_reads_with_its_link_and_writes_back_byte_for_byte() {
    let snapshot: Snapshot = serde_json::from_str(FROZEN_SNAPSHOT_V2).expect("golden v2");
    assert_eq!(snapshot.version(), 2);
    assert_eq!(
        serde_json::to_string(&snapshot).expect("json"),
        FROZEN_SNAPSHOT_V2
    );
    let file: AllianceFile = snapshot.upgrade();
    let links: Vec<bool> = file.partners.iter().map(|p| p.own_association).collect();
    assert_eq!(links, [true, false, false, false, false, false]);
    assert_eq!(
        file.partners[0].organisation.name,
        "Maison des Solidarités du Val de Brenne"
    );
}

#[test]
fn the_v1_frozen_snapshot_upgrades_to_the_same_data_as_version_2() {
    let v1: Snapshot = serde_json::from_str(FROZEN_SNAPSHOT_V1).expect("golden v1");
    let v2: Snapshot = serde_json::from_str(FROZEN_SNAPSHOT_V2).expect("golden v2");
    assert_eq!(v1.version(), 1);
    // Version 1 named the profile's twin by comparing it with each partner; the upgrade
    // writes that down as the link, so both print the same parties.
    assert_eq!(v1.upgrade(), v2.upgrade());
}
