import { describe, expect, it } from "vitest";
import type { DossierFigure } from "$lib/api/bindings";
import {
  emptyFigureForm,
  figureFormProblems,
  figureToForm,
  formToFigureDraft,
  frenchDecimal,
  movedIds,
  SOURCE_KIND_REQUIRED,
  valueWithUnit,
} from "./figures";

function figure(id: string, value: string, unit: string | null = null): DossierFigure {
  return {
    id,
    allianceId: "a",
    position: 0,
    createdAt: "2026-12-04T10:00:00Z",
    updatedAt: "2026-12-04T10:00:00Z",
    draft: {
      label: `Chiffre ${id}`,
      value,
      unit,
      year: 2021,
      sourceKind: "open_data",
      source: "data.gouv.fr",
      link: null,
    },
  };
}

describe("key figures", () => {
  it("writes canonical decimals the French way", () => {
    expect(frenchDecimal("1250.5")).toBe("1\u202f250,5");
    expect(frenchDecimal("12")).toBe("12");
    expect(frenchDecimal("-1234567")).toBe("-1\u202f234\u202f567");
    expect(frenchDecimal("0.25")).toBe("0,25");
    expect(frenchDecimal("n/a")).toBe("n/a");
  });

  it("joins the unit, the per cent sign tied by a narrow no-break space", () => {
    expect(valueWithUnit(figure("a", "23480", "habitants").draft)).toBe("23\u202f480 habitants");
    expect(valueWithUnit(figure("a", "38.5", "%").draft)).toBe("38,5\u202f%");
    expect(valueWithUnit(figure("a", "7", " ").draft)).toBe("7");
  });

  it("sends the value as typed and empty optional fields as null", () => {
    const blank = { ...emptyFigureForm(new Date(2026, 11, 4)), label: "Habitants", value: "1 250,5", source: "Recensement" };
    expect(blank.year).toBe("2025");
    // No type of source is preselected: the form says so instead of filing the figure as INSEE.
    expect(blank.sourceKind).toBe("");
    expect(formToFigureDraft(blank)).toBeNull();
    expect(figureFormProblems(blank)).toEqual({ sourceKind: SOURCE_KIND_REQUIRED });
    const form = { ...blank, sourceKind: "own_survey" as const };
    expect(figureFormProblems(form)).toEqual({});
    const draft = formToFigureDraft(form);
    expect(draft).toMatchObject({ value: "1 250,5", unit: null, link: null, year: 2025, sourceKind: "own_survey" });
    expect(formToFigureDraft({ ...form, year: "deux mille" })?.year).toBe(0);
  });

  it("reads a stored figure back into the form the French way", () => {
    const form = figureToForm(figure("a", "1250.5", "€"));
    expect(form.value).toBe("1\u202f250,5");
    expect(form.unit).toBe("€");
    expect(form.year).toBe("2021");
    expect(form.link).toBe("");
  });

  it("moves a figure up or down, not past the ends", () => {
    const list = [figure("a", "1"), figure("b", "2"), figure("c", "3")];
    expect(movedIds(list, 1, -1)).toEqual(["b", "a", "c"]);
    expect(movedIds(list, 1, 1)).toEqual(["a", "c", "b"]);
    expect(movedIds(list, 0, -1)).toBeNull();
    expect(movedIds(list, 2, 1)).toBeNull();
  });
});
