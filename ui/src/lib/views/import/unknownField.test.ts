// The unknown fields of an alliance file, named by their record in French and their key as the file spells it.
import { describe, expect, it } from "vitest";
import { unknownFieldLabel, unknownFieldText } from "./unknownField";

const NBSP = "\u00a0";

describe("unknownFieldLabel", () => {
  it("names the record and keeps the key", () => {
    expect(unknownFieldLabel("partners.2.organisation.nickname")).toEqual({
      record: `Partenaire${NBSP}2`,
      key: "organisation.nickname",
    });
    expect(unknownFieldText("partners.1.contributionCents")).toBe(`Partenaire${NBSP}1 — contributionCents`);
    expect(unknownFieldText("alliance.durationMonths")).toBe("Alliance — durationMonths");
    expect(unknownFieldText("documents.1.versions.3.settings.paperSize")).toBe(
      `Document${NBSP}1, version${NBSP}3 — settings.paperSize`,
    );
    expect(unknownFieldText("profile.motto")).toBe("Association expéditrice — motto");
  });

  it("shows a path it does not recognise whole, under « Fichier »", () => {
    expect(unknownFieldText("checksum")).toBe("Fichier — checksum");
    expect(unknownFieldText("extra.partners.2")).toBe("Fichier — extra.partners.2");
    // A numbered record with nothing after it is the unknown field itself.
    expect(unknownFieldText("partners.2")).toBe("Fichier — partners.2");
  });
});
