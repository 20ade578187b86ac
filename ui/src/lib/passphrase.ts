// The passphrase strength meter, computed in the web view: no IPC on each keystroke.
// It mirrors the rule of crates/allia-core/src/passphrase.rs (lengths, minimum score,
// labels, messages). That Rust rule stays the authority: the vault refuses a weak
// passphrase when the form is sent, whatever this meter said.
//
// The score comes from @zxcvbn-ts/core with the common and French dictionaries, loaded
// on first use (dynamic import) so the first screen does not wait for them. The Rust
// side uses the zxcvbn crate (its own, English dictionaries): both agree far from the
// threshold (see passphrase.test.ts), and may differ by one point near it.

/** Fewest characters accepted (allia_core::passphrase::MIN_CHARS). */
export const MIN_CHARS = 10;
/** Most characters accepted (allia_core::passphrase::MAX_CHARS). */
export const MAX_CHARS = 1024;
/** zxcvbn score (0–4) a passphrase must reach (allia_core::passphrase::MIN_SCORE). */
export const MIN_SCORE = 3;
/** Only this many leading characters are scored, as in Rust (zxcvbn's cost grows fast). */
export const SCORED_CHARS = 100;

/** The label of each score, 0 to 4. */
export const LABELS = ["Très faible", "Faible", "Moyenne", "Bonne", "Excellente"] as const;

/** The same shape as allia_core::PassphraseAssessment. */
export interface PassphraseAssessment {
  /** 0 (très faible) to 4 (excellente). */
  score: number;
  label: string;
  acceptable: boolean;
  /** Why it is refused, or null when it is accepted. */
  message: string | null;
}

/** Characters as Rust counts them (Unicode scalar values, not UTF-16 units): « é » is one. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** A count written the French way, groups of three digits joined by U+202F (« 1 024 »). */
export function frenchCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** The verdict for a passphrase and its zxcvbn score: the pure half of the rule. */
export function assessWithScore(passphrase: string, rawScore: number): PassphraseAssessment {
  const chars = charCount(passphrase);
  const score = passphrase === "" ? 0 : Math.min(4, Math.max(0, Math.trunc(rawScore)));
  let message: string | null = null;
  if (chars < MIN_CHARS) {
    message = `Au moins ${MIN_CHARS} caractères (${chars} pour l’instant). Une courte phrase de plusieurs mots est facile à retenir.`;
  } else if (chars > MAX_CHARS) {
    message = `Phrase de passe trop longue\u00a0: ${frenchCount(MAX_CHARS)} caractères au plus (${frenchCount(chars)} saisis).`;
  } else if (score < MIN_SCORE) {
    message = "Trop facile à deviner\u00a0: ajoutez des mots peu courants, ou allongez la phrase.";
  }
  return { score, label: LABELS[score] ?? LABELS[0], acceptable: message === null, message };
}

/** Scores a text from 0 to 4. */
export type Scorer = (text: string) => number;

let scorer: Promise<Scorer> | null = null;

/** The zxcvbn scorer, its dictionaries loaded on the first call only. */
export function loadScorer(): Promise<Scorer> {
  scorer ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-fr")])
    .then(([core, common, fr]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...fr.dictionary },
        graphs: common.adjacencyGraphs,
        translations: fr.translations,
      });
      return (text: string) => zxcvbn.check(text).score;
    })
    .catch((error: unknown) => {
      // A failed load (e.g. a chunk missing) is retried on the next keystroke.
      scorer = null;
      throw error;
    });
  return scorer;
}

/** The first `SCORED_CHARS` characters (whole characters, never half a surrogate pair). */
function scoredPart(passphrase: string): string {
  if (passphrase.length <= SCORED_CHARS) return passphrase;
  let part = "";
  let count = 0;
  for (const char of passphrase) {
    if (count === SCORED_CHARS) break;
    part += char;
    count += 1;
  }
  return part;
}

/** Assesses a passphrase with the same rule as the vault, in the web view. */
export async function assessPassphrase(passphrase: string): Promise<PassphraseAssessment> {
  if (passphrase === "") return assessWithScore("", 0);
  const score = (await loadScorer())(scoredPart(passphrase));
  return assessWithScore(passphrase, score);
}
