// The one key the screens compare texts by when case and accents must not matter (list
// searches, tags, annex titles). The copy of allia-core's `text::collation_key`, step for
// step, pinned to it by `collation-samples.json` (written by
// crates/allia-core/tests/collation_samples.rs and checked by collation.test.ts).

/** Every combining mark (general category M): accents, cedilla, Arabic and Hebrew points. */
const MARKS = /\p{M}/gu;

/**
 * Invisible format characters removed without separating words: soft hyphen, Arabic
 * letter mark, Mongolian vowel separator, U+200B–U+200F, bidirectional controls, word
 * joiner and invisible operators, byte-order mark, emoji tag characters. The same list
 * as `allia_core::text::is_ignorable`.
 */
const IGNORABLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0001}\u{E0020}-\u{E007F}]/gu;

/** Letters no decomposition splits, folded as allia-core folds them. */
const FOLDS: Record<string, string> = { "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "ς": "σ" };
const FOLDED = /[œæßøđłıς]/gu;

/** Runs of characters that are neither alphabetic nor numeric. */
const SEPARATORS = /[^\p{Alphabetic}\p{N}]+/gu;

/**
 * The collation key of a text: compatibility decomposition (NFKD), lower case, NFKD again,
 * combining marks and invisible format characters removed, « œ » → « oe » (and the other
 * folds), every run of other characters than letters and digits one space, trimmed, NFC.
 * « MAISON DES SOLIDARITES » and « Maison des Solidarités » give the same key, as do
 * « Œuvre » and « oeuvre ». A text with no letter or digit gives "".
 */
export function collationKey(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(IGNORABLE, "")
    .replace(FOLDED, (c) => FOLDS[c] ?? c)
    .replace(SEPARATORS, " ")
    .trim()
    .normalize("NFC");
}

/**
 * Whether what is typed in a search field finds a text (or any of several texts): every
 * word of the query's key is part of the text's key, in any order (« helene sevres » finds
 * « Atelier Hélène de Sèvres »). An empty query (or one of punctuation only) finds
 * everything.
 */
export function matchesSearch(query: string, texts: string | readonly (string | null | undefined)[]): boolean {
  const needle = collationKey(query);
  if (needle === "") return true;
  const haystack = collationKey(typeof texts === "string" ? texts : texts.filter((t) => t).join(" "));
  return needle.split(" ").every((word) => haystack.includes(word));
}

/** Whether two texts are the same once case and accents are set aside; texts with no letter or digit never are. */
export function sameCollated(a: string, b: string): boolean {
  const key = collationKey(a);
  return key !== "" && key === collationKey(b);
}
