//! The help pages are in French, headings and the help and version flags included,
//! for the program and each of its commands.

mod common;
use common::{allia, stdout};

#[test]
fn help_pages_are_in_french() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["render", "--help"],
        &["measurements-import", "-h"],
    ] {
        let out = allia(args);
        assert!(out.status.success(), "{args:?}");
        let text = stdout(&out);
        assert!(text.contains("Utilisation : allia"), "{args:?}: {text}");
        assert!(text.contains("-h, --help"), "{args:?}: {text}");
        assert!(text.contains("Affiche l’aide"), "{args:?}: {text}");
        for english in [
            "Usage:",
            "Print help",
            "Print version",
            "Commands:",
            "Print this message",
        ] {
            assert!(
                !text.contains(english),
                "{args:?} says « {english} »: {text}"
            );
        }
    }

    let top = stdout(&allia(&["--help"]));
    assert!(top.contains("Commandes:"), "{top}");
    assert!(top.contains("COMMANDE"), "{top}");
    assert!(top.contains("Affiche la version"), "{top}");
    assert!(top.contains("measurements-import"), "{top}");

    let render = stdout(&allia(&["render", "--help"]));
    assert!(render.contains("--place"), "{render}");
}

#[test]
fn version_is_printed_and_usage_mistakes_stay_french() {
    let version = allia(&["--version"]);
    assert!(version.status.success());
    assert!(
        stdout(&version).starts_with(&format!("allia {}", env!("CARGO_PKG_VERSION"))),
        "{}",
        stdout(&version)
    );

    let unknown = allia(&["render", "--nimporte"]);
    assert_eq!(unknown.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unknown.stderr).to_string();
    assert!(
        message.contains("argument inconnu : --nimporte"),
        "{message}"
    );
}
