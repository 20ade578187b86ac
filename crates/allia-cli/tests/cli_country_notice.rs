//! A country deduced from a city written « Tournai (Belgique) » (sample rw-14, a file of
//! an older format without a country field) is never silent: `allia import` names the
//! organisation, the city as written and the country on stderr. A name that is also a
//! place of another country (« Arlon (Luxembourg) », postal code 6700: Belgium's province
//! of Luxembourg) is not guessed: the import is refused, asking for the country.

use std::path::{Path, PathBuf};

mod common;
use common::{allia, path, stderr, stdout};

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name)
}

fn new_vault(dir: &Path) -> String {
    let vault = dir.join("coffre");
    let out = allia(&["init", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    path(&vault).to_string()
}

#[test]
fn import_names_the_country_it_deduced_from_the_city() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = new_vault(dir.path());
    let file = case("rw-14-partenaire-belge.json");
    let out = allia(&["import", "--vault", &vault, "--input", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Service partagé du Val de Brenne"));
    let err = stderr(&out);
    assert!(
        err.contains(
            "allia : partenaire 6 («\u{a0}Maison du Hainaut solidaire ASBL\u{a0}») — Pays déduit \
             de la ville «\u{a0}Tournai (Belgique)\u{a0}»\u{a0}: Belgique (ville enregistrée\u{a0}: \
             Tournai)."
        ),
        "{err}"
    );
    // Only the organisation whose country was deduced is named.
    assert_eq!(err.matches("Pays déduit").count(), 1, "{err}");
}

#[test]
fn an_ambiguous_country_is_asked_for_rather_than_guessed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = new_vault(dir.path());
    let text = std::fs::read_to_string(case("rw-14-partenaire-belge.json")).expect("sample");
    let arlon = text
        .replace("\"postalCode\": \"7500\"", "\"postalCode\": \"6700\"")
        .replace("Tournai (Belgique)", "Arlon (Luxembourg)");
    assert_ne!(arlon, text);
    let file = dir.path().join("arlon.json");
    std::fs::write(&file, arlon).expect("write");
    let out = allia(&["import", "--vault", &vault, "--input", path(&file)]);
    assert!(!out.status.success(), "refused");
    let err = stderr(&out);
    assert!(err.contains("partenaire 6"), "{err}");
    assert!(
        err.contains("La ville «\u{a0}Arlon (Luxembourg)\u{a0}» ne dit pas le pays avec certitude"),
        "{err}"
    );
    assert!(err.contains("Indiquez le pays."), "{err}");
    assert!(!err.contains("Pays déduit"), "{err}");
}
