//! Arbitrary input at the IPC boundary, on a real vault.
//!
//! For every command registered in `allia_app::specta_builder()` (the table `COMMANDS`
//! below; a test checks it lists exactly those, with the same argument names and
//! types), generated arguments go the way the command takes them: serde
//! deserialisation of each named argument from JSON (what Tauri does), then the
//! validation and the store call the command makes, on a real SQLCipher vault. Inputs
//! are valid values, mutations of them, arbitrary JSON and missing arguments.
//! Whatever comes in: no panic, and every refusal is structured — a deserialisation
//! error, or an `AppError` with an expected code and a non-empty French message.
//!
//! A second part puts arbitrary Unicode (controls, NUL, lone combining marks,
//! right-to-left text, emoji, 100 000-character strings) into each text field of each
//! input type: validation gives the value or field errors; what validation returns is
//! stored and read back unchanged; never a panic, never a storage error.
//!
//! The dialog, clipboard and viewer steps of a few commands cannot run here; their
//! arguments and everything else they do are covered. `PROPTEST_CASES` sets the cases
//! per command (defaults are small so `cargo test` stays fast).
//!
//! Layout: `table` (the commands and their arguments, and what the bindings register),
//! `fixture` (the real vault), `strategies` (valid, mutated and arbitrary arguments),
//! `dispatch` (one call, the way the command makes it), `fuzz` (the runs and the judging
//! of refusals), `unicode` (text fields); the tests are here.

mod dispatch;
mod fixture;
mod fuzz;
mod strategies;
mod table;
mod unicode;

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

use fixture::Fixture;
use fuzz::{cases, fuzz_commands, is_document_command, is_vault_command};
use strategies::{arb_text, valid_values};
use table::{bindings, registered, COMMANDS, SLOW};
use unicode::{store_text_case, TEXT_FIELDS};

#[test]
fn the_table_lists_every_registered_command() {
    let bindings = bindings();
    let registered = registered(&bindings);
    assert!(
        registered.len() >= 20,
        "the bindings' command lines were not recognised:\n{bindings}"
    );
    let table: Vec<(String, Vec<(String, String)>)> = COMMANDS
        .iter()
        .map(|(name, args)| {
            (
                name.to_string(),
                args.iter()
                    .map(|(a, kind)| (a.to_string(), kind.ts().to_string()))
                    .collect(),
            )
        })
        .collect();
    let sorted = |mut v: Vec<(String, Vec<(String, String)>)>| {
        v.sort();
        v
    };
    assert_eq!(
        sorted(table),
        sorted(registered),
        "COMMANDS in src-tauri/tests/command_inputs/table.rs must list exactly the commands of \
         specta_builder(), with their arguments: add the new command to the table and to \
         `dispatch`"
    );
    assert!(
        bindings.contains("export type ExportFormat = \"pdf\" | \"docx\";"),
        "ExportFormat changed: update the formats `strategies` generates for Arg::ExportFormat"
    );
    let names: BTreeSet<_> = COMMANDS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names.len(), COMMANDS.len(), "a command is listed twice");
    assert!(SLOW.iter().all(|s| names.contains(s)));
}

#[test]
fn vault_commands_take_any_input() {
    fuzz_commands(is_vault_command);
}

#[test]
fn record_commands_take_any_input() {
    fuzz_commands(|n| !is_vault_command(n) && !is_document_command(n));
}

#[test]
fn document_commands_take_any_input() {
    fuzz_commands(is_document_command);
}

#[test]
fn any_unicode_in_any_text_field_is_validated_then_stored_as_is() {
    let fixture = Fixture::new();
    for (kind, fields) in TEXT_FIELDS {
        let sample = valid_values("", *kind)[0].clone();
        let strategy =
            (prop::sample::select(*fields), arb_text()).prop_map(move |(field, text)| {
                let mut value = sample.clone();
                if let Some(node) = value.pointer_mut(field) {
                    *node = Value::String(text);
                }
                value
            });
        let mut runner = TestRunner::new(Config {
            cases: cases(48),
            max_shrink_iters: 100,
            ..Config::default()
        });
        let outcome = runner.run(&strategy, |value| {
            fixture.rt.block_on(store_text_case(&fixture, *kind, value))
        });
        if let Err(e) = outcome {
            panic!("{kind:?}: {e}");
        }
    }
    let mut fixture = fixture;
    if let Some(vault) = fixture.vault.take() {
        fixture.rt.block_on(vault.close());
    }
}
