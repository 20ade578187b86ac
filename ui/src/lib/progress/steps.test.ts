import { describe, expect, it } from "vitest";
import type { StepProgress } from "$lib/api/bindings";
import { placeTooltip, STATUS_ICON, stepLabel, tooltipLines, tooltipTitle } from "./steps";

const step = (over: Partial<StepProgress> = {}): StepProgress => ({
  step: "diagnostic",
  number: 1,
  title: "Réaliser le diagnostic interne",
  status: "in_progress",
  statusLabel: "En cours",
  missing: ["Ajoutez au moins une menace."],
  ...over,
});

describe("step names", () => {
  it("numbers the step as the guide does", () => {
    expect(stepLabel(step())).toBe("1. Réaliser le diagnostic interne");
  });

  it("lists what is missing, or says that nothing is", () => {
    expect(tooltipTitle(step())).toBe("Ce qui manque");
    expect(tooltipLines(step())).toEqual(["Ajoutez au moins une menace."]);
    const done = step({ status: "done", statusLabel: "Terminée", missing: [] });
    expect(tooltipTitle(done)).toBe("Étape terminée");
    expect(tooltipLines(done)).toEqual(["Rien ne manque\u00a0: l’étape est terminée."]);
  });

  it("draws each status with its own shape", () => {
    expect(new Set(Object.values(STATUS_ICON)).size).toBe(3);
  });
});

describe("placeTooltip", () => {
  const viewport = { width: 1200, height: 700 };
  const tip = { width: 300, height: 120 };

  it("goes right of its step when it fits", () => {
    const at = placeTooltip({ left: 10, top: 200, width: 240, height: 40 }, tip, viewport);
    expect(at).toEqual({ left: 258, top: 200, side: "right" });
  });

  it("stays inside the window at the bottom", () => {
    const at = placeTooltip({ left: 10, top: 650, width: 240, height: 40 }, tip, viewport);
    expect(at.side).toBe("right");
    expect(at.top).toBe(700 - 120 - 8);
  });

  it("goes under its step when the window is too narrow, kept inside it", () => {
    const narrow = { width: 400, height: 700 };
    const at = placeTooltip({ left: 150, top: 100, width: 240, height: 40 }, tip, narrow);
    expect(at.side).toBe("below");
    expect(at.top).toBe(148);
    expect(at.left).toBe(400 - 300 - 8);
    expect(at.left + tip.width).toBeLessThanOrEqual(narrow.width);
  });
});
