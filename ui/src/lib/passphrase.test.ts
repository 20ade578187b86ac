import { describe, expect, it } from "vitest";
import { assessPassphrase, assessWithScore, charCount, frenchCount, LABELS, MAX_CHARS, MIN_CHARS, MIN_SCORE } from "./passphrase";

describe("the rule, as in allia-core's passphrase.rs", () => {
  it("mirrors the Rust constants", () => {
    expect([MIN_CHARS, MAX_CHARS, MIN_SCORE]).toEqual([10, 1024, 3]);
    expect(LABELS).toEqual(["Très faible", "Faible", "Moyenne", "Bonne", "Excellente"]);
  });

  it("refuses a short passphrase with the count, whatever its score", () => {
    expect(assessWithScore("Xq9!zr", 4)).toEqual({
      score: 4,
      label: "Excellente",
      acceptable: false,
      message: "Au moins 10 caractères (6 pour l’instant). Une courte phrase de plusieurs mots est facile à retenir.",
    });
  });

  it("counts accents and other characters as Rust does", () => {
    expect(charCount("éééééééé")).toBe(8);
    expect(charCount("🦒🦒")).toBe(2);
    expect(assessWithScore("éééééééé", 4).message).toContain("(8 pour l’instant)");
  });

  it("refuses a score below 3 once long enough", () => {
    const weak = assessWithScore("password123", 2);
    expect(weak.acceptable).toBe(false);
    expect(weak.label).toBe("Moyenne");
    expect(weak.message).toBe("Trop facile à deviner\u00a0: ajoutez des mots peu courants, ou allongez la phrase.");
    expect(assessWithScore("girafe violette sous la pluie", 3)).toEqual({
      score: 3,
      label: "Bonne",
      acceptable: true,
      message: null,
    });
  });

  it("refuses a passphrase over the cap with French counts", () => {
    const over = "a".repeat(MAX_CHARS + 1);
    expect(assessWithScore(over, 4).message).toBe(
      "Phrase de passe trop longue\u00a0: 1\u202f024 caractères au plus (1\u202f025 saisis).",
    );
    expect(assessWithScore("a".repeat(MAX_CHARS), 4).acceptable).toBe(true);
    expect(frenchCount(3_000_000)).toBe("3\u202f000\u202f000");
    expect(frenchCount(999)).toBe("999");
  });

  it("gives the empty passphrase score 0", () => {
    expect(assessWithScore("", 4)).toMatchObject({ score: 0, label: "Très faible", acceptable: false });
  });
});

describe("assessPassphrase with the real dictionaries", () => {
  // allia_core::assess_passphrase (Rust, zxcvbn crate 3.1.1) on these samples: its score
  // and verdict. All are far from the threshold (scores 0–1, or 4, or too short).
  const rust: [string, number, boolean][] = [
    ["Xq9!zr", 1, false],
    ["password123", 0, false],
    ["1234567890", 0, false],
    ["aaaaaaaaaaaa", 0, false],
    ["qwertyuiop", 0, false],
    ["azertyuiop", 1, false],
    ["bonjour1234", 1, false],
    ["coucoucoucou", 1, false],
    ["girafe violette sous la pluie de Lyon", 4, true],
    ["Le chat de Mme Lefèvre mange 7 croquettes bleues", 4, true],
    ["Vélo rouge, café noir et 3 pigeons à Brest", 4, true],
    ["nous partons en randonnée au col du Galibier jeudi", 4, true],
    ["correct horse battery staple", 4, true],
  ];

  it.each(rust)("« %s »: Rust scores %i, acceptable %s; the meter agrees", async (passphrase, score, acceptable) => {
    const assessment = await assessPassphrase(passphrase);
    expect(assessment.acceptable).toBe(acceptable);
    expect(Math.abs(assessment.score - score)).toBeLessThanOrEqual(1);
  });

  it("scores only the first 100 characters, quickly, of a huge passphrase", async () => {
    await assessPassphrase("échauffement"); // dictionaries loaded
    const huge = "é9!".repeat(1_000_000);
    const started = performance.now();
    const assessment = await assessPassphrase(huge);
    expect(assessment.acceptable).toBe(false);
    expect(assessment.message).toContain("3\u202f000\u202f000 saisis");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("answers the empty passphrase without loading anything", async () => {
    expect(await assessPassphrase("")).toEqual({ score: 0, label: "Très faible", acceptable: false, message: "Au moins 10 caractères (0 pour l’instant). Une courte phrase de plusieurs mots est facile à retenir." });
  });
});
