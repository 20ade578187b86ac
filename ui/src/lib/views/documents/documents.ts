// Pure helpers of the document builder: refusals and button labels. The rules themselves come from Rust: the next
// status, when signatures are accepted and frozen versions with each document, the clause-override merge in the
// vault (`documentChangeClause`).
import type { BlankCount, ClauseView, DocumentStatus } from "$lib/api/bindings";
import type { ApiError } from "$lib/api/client";

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

/** The clause's heading as the list shows it (« Article 3 — Durée »), or null when it is not in the list. */
export function clauseName(clauseId: string, clauses: ClauseView[]): string | null {
  return clauses.find((clause) => clause.id === clauseId)?.heading ?? null;
}

/**
 * One line of « À vérifier » for the blanks of a clause: « Article 2 — Les parties\u00a0: 2 passages
 * «\u00a0[à compléter]\u00a0» à remplir. » (the count comes from Rust, `DocumentPreview.blanks`).
 */
export function blankLabel(blank: BlankCount, clauses: ClauseView[]): string {
  const where = blank.clauseId === null ? "Hors des clauses" : (clauseName(blank.clauseId, clauses) ?? "Une clause");
  const what =
    blank.count === 1
      ? "1\u00a0passage «\u00a0[à compléter]\u00a0» à remplir"
      : `${blank.count}\u00a0passages «\u00a0[à compléter]\u00a0» à remplir`;
  return `${where}\u00a0: ${what}.`;
}

/**
 * Where the preview should be: the clause whose text is open in the editor, else the one the person last clicked
 * or reached from « À vérifier ».
 */
export function previewTarget(editing: string | null, lastClicked: string | null): string | null {
  return editing ?? lastClicked;
}

/** Width (CSS px) from which the workspace shows the clauses and the preview side by side. */
export const SIDE_BY_SIDE_FROM_PX = 600;

/**
 * Whether the workspace is wide enough for two columns. An unmeasured width (0: not laid out yet, or a test
 * without layout) counts as wide, the layout the app starts in at its default size.
 */
export function isWide(width: number): boolean {
  return width === 0 || width >= SIDE_BY_SIDE_FROM_PX;
}
