// The priority criteria's form: weights typed, and the vault's errors placed on their row.
import { describe, expect, it } from "vitest";
import { criteriaErrors, newCriterionId, parseWeightText } from "./criteria";

describe("priority criteria", () => {
  it("reads a weight 0 to the maximum", () => {
    expect(parseWeightText(" 3 ", 100)).toBe(3);
    expect(parseWeightText("0", 100)).toBe(0);
    expect(parseWeightText("101", 100)).toBeNull();
    expect(parseWeightText("1,5", 100)).toBeNull();
    expect(parseWeightText("", 100)).toBeNull();
  });

  it("puts the vault's errors on their row (counted from 1 by the vault)", () => {
    expect(
      criteriaErrors([
        { field: "priorityCriteria.criteria.2.name", message: "Ce nom est déjà celui d’un autre critère." },
        { field: "priorityCriteria.criteria.2.weight", message: "Poids trop grand." },
        { field: "priorityCriteria.criteria.1.weight", message: "Poids trop grand." },
        { field: "priorityCriteria.criteria", message: "Trop de critères." },
      ]),
    ).toEqual({ 1: "Ce nom est déjà celui d’un autre critère.", 0: "Poids trop grand." });
  });

  it("gives each new criterion its own id", () => {
    expect(newCriterionId()).not.toBe(newCriterionId());
  });
});
