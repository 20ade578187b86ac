// The clause editor's model: what a clause text is cut into (segments and lines) and the French names of its fields.
import fieldList from "$lib/api/clause-fields.json";

/** What a chip stands for, for its style and its wording. */
export type ChipKind = "field" | "blank" | "reference" | "condition" | "list" | "code";

/** One piece of a clause text: plain text, or a chip that keeps its template source verbatim. */
export type Segment =
  | { type: "text"; text: string }
  | {
      type: "chip";
      kind: ChipKind;
      source: string;
      /** What the chip reads: short, on one line, no brackets inside. */
      label: string;
      /** The full wording (a condition's branches, what a list repeats), for the chip's tooltip; "" when the label says it all. */
      detail?: string;
    };

/** A clause text as the editor shows it: one array of segments per line (newlines inside a chip do not count). */
export type Lines = Segment[][];

/** What the labels need besides the field names: the titles of the document's clauses, for references. */
export interface LabelContext {
  /** Clause id → title (« suivi » → « Suivi de la charte »). */
  titles?: Record<string, string>;
}

/** French name of every insertable field, by dotted path (« alliance.name » → « Nom de l’alliance »). */
export const FIELD_LABELS: ReadonlyMap<string, string> = new Map(fieldList.fields.map(([path, label]) => [path, label] as [string, string]));

/** A no-break space, as French typography puts inside « » and before : ; ! ?. */
export const NBSP = "\u00a0";
