import { describe, expect, it } from "vitest";
import { focusFirstInvalid, formToOrganisation, organisationToForm } from "./forms";

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
