import { describe, expect, it, vi } from "vitest";
import type { ClauseView, FormDraft } from "$lib/api/bindings";
import { ApiError } from "$lib/api/client";
import {
  blankLabel,
  clauseDraftOf,
  clauseName,
  destinationOf,
  draftLabel,
  draftPlace,
  isWide,
  previewTarget,
  staleOnRefusal,
  statusActionLabel,
  targetArea,
} from "./documents";

describe("refusals", () => {
  it("reads the document again only when the vault says it moved on", () => {
    const onStale = vi.fn();
    const handle = staleOnRefusal(onStale);
    handle(new ApiError("io", "Le disque est plein."));
    expect(onStale).not.toHaveBeenCalled();
    handle(new ApiError("precondition", "Une version ne revient pas en arrière."));
    expect(onStale).toHaveBeenCalledOnce();
  });
});

describe("status buttons", () => {
  it("name the step they take", () => {
    expect(statusActionLabel("in_review")).toBe("Passer en relecture");
    expect(statusActionLabel("ready_to_sign")).toBe("Marquer prêt à signer");
    expect(statusActionLabel("signed")).toBe("Marquer signé");
  });
});

describe("workspace helpers", () => {
  const clauses: ClauseView[] = [
    { id: "objet", number: "1", title: "Objet", heading: "Article 1 — Objet", status: { type: "mandatory" }, perParty: false, modelText: "", text: "", edited: false },
  ];

  it("words the blanks of a clause, or outside the clauses, in French", () => {
    expect(blankLabel({ clauseId: "objet", count: 1 }, clauses)).toBe(
      "Article 1 — Objet\u00a0: 1\u00a0passage «\u00a0[à compléter]\u00a0» à remplir.",
    );
    expect(blankLabel({ clauseId: null, count: 3 }, clauses)).toBe(
      "Hors des clauses\u00a0: 3\u00a0passages «\u00a0[à compléter]\u00a0» à remplir.",
    );
    expect(clauseName("absente", clauses)).toBeNull();
  });

  it("shows the clause being edited in the preview, else the one last chosen", () => {
    expect(previewTarget("objet", "duree")).toBe("objet");
    expect(previewTarget(null, "duree")).toBe("duree");
    expect(previewTarget(null, null)).toBeNull();
  });

  it("puts the preview beside the clauses from 600 px, and when not measured yet", () => {
    expect(isWide(0)).toBe(true);
    expect(isWide(599)).toBe(false);
    expect(isWide(600)).toBe(true);
  });
});

describe("« À vérifier » outside the document", () => {
  it("opens the profile or the partner's panel at the field Rust names", () => {
    expect(destinationOf({ type: "clause", clauseId: "objet" })).toBeNull();
    expect(destinationOf({ type: "profile", field: "representativeName" })).toEqual({
      area: "profile",
      focus: "profile-representativeName",
    });
    // The whole profile missing: its first field.
    expect(destinationOf({ type: "profile", field: null })).toEqual({ area: "profile", focus: "profile-name" });
    expect(destinationOf({ type: "partner", partnerId: "p1", field: "representativeName" })).toEqual({
      area: "partenaires",
      record: "p1",
      focus: "partner-representativeName",
    });
    // A partner no longer stored: the list, nothing to focus.
    expect(destinationOf({ type: "partner", partnerId: null, field: "representativeName" })).toEqual({
      area: "partenaires",
      record: null,
      focus: null,
    });
    expect(targetArea({ type: "profile", field: null })).toBe("Profil de mon association");
    expect(targetArea({ type: "partner", partnerId: "p1", field: null })).toBe("Partenaires");
    expect(targetArea({ type: "clause", clauseId: "objet" })).toBeNull();
  });
});

describe("drafts of the builder's forms", () => {
  const draft = (form: string, content: unknown): FormDraft => ({
    key: { allianceId: "a1", area: "documents", form },
    content: JSON.stringify(content),
    savedAt: "2026-11-30T12:00:00Z",
  });

  it("name their document and form", () => {
    expect(draftPlace(draft("document:d1:settings", {}))).toEqual({ documentId: "d1", part: "settings" });
    expect(draftPlace(draft("document:d1:clause:objet", {}))).toEqual({ documentId: "d1", part: "clause" });
    expect(draftPlace(draft("partner:new", {}))).toBeNull();
  });

  it("give back a clause's text for its document only", () => {
    const kept = draft("document:d1:clause:objet", { clauseId: "objet", heading: "Article 1 — Objet", text: "Nouveau", $focus: "x" });
    expect(clauseDraftOf(kept, "d1")).toEqual({ clauseId: "objet", heading: "Article 1 — Objet", text: "Nouveau" });
    expect(clauseDraftOf(kept, "d2")).toBeNull();
    expect(clauseDraftOf(draft("document:d1:settings", { title: "T" }), "d1")).toBeNull();
    expect(clauseDraftOf({ ...kept, content: "pas du JSON" }, "d1")).toBeNull();
    expect(clauseDraftOf(draft("document:d1:clause:objet", { clauseId: 3, text: "x" }), "d1")).toBeNull();
  });

  it("are named after the document and the clause or the settings", () => {
    expect(draftLabel(draft("document:d1:settings", {}), "Convention 2026")).toBe("Convention 2026 — Réglages du document");
    expect(
      draftLabel(draft("document:d1:clause:objet", { clauseId: "objet", heading: "Article 1 — Objet", text: "x" }), "Convention 2026"),
    ).toBe("Convention 2026 — Article 1 — Objet");
    expect(draftLabel(draft("document:d1:clause:objet", { clauseId: "objet", text: "x" }), null)).toBe(
      "Document — texte d’une clause",
    );
  });
});
