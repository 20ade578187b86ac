import { describe, expect, it } from "vitest";
import { frozenNote } from "./frozen-note";

describe("frozenNote", () => {
  it("says the export reproduces the frozen document, with the day it was frozen", () => {
    expect(frozenNote({ frozenAt: "2026-12-03T09:15:00Z", printed: true })).toBe(
      "Version figée le 3 décembre 2026\u00a0: l’export reproduit à l’identique le document figé.",
    );
    expect(frozenNote({ frozenAt: "2026-12-01T23:00:00Z", printed: true })).toContain("le 1er décembre 2026\u00a0:");
  });

  it("says the next export is kept when a version frozen earlier has no print yet", () => {
    expect(frozenNote({ frozenAt: "2026-11-26T10:00:00Z", printed: false })).toBe(
      "Version figée le 26 novembre 2026\u00a0: le prochain export sera conservé et reproduit ensuite à l’identique.",
    );
  });
});
