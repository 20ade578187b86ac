import { describe, expect, it } from "vitest";
import { focusFirstInvalid, formToOrganisation, notWholeNumber, organisationToForm, unsettledDateField, wholeNumberForVault, wholeNumberMessage } from "./forms";

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
  it("sends a whole number as it is and turns the rest (decimals too, never rounded) into 0, which the vault refuses", () => {
    expect(wholeNumberForVault(15)).toBe(15);
    expect(wholeNumberForVault(14.6)).toBe(0);
    expect(wholeNumberForVault(-5)).toBe(0);
    expect(wholeNumberForVault(null)).toBe(0);
    expect(wholeNumberForVault(undefined)).toBe(0);
    expect(wholeNumberForVault(Number.NaN)).toBe(0);
    expect(wholeNumberForVault(1e12)).toBe(0);
  });
});

describe("whole-number fields", () => {
  it("say which whole number is wanted, with the French elision", () => {
    expect(wholeNumberMessage("minutes")).toBe("Saisissez un nombre entier de minutes.");
    expect(wholeNumberMessage("exemplaires")).toBe("Saisissez un nombre entier d\u2019exemplaires.");
    expect(wholeNumberMessage(null)).toBe("Saisissez un nombre entier.");
  });

  it("tell a decimal from a whole number or an empty field", () => {
    const input = document.createElement("input");
    input.type = "number";
    input.value = "0.5";
    expect(notWholeNumber(input)).toBe(true);
    input.value = "12";
    expect(notWholeNumber(input)).toBe(false);
    input.value = "";
    expect(notWholeNumber(input)).toBe(false);
  });
});

describe("unsettledDateField", () => {
  it("finds a date field whose text is not a date yet, and gives its first segment", () => {
    const form = document.createElement("form");
    form.innerHTML =
      '<div data-date-unsettled="true"><span data-segment="day">31</span><span data-segment="month">02</span></div>';
    expect(unsettledDateField(form)?.dataset["segment"]).toBe("day");
  });

  it("is null when every date field is settled", () => {
    const form = document.createElement("form");
    form.innerHTML = '<div class="date-field"><span data-segment="day">12</span></div>';
    expect(unsettledDateField(form)).toBeNull();
  });
});
