// Wording of backups on screen: dates in local time, what a backup holds, file sizes.
import type { BackupEntry, BackupPreview } from "$lib/api/bindings";
import { NBSP, plural, quote } from "$lib/format";

/**
 * An RFC 3339 instant → « 30 novembre 2026 à 14 h 05 », in the computer's time zone
 * (or `timeZone`, for tests). The first of the month is « 1er ».
 */
export function formatDateTime(value: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat("fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h23",
    ...(timeZone === undefined ? {} : { timeZone }),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const day = Number(part("day"));
  const hour = Number(part("hour"));
  // The time never wraps apart from its « à ».
  return `${day === 1 ? "1er" : day} ${part("month")} ${part("year")} à${NBSP}${hour}${NBSP}h${NBSP}${part("minute")}`;
}

/** « Sauvegarde du 30 novembre 2026 à 14 h 05 ». */
export function backupTitle(entry: BackupEntry, timeZone?: string): string {
  return `Sauvegarde du ${formatDateTime(entry.createdAt, timeZone)}`;
}

/**
 * The reason as a phrase to follow the date: « faite au verrouillage ». Null when the
 * reason is not a circumstance (an unknown reason comes back as « sauvegarde »).
 */
export function reasonPhrase(reason: string): string | null {
  return /^(à|au|avant)\s/.test(reason) ? `faite ${reason}` : null;
}

/** The reason for a list cell: « Au verrouillage ». */
export function reasonLabel(reason: string): string {
  return reason.charAt(0).toLocaleUpperCase("fr") + reason.slice(1);
}

/** « A », « A et B », « A, B et C ». */
export function joinFrench(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** How many alliance names a preview spells out before « et N autres ». */
const NAMES_SHOWN = 5;

function alliancesPhrase(names: string[]): string {
  if (names.length === 0) return "aucune alliance";
  const shown = names.slice(0, NAMES_SHOWN).map(quote);
  const rest = names.length - shown.length;
  const list = rest > 0 ? `${shown.join(", ")} et ${plural(rest, "autre")}` : joinFrench(shown);
  return `${plural(names.length, "alliance")} (${list})`;
}

function countPhrase(count: number, zero: string, singular: string): string {
  return count === 0 ? zero : plural(count, singular);
}

/**
 * « Cette sauvegarde contient 2 alliances (« A » et « B »), 5 partenaires et 1 document. »
 */
export function previewSentence(preview: BackupPreview): string {
  if (preview.alliances.length === 0 && preview.partners === 0 && preview.documents === 0) {
    return "Cette sauvegarde ne contient aucune alliance, aucun partenaire ni aucun document.";
  }
  const parts = [
    alliancesPhrase(preview.alliances),
    countPhrase(preview.partners, "aucun partenaire", "partenaire"),
    countPhrase(preview.documents, "aucun document", "document"),
  ];
  return `Cette sauvegarde contient ${joinFrench(parts)}.`;
}

const sizeFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** A file size in French units: « 512 octets », « 48 Ko », « 1,2 Mo ». */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}${NBSP}octet${bytes > 1 ? "s" : ""}`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.round(bytes / 1024))}${NBSP}Ko`;
  return `${sizeFormat.format(bytes / (1024 * 1024))}${NBSP}Mo`;
}
