import { describe, expect, it } from "vitest";
import { dayTime, formatNumber, formatShortDate, numberToField, readNumber, withUnit } from "./numbers";

describe("evaluation numbers", () => {
  it("writes figures the French way", () => {
    expect(formatNumber(1234.5)).toBe("1\u202f234,5");
    expect(formatNumber(0.125)).toBe("0,13");
    expect(formatNumber(-3)).toBe("\u22123");
    expect(formatNumber(-1234.5)).toBe("\u22121\u202f234,5");
    expect(formatNumber(-0.001)).toBe("0");
    expect(withUnit(12.5, "%")).toBe("12,5\u202f%");
    expect(withUnit(1200, "")).toBe("1\u202f200");
  });

  it("reads figures as people type them", () => {
    expect(readNumber("12,5")).toBe(12.5);
    expect(readNumber("12.5")).toBe(12.5);
    expect(readNumber("1 200")).toBe(1200);
    expect(readNumber("1\u202f200,75")).toBe(1200.75);
    expect(readNumber("1.234,56")).toBe(1234.56);
    expect(readNumber("-3")).toBe(-3);
    expect(readNumber("\u22123,5")).toBe(-3.5);
    expect(readNumber("  ")).toBeNull();
    expect(readNumber("douze")).toBeNaN();
    expect(readNumber("1,2,3")).toBeNaN();
  });

  it("puts a stored figure back in a field so it reads the same", () => {
    expect(numberToField(1200.5)).toBe("1200,5");
    expect(readNumber(numberToField(1200.5))).toBe(1200.5);
    expect(numberToField(null)).toBe("");
  });

  it("writes dates day first", () => {
    expect(formatShortDate("2026-03-05")).toBe("05/03/2026");
    expect(dayTime("2026-01-01")).toBe(Date.UTC(2026, 0, 1));
  });
});
