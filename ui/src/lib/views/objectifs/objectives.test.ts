// The « Objectifs » screen's helpers: figures typed the French way, the target and dates as the tree writes them,
// the tree's grouping by dimension, the forms' drafts, and the delete dialog's choices.
import { describe, expect, it } from "vitest";
import type { Choice, CooperationDimension, ObjectivesOverview, OperationalObjectiveView } from "$lib/api/bindings";
import {
  byDimension,
  deleteTarget,
  draftFormName,
  emptyOperationalForm,
  escapeForm,
  fateOf,
  firstField,
  formReturnIds,
  formToOperational,
  formToStrategic,
  impactsFromText,
  moveChoices,
  openFormOf,
  operationalToForm,
  parseFigure,
  periodText,
  strategicToForm,
  targetText,
  withUnit,
} from "./objectives";

const NNBSP = "\u202f";

const DIMENSIONS: Choice<CooperationDimension>[] = [
  { value: "pooling", label: "Mutualisation", help: null },
  { value: "joint_activity", label: "Activité commune", help: null },
  { value: "funding", label: "Financement", help: null },
  { value: "communication", label: "Communication", help: null },
  { value: "other", label: "Autre dimension", help: null },
];

function op(id: string, dimension: CooperationDimension, indicatorCount = 0, customDimension: string | null = null): OperationalObjectiveView {
  return {
    objective: {
      id,
      allianceId: "a1",
      position: 0,
      createdAt: "",
      updatedAt: "",
      draft: { ...formToOperational(emptyOperationalForm("s1")).draft, wording: `Objectif ${id}`, dimension, customDimension },
    },
    smart: { letters: [], passed: true },
    indicatorCount,
  };
}

function overview(): ObjectivesOverview {
  const strategic = (id: string, title: string, operational: OperationalObjectiveView[], indicatorCount = 0) => ({
    objective: { id, allianceId: "a1", position: 0, createdAt: "", updatedAt: "", draft: { title } },
    gaps: [],
    operational,
    indicatorCount,
  });
  return {
    frame: { vision: null, horizonYear: null, priorityCriteria: [] },
    strategic: [strategic("s1", "Mutualiser", [op("o1", "pooling", 2), op("o2", "funding")], 1), strategic("s2", "Financer", [op("o3", "funding")])],
    priority: { ranking: [], problems: [] },
  };
}

describe("figures", () => {
  it("reads figures typed the French way or not", () => {
    expect(parseFigure("")).toEqual({ kind: "empty" });
    expect(parseFigure(" 15 ")).toEqual({ kind: "number", value: 15 });
    expect(parseFigure("12,5")).toEqual({ kind: "number", value: 12.5 });
    expect(parseFigure("1\u202f234,5")).toEqual({ kind: "number", value: 1234.5 });
    expect(parseFigure("-3.2")).toEqual({ kind: "number", value: -3.2 });
    expect(parseFigure("15 %")).toEqual({ kind: "invalid" });
    expect(parseFigure("1,2,3")).toEqual({ kind: "invalid" });
  });

  it("writes a target with its unit, and a before → after", () => {
    expect(withUnit(15, "%")).toBe(`15${NNBSP}%`);
    expect(withUnit(1250, "associations")).toBe(`1${NNBSP}250 associations`);
    const form = { ...emptyOperationalForm("s1"), targetValue: "15", unit: "%" };
    expect(targetText(formToOperational(form).draft)).toBe(`15${NNBSP}%`);
    const change = { ...form, targetKind: "change" as const, baselineValue: "40", targetValue: "25,5", unit: "heures" };
    expect(targetText(formToOperational(change).draft)).toBe("40 → 25,5 heures");
    expect(targetText(formToOperational(emptyOperationalForm("s1")).draft)).toBeNull();
  });

  it("writes the period with French dates", () => {
    expect(periodText("2025-12-01", "2026-06-30")).toBe("du 1er décembre 2025 au 30 juin 2026");
    expect(periodText(null, "2026-06-30")).toBe("jusqu’au 30 juin 2026");
    expect(periodText("2025-12-01", null)).toBe("à partir du 1er décembre 2025");
    expect(periodText(null, null)).toBeNull();
  });
});

describe("forms", () => {
  it("refuses a figure that is not one before sending, but the SMART check still gets the rest", () => {
    const form = { ...emptyOperationalForm("s1"), wording: "Réduire", targetValue: "quinze", unit: "%" };
    expect(formToOperational(form).invalid).toEqual({ targetValue: "Indiquez un nombre (exemple\u00a0: 15 ou 12,5)." });
    const lenient = formToOperational(form, true);
    expect(lenient.invalid).toEqual({});
    expect(lenient.draft.targetValue).toBeNull();
    expect(lenient.draft.unit).toBe("%");
  });

  it("sends a value target without its baseline, and empty texts as null", () => {
    const form = { ...emptyOperationalForm("s1"), baselineValue: "40", targetValue: "15", ownerPartnerId: "", scope: "  " };
    const { draft } = formToOperational(form);
    expect(draft.baselineValue).toBeNull();
    expect(draft.ownerPartnerId).toBeNull();
    expect(draft.scope).toBeNull();
    expect(draft.customDimension).toBeNull();
  });

  it("round-trips an operational objective through its form", () => {
    const form = {
      ...emptyOperationalForm("s1"),
      wording: "Réduire de 15 % les coûts",
      dimension: "other" as const,
      customDimension: "Gouvernance",
      partnerIds: ["p1", "p2"],
      targetKind: "change" as const,
      baselineValue: "100",
      targetValue: "85",
      unit: "%",
      startDate: "2025-12-01",
      dueDate: "2026-06-30",
    };
    expect(operationalToForm(formToOperational(form).draft)).toEqual({ ...form, baselineValue: "100", targetValue: "85" });
  });

  it("reads impacts one per line and scores 0 to 5", () => {
    expect(impactsFromText(" Moins de coûts \n\n Plus de temps pour les publics\r\n")).toEqual(["Moins de coûts", "Plus de temps pour les publics"]);
    const form = { ...strategicToForm(null), title: "Mutualiser", scores: { urgency: "4", feasibility: "", value: "7" } };
    const { draft, invalid } = formToStrategic(form, ["urgency", "feasibility", "value"], 5);
    expect(invalid).toEqual({ value: "Une note va de 0 à 5\u00a0: un chiffre entier." });
    expect(draft.priorityScores).toEqual({ urgency: 4 });
    expect(strategicToForm({ title: "T", expectedImpacts: ["a", "b"], priorityScores: { urgency: 3 } })).toEqual({
      title: "T",
      description: "",
      impacts: "a\nb",
      scores: { urgency: "3" },
    });
  });
});

