// Figures and dates of the evaluation written and read the French way: « 1 234,5 » (narrow no-break space between
// thousands, decimal comma), « 15/03/2026 » on the chart's axis, « 15 mars 2026 » in sentences.

const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const shortDate = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * A figure with at most two decimals, French separators (« 1 234,5 »); U+202F between thousands; the minus sign
 * U+2212 before a negative figure (« −3 », as allia-core's `format_figure` writes it), never « −0 ».
 */
export function formatNumber(value: number): string {
  // Intl writes U+202F in recent engines and U+00A0 in older ones: one form everywhere.
  const text = numberFormat.format(value).replace(/[\u00a0\s]/g, "\u202f");
  if (!text.startsWith("-")) return text;
  const body = text.slice(1);
  return /^[0\u202f,]*$/.test(body) ? body : `\u2212${body}`;
}

/** A figure with its unit: « 12,5 % », « 1 200 € », « 340 bénéficiaires ». */
export function withUnit(value: number, unit: string): string {
  const u = unit.trim();
  return u === "" ? formatNumber(value) : `${formatNumber(value)}\u202f${u}`;
}

/** The message shown under a number field that does not read as a number. */
export const NOT_A_NUMBER = "Écrivez un nombre, par exemple «\u00a012,5\u00a0» ou «\u00a01\u00a0200\u00a0».";

/**
 * Reads a figure as typed: « 12,5 », « 12.5 », « 1 200 », « 1 200,75 », « -3 » or « −3 ». Spaces of any kind group thousands;
 * one comma or one dot is the decimal mark (both: the dot groups thousands, « 1.234,56 »). Null when empty,
 * NaN when it is not a number.
 */
export function readNumber(text: string): number | null {
  // The minus sign U+2212 (as figures are written, and pasted back) reads as a hyphen.
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (compact === "") return null;
  let normalised = compact;
  if (compact.includes(",") && compact.includes(".")) normalised = compact.replace(/\./g, "").replace(",", ".");
  else normalised = compact.replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** A stored figure back in a field, the way `readNumber` reads it (« 1200,5 », no grouping to type around). */
export function numberToField(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return String(value).replace(".", ",");
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "2026-03-15" → « 15/03/2026 ». */
export function formatShortDate(date: string): string {
  const d = utc(date);
  return Number.isNaN(d.getTime()) ? date : shortDate.format(d);
}

/** A time in ms → « mars 2026 » (the chart's axis labels). */
export function formatMonth(time: number): string {
  return monthYear.format(new Date(time));
}

/** "2026-03-15" → its time in ms at midnight UTC (the chart's time axis). */
export function dayTime(date: string): number {
  return utc(date).getTime();
}

/** A share from 0 to 1 as a percentage: « 42 % ». */
export function formatShare(share: number): string {
  return `${formatNumber(Math.round(share * 100))}\u202f%`;
}
