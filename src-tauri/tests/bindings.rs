//! The TypeScript bindings in ui/src/lib/api/bindings.ts are generated from the Rust
//! commands and types; this test fails when the committed file is stale.
//! `UPDATE_BINDINGS=1 cargo test -p allia-app --test bindings` rewrites it.

use std::path::PathBuf;

fn export_to(path: &std::path::Path) {
    allia_app::specta_builder()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `UPDATE_BINDINGS=1 cargo test -p allia-app --test bindings`. Do not edit.\n"),
            path,
        )
        .expect("export bindings");
}

#[test]
fn bindings_are_up_to_date() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/bindings.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        export_to(&committed);
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let fresh = dir.path().join("bindings.ts");
    export_to(&fresh);
    let fresh = std::fs::read_to_string(&fresh).expect("read fresh");
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        fresh == current,
        "ui/src/lib/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p allia-app --test bindings` and commit it"
    );
}
