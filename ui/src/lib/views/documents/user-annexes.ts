// The annexes a person adds to a document (« Annexes ajoutées »): their list as the settings form edits it, the
// titles Allia suggests, and the vault's field errors about them (`annexes.<id>.title`, `annexes.<id>.fileName`),
// which the generic field map would file under « title » (the document's own title) if left to it.
import type { FieldError, UserAnnex } from "$lib/api/bindings";
import { ApiError } from "$lib/api/client";
import { collationKey } from "$lib/text/collation";

/** The titles offered in one click (the pieces a convention usually annexes). */
export const ANNEX_SUGGESTIONS = [
  "Statuts de l’association",
  "Relevé d’identité bancaire",
  "Budget prévisionnel détaillé",
  "Plan d’action",
] as const;

/** At most this many added annexes (allia-core's `MAX_USER_ANNEXES`). */
export const MAX_ANNEXES = 20;

/** One annex as the form edits it: its identity and title (the file is the vault's, attached apart). */
export interface AnnexRow {
  id: string;
  title: string;
}

/** A new identity for an annex: a version-4 UUID in lower case, the shape the vault requires. */
export function newAnnexId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The rows of saved annexes. */
export function toRows(annexes: UserAnnex[] | undefined): AnnexRow[] {
  return (annexes ?? []).map((a) => ({ id: a.id, title: a.title }));
}

/** What the settings carry for the rows: the file names are the vault's, so none is sent. */
export function toAnnexes(rows: AnnexRow[]): UserAnnex[] {
  return rows.map((row) => ({ id: row.id, title: row.title.trim(), fileName: null }));
}

/** The list with the row at `index` moved by `delta` (−1 up, +1 down); unchanged at either end. */
export function moved(rows: AnnexRow[], index: number, delta: -1 | 1): AnnexRow[] {
  const target = index + delta;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return rows;
  const next = [...rows];
  const [row] = next.splice(index, 1);
  if (row !== undefined) next.splice(target, 0, row);
  return next;
}

/** The suggestions not in the list yet (compared without case, accents or surrounding spaces). */
export function suggestionsLeft(rows: AnnexRow[]): string[] {
  const taken = new Set(rows.map((r) => collationKey(r.title)));
  return ANNEX_SUGGESTIONS.filter((s) => !taken.has(collationKey(s)));
}

/** « 1 page », « 12 pages ». */
export function pagesLabel(pages: number): string {
  return pages === 1 ? "1\u00a0page" : `${pages}\u00a0pages`;
}

/** Whether a field error is about an added annex (`annexes`, `annexes.<id>.title`…). */
function aboutAnnexes(field: string): boolean {
  return field === "annexes" || field.startsWith("annexes.");
}

/**
 * Splits a refusal into the messages about the annexes, keyed by their whole field (`annexes`, `annexes.<id>.title`,
 * `annexes.<id>.fileName`), and the refusal without them for the rest of the form (`null` when nothing is left
 * for it but the annexes).
 */
export function splitAnnexErrors(error: ApiError, formMessage: string): { annexes: Record<string, string>; rest: ApiError } {
  const annexes: Record<string, string> = {};
  const rest: FieldError[] = [];
  for (const fieldError of error.fieldErrors) {
    if (aboutAnnexes(fieldError.field)) annexes[fieldError.field] ??= fieldError.message;
    else rest.push(fieldError);
  }
  let field = error.field;
  if (field !== null && aboutAnnexes(field)) {
    annexes[field] ??= error.message;
    field = null;
  }
  if (Object.keys(annexes).length === 0) return { annexes, rest: error };
  const message = rest.length === 0 && field === null ? formMessage : error.message;
  return { annexes, rest: new ApiError(error.code, message, field, rest) };
}
