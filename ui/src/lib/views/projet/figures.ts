// The key figures of the dossier de présentation as the view handles them: the form of one figure and the draft
// it sends (the vault reads the value as typed, « 12,5 » or « 1 250 », and keeps it exactly), the value shown the
// French way from its canonical decimal, and the order after a move.
import type { DossierFigure, FigureDraft, FigureSourceKind } from "$lib/api/bindings";
import { nullable } from "$lib/forms";

/** What the figure form edits: every field as typed. */
export interface FigureForm {
  label: string;
  value: string;
  unit: string;
  year: string;
  /** "" until the user chooses: nothing is preselected, so an own survey is never filed as INSEE by default. */
  sourceKind: FigureSourceKind | "";
  source: string;
  link: string;
}

/** Shown on the « Type de source » field when none is chosen. */
export const SOURCE_KIND_REQUIRED = "Choisissez le type de source du chiffre.";

/** What the form lacks before it can be sent (the vault checks the rest): the type of source. */
export function figureFormProblems(form: FigureForm): Record<string, string> {
  return form.sourceKind === "" ? { sourceKind: SOURCE_KIND_REQUIRED } : {};
}

/** An empty form; the year proposed is last year's (the most recent published figures). */
export function emptyFigureForm(today: Date = new Date()): FigureForm {
  return {
    label: "",
    value: "",
    unit: "",
    year: String(today.getFullYear() - 1),
    sourceKind: "",
    source: "",
    link: "",
  };
}

/** A stored figure in the form, its value written the French way so that it reads back the same. */
export function figureToForm(figure: DossierFigure): FigureForm {
  const d = figure.draft;
  return {
    label: d.label,
    value: frenchDecimal(d.value),
    unit: d.unit ?? "",
    year: String(d.year),
    sourceKind: d.sourceKind,
    source: d.source,
    link: d.link ?? "",
  };
}

/**
 * The draft sent to the vault, or null while no type of source is chosen ({@link figureFormProblems}). A year that is
 * not a whole number is sent as 0, which the vault refuses in French.
 */
export function formToFigureDraft(form: FigureForm): FigureDraft | null {
  if (form.sourceKind === "") return null;
  const year = /^\s*\d{1,6}\s*$/.test(form.year) ? Number(form.year.trim()) : 0;
  return {
    label: form.label,
    value: form.value,
    unit: nullable(form.unit),
    year,
    sourceKind: form.sourceKind,
    source: form.source,
    link: nullable(form.link),
  };
}

/** A canonical decimal (« 1250.5 ») written the French way (« 1 250,5 », narrow no-break spaces). */
export function frenchDecimal(canonical: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(canonical);
  if (!match) return canonical;
  const [, sign = "", integer = "", fraction] = match;
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${sign}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** A figure's value with its unit, as the table and the PDF show it: « 1 250 familles », « 38,5 % ». */
export function valueWithUnit(draft: FigureDraft): string {
  const value = frenchDecimal(draft.value);
  const unit = draft.unit?.trim() ?? "";
  if (unit === "") return value;
  return unit === "%" ? `${value}\u202f%` : `${value} ${unit}`;
}

/** The figures' ids with the one at `index` moved by `delta` (−1 up, +1 down); null when it cannot move. */
export function movedIds(figures: DossierFigure[], index: number, delta: -1 | 1): string[] | null {
  const target = index + delta;
  if (index < 0 || index >= figures.length || target < 0 || target >= figures.length) return null;
  const ids = figures.map((f) => f.id);
  const moving = ids[index];
  const other = ids[target];
  if (moving === undefined || other === undefined) return null;
  ids[index] = other;
  ids[target] = moving;
  return ids;
}
