//! What the webview may call, listed: widening the window's permissions is a visible,
//! reviewed change to `EXPECTED` below, made together with the UI code that needs it
//! (issue 6, item 9: least privilege). The app's own commands need no permission (Tauri
//! allows an app's commands to its windows unless the app declares a command manifest);
//! everything else the webview reaches goes through a capability in
//! `src-tauri/capabilities/`, and that list is the one checked here.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Every permission granted to the app's windows, sorted, with why it is needed.
const EXPECTED: &[&str] = &[
    // The typed Rust → UI events (tauri-specta), e.g. the vault being locked:
    // `listen` subscribes, `unlisten` drops the subscription when a screen goes away.
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    // ui/src/lib/window.ts: `getCurrentWindow().setTitle`.
    "core:window:allow-set-title",
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One capability file: its name and its parsed JSON.
struct CapabilityFile {
    name: String,
    json: Value,
}

/// Every file in src-tauri/capabilities/, parsed. Tauri also accepts TOML and JSON5
/// there; this test reads JSON only, so any other file fails it rather than slipping by.
fn capability_files() -> Vec<CapabilityFile> {
    let dir = manifest_dir().join("capabilities");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("read src-tauri/capabilities") {
        let path = entry.expect("directory entry").path();
        let name = path
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        assert!(
            path.extension().is_some_and(|e| e == "json"),
            "{name}: only JSON capability files are listed by this test; write it in JSON"
        );
        let text = std::fs::read_to_string(&path).expect("read capability file");
        let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        files.push(CapabilityFile { name, json });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!files.is_empty(), "no capability file in {}", dir.display());
    files
}

/// A capability's permissions as identifiers; a scoped permission (an object with
/// `allow`/`deny`) is listed as `identifier (scoped)` so a new scope shows up too.
fn permissions(name: &str, capability: &Value) -> Vec<String> {
    let list = capability["permissions"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: `permissions` is not a list"));
    list.iter()
        .map(|permission| match permission {
            Value::String(id) => id.clone(),
            Value::Object(fields) => {
                let id = fields["identifier"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{name}: a permission object has no identifier"));
                if fields.contains_key("allow") || fields.contains_key("deny") {
                    format!("{id} (scoped)")
                } else {
                    id.to_string()
                }
            }
            other => panic!("{name}: unexpected permission {other}"),
        })
        .collect()
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

fn expected() -> Vec<String> {
    EXPECTED.iter().map(|s| s.to_string()).collect()
}

/// A permission set that grants a whole plugin or all of core at once.
fn is_default_set(permission: &str) -> bool {
    permission == "core:default" || permission == "default" || permission.ends_with(":default")
}

#[test]
fn the_windows_get_exactly_the_reviewed_permissions() {
    let granted: Vec<String> = capability_files()
        .iter()
        .flat_map(|file| permissions(&file.name, &file.json))
        .collect();
    assert_eq!(
        sorted(granted),
        expected(),
        "the capabilities in src-tauri/capabilities/ changed: review the new permission \
         (least privilege, issue 6) and update EXPECTED in this test with the reason"
    );
}

#[test]
fn no_default_permission_set_is_granted() {
    for file in capability_files() {
        let wholesale: Vec<String> = permissions(&file.name, &file.json)
            .into_iter()
            .filter(|p| is_default_set(p))
            .collect();
        assert!(
            wholesale.is_empty(),
            "{}: grants a whole permission set {wholesale:?}; list the commands the UI uses instead",
            file.name
        );
    }
    // The check itself must catch what it is meant to catch.
    assert!(is_default_set("core:default"));
    assert!(is_default_set("core:window:default"));
    assert!(is_default_set("dialog:default"));
    assert!(!is_default_set("core:window:allow-set-title"));
}

#[test]
fn capabilities_apply_to_the_main_window_of_the_bundled_ui_only() {
    for file in capability_files() {
        let name = &file.name;
        assert_eq!(
            file.json["windows"],
            serde_json::json!(["main"]),
            "{name}: a capability must name the main window only"
        );
        assert!(
            file.json.get("remote").is_none(),
            "{name}: no remote URL may call into the app"
        );
        assert!(
            file.json.get("webviews").is_none(),
            "{name}: capabilities go through the window, not extra webviews"
        );
        let description = file.json["description"].as_str().unwrap_or_default();
        assert!(
            !description.trim().is_empty(),
            "{name}: say in `description` what the window may do and why"
        );
    }
}

/// tauri-build writes the capabilities it compiled into the app to
/// `gen/schemas/capabilities.json` (the build script runs before this test is compiled).
/// Comparing it catches a capability declared elsewhere, e.g. inline in tauri.conf.json.
#[test]
fn the_compiled_capabilities_are_the_reviewed_ones() {
    let path: &Path = &manifest_dir().join("gen/schemas/capabilities.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (written by tauri-build when allia-app is built)",
            path.display()
        )
    });
    let compiled: Value = serde_json::from_str(&text).expect("parse capabilities.json");
    let compiled = compiled
        .as_object()
        .expect("capabilities.json is an object");
    let ids: Vec<&String> = compiled.keys().collect();
    assert_eq!(
        ids,
        ["default"],
        "only the reviewed capability is compiled in"
    );
    let granted: Vec<String> = compiled
        .iter()
        .flat_map(|(id, capability)| permissions(id, capability))
        .collect();
    assert_eq!(sorted(granted), expected());
}
