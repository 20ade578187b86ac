import { describe, expect, it } from "vitest";
import { focusFirstInvalid, formToOrganisation, organisationToForm, wholeNumberForVault } from "./forms";

describe("forms", () => {
  it("gives the focus to the first field marked invalid", async () => {
    document.body.innerHTML = `
      <input id="name" aria-invalid="false" />
      <input id="siret" aria-invalid="true" />
      <input id="email" aria-invalid="true" />`;
    await focusFirstInvalid();
    expect(document.activeElement?.id).toBe("siret");
  });

  it("leaves the focus alone when nothing is invalid", async () => {
    document.body.innerHTML = `<input id="name" aria-invalid="false" />`;
    const before = document.activeElement;
    await focusFirstInvalid();
    expect(document.activeElement).toBe(before);
  });

  it("round-trips an organisation, empty optional texts becoming null", () => {
    const form = organisationToForm(null);
    form.name = " Les Amis ";
    form.city = "  ";
    const organisation = formToOrganisation(form);
    expect(organisation.name).toBe("Les Amis");
    expect(organisation.city).toBeNull();
    expect(organisationToForm(organisation).city).toBe("");
  });
});

describe("wholeNumberForVault", () => {
  it("rounds what can be sent and turns the rest into 0, which the vault refuses with its message", () => {
    expect(wholeNumberForVault(15)).toBe(15);
    expect(wholeNumberForVault(14.6)).toBe(15);
    expect(wholeNumberForVault(-5)).toBe(0);
    expect(wholeNumberForVault(null)).toBe(0);
    expect(wholeNumberForVault(undefined)).toBe(0);
    expect(wholeNumberForVault(Number.NaN)).toBe(0);
    expect(wholeNumberForVault(1e12)).toBe(0);
  });
});
