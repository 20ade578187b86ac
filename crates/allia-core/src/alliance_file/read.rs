//! Reading an alliance file's bytes: the size cap, a UTF-8 byte-order mark, the format
//! number, the fields this version does not know (listed with their place, never dropped
//! silently), and a French account of what is wrong with the place of a misshapen value.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use super::errors::{
    json_problem, not_utf8, wrong_value_hint, BINARY_FILE, EMPTY_FILE, NOT_AN_OBJECT,
};
use super::v2::{AllianceFileV2, FileAlliance, FileCommitment, FileDocument, FilePartner};
use super::{
    AllianceFile, AllianceFileError, FileCommitments, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_BYTES,
};
use crate::alliance::AllianceDraft;
use crate::organisation::Organisation;
use crate::partner::PartnerDraft;
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
    error_path_under(&[], path)
}

/// The dotted path of an error met at `path` inside the value found at `prefix` (raw
/// JSON segments, indices from 0), records numbered from 1.
fn error_path_under(prefix: &[PathSegment], path: &serde_path_to_error::Path) -> String {
    let mut out = PathBuilder::default();
    for segment in prefix.iter().cloned().chain(raw_segments(path)) {
        match segment {
            PathSegment::Key(key) => out.key(&key),
            PathSegment::Index(index) => out.index(index),
        }
    }
    out.finish()
}

/// A step into a JSON value: an object's key or an array's index (from 0).
#[derive(Debug, Clone)]
enum PathSegment {
    Key(String),
    Index(usize),
}

fn raw_segments(path: &serde_path_to_error::Path) -> Vec<PathSegment> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(PathSegment::Index(*index)),
            Segment::Map { key } => Some(PathSegment::Key(key.clone())),
            Segment::Enum { variant } => Some(PathSegment::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// The value found at `segments` under `root`, if any.
fn value_at<'v>(root: &'v Value, segments: &[PathSegment]) -> Option<&'v Value> {
    segments
        .iter()
        .try_fold(root, |value, segment| match segment {
            PathSegment::Key(key) => value.get(key.as_str()),
            PathSegment::Index(index) => value.get(*index),
        })
}

/// What is wrong with a value that does not fit, in French: the date hint when the
/// field holds a date ([`wrong_value_hint`]), else serde_json's reason.
fn data_problem(path: &str, value: Option<&Value>, e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Data => {
            wrong_value_hint(path, value).unwrap_or_else(|| json_problem(e))
        }
        _ => json_problem(e),
    }
}

/// Collects every record of `root` that does not fit the shape of its format: the
/// profile, the alliance, each partner, each commitment, each document (and each of
/// its versions) parsed on its own, one problem per failing record, « place : reason
/// (path) ». Empty when every record fits (the problem is then at the top level).
fn shape_problems(root: &Value, format_1: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let key = |k: &str| vec![PathSegment::Key(k.to_string())];
    if format_1 {
        check::<Option<Organisation>>(root, &key("profile"), &mut problems);
        check::<AllianceDraft>(root, &key("alliance"), &mut problems);
        check_each::<PartnerDraft>(root, "partners", &mut problems);
        check_each::<FileCommitments>(root, "commitments", &mut problems);
        return problems;
    }
    check::<Option<Organisation>>(root, &key("profile"), &mut problems);
    check::<FileAlliance>(root, &key("alliance"), &mut problems);
    check_each::<FilePartner>(root, "partners", &mut problems);
    check_each::<FileCommitment>(root, "commitments", &mut problems);
    let documents = root.get("documents").and_then(Value::as_array);
    for (d, document) in documents.into_iter().flatten().enumerate() {
        let at = vec![PathSegment::Key("documents".into()), PathSegment::Index(d)];
        // The document without its versions, then each version on its own.
        let versions = document.get("versions").and_then(Value::as_array);
        match (document, versions) {
            (Value::Object(fields), Some(versions)) => {
                let mut bare = fields.clone();
                bare.insert("versions".into(), Value::Array(Vec::new()));
                check_value::<FileDocument>(&Value::Object(bare), &at, &mut problems);
                for v in 0..versions.len() {
                    let mut version_at = at.clone();
                    version_at.push(PathSegment::Key("versions".into()));
                    version_at.push(PathSegment::Index(v));
                    check::<super::v2::FileVersion>(root, &version_at, &mut problems);
                }
            }
            _ => check_value::<FileDocument>(document, &at, &mut problems),
        }
    }
    problems
}

