//! Reading an alliance file's bytes: the size cap, a UTF-8 byte-order mark, the format
//! number, the fields this version does not know (listed with their place, never dropped
//! silently), and a French account of what is wrong with the place of a misshapen value.

use serde::Deserialize;

use super::errors::{json_problem, wrong_value_hint};
use super::v2::AllianceFileV2;
use super::{AllianceFile, AllianceFileError, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_BYTES};
use crate::validation::field_place;

/// What an alliance file holds, in the format it was written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileContent {
    /// Format 1 (no ids; commitments name partners by position). Converted to format 2,
    /// with ids derived from its content, by validation
    /// ([`super::Importable::validated_for_import`]).
    V1(Box<AllianceFile>),
    /// Format 2.
    V2(Box<AllianceFileV2>),
}

impl FileContent {
    /// The format number the file carries.
    pub fn format(&self) -> u32 {
        match self {
            FileContent::V1(_) => 1,
            FileContent::V2(_) => ALLIANCE_FILE_FORMAT,
        }
    }
}

/// A field of the file that this version of Allia does not know: it would be lost on
/// import, so the reader lists it and the importer decides (the command line refuses
/// unless `--ignore-unknown`; the app asks).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UnknownField {
    /// Dotted path in the file, records numbered from 1 as validation names them
    /// (`alliance.durationMonths`, `partners.2.contributionCents`).
    pub path: String,
    /// Where it is, in French, with the field's own name
    /// (« alliance, durationMonths », « partenaire 2, contributionCents »).
    pub place: String,
}

impl UnknownField {
    fn new(path: String) -> UnknownField {
        let place = unknown_place(&path);
        UnknownField { path, place }
    }

    /// « champ inconnu : partenaire 2, contributionCents (partners.2.contributionCents) »
    pub fn described(&self) -> String {
        format!("champ inconnu\u{a0}: {} ({})", self.place, self.path)
    }
}

/// « partenaire 2, contributionCents » for `partners.2.contributionCents`: the record's
/// place as [`field_place`] says it, then the unknown key's path inside the record.
fn unknown_place(path: &str) -> String {
    let segments: Vec<&str> = path.split('.').collect();
    let (record_len, record) = match segments.as_slice() {
        ["partners" | "commitments", _, ..] => (2, field_place(&segments[..2].join("."))),
        ["alliance" | "profile", ..] => (1, field_place(segments[0])),
        ["documents", _, "versions", _, "signatures", _, ..] => {
            (6, field_place(&segments[..6].join(".")))
        }
        ["documents", _, "versions", _, ..] => (4, field_place(&segments[..4].join("."))),
        ["documents", _, ..] => (2, field_place(&segments[..2].join("."))),
        _ => (0, None),
    };
    let rest = segments[record_len.min(segments.len())..].join(".");
    match record {
        Some(record) if !rest.is_empty() => format!("{record}, {rest}"),
        Some(record) => record,
        None => rest,
    }
}

/// Lists whose items are records numbered from 1 in field paths (`partners.1`); the
/// items of other lists (inside a draft) keep their index from 0, as the forms name them.
const NUMBERED_FROM_ONE: [&str; 6] = [
    "partners",
    "commitments",
    "documents",
    "versions",
    "signatures",
    "overrides",
];

/// Builds dotted paths from path segments, numbering records from 1.
#[derive(Default)]
struct PathBuilder(Vec<String>);

impl PathBuilder {
    fn key(&mut self, key: &str) {
        self.0.push(key.to_string());
    }

    fn index(&mut self, index: usize) {
        let from_one = self
            .0
            .last()
            .is_some_and(|k| NUMBERED_FROM_ONE.contains(&k.as_str()));
        self.0
            .push((if from_one { index + 1 } else { index }).to_string());
    }

    fn finish(self) -> String {
        self.0.join(".")
    }
}

