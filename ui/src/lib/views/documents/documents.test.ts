import { describe, expect, it, vi } from "vitest";
import { ApiError } from "$lib/api/client";
import { resetClauseText, setClauseText, staleOnRefusal, toggleClause } from "./documents";

describe("clause overrides", () => {
  it("adds an override when an optional clause is turned off", () => {
    expect(toggleClause([], "confidentialite", false)).toEqual([{ clauseId: "confidentialite", enabled: false, text: null }]);
  });

  it("keeps the edited text when toggling, and the toggle when editing", () => {
    const edited = setClauseText([], "objet", "Nouveau texte");
    expect(edited).toEqual([{ clauseId: "objet", enabled: null, text: "Nouveau texte" }]);
    const toggled = toggleClause(edited, "objet", false);
    expect(toggled).toEqual([{ clauseId: "objet", enabled: false, text: "Nouveau texte" }]);
    expect(setClauseText(toggled, "objet", "Autre")).toEqual([{ clauseId: "objet", enabled: false, text: "Autre" }]);
  });

  it("replaces in place and leaves other clauses alone", () => {
    const start = [
      { clauseId: "a", enabled: false, text: null },
      { clauseId: "b", enabled: null, text: "x" },
    ];
    expect(toggleClause(start, "a", true)).toEqual([
      { clauseId: "a", enabled: true, text: null },
      { clauseId: "b", enabled: null, text: "x" },
    ]);
  });

  it("drops an override that no longer changes anything", () => {
    const edited = setClauseText([], "objet", "Nouveau texte");
    expect(resetClauseText(edited, "objet")).toEqual([]);
    expect(resetClauseText(toggleClause(edited, "objet", false), "objet")).toEqual([
      { clauseId: "objet", enabled: false, text: null },
    ]);
  });
});

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
