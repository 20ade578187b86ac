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

/**
 * The vault's errors on `priorityCriteria.criteria.N.<field>` (N from 1, allia-core `validate_criteria`) as row
 * index (from 0) → message; the first message of a row wins.
 */
export function criteriaErrors(errors: FieldError[]): Record<number, string> {
  const rows: Record<number, string> = {};
  for (const error of errors) {
    const match = /(?:^|\.)criteria\.(\d+)(?:\.|$)/.exec(error.field);
    if (match === null) continue;
    const index = Number(match[1]) - 1;
    rows[index] ??= error.message;
  }
  return rows;
}