describe("tree", () => {
  it("groups operational objectives by dimension in the dimensions' order, each custom one apart", () => {
    const groups = byDimension(
      [op("a", "funding"), op("b", "pooling"), op("c", "other", 0, "Gouvernance"), op("d", "funding"), op("e", "other", 0, "Bénévolat")],
      DIMENSIONS,
    );
    expect(groups.map((g) => [g.label, g.objectives.map((o) => o.objective.id)])).toEqual([
      ["Mutualisation", ["b"]],
      ["Financement", ["a", "d"]],
      ["Bénévolat", ["e"]],
      ["Gouvernance", ["c"]],
    ]);
  });
});

describe("deleting", () => {
  it("names what goes with a strategic objective and counts all their indicators", () => {
    const target = deleteTarget(overview(), { level: "strategic", id: "s1" });
    expect(target).toEqual({ ref: { level: "strategic", id: "s1" }, title: "Mutualiser", goesWith: ["Objectif o1", "Objectif o2"], indicatorCount: 3 });
    expect(deleteTarget(overview(), { level: "operational", id: "o3" })?.indicatorCount).toBe(0);
    expect(deleteTarget(overview(), { level: "operational", id: "nope" })).toBeNull();
  });

  it("offers every other objective to move the indicators to, never one deleted", () => {
    const values = moveChoices(overview(), { level: "strategic", id: "s1" }).map((c) => c.value);
    expect(values).toEqual(["strategic:s2", "operational:o3"]);
    const forOp = moveChoices(overview(), { level: "operational", id: "o1" }).map((c) => c.value);
    expect(forOp).toEqual(["strategic:s1", "operational:o2", "strategic:s2", "operational:o3"]);
  });

  it("sends the fate chosen", () => {
    const [first] = moveChoices(overview(), { level: "strategic", id: "s1" });
    expect(fateOf(0, "move", null)).toEqual({ kind: "refuse" });
    expect(fateOf(2, "delete", null)).toEqual({ kind: "delete" });
    expect(fateOf(2, "move", first ?? null)).toEqual({ kind: "moveTo", to: { level: "strategic", id: "s2" } });
    expect(fateOf(2, "move", null)).toBeNull();
  });
});

describe("drafts", () => {
  it("names each form's draft and finds the form back from it", () => {
    for (const open of [
      { kind: "strategic-new" as const },
      { kind: "strategic-edit" as const, id: "s1" },
      { kind: "operational-new" as const, strategicId: "s1" },
      { kind: "operational-edit" as const, id: "o1" },
    ]) {
      expect(openFormOf(draftFormName(open))).toEqual(open);
    }
    expect(openFormOf("vision")).toBeNull();
  });
});

describe("closing a form", () => {
  it("gives focus back to the opener, then the record's heading", () => {
    expect(formReturnIds({ kind: "strategic-new" })).toEqual(["strategic-add", "strategic-title"]);
    expect(formReturnIds({ kind: "strategic-edit", id: "s1" })).toEqual(["strategic-s1-edit", "strategic-s1-title", "strategic-title"]);
    expect(formReturnIds({ kind: "operational-new", strategicId: "s1" })[0]).toBe("strategic-s1-operational-add");
    expect(formReturnIds({ kind: "operational-edit", id: "o1" }).slice(0, 2)).toEqual(["operational-o1-edit", "operational-o1"]);
  });

  it("closes on Escape when nothing changed, asks first otherwise, and leaves other keys alone", () => {
    const seen: string[] = [];
    const key = (k: string) => new KeyboardEvent("keydown", { key: k, cancelable: true });
    const clean = key("Escape");
    escapeForm(clean, false, () => seen.push("ask"), () => seen.push("close"));
    escapeForm(key("Escape"), true, () => seen.push("ask"), () => seen.push("close"));
    escapeForm(key("Enter"), true, () => seen.push("ask"), () => seen.push("close"));
    const handled = key("Escape");
    handled.preventDefault();
    escapeForm(handled, false, () => seen.push("ask"), () => seen.push("close"));
    expect(seen).toEqual(["close", "ask"]);
    expect(clean.defaultPrevented).toBe(true);
  });

  it("finds the first field a person types in", () => {
    const root = document.createElement("form");
    root.innerHTML = '<button>Ok</button><input type="hidden"><input id="off" disabled><div hidden><input id="hid"></div><textarea id="first"></textarea><select></select>';
    expect(firstField(root)?.id).toBe("first");
  });
});
