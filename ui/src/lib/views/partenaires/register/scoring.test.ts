import { describe, expect, it } from "vitest";
import {
  cellField,
  formatScore,
  moveInGrid,
  parseScore,
  parseWeight,
  rankText,
  scoreRangeMessage,
  scoreOutOf100,
  weightShare,
} from "./scoring";

describe("a score typed in a cell", () => {
  it("is a whole number 0 to 5, blank meaning not scored yet", () => {
    expect(parseScore("", 5)).toEqual({ kind: "empty" });
    expect(parseScore("  ", 5)).toEqual({ kind: "empty" });
    expect(parseScore("0", 5)).toEqual({ kind: "score", score: 0 });
    expect(parseScore(" 5 ", 5)).toEqual({ kind: "score", score: 5 });
    for (const wrong of ["6", "-1", "2,5", "a", "12"]) expect(parseScore(wrong, 5)).toEqual({ kind: "invalid" });
  });

  it("says the range in French", () => {
    expect(scoreRangeMessage(5)).toBe("Une note va de 0 à 5\u00a0: un chiffre entier.");
  });

  it("names its cell as allia-core's ranking error does", () => {
    expect(cellField("actor-1", "strategic_fit")).toBe("scores.actor-1.strategic_fit");
  });
});

describe("scores and ranks in French", () => {
  it("writes hundredths as allia-core's format_score", () => {
    expect(formatScore(6667)).toBe("66,67");
    expect(formatScore(10000)).toBe("100,00");
    expect(formatScore(5)).toBe("0,05");
    expect(scoreOutOf100(8000)).toBe("80,00\u00a0/\u00a0100");
  });

  it("writes ranks with their ordinal and ties « ex æquo »", () => {
    expect(rankText(1, false)).toBe("1er");
    expect(rankText(2, true)).toBe("2e ex æquo");
    expect(rankText(4, false)).toBe("4e");
  });
});

describe("moving in the matrix with the keyboard", () => {
  it("moves by one cell with the arrows and down with Entrée, not past the edges", () => {
    const at = { row: 1, column: 1 };
    expect(moveInGrid(at, "ArrowUp", 3, 4)).toEqual({ row: 0, column: 1 });
    expect(moveInGrid(at, "ArrowDown", 3, 4)).toEqual({ row: 2, column: 1 });
    expect(moveInGrid(at, "Enter", 3, 4)).toEqual({ row: 2, column: 1 });
    expect(moveInGrid(at, "ArrowLeft", 3, 4)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid(at, "ArrowRight", 3, 4)).toEqual({ row: 1, column: 2 });
    expect(moveInGrid(at, "Home", 3, 4)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid(at, "End", 3, 4)).toEqual({ row: 1, column: 3 });
    expect(moveInGrid({ row: 0, column: 0 }, "ArrowUp", 3, 4)).toBeNull();
    expect(moveInGrid({ row: 2, column: 3 }, "ArrowRight", 3, 4)).toBeNull();
    expect(moveInGrid(at, "4", 3, 4)).toBeNull();
  });
});

describe("criteria weights", () => {
  it("reads a whole weight up to the maximum and gives its share", () => {
    expect(parseWeight("2", 100)).toBe(2);
    expect(parseWeight("0", 100)).toBe(0);
    expect(parseWeight("101", 100)).toBeNull();
    expect(parseWeight("1.5", 100)).toBeNull();
    expect(parseWeight("", 100)).toBeNull();
    expect(weightShare(2, 7)).toBe("29\u202f%");
    expect(weightShare(0, 0)).toBe("0\u202f%");
  });
});
