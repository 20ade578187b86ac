// Amounts in euros as people type and read them. The vault keeps every amount as a whole number of cents; the
// screens show « 12 500,00 € » the way allia-core writes it (`allia_core::money::format_euros`: a narrow no-break
// space between groups of three digits and before « € », a decimal comma) and read what is typed: « 12 500 »,
// « 12 500,50 », « 12500.5 », « 12 500 € », and thousands grouped by a dot as Belgian, German and Swiss sources
// write them (« 30.000 », « 1.234,56 »): the rule is allia-core's `money::parse_euros`, pinned by api/french-amounts.json.

import { NBSP, NNBSP } from "$lib/format";

/** « 1 250 000 », U+202F between groups of three digits. */
function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** « 12 500,00 € » from cents, as allia-core writes it. */
export function formatEuros(cents: number): string {
  // The minus sign U+2212, as French typography writes it (and `format_euros`).
  const sign = cents < 0 ? "\u2212" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${groupThousands(Math.floor(abs / 100))},${String(abs % 100).padStart(2, "0")}${NNBSP}€`;
}

/** What an amount field shows for cents: « 12 500 », or « 12 500,50 » when there are cents; empty for null. */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return "";
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  const whole = groupThousands(Math.floor(abs / 100));
  const rest = abs % 100;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole},${String(rest).padStart(2, "0")}`;
}

/** The largest amount read, in cents (2^53 − 1, `money::READ_MAX_CENTS`): beyond it the text is refused as not an amount (the vault's cap is far lower). */
const READ_MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** Why a typed amount is not read, as `allia_core::money::AmountRefusal::code` names it. */
export type AmountRefusal = "not_an_amount" | "ambiguous" | "mixed_separators";

/** The refusal of a text that is not an amount, shown at its field. */
export const NOT_AN_AMOUNT = `Saisissez un montant en euros, par exemple 12${NNBSP}500 ou 12${NNBSP}500,50.`;

/** Each refusal's message, as `AmountRefusal::message` writes it (pinned by `api/french-amounts.json`). */
export const AMOUNT_REFUSALS: Record<AmountRefusal, string> = {
  not_an_amount: NOT_AN_AMOUNT,
  ambiguous: `Montant ambigu${NBSP}: trois chiffres après la virgule ou le point peuvent être des milliers ou des centimes. Écrivez 1${NNBSP}234 pour des milliers, 1,23 pour des centimes.`,
  mixed_separators: `Séparateurs mélangés${NBSP}: séparez les milliers par un espace ou un point et les centimes par une virgule, par exemple 1${NNBSP}234,56.`,
};

/** What was typed in an amount field: its cents (`null` when empty), or why it is refused. */
export type AmountReading = { cents: number | null } | { refusal: AmountRefusal };

const digits = (text: string, min: number, max: number) =>
  text.length >= min && text.length <= max && /^\d*$/.test(text);

function isRefusal(value: string): value is AmountRefusal {
  return value in AMOUNT_REFUSALS;
}

/** The whole part's digits, its group separators (dots or apostrophes, one kind) checked; `money::grouped_digits`. */
function groupedDigits(whole: string): string | AmountRefusal {
  const dots = whole.includes(".");
  const apostrophes = /['’]/.test(whole);
  if (dots && apostrophes) return "mixed_separators";
  if (!dots && !apostrophes) return whole !== "" && whole.length <= 18 ? whole : "not_an_amount";
  const groups = whole.split(/[.'’]/);
  const [first = "", ...rest] = groups;
  if (!digits(first, 1, 3) || !rest.every((group) => digits(group, 3, 3)) || groups.length > 6) return "not_an_amount";
  if (first.startsWith("0")) return "ambiguous";
  return groups.join("");
}

/**
 * Reads an amount as people type or paste it, by the rule of `allia_core::money::parse_euros`: spaces of any kind
 * ignored, a final « € » allowed, a leading « - » or « − »; thousands grouped by a dot or an apostrophe (« 30.000 »,
 * « 1.234,56 », « 1'234.50 »: a dot followed by exactly three digits groups thousands); cents after a comma, or after a
 * dot followed by one or two digits (« 12.5 »). « 1,234 » and « 0.500 » are ambiguous; « 1,234.56 » and « 1.234.5 » mix
 * separators. Whether the amount is acceptable (more than zero, under the cap) is the vault's rule.
 */
export function readAmount(text: string): AmountReading {
  let compact = text.replace(/\s/g, "");
  if (compact.endsWith("€")) compact = compact.slice(0, -1);
  if (compact === "") return { cents: null };
  // A leading hyphen, or the minus sign U+2212 as amounts are written (and pasted back).
  const negative = compact.startsWith("-") || compact.startsWith("\u2212");
  const body = negative ? compact.slice(1) : compact;
  if (body === "" || !/^[\d.,'’]+$/.test(body)) return { refusal: "not_an_amount" };
  let whole: string;
  let decimals: string;
  const comma = body.indexOf(",");
  if (comma >= 0) {
    whole = body.slice(0, comma);
    decimals = body.slice(comma + 1);
    if (/[.,'’]/.test(decimals)) {
      const english = decimals.split(/[,.]/).every((group) => digits(group, 1, 3)) && digits(whole, 1, 3);
      return { refusal: english ? "mixed_separators" : "not_an_amount" };
    }
    if (digits(decimals, 3, 3)) return { refusal: "ambiguous" };
    if (!digits(decimals, 1, 2)) return { refusal: "not_an_amount" };
  } else {
    const dot = body.lastIndexOf(".");
    const before = dot >= 0 ? body.slice(0, dot) : body;
    const after = dot >= 0 ? body.slice(dot + 1) : "";
    if (dot < 0) {
      whole = body;
      decimals = "";
    } else if (digits(after, 1, 2)) {
      if (before.includes(".")) return { refusal: "mixed_separators" };
      whole = before;
      decimals = after;
    } else if (digits(after, 3, 3)) {
      whole = body;
      decimals = "";
    } else {
      return { refusal: "not_an_amount" };
    }
  }
  const grouped = groupedDigits(whole);
  if (isRefusal(grouped)) return { refusal: grouped };
  const cents = Number(grouped) * 100 + Number(decimals.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents) || cents > READ_MAX_CENTS) return { refusal: "not_an_amount" };
  return { cents: negative ? -cents : cents };
}

/** Cents from what was typed: `null` when empty, `undefined` when it is not read ([`readAmount`] says why). */
export function inputToCents(text: string): number | null | undefined {
  const reading = readAmount(text);
  return "cents" in reading ? reading.cents : undefined;
}

/** The French message at an amount field whose text is refused; `null` when it reads (or is empty). */
export function amountError(text: string): string | null {
  const reading = readAmount(text);
  return "refusal" in reading ? AMOUNT_REFUSALS[reading.refusal] : null;
}
