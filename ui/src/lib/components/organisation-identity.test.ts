import { describe, expect, it } from "vitest";
import { emptyOrganisationForm, formToOrganisation, organisationToForm } from "$lib/forms";
import { groupIban, identitySections, isFrance, isLocalLawPostalCode } from "./organisation-identity";

describe("organisation identity", () => {
  it("reads France in what people type, empty included", () => {
    for (const typed of ["", " ", "France", "FRANCE", "fr", " france "]) expect(isFrance(typed), typed).toBe(true);
    for (const typed of ["Belgique", "BE", "Suisse"]) expect(isFrance(typed), typed).toBe(false);
  });

  it("shows France for an organisation without a country, and sends it as no country", () => {
    const form = organisationToForm({ name: "Asso", country: null });
    expect(form.country).toBe("France");
    expect(formToOrganisation(form).country).toBeNull();
    form.country = "Belgique";
    expect(formToOrganisation(form).country).toBe("Belgique");
  });

  it("round-trips every identity field, empty groups becoming null", () => {
    const organisation = {
      name: "Maison du Hainaut",
      country: "Belgique",
      foreignRegistration: { register: "BCE", number: "0456.789.123" },
      localRegister: null,
      bank: { iban: "BE68539007547034", bic: "GEBABEBB" },
      designation: { article: "la", gender: "feminine", number: "singular", shortName: "la Maison" },
    } as const;
    const sent = formToOrganisation(organisationToForm(structuredClone(organisation) as never));
    expect(sent.country).toBe("Belgique");
    expect(sent.foreignRegistration).toEqual({ register: "BCE", number: "0456.789.123" });
    expect(sent.localRegister).toBeNull();
    // Shown by groups of four, sent as shown: the vault takes the spaces out.
    expect(sent.bank).toEqual({ iban: "BE68 5390 0754 7034", bic: "GEBABEBB" });
    // The designation travels untouched until its own field edits it.
    expect(sent.designation).toEqual(organisation.designation);

    const empty = formToOrganisation(emptyOrganisationForm());
    expect([empty.foreignRegistration, empty.localRegister, empty.bank, empty.designation]).toEqual([null, null, null, null]);
  });

  it("shows a stored IBAN by groups of four", () => {
    expect(groupIban("FR7630006000011234567890189")).toBe("FR76 3000 6000 0112 3456 7890 189");
    expect(groupIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
    expect(groupIban("")).toBe("");
    expect(organisationToForm({ name: "A", bank: { iban: "BE68539007547034", bic: null } }).iban).toBe("BE68 5390 0754 7034");
  });

  it("sends a group partly filled whole, so that the vault names what is missing", () => {
    const form = emptyOrganisationForm();
    form.localCourt = " Strasbourg ";
    form.bic = "AGRIFRPP";
    const sent = formToOrganisation(form);
    expect(sent.localRegister).toEqual({ court: "Strasbourg", volume: "", folio: "" });
    expect(sent.bank).toEqual({ iban: "", bic: "AGRIFRPP" });
  });

  it("shows each optional group only where it applies", () => {
    const form = { ...emptyOrganisationForm(), postalCode: "69003" };
    expect(identitySections(form)).toEqual({ foreign: false, rna: true, localRegister: false });
    for (const postalCode of ["67000", "68100", "57000"]) {
      expect(isLocalLawPostalCode(postalCode)).toBe(true);
      expect(identitySections({ ...form, postalCode }).localRegister).toBe(true);
    }
    expect(identitySections({ ...form, legalForm: "Association de droit local (Alsace-Moselle)" }).localRegister).toBe(true);
    // Abroad: the foreign registration, no RNA, no Alsace-Moselle register (even at 67…).
    expect(identitySections({ ...form, country: "Belgique", postalCode: "6700" })).toEqual({
      foreign: true,
      rna: false,
      localRegister: false,
    });
    // A group that holds something stays visible, so its value and its error can be seen.
    expect(identitySections({ ...form, rna: "W751234567", country: "Belgique" }).rna).toBe(true);
    expect(identitySections({ ...form, foreignNumber: "123" }).foreign).toBe(true);
  });
});