/// Checks each element of the array `root[list]` as a `T`.
fn check_each<T: serde::de::DeserializeOwned>(
    root: &Value,
    list: &str,
    problems: &mut Vec<String>,
) {
    let items = root.get(list).and_then(Value::as_array);
    for index in 0..items.map_or(0, Vec::len) {
        let at = [
            PathSegment::Key(list.to_string()),
            PathSegment::Index(index),
        ];
        check::<T>(root, &at, problems);
    }
}

/// Checks the value of `root` at `at` as a `T` (a missing value as `null`).
fn check<T: serde::de::DeserializeOwned>(
    root: &Value,
    at: &[PathSegment],
    problems: &mut Vec<String>,
) {
    // A missing section is said by the whole file's parse.
    if let Some(value) = value_at(root, at) {
        check_value::<T>(value, at, problems);
    }
}

/// Parses `value`, found at `at`, as a `T`; on failure adds « place : reason (path) ».
fn check_value<T: serde::de::DeserializeOwned>(
    value: &Value,
    at: &[PathSegment],
    problems: &mut Vec<String>,
) {
    let Err(e) = serde_path_to_error::deserialize::<_, T>(value) else {
        return;
    };
    let inner_segments = raw_segments(e.path());
    let path = error_path_under(at, e.path());
    let found = value_at(value, &inner_segments);
    let mut problem = data_problem(&path, found, e.inner());
    // The date hint already starts with the place.
    let described = if wrong_value_hint(&path, found).is_some() {
        format!("{problem} ({path})")
    } else {
        if let Some(fraction) = fraction_for_integer(&path, found, e.inner()) {
            problem = fraction;
        } else if let Some(expected) = expected_kind(e.inner()) {
            problem = format!("{problem} ({expected} attendu)");
        }
        // A format-2 partner's organisation fields carry the labels of format 1's.
        let labelled = match path.split_once(".organisation.") {
            Some((record, field)) if record.starts_with("partners.") => {
                format!("{record}.{field}")
            }
            _ => path.clone(),
        };
        let place = field_place(&labelled).unwrap_or_else(|| unknown_place(&path));
        format!("{place}\u{a0}: {problem} ({path})")
    };
    problems.push(described);
}

/// « 3000000.5 n’est pas un nombre entier : les montants s’écrivent en centimes, sans
/// décimale (30 000,50 € s’écrit 3000050) » when a number with a fractional part is
/// found where a whole number is expected (serde's `expected i64`, `u32`…); the amount
/// fields (their name ends in `Cents`) say how amounts are written. `None` otherwise.
fn fraction_for_integer(
    path: &str,
    found: Option<&Value>,
    e: &serde_json::Error,
) -> Option<String> {
    let number = found?.as_number()?;
    if number.is_i64() || number.is_u64() {
        return None;
    }
    let text = e.to_string();
    let expected = text.split_once(", expected ")?.1;
    if !(expected.starts_with('i') || expected.starts_with('u')) {
        return None;
    }
    let field = path.rsplit('.').next().unwrap_or(path);
    Some(if field.ends_with("Cents") {
        format!(
            "{number} n’est pas un nombre entier\u{a0}: les montants s’écrivent en centimes, \
             sans décimale (30\u{202f}000,50\u{a0}€ s’écrit 3000050)"
        )
    } else {
        format!("{number} n’est pas un nombre entier\u{a0}: écrivez-le sans décimale")
    })
}

/// What kind of value serde expected, in French, for a value of the wrong type
/// (« texte », « nombre »…), from serde_json's `invalid type: …, expected …`.
fn expected_kind(e: &serde_json::Error) -> Option<&'static str> {
    let text = e.to_string();
    let (_, expected) = text
        .split_once("invalid type: ")?
        .1
        .split_once(", expected ")?;
    Some(match expected {
        x if x.starts_with("a string") || x.starts_with("a borrowed string") => "texte",
        x if x.starts_with("a boolean") => "vrai ou faux (true ou false)",
        x if x.starts_with('u') || x.starts_with('i') || x.contains("number") => "nombre",
        x if x.starts_with("a sequence") => "liste [ … ]",
        x if x.starts_with("struct") || x.starts_with("a map") => "objet { … }",
        _ => return None,
    })
}

/// An alliance file as read: its content in its own format, and the fields this
/// version does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    pub content: FileContent,
    /// In the order they appear; empty when every field is known.
    pub unknown_fields: Vec<UnknownField>,
}

