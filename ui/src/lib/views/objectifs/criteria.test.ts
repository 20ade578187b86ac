// The priority criteria's form: weights typed, and the vault's errors placed on their row.
import { describe, expect, it } from "vitest";
import { criteriaErrors, newCriterionId, otherErrors, parseWeightText } from "./criteria";

describe("priority criteria", () => {
  it("reads a weight 0 to the maximum", () => {
    expect(parseWeightText(" 3 ", 100)).toBe(3);
    expect(parseWeightText("0", 100)).toBe(0);
    expect(parseWeightText("101", 100)).toBeNull();
    expect(parseWeightText("1,5", 100)).toBeNull();
    expect(parseWeightText("", 100)).toBeNull();
  });

  it("puts the vault's errors on their row (counted from 1 by the vault) and next to their own field", () => {
    const errors = [
      { field: "priorityCriteria.criteria.2.name", message: "Ce nom est déjà celui d’un autre critère." },
      { field: "priorityCriteria.criteria.2.weight", message: "Poids trop grand." },
      { field: "priorityCriteria.criteria.1.weight", message: "Poids trop grand." },
      { field: "priorityCriteria.criteria.3.id", message: "Identifiant de critère manquant ou en double." },
      { field: "priorityCriteria.criteria", message: "Trop de critères." },
      { field: "horizonYear", message: "Horizon trop lointain." },
    ];
    expect(criteriaErrors(errors)).toEqual({
      0: { weight: "Poids trop grand." },
      1: { name: "Ce nom est déjà celui d’un autre critère.", weight: "Poids trop grand." },
      2: { name: "Identifiant de critère manquant ou en double." },
    });
    expect(otherErrors(errors)).toEqual(["Trop de critères.", "Horizon trop lointain."]);
  });

  it("gives each new criterion its own id", () => {
    expect(newCriterionId()).not.toBe(newCriterionId());
  });
});
