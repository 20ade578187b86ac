// The evaluation's forms as data: what each sends to the vault, what it refuses before sending.
import { describe, expect, it } from "vitest";
import { indicatorView, measurement, OBJECTIVES } from "./fixture";
import { emptyGapForm, formToGapDraft, gapFieldErrors, lines, objectiveGaps } from "./gaps";
import { emptyIndicatorForm, formToIndicatorDraft, indicatorFormProblems, indicatorToForm } from "./indicator-form";
import { emptyMeasurementForm, formToMeasurementDraft, measurementFormProblems, rateOf } from "./measurement-form";
import { NOT_A_NUMBER } from "./numbers";
import { objectiveFromKey, objectiveGroups, objectiveKey, objectiveName } from "./objectives";

describe("objectives for the select", () => {
  it("groups operational objectives under their strategic one, the strategic one first", () => {
    const groups = objectiveGroups(OBJECTIVES);
    expect(groups.map((g) => g.label)).toEqual(["Mutualiser les fonctions support", "Accompagner plus de familles"]);
    expect(groups[0]?.options.map((o) => o.value)).toEqual(["strategic:s1", "operational:o1", "operational:o2"]);
    expect(groups[0]?.options[0]?.label).toBe("Objectif stratégique\u00a0: Mutualiser les fonctions support");
  });

  it("reads back the reference of an option", () => {
    expect(objectiveFromKey("strategic:s1")).toEqual({ level: "strategic", id: "s1" });
    expect(objectiveFromKey("")).toEqual({ level: "operational", id: "" });
    expect(objectiveKey({ level: "operational", id: "o2" })).toBe("operational:o2");
    expect(objectiveName(OBJECTIVES, { level: "operational", id: "o2" })).toBe("Créer un service partagé");
    expect(objectiveName(OBJECTIVES, { level: "strategic", id: "zz" })).toBe("Objectif introuvable");
    expect(objectiveGroups(null)).toEqual([]);
    expect(objectiveName(null, { level: "strategic", id: "s1" })).toBe("");
  });
});

describe("indicator form", () => {
  it("refuses a figure that is not a number and missing dates before sending", () => {
    const form = { ...emptyIndicatorForm(), baselineValue: "douze", targetValue: "" };
    expect(indicatorFormProblems(form)).toEqual({
      baselineValue: NOT_A_NUMBER,
      targetValue: "Indiquez la valeur.",
      baselineDate: "Indiquez la date.",
      targetDate: "Indiquez la date.",
    });
    expect(formToIndicatorDraft(form)).toBeNull();
  });

  it("sends figures typed the French way, and an empty owner as null", () => {
    const form = {
      ...emptyIndicatorForm(),
      objective: "operational:o1",
      name: "Taux d’insertion",
      aggregation: "rate" as const,
      baselineValue: "12,5",
      baselineDate: "2025-01-01",
      targetValue: "1 200",
      targetDate: "2026-12-31",
    };
    const draft = formToIndicatorDraft(form);
    expect(draft).toMatchObject({
      objective: { level: "operational", id: "o1" },
      baselineValue: 12.5,
      targetValue: 1200,
      unit: "%",
      ownerPartnerId: null,
      sourceReference: null,
    });
  });

  it("round-trips a stored indicator through the form", () => {
    const view = indicatorView({ baselineValue: 1234.5, ownerPerson: "Claire" });
    const draft = formToIndicatorDraft(indicatorToForm(view.indicator));
    expect(draft).toEqual(view.indicator.draft);
  });
});

describe("measurement form", () => {
  it("asks a rate for its two terms and computes it", () => {
    const form = { ...emptyMeasurementForm("2026-03-01"), numerator: "3", denominator: "12" };
    expect(measurementFormProblems(form, true)).toEqual({});
    expect(rateOf(form)).toBe(25);
    expect(formToMeasurementDraft(form, "i1", true)).toMatchObject({ value: 25, numerator: 3, denominator: 12 });
    expect(measurementFormProblems({ ...form, denominator: "" }, true)).toEqual({ denominator: "Indiquez le dénominateur du taux." });
  });

  it("sends a plain value without terms, and refuses text", () => {
    const form = { ...emptyMeasurementForm("2026-03-01"), value: "42,5", comment: "  ", source: "Tableau de bord" };
    expect(formToMeasurementDraft(form, "i1", false)).toEqual({
      indicatorId: "i1",
      date: "2026-03-01",
      value: 42.5,
      numerator: null,
      denominator: null,
      comment: null,
      source: "Tableau de bord",
    });
    expect(measurementFormProblems({ ...form, value: "beaucoup", date: null }, false)).toEqual({
      date: "Indiquez la date de la mesure.",
      value: NOT_A_NUMBER,
    });
  });
});

describe("gap analysis", () => {
  it("says each indicator's gap from the vault's progress", () => {
    const measured = indicatorView({}, [measurement("m1", "2026-01-01", 90000)]);
    const unmeasured = indicatorView({ name: "Familles", unit: "familles" }, [], "i2");
    const other = indicatorView({ objective: { level: "strategic", id: "s2" } }, [], "i3");
    const gaps = objectiveGaps([measured, unmeasured, other], { level: "operational", id: "o1" });
    expect(gaps).toEqual([
      {
        indicatorId: "i1",
        name: "Coûts administratifs",
        text: "Dernière valeur 90\u202f000\u202f€ pour une cible de 85\u202f000\u202f€\u00a0: reste 5\u202f000\u202f€.",
      },
      { indicatorId: "i2", name: "Familles", text: "Pas encore mesuré." },
    ]);
  });

  it("sends factors one per line, empty lines left out", () => {
    const form = {
      ...emptyGapForm("2026-06-30", "strategic:s1"),
      positiveFactors: "Bonne entente\n\n  Subvention obtenue  \n",
      negativeFactors: "",
      decision: "adjust_action" as const,
    };
    expect(lines(form.positiveFactors)).toEqual(["Bonne entente", "Subvention obtenue"]);
    expect(formToGapDraft(form)).toEqual({
      objective: { level: "strategic", id: "s1" },
      date: "2026-06-30",
      positiveFactors: ["Bonne entente", "Subvention obtenue"],
      negativeFactors: [],
      decision: "adjust_action",
      decisionNote: null,
    });
    expect(formToGapDraft({ ...form, date: null })).toBeNull();
  });

  it("puts a factor's error on its list, naming the line", () => {
    const form = { ...emptyGapForm("2026-06-30"), positiveFactors: "A\n\nB" };
    expect(gapFieldErrors({ "positiveFactors.1": "Trop long.", date: "Date invalide." }, form)).toEqual({
      positiveFactors: "Ligne «\u00a0B\u00a0»\u00a0: Trop long.",
      date: "Date invalide.",
    });
  });
});