/// Parses `bytes` as `T`, collecting the unknown fields and naming the place of a value
/// of the wrong type. `root` is the same bytes parsed as a JSON value: when the shape
/// does not fit, every failing record is looked for in it ([`shape_problems`]).
fn parse<'a, T: Deserialize<'a>>(
    bytes: &'a [u8],
    root: &Value,
    format_1: bool,
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
        if inner.classify() == serde_json::error::Category::Data {
            let mut problems = shape_problems(root, format_1);
            if problems.len() > 1 {
                return AllianceFileError::Shape { problems };
            }
            // One record: its place and path, with the line and column.
            if let Some(problem) = problems.pop() {
                return malformed(inner, problem);
            }
        }
        let found = value_at(root, &raw_segments(e.path()));
        malformed(inner, data_problem(&path, found, inner))
    })?;
    json.end().map_err(|e| malformed(&e, json_problem(&e)))?;
    Ok((value, unknown))
}

/// The bytes as UTF-8 text: a UTF-8 byte-order mark skipped, UTF-16 with its byte-order
/// mark (what Windows PowerShell 5's `>` writes) decoded; an empty file, a binary file
/// and one in another encoding (Latin-1, Windows-1252) refused with what to do.
fn text_bytes(bytes: &[u8]) -> Result<Cow<'_, [u8]>, AllianceFileError> {
    let refuse = |reason: String| AllianceFileError::NotAllianceFile { reason };
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    let text: Cow<'_, [u8]> = match utf16 {
        Some((rest, unit)) => {
            if rest.len() % 2 != 0 {
                return Err(refuse(BINARY_FILE.into()));
            }
            let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
            let decoded: Result<String, _> = char::decode_utf16(units).collect();
            match decoded {
                Ok(text) => Cow::Owned(text.into_bytes()),
                Err(_) => return Err(refuse(BINARY_FILE.into())),
            }
        }
        None => Cow::Borrowed(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)),
    };
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse(EMPTY_FILE.into()));
    }
    // NUL, or control bytes other than tab, line feed, carriage return, form feed: no
    // text editor writes them in a JSON file.
    let binary = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C);
    if text.iter().any(binary) {
        return Err(refuse(BINARY_FILE.into()));
    }
    if let Err(e) = std::str::from_utf8(&text) {
        let before = String::from_utf8_lossy(&text[..e.valid_up_to()]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(refuse(not_utf8(line, column)));
    }
    Ok(text)
}

/// Reads an alliance file of format 1 or 2: at most [`ALLIANCE_FILE_MAX_BYTES`] (refused
/// before parsing), a leading UTF-8 byte-order mark skipped (Notepad, PowerShell and
/// Excel write one), UTF-16 with its byte-order mark decoded, serde_json's nesting limit
/// (128 levels) kept, a key given twice refused. The unknown fields come back in
/// [`ReadFile::unknown_fields`], each with its path and place. A date in another form
/// than `AAAA-MM-JJ` is refused with the form expected and the field's place, an
/// impossible one (2025-13-45) as « date inexistante ». Pure: the caller reads the bytes.
///
/// # Errors
/// [`AllianceFileError`]: too large; empty, binary, not UTF-8, JSON that is not an
/// object ([`AllianceFileError::NotAllianceFile`], with what to do); malformed (with
/// line, column and the reason in French); values that do not fit in several records
/// ([`AllianceFileError::Shape`], every one with its place and path); or a format
/// number this version does not read.
pub fn read_alliance_file(bytes: &[u8]) -> Result<ReadFile, AllianceFileError> {
    if bytes.len() > ALLIANCE_FILE_MAX_BYTES {
        return Err(AllianceFileError::TooLarge { bytes: bytes.len() });
    }
    let text = text_bytes(bytes)?;
    let bytes: &[u8] = &text;
    // A file that is not JSON at all is refused here, with its line and column.
    let root: Value = serde_json::from_slice(bytes).map_err(|e| AllianceFileError::Malformed {
        line: e.line(),
        column: e.column(),
        problem: json_problem(&e),
    })?;
    if !root.is_object() {
        return Err(AllianceFileError::NotAllianceFile {
            reason: NOT_AN_OBJECT.into(),
        });
    }
    match root.get("format").and_then(Value::as_u64) {
        Some(1) => {
            let (file, unknown_fields) = parse::<AllianceFile>(bytes, &root, true)?;
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
            let (file, unknown_fields) = parse::<AllianceFileV2>(bytes, &root, false)?;
            Ok(ReadFile {
                content: FileContent::V2(Box::new(file)),
                unknown_fields,
            })
        }
    }
}
