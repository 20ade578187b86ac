// Pure helpers of the document builder: clause overrides, refusals and button labels. The status rules themselves (the next
// status, when signatures are accepted, frozen versions) come from Rust with each document.
import type { ClauseOverride, DocumentStatus } from "$lib/api/bindings";
import type { ApiError } from "$lib/api/client";

/** Replaces (or adds) the override of one clause; drops it when it changes nothing. */
function withOverride(overrides: ClauseOverride[], next: ClauseOverride): ClauseOverride[] {
  const rest = overrides.filter((override) => override.clauseId !== next.clauseId);
  if (next.enabled === null && next.text === null) return rest;
  const index = overrides.findIndex((override) => override.clauseId === next.clauseId);
  if (index === -1) return [...rest, next];
  const result = overrides.slice();
  result[index] = next;
  return result;
}

function existing(overrides: ClauseOverride[], clauseId: string): ClauseOverride | undefined {
  return overrides.find((override) => override.clauseId === clauseId);
}

/** Turns an optional clause on or off, keeping any edited text. */
export function toggleClause(overrides: ClauseOverride[], clauseId: string, enabled: boolean): ClauseOverride[] {
  return withOverride(overrides, { clauseId, enabled, text: existing(overrides, clauseId)?.text ?? null });
}

/** Sets the edited text of a clause, keeping its on/off choice. */
export function setClauseText(overrides: ClauseOverride[], clauseId: string, text: string): ClauseOverride[] {
  return withOverride(overrides, { clauseId, enabled: existing(overrides, clauseId)?.enabled ?? null, text });
}

/** Goes back to the model's text for a clause, keeping its on/off choice. */
export function resetClauseText(overrides: ClauseOverride[], clauseId: string): ClauseOverride[] {
  return withOverride(overrides, { clauseId, enabled: existing(overrides, clauseId)?.enabled ?? null, text: null });
}

/**
 * An `onError` for actions on a document: when the vault refuses the change because the document moved on (a
 * precondition, e.g. another window signed it), the document is read again so the builder offers what is allowed.
 */
export function staleOnRefusal(onStale: () => void): (error: ApiError) => void {
  return (error) => {
    if (error.code === "precondition") onStale();
  };
}

/** Label of the button that moves a version to `status`. */
export function statusActionLabel(status: DocumentStatus): string {
  switch (status) {
    case "in_review":
      return "Passer en relecture";
    case "ready_to_sign":
      return "Marquer prêt à signer";
    case "signed":
      return "Marquer signé";
    default:
      return "Repasser en brouillon";
  }
}
