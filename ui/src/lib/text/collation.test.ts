// The screens' search key must be allia-core's `text::collation_key`:
// `collation-samples.json` is written by crates/allia-core/tests/collation_samples.rs from it.
import { describe, expect, it } from "vitest";
import golden from "./collation-samples.json";
import { collationKey, matchesSearch, sameCollated } from "./collation";

describe("collation key", () => {
  it.each(golden.samples)("%j → %j, as allia-core computes it", (text, key) => {
    expect(collationKey(String(text))).toBe(key);
  });

  it("ignores case, accents, ligatures and punctuation", () => {
    expect(collationKey("MAISON DES SOLIDARITES")).toBe(collationKey("Maison des Solidarités"));
    expect(collationKey("Œuvre")).toBe("oeuvre");
    expect(collationKey("He\u0301le\u0300ne")).toBe("helene");
    expect(collationKey("  l’Écluse — Val-de-Brenne ! ")).toBe("l ecluse val de brenne");
    expect(sameCollated("Comité des fêtes", "COMITE DES FETES")).toBe(true);
    expect(sameCollated("…", "!")).toBe(false);
  });
});

describe("search", () => {
  it("finds a text whatever case and accents are typed", () => {
    expect(matchesSearch("solidarites", "Maison des Solidarités")).toBe(true);
    expect(matchesSearch("HELENE", ["Cercle", null, "He\u0301le\u0300ne Müller"])).toBe(true);
    expect(matchesSearch("oeuvre", ["Œuvre sociale"])).toBe(true);
    expect(matchesSearch("val de brenne", "Val-de-Brenne")).toBe(true);
    expect(matchesSearch("saunay", "Comité des fêtes")).toBe(false);
    // Every word, in any order.
    expect(matchesSearch("helene sevres", "Atelier Hélène de Sèvres")).toBe(true);
    expect(matchesSearch("sevres atelier", "Atelier Hélène de Sèvres")).toBe(true);
    expect(matchesSearch("helene lyon", "Atelier Hélène de Sèvres")).toBe(false);
  });

  it("finds everything with an empty query", () => {
    expect(matchesSearch("", "Maison")).toBe(true);
    expect(matchesSearch("  - ", [])).toBe(true);
  });
});
