import { describe, expect, it } from "vitest";
import {
  assessmentToForm,
  formToAssessment,
  frictionPoints,
  levelChoices,
  linkLines,
  needsCategory,
  newestFirst,
  statusChoices,
} from "./actor-form";
import { LABELS } from "./fixture";

describe("the map fields of an actor", () => {
  it("go to the form and back, blanks as nothing", () => {
    const form = assessmentToForm({ category: "media", influence: 2, interest: null, nuisance: 4, expectations: "Des sujets", scope: null, synergies: "" });
    expect(form).toEqual({ category: "media", influence: "2", interest: "", nuisance: "4", expectations: "Des sujets", scope: "", synergies: "" });
    expect(formToAssessment(form)).toEqual({
      category: "media",
      influence: 2,
      interest: null,
      nuisance: 4,
      expectations: "Des sujets",
      scope: null,
      synergies: null,
    });
  });

  it("are none without a category, and a category is asked for when something else is typed", () => {
    const empty = assessmentToForm(null);
    expect(formToAssessment(empty)).toBeNull();
    expect(needsCategory(empty)).toBe(false);
    expect(needsCategory({ ...empty, influence: "3" })).toBe(true);
    expect(needsCategory({ ...empty, scope: "  " })).toBe(false);
    expect(needsCategory({ ...empty, category: "state", scope: "Région" })).toBe(false);
  });

  it("offer levels 1 to 5 in words", () => {
    // The words come from the catalog (allia-core `Level::label`), not from a copy here.
    expect(levelChoices(LABELS.levels).map((c) => c.label)).toEqual(["1 — Très faible", "2 — Faible", "3 — Moyen", "4 — Fort", "5 — Très fort"]);
    expect(levelChoices(LABELS.levels)[2]?.value).toBe("3");
    expect(levelChoices([{ value: 2, label: "Faible", help: null }]).map((c) => c.label)).toEqual(["2 — Faible"]);
  });
});

describe("the status menu", () => {
  it("offers the current status and the moves allowed, in the funnel's order", () => {
    const offered = statusChoices("retained", ["in_discussion", "engaged", "dismissed"], LABELS.actorPipelineStatuses);
    expect(offered.map((c) => c.label)).toEqual(["En discussion", "Retenu", "Engagé", "Écarté"]);
  });
});

describe("an actor's interactions", () => {
  const names: Record<string, string> = { a: "Ville de Lyon", b: "Les Petits Débrouillards", c: "Université" };
  const links = [
    { id: "1", draft: { fromActorId: "a", toActorId: "b", kind: "finances" as const, note: "Subvention annuelle" } },
    { id: "2", draft: { fromActorId: "c", toActorId: "a", kind: "advises" as const } },
    { id: "3", draft: { fromActorId: "b", toActorId: "c", kind: "cooperates_with" as const } },
  ];

  it("read as sentences from the actor's side, the other actor named", () => {
    const lines = linkLines("a", links, (id) => names[id] ?? id, LABELS.interactionKinds);
    expect(lines.map((l) => l.sentence)).toEqual([
      "Finance «\u202fLes Petits Débrouillards\u202f»",
      "«\u202fUniversité\u202f» conseille cet acteur",
    ]);
    expect(lines[0]).toMatchObject({ otherId: "b", outgoing: true, note: "Subvention annuelle" });
    expect(lines[1]).toMatchObject({ otherId: "c", outgoing: false, note: null });
  });
});

describe("the proximity log", () => {
  it("takes one friction point per line and lists entries newest first", () => {
    expect(frictionPoints(" Calendrier \n\n  Locaux partagés\r\n")).toEqual(["Calendrier", "Locaux partagés"]);
    const entries = [
      { id: "1", draft: { date: "2026-10-01" }, createdAt: "2026-10-01T10:00:00Z" },
      { id: "2", draft: { date: "2026-11-15" }, createdAt: "2026-11-15T08:00:00Z" },
      { id: "3", draft: { date: "2026-11-15" }, createdAt: "2026-11-15T09:00:00Z" },
    ];
    expect(newestFirst(entries).map((e) => e.id)).toEqual(["3", "2", "1"]);
  });
});
