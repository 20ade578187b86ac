//! Every command against generated arguments, and the judging of each refusal.

use std::cell::RefCell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Map, Value};

use crate::dispatch::{dispatch, Refusal};
use crate::fixture::{substitute, Fixture};
use crate::strategies::{arb_args, arb_backup_damage, arb_import_file, valid_values};
use crate::table::{COMMANDS, SLOW};

/// Codes a refusal of bad input may carry: anything else (storage, I/O, a damaged or
/// locked vault) would mean the input broke something.
pub const INPUT_CODES: &[&str] = &[
    "backup_invalid",
    "backup_wrong_secret",
    "validation",
    "precondition",
    "wrong_passphrase",
    "wrong_recovery_key",
    "vault_exists",
    "not_found",
    "document",
];

/// Words of the English messages of serde, SQLite and the standard library: none may
/// reach a person.
pub const ENGLISH: &[&str] = &[
    "error:",
    "invalid type",
    "invalid value",
    "expected ",
    "failed",
    "unknown variant",
    "missing field",
    "database",
    "sqlite",
    "panicked",
    "called `",
];

pub fn check_french(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "empty message");
    let lower = message.to_lowercase();
    for word in ENGLISH {
        prop_assert!(!lower.contains(word), "not French: {message}");
    }
    Ok(())
}

pub fn check_refusal(name: &str, refusal: &Refusal) -> Result<(), TestCaseError> {
    match refusal {
        Refusal::Deserialise(message) => {
            prop_assert!(!message.is_empty(), "{name}: empty deserialisation error");
        }
        Refusal::App(e) => {
            let json = serde_json::to_value(e).expect("AppError serialises");
            let code = json["code"].as_str().unwrap_or("");
            prop_assert!(
                INPUT_CODES.contains(&code),
                "{name}: unexpected code {code}: {e:?}"
            );
            check_french(&e.message)?;
            for f in &e.field_errors {
                prop_assert!(!f.field.is_empty(), "{name}: field error without a field");
                check_french(&f.message)?;
            }
        }
    }
    Ok(())
}

pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs every command of `group` on one fixture: first with valid arguments (the call
/// must get past deserialisation), then against generated arguments.
pub fn fuzz_commands(group: impl Fn(&str) -> bool) {
    let fixture = RefCell::new(Fixture::new());
    for (name, args) in COMMANDS.iter().filter(|(n, _)| group(n)) {
        // The valid call.
        let valid: Map<String, Value> = args
            .iter()
            .map(|(a, kind)| (a.to_string(), valid_values(a, *kind)[0].clone()))
            .collect();
        {
            let mut fx = fixture.borrow_mut();
            let rt = fx.rt.handle().clone();
            let result = rt.block_on(async {
                let tokens = fx.tokens().await;
                let mut call = valid;
                for value in call.values_mut() {
                    substitute(value, &tokens);
                }
                dispatch(&mut fx, name, &call).await
            });
            match result {
                Ok(()) => {}
                Err(Refusal::Deserialise(e)) => {
                    panic!("{name}: a valid call did not deserialise: {e}")
                }
                Err(refusal) => {
                    if let Err(e) = check_refusal(name, &refusal) {
                        panic!("{name}: {e}");
                    }
                }
            }
        }

        let default = if SLOW.contains(name) { 3 } else { 12 };
        let mut runner = TestRunner::new(Config {
            cases: cases(default),
            max_shrink_iters: 100,
            ..Config::default()
        });
        let strategy = match *name {
            "alliance_import_choose" => arb_import_file(),
            "backup_choose_file" => arb_backup_damage(),
            _ => arb_args(args),
        };
        // Outcomes: accepted, refused at deserialisation, refused by the app.
        let seen = std::cell::Cell::new([0u32; 3]);
        let outcome = runner.run(&strategy, |mut call| {
            let mut fx = fixture.borrow_mut();
            let rt = fx.rt.handle().clone();
            let result = rt.block_on(async {
                let tokens = fx.tokens().await;
                for value in call.values_mut() {
                    substitute(value, &tokens);
                }
                dispatch(&mut fx, name, &call).await
            });
            let mut counts = seen.get();
            counts[match &result {
                Ok(()) => 0,
                Err(Refusal::Deserialise(_)) => 1,
                Err(Refusal::App(_)) => 2,
            }] += 1;
            seen.set(counts);
            match result {
                Ok(()) => Ok(()),
                Err(refusal) => check_refusal(name, &refusal),
            }
        });
        if let Err(e) = outcome {
            panic!("{name}: {e}");
        }
        let [ok, deserialise, app] = seen.get();
        eprintln!("{name}: {ok} accepted, {deserialise} not deserialised, {app} refused");
    }
    let mut fx = fixture.into_inner();
    if let Some(vault) = fx.vault.take() {
        fx.rt.block_on(vault.close());
    }
}

pub fn is_vault_command(name: &str) -> bool {
    name.starts_with("vault_") || name.starts_with("backup_") || name.contains("recovery")
}

pub fn is_document_command(name: &str) -> bool {
    name.starts_with("document_")
}
