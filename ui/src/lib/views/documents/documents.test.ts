import { describe, expect, it, vi } from "vitest";
import type { ClauseView } from "$lib/api/bindings";
import { ApiError } from "$lib/api/client";
import { blankLabel, clauseName, isWide, previewTarget, staleOnRefusal, statusActionLabel } from "./documents";

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
