//! Property tests: whatever the bytes, the import never panics and imports nothing when wrong.

use super::*;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Whatever the bytes: no panic, every error on a line of the file, and nothing to
    /// import as soon as there is one error.
    #[test]
    fn any_file_is_read_without_panic_and_imports_nothing_when_wrong(
        lines in proptest::collection::vec(
            proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[0-9 ,.;\"'=+-/]{0,12}").expect("regex"),
                    proptest::string::string_regex("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}").expect("regex"),
                    proptest::prelude::Just("Bénévoles formés".to_string()),
                    proptest::prelude::Just(VOLUNTEERS.to_string()),
                    proptest::prelude::any::<String>(),
                ],
                0..10,
            ),
            0..8,
        ),
        separator in proptest::prop_oneof![
            proptest::prelude::Just(";"),
            proptest::prelude::Just(","),
            proptest::prelude::Just("\t"),
        ],
        header in proptest::prelude::any::<bool>(),
        raw in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
    ) {
        let indicators = indicators();
        let mut text = if header { format!("{}\r\n", HEADER.replace(';', separator)) } else { String::new() };
        for cells in &lines {
            text.push_str(&cells.join(separator));
            text.push('\n');
        }
        let total_lines = u32::try_from(text.matches(['\n', '\r']).count() + 1).unwrap_or(u32::MAX);
        for bytes in [text.into_bytes(), raw] {
            let import = parse_measurements(&bytes, &indicators, TODAY);
            if !import.errors.is_empty() {
                proptest::prop_assert!(import.drafts.is_empty());
            }
            for error in &import.errors {
                proptest::prop_assert!(error.line >= 1);
                proptest::prop_assert!(!error.message.is_empty());
            }
            if import.errors.is_empty() {
                proptest::prop_assert_eq!(import.drafts.len(), import.rows.len());
            }
            proptest::prop_assert!(import.rows.iter().all(|r| r.line <= total_lines.max(64)));
        }
    }
}
