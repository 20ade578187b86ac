// How an unknown field of an alliance file is named to the person asked whether to drop it: the record it belongs to
// in French (« Partenaire 2 », « Document 1, version 3 ») and the field's own key as the file spells it, rather than
// the raw dotted path alone.
import { NBSP } from "$lib/format";

/** Records of the file that come as numbered lists (numbered from 1, as validation names them). */
const RECORDS: Record<string, string> = {
  partners: "Partenaire",
  commitments: "Engagement",
  documents: "Document",
  versions: "version",
  signatures: "signature",
  overrides: "ajustement",
};

/** Objects of the file named by their key alone. */
const OBJECTS: Record<string, string> = {
  alliance: "Alliance",
  profile: "Association expéditrice",
};

/** An unknown field, split for display: where it is, and its key within that record. */
export interface UnknownFieldLabel {
  /** « Partenaire 2 », « Document 1, version 3 », « Alliance », « Fichier » (top level). */
  record: string;
  /** The rest of the path as the file spells it: « organisation.nickname ». */
  key: string;
}

/**
 * Splits a dotted path (`partners.2.organisation.nickname`) into the record it is in (« Partenaire 2 ») and the key
 * within it (« organisation.nickname »). A path this function does not recognise is shown whole under « Fichier ».
 */
export function unknownFieldLabel(path: string): UnknownFieldLabel {
  const parts = path.split(".");
  const records: string[] = [];
  let index = 0;
  while (index < parts.length - 1) {
    const part = parts[index] ?? "";
    const next = parts[index + 1] ?? "";
    const record = RECORDS[part];
    if (record !== undefined && /^[0-9]+$/.test(next) && index + 2 < parts.length) {
      records.push(`${record}${NBSP}${next}`);
      index += 2;
      continue;
    }
    const object = OBJECTS[part];
    if (object !== undefined && records.length === 0 && index === 0) {
      records.push(object);
      index += 1;
      continue;
    }
    break;
  }
  const key = parts.slice(index).join(".");
  return { record: records.length > 0 ? records.join(", ") : "Fichier", key: key === "" ? path : key };
}

/** « Partenaire 2 — organisation.nickname », for a list item or an accessible name. */
export function unknownFieldText(path: string): string {
  const { record, key } = unknownFieldLabel(path);
  return `${record} — ${key}`;
}
