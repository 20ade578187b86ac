// French typography helpers for text built in code.

import { collationKey } from "$lib/text/collation";

/** Narrow no-break space (U+202F): inside « », before ; ! ? % €. */
export const NNBSP = "\u202f";
/** No-break space (U+00A0): before « : ». */
export const NBSP = "\u00a0";

/** Quotes a text with French guillemets: « text ». */
export function quote(text: string): string {
  return `«${NNBSP}${text}${NNBSP}»`;
}

const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-26" or an ISO timestamp → « 26 novembre 2026 ». */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const text = longDate.format(date);
  // French writes the first day of a month as an ordinal: « 1er mai 2026 ».
  return date.getUTCDate() === 1 ? text.replace(/^1(?=\s)/, "1er") : text;
}

/** « 1 partenaire », « 3 partenaires ». */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count}${NBSP}${count <= 1 ? singular : pluralForm}`;
}

/**
 * Splits a comma-separated list into trimmed, non-empty, unique tags: unique without regard
 * to case or accents, as the vault keeps them (allia-core `PartnerDraft::validated`, by the
 * collation key; a tag with no letter or digit, an emoji, compared as typed).
 */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const tag = raw.trim();
    const key = collationKey(tag) || tag;
    if (tag !== "" && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}
