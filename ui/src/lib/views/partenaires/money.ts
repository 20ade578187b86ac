// Amounts in euros as people type and read them. The vault keeps every amount as a whole number of cents; the
// screens show « 12 500,00 € » the way allia-core writes it (`allia_core::money::format_euros`: a narrow no-break
// space between groups of three digits and before « € », a decimal comma) and read what is typed: « 12 500 »,
// « 12 500,50 », « 12500.5 », « 12 500 € ».

import { NNBSP } from "$lib/format";

/** « 1 250 000 », U+202F between groups of three digits. */
function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** « 12 500,00 € » from cents, as allia-core writes it. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
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

/** The largest amount read, in cents: beyond it the text is refused as not an amount (the vault's cap is far lower). */
const READ_MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Cents from what was typed: `null` when empty, `undefined` when it is not an amount in euros (letters, more than
 * two decimals, two separators). Spaces of any kind group digits; « , » or « . » separates the cents; a final « € »
 * is allowed. Whether the amount is acceptable (more than zero, under the cap) is the vault's rule.
 */
export function inputToCents(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  if (compact === "") return null;
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (match === null) return undefined;
  const [, sign, whole = "", decimals = ""] = match;
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents) || cents > READ_MAX_CENTS) return undefined;
  return sign === "-" ? -cents : cents;
}

/** The refusal of a text that is not an amount, shown at its field. */
export const NOT_AN_AMOUNT = `Saisissez un montant en euros, par exemple 12${NNBSP}500 ou 12${NNBSP}500,50.`;
