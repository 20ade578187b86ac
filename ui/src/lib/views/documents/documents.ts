// Pure helpers of the document builder: refusals and button labels. The rules themselves come from Rust: the next
// status, when signatures are accepted and frozen versions with each document, the clause-override merge in the
// vault (`documentChangeClause`).
import type { DocumentStatus } from "$lib/api/bindings";
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
