// The priority criteria's form (guide section 4, « Hiérarchiser et prioriser les objectifs stratégiques en fonction de
// critères objectifs »): rows as typed, a new criterion's id, and the vault's errors placed on their row.
import type { FieldError } from "$lib/api/bindings";

/** A criterion as typed in its row. */
export interface CriterionRow {
  id: string;
  name: string;
  weight: string;
}

/** A new criterion's id: stable once saved (the objectives' scores refer to it). */
export function newCriterionId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `criterion-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A weight typed: a whole number 0 to `max`, else null. */
export function parseWeightText(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const weight = Number(trimmed);
  return weight <= max ? weight : null;
}

/** A row's messages, each shown next to its own field. */
export interface RowErrors {
  name?: string;
  weight?: string;
}

/**
 * The vault's errors on `priorityCriteria.criteria.N.<field>` (N from 1, allia-core `validate_criteria`) as row
 * index (from 0) → messages by field: `weight` next to the weight, anything else about the row (`name`, a missing or
 * doubled `id`) next to the name. The first message of a field wins.
 */
export function criteriaErrors(errors: FieldError[]): Record<number, RowErrors> {
  const rows: Record<number, RowErrors> = {};
  for (const error of errors) {
    const match = /(?:^|\.)criteria\.(\d+)(?:\.(\w+))?$/.exec(error.field);
    if (match === null) continue;
    const index = Number(match[1]) - 1;
    const field = match[2] === "weight" ? "weight" : "name";
    const row = (rows[index] ??= {});
    row[field] ??= error.message;
  }
  return rows;
}

/**
 * The messages of the vault's errors that are on no criterion's row (e.g. the list's length, or the frame's horizon
 * year saved with the criteria), to show at the foot of the form rather than a vague « à corriger ».
 */
export function otherErrors(errors: FieldError[]): string[] {
  return errors.filter((error) => !/(?:^|\.)criteria\.\d+(?:\.|$)/.test(error.field)).map((error) => error.message);
}
