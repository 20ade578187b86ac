import { describe, expect, it } from "vitest";
import { formatDate, parseTags, plural, quote } from "./format";

describe("French formatting", () => {
  it("quotes with guillemets and narrow no-break spaces", () => {
    expect(quote("Val de Brenne")).toBe("«\u202fVal de Brenne\u202f»");
  });

  it("formats dates the French way", () => {
    expect(formatDate("2026-11-26")).toBe("26 novembre 2026");
    expect(formatDate("2026-05-01T10:00:00Z")).toBe("1er mai 2026");
    expect(formatDate(null)).toBe("");
  });

  it("pluralises with a no-break space", () => {
    expect(plural(1, "partenaire")).toBe("1\u00a0partenaire");
    expect(plural(5, "partenaire")).toBe("5\u00a0partenaires");
  });

  it("parses comma-separated tags without blanks or duplicates", () => {
    expect(parseTags(" comptabilité, RH,, locaux ; rh ")).toEqual(["comptabilité", "RH", "locaux"]);
    // Duplicates as the vault sees them: without case or accents; emoji compared as typed.
    expect(parseTags("Comptabilité, comptabilite, COMPTABILITÉ, 🙂, 🎉")).toEqual(["Comptabilité", "🙂", "🎉"]);
  });
});