fn ignored_path(path: &serde_ignored::Path<'_>, out: &mut PathBuilder) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            ignored_path(parent, out);
            out.index(*index);
        }
        Path::Map { parent, key } => {
            ignored_path(parent, out);
            out.key(key);
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent, out),
    }
}

fn error_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = PathBuilder::default();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.index(*index),
            Segment::Map { key } => out.key(key),
            Segment::Enum { variant } => out.key(variant),
            Segment::Unknown => out.key("?"),
        }
    }
    out.finish()
}

/// An alliance file as read: its content in its own format, and the fields this
/// version does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    pub content: FileContent,
    /// In the order they appear; empty when every field is known.
    pub unknown_fields: Vec<UnknownField>,
}

/// The format number, read before the rest so the right shape is parsed.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format: Option<serde_json::Value>,
}

/// Parses `bytes` as `T`, collecting the unknown fields and naming the place of a value
/// of the wrong type.
fn parse<'a, T: Deserialize<'a>>(
    bytes: &'a [u8],
) -> Result<(T, Vec<UnknownField>), AllianceFileError> {
    let mut unknown = Vec::new();
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let parsed = {
        let mut record = |path: serde_ignored::Path<'_>| {
            let mut out = PathBuilder::default();
            ignored_path(&path, &mut out);
            unknown.push(UnknownField::new(out.finish()));
        };
        let ignored = serde_ignored::Deserializer::new(&mut json, &mut record);
        serde_path_to_error::deserialize::<_, T>(ignored)
    };
    let malformed = |e: &serde_json::Error, problem: String| AllianceFileError::Malformed {
        line: e.line(),
        column: e.column(),
        problem,
    };
    let value = parsed.map_err(|e| {
        let path = error_path(e.path());
        let inner = e.inner();
        let problem = match inner.classify() {
            serde_json::error::Category::Data => {
                wrong_value_hint(&path).unwrap_or_else(|| json_problem(inner))
            }
            _ => json_problem(inner),
        };
        malformed(inner, problem)
    })?;
    json.end().map_err(|e| malformed(&e, json_problem(&e)))?;
    Ok((value, unknown))
}

/// Reads an alliance file of format 1 or 2: at most [`ALLIANCE_FILE_MAX_BYTES`] (refused
/// before parsing), a leading UTF-8 byte-order mark skipped (Notepad, PowerShell and
/// Excel write one), serde_json's nesting limit (128 levels) kept, a key given twice
/// refused. The unknown fields come back in [`ReadFile::unknown_fields`], each with its
/// path and place. A date in another form than `AAAA-MM-JJ` is refused with the form
/// expected and the field's place. Pure: the caller reads the bytes.
///
/// # Errors
/// [`AllianceFileError`]: too large, malformed (with line, column and the reason in
/// French), or a format number this version does not read.
pub fn read_alliance_file(bytes: &[u8]) -> Result<ReadFile, AllianceFileError> {
    if bytes.len() > ALLIANCE_FILE_MAX_BYTES {
        return Err(AllianceFileError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A file that is not JSON at all is refused here, with its line and column.
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| AllianceFileError::Malformed {
        line: e.line(),
        column: e.column(),
        problem: json_problem(&e),
    })?;
    match probe.format.as_ref().and_then(serde_json::Value::as_u64) {
        Some(1) => {
            let (file, unknown_fields) = parse::<AllianceFile>(bytes)?;
            Ok(ReadFile {
                content: FileContent::V1(Box::new(file)),
                unknown_fields,
            })
        }
        Some(format) if format != u64::from(ALLIANCE_FILE_FORMAT) => {
            Err(AllianceFileError::UnknownFormat { format })
        }
        // Format 2, or no usable format number: the current shape says what is wrong.
        _ => {
            let (file, unknown_fields) = parse::<AllianceFileV2>(bytes)?;
            Ok(ReadFile {
                content: FileContent::V2(Box::new(file)),
                unknown_fields,
            })
        }
    }
}
