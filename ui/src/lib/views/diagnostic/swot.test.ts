import { describe, expect, it } from "vitest";
import type { SwotItem, SwotQuadrant } from "$lib/api/bindings";
import { byQuadrant, dropIndex, MATRIX_ROWS, placeOf, QUADRANTS, stepTarget, SWOT_TEXT_MAX, textCounter } from "./swot";

function item(id: string, quadrant: SwotQuadrant, position: number): SwotItem {
  return {
    id,
    allianceId: "a",
    createdAt: "2026-12-04T10:00:00Z",
    updatedAt: "2026-12-04T10:00:00Z",
    position,
    draft: { quadrant, text: id, importance: 2 },
  };
}

const items = [item("b", "strengths", 1), item("t", "threats", 0), item("a", "strengths", 0), item("c", "strengths", 2)];

describe("the SWOT grid", () => {
  it("reads internal then external, Forces | Faiblesses above Opportunités | Menaces", () => {
    expect(MATRIX_ROWS.map((r) => r.side)).toEqual(["Interne", "Externe"]);
    expect(QUADRANTS).toEqual(["strengths", "weaknesses", "opportunities", "threats"]);
  });

  it("groups items by quadrant in their stored order", () => {
    const groups = byQuadrant(items);
    expect(groups.strengths.map((i) => i.id)).toEqual(["a", "b", "c"]);
    expect(groups.threats.map((i) => i.id)).toEqual(["t"]);
    expect(groups.weaknesses).toEqual([]);
  });

  it("moves one step within the quadrant, never past its edges", () => {
    expect(stepTarget(items, "b", -1)).toEqual({ quadrant: "strengths", index: 0 });
    expect(stepTarget(items, "b", 1)).toEqual({ quadrant: "strengths", index: 2 });
    expect(stepTarget(items, "a", -1)).toBeNull();
    expect(stepTarget(items, "c", 1)).toBeNull();
    expect(stepTarget(items, "t", 1)).toBeNull();
    expect(stepTarget(items, "inconnu", 1)).toBeNull();
  });

  it("finds where a dropped item landed, and its place for the announcement", () => {
    expect(dropIndex([{ id: "x" }, { id: "b" }], "b")).toBe(1);
    expect(dropIndex([{ id: "x" }], "b")).toBeNull();
    expect(placeOf(items, "c")).toEqual({ place: 3, count: 3 });
    expect(placeOf(items, "zz")).toBeNull();
  });
});

describe("the item text counter", () => {
  it("shows from 80 % of the cap, in characters of the trimmed text, and says how many are too many", () => {
    expect(SWOT_TEXT_MAX).toBe(300);
    expect(textCounter("x".repeat(239))).toBeNull();
    expect(textCounter("x".repeat(240))).toEqual({ text: "240\u202f/\u202f300", over: false });
    expect(textCounter(`  ${"é".repeat(300)}  `)).toEqual({ text: "300\u202f/\u202f300", over: false });
    expect(textCounter("🤝".repeat(301))).toEqual({ text: "301\u202f/\u202f300\u00a0: 1 de trop", over: true });
  });
});
