// « Annexes ajoutées »: identities the vault accepts, moves, suggestions, and the refusals about annexes kept apart
// from the document's own fields.
import { describe, expect, it } from "vitest";
import { ApiError } from "$lib/api/client";
import { ANNEX_SUGGESTIONS, moved, newAnnexId, pagesLabel, splitAnnexErrors, suggestionsLeft, toAnnexes, toRows } from "./user-annexes";

const rows = [
  { id: "a", title: "Statuts de l’association" },
  { id: "b", title: "RIB" },
  { id: "c", title: "Budget" },
];

describe("user annexes", () => {
  it("makes identities shaped like the vault's (lower-case UUID v4)", () => {
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (let i = 0; i < 50; i += 1) expect(newAnnexId()).toMatch(shape);
    expect(newAnnexId((b) => b.fill(255))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(newAnnexId((b) => b.fill(0))).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("moves a row up or down, and not past either end", () => {
    expect(moved(rows, 1, -1).map((r) => r.id)).toEqual(["b", "a", "c"]);
    expect(moved(rows, 1, 1).map((r) => r.id)).toEqual(["a", "c", "b"]);
    expect(moved(rows, 0, -1)).toBe(rows);
    expect(moved(rows, 2, 1)).toBe(rows);
  });

  it("offers the usual titles not listed yet", () => {
    expect(suggestionsLeft([])).toEqual([...ANNEX_SUGGESTIONS]);
    expect(suggestionsLeft([{ id: "x", title: " statuts de l’association " }])).toEqual([
      "Relevé d’identité bancaire",
      "Budget prévisionnel détaillé",
      "Plan d’action",
    ]);
    // Typed without accents or in capitals, pasted decomposed: the same title.
    expect(suggestionsLeft([{ id: "x", title: "RELEVE D'IDENTITE BANCAIRE" }])).not.toContain("Relevé d’identité bancaire");
    expect(suggestionsLeft([{ id: "x", title: "Plan d\u2019action".normalize("NFD") }])).not.toContain("Plan d’action");
  });

  it("sends titles trimmed and never a file name (the vault's)", () => {
    expect(toAnnexes([{ id: "a", title: "  RIB " }])).toEqual([{ id: "a", title: "RIB", fileName: null }]);
    expect(toRows([{ id: "a", title: "RIB", fileName: "rib.pdf" }])).toEqual([{ id: "a", title: "RIB" }]);
    expect(toRows(undefined)).toEqual([]);
    expect(pagesLabel(1)).toBe("1\u00a0page");
    expect(pagesLabel(12)).toBe("12\u00a0pages");
  });

  it("keeps the refusals about annexes apart from the document's fields", () => {
    const error = new ApiError("validation", "Certaines informations sont à corriger.", "title", [
      { field: "title", message: "Indiquez le titre du document." },
      { field: "annexes.a.title", message: "Indiquez le titre de l’annexe." },
      { field: "annexes", message: "Cette annexe figure deux fois dans la liste." },
    ]);
    const { annexes, rest } = splitAnnexErrors(error, "Voir les messages.");
    expect(annexes).toEqual({
      "annexes.a.title": "Indiquez le titre de l’annexe.",
      annexes: "Cette annexe figure deux fois dans la liste.",
    });
    expect(rest.fieldErrors).toEqual([{ field: "title", message: "Indiquez le titre du document." }]);
    expect(rest.field).toBe("title");

    const only = new ApiError("validation", "Indiquez le titre de l’annexe.", "annexes.a.title", [
      { field: "annexes.a.title", message: "Indiquez le titre de l’annexe." },
    ]);
    const split = splitAnnexErrors(only, "Voir les messages.");
    expect(split.rest.fieldErrors).toEqual([]);
    expect(split.rest.field).toBeNull();
    expect(split.rest.message).toBe("Voir les messages.");

    const none = new ApiError("document", "Le document n’a pas pu être produit.");
    expect(splitAnnexErrors(none, "x").rest).toBe(none);
  });
});
