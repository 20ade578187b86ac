import { describe, expect, it } from "vitest";
import { frozenNote, shortFingerprint } from "./frozen-note";

const SHA = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e79f3c";

describe("frozenNote", () => {
  it("says the export reproduces the frozen document, with the day it was frozen and the print's fingerprint", () => {
    expect(frozenNote({ frozenAt: "2026-12-03T09:15:00Z", printed: true, received: false, sha256: SHA })).toBe(
      "Version figée le 3 décembre 2026\u00a0: l’export reproduit à l’identique le document figé (empreinte SHA-256\u00a0: 1a2b\u20269f3c).",
    );
    expect(frozenNote({ frozenAt: "2026-12-01T23:00:00Z", printed: true, received: false, sha256: SHA })).toContain(
      "le 1er décembre 2026\u00a0:",
    );
  });

  it("says a print received with the alliance file is exported as received, with the fingerprint to compare", () => {
    const note = frozenNote({ frozenAt: "2026-12-03T09:15:00Z", printed: true, received: true, sha256: SHA });
    expect(note).toBe(
      "Version figée le 3 décembre 2026. PDF reçu avec le fichier de l’alliance (empreinte SHA-256\u00a0: 1a2b\u20269f3c)\u00a0: " +
        "l’export le reproduit tel qu’il a été reçu. Comparez l’empreinte avec celle de l’expéditeur.",
    );
    expect(note).not.toContain("à l’identique");
  });

  it("says the next export is kept when a version frozen earlier has no print yet", () => {
    expect(frozenNote({ frozenAt: "2026-11-26T10:00:00Z", printed: false, received: false, sha256: null })).toBe(
      "Version figée le 26 novembre 2026\u00a0: le prochain export sera conservé et reproduit ensuite à l’identique.",
    );
  });
});

describe("shortFingerprint", () => {
  it("keeps the first and last four hex digits", () => {
    expect(shortFingerprint(SHA.toUpperCase())).toBe("1a2b\u20269f3c");
    expect(shortFingerprint("abc")).toBe("abc");
  });
});
