// Pure helpers of the document builder: refusals and button labels. The rules themselves come from Rust: the next
// status, when signatures are accepted and frozen versions with each document, the clause-override merge in the
// vault (`documentChangeClause`).
import type { BlankCount, ClauseView, DocumentStatus, FormDraft, ToCheckTarget } from "$lib/api/bindings";
import type { ApiError } from "$lib/api/client";
import type { Destination } from "$lib/navigation";

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

/**
 * Where an « À vérifier » link goes when the item is fixed outside the document (Rust says where: `ToCheckTarget`):
 * the area, the partner whose panel opens and the field that gets the focus (the ids `OrganisationFields` gives its
 * inputs). Null for a clause of the document, which the builder shows itself.
 */
export function destinationOf(target: ToCheckTarget): Destination | null {
  switch (target.type) {
    case "clause":
      return null;
    case "profile":
      return { area: "profile", focus: `profile-${target.field ?? "name"}` };
    case "partner":
      // A partner no longer stored (a frozen version's data): the list opens, nothing to focus.
      return {
        area: "partenaires",
        record: target.partnerId,
        focus: target.partnerId === null ? null : `partner-${target.field ?? "name"}`,
      };
  }
}

/** The area an « À vérifier » link opens, as the sidebar names it, or null for a clause of the document. */
export function targetArea(target: ToCheckTarget): string | null {
  switch (target.type) {
    case "clause":
      return null;
    case "profile":
      return "Profil de mon association";
    case "partner":
      return "Partenaires";
  }
}

// --- Drafts kept at the auto-lock -------------------------------------------------------------------------------
// The builder's forms keep their unsaved input at `document:<document id>:settings` and
// `document:<document id>:clause:<clause id>` (area « documents », the alliance's id).

/** A clause's text kept as a draft: the clause, its heading (to name it in the offer) and the text. */
export interface ClauseDraft {
  clauseId: string;
  heading: string;
  text: string;
}

/** Which document a kept draft belongs to, and which of its forms: the settings, or a clause's text. */
export function draftPlace(draft: FormDraft): { documentId: string; part: "settings" | "clause" } | null {
  const match = /^document:([^:]+):(settings|clause:.+)$/.exec(draft.key.form);
  const [, documentId, part] = match ?? [];
  if (documentId === undefined || part === undefined) return null;
  return { documentId, part: part === "settings" ? "settings" : "clause" };
}

/** The clause text a kept draft of `documentId` holds, or null (another document, the settings, or damaged). */
export function clauseDraftOf(draft: FormDraft, documentId: string): ClauseDraft | null {
  const place = draftPlace(draft);
  if (place === null || place.documentId !== documentId || place.part !== "clause") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(draft.content);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { clauseId, heading, text } = parsed as Record<string, unknown>;
  if (typeof clauseId !== "string" || typeof text !== "string") return null;
  return { clauseId, heading: typeof heading === "string" ? heading : "", text };
}

/** How the offer names a kept draft: « Convention 2026 — Article 3 — Durée » or « … — Réglages du document ». */
export function draftLabel(draft: FormDraft, documentTitle: string | null): string {
  const title = documentTitle ?? "Document";
  const place = draftPlace(draft);
  if (place?.part === "settings") return `${title} — Réglages du document`;
  const clause = place === null ? null : clauseDraftOf(draft, place.documentId);
  return clause !== null && clause.heading !== "" ? `${title} — ${clause.heading}` : `${title} — texte d’une clause`;
}
