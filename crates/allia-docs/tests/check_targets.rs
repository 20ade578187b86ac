//! « À vérifier » items say where they are fixed: a clause, the association's profile or
//! one partner (by its place in the alliance file), at the field that is missing.

#[path = "common/templates_fixture.rs"]
mod fixture;

use allia_core::{ClauseOverride, DocumentKind};
use allia_docs::templates::{build, Built, CheckTarget, OrganisationField};
use fixture::{file, options};

fn target_of<'b>(built: &'b Built, needle: &str) -> Option<&'b CheckTarget> {
    built
        .checks
        .iter()
        .find(|check| check.message.contains(needle))
        .unwrap_or_else(|| panic!("no check mentions « {needle} »: {:?}", built.warnings))
        .target
        .as_ref()
}

#[test]
fn a_partner_without_representative_points_to_that_partner_field() {
    let mut f = file(true);
    let index = f.partners.len() - 1;
    f.partners[index].organisation.representative_name = None;
    let built = build(&f, &options(DocumentKind::PartnershipAgreement)).expect("builds");
    assert_eq!(
        target_of(
            &built,
            "Commune de Château-Renault\u{a0}» n’est pas renseigné"
        ),
        Some(&CheckTarget::Partner {
            index,
            field: Some(OrganisationField::RepresentativeName),
        })
    );
}

#[test]
fn the_profile_points_to_the_profile() {
    let mut f = file(false);
    f.profile = None;
    let built = build(&f, &options(DocumentKind::PartnershipAgreement)).expect("builds");
    assert_eq!(
        target_of(&built, "profil de votre association"),
        Some(&CheckTarget::Profile(None))
    );

    let mut f = file(false);
    if let Some(profile) = f.profile.as_mut() {
        profile.representative_name = None;
    }
    let built = build(&f, &options(DocumentKind::PartnershipCharter)).expect("builds");
    assert_eq!(
        target_of(&built, "Les Amis du Quartier\u{a0}» n’est pas renseigné"),
        Some(&CheckTarget::Profile(Some(
            OrganisationField::RepresentativeName
        )))
    );
}

#[test]
fn a_partner_that_is_the_association_points_to_the_profile() {
    // The association is also listed among the partners: its data comes from the profile.
    let mut f = file(false);
    let mut twin = fixture::commune();
    twin.organisation = fixture::profile();
    twin.organisation.representative_name = None;
    f.partners.insert(0, twin);
    if let Some(profile) = f.profile.as_mut() {
        profile.representative_name = None;
    }
    let built = build(&f, &options(DocumentKind::PartnershipAgreement)).expect("builds");
    assert_eq!(
        target_of(&built, "Les Amis du Quartier\u{a0}» n’est pas renseigné"),
        Some(&CheckTarget::Profile(Some(
            OrganisationField::RepresentativeName
        )))
    );
}

#[test]
fn clause_items_point_to_their_clause() {
    let f = file(false);
    let mut opts = options(DocumentKind::PartnershipAgreement);
    opts.overrides = vec![
        ClauseOverride {
            clause_id: "resiliation".into(),
            enabled: None,
            text: Some("Préavis de {{ blank(\"la durée du préavis\") }}.".into()),
        },
        // A mandatory clause cannot be left out: the item says so, at that clause.
        ClauseOverride {
            clause_id: "objet".into(),
            enabled: Some(false),
            text: None,
        },
    ];
    let built = build(&f, &opts).expect("builds");
    assert_eq!(
        target_of(&built, "la durée du préavis"),
        Some(&CheckTarget::Clause("resiliation".into()))
    );
    let kept = target_of(&built, "ne peut pas être retirée").cloned();
    assert_eq!(kept, Some(CheckTarget::Clause("objet".into())));
    // Every item has its place; the complete example leaves none without one.
    assert!(built.checks.iter().all(|check| check.target.is_some()));
    assert_eq!(built.checks.len(), built.warnings.len());
}
