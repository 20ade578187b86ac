import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { type ActorType, type Catalog, commands } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { emptyOrganisationForm, organisationToForm } from "$lib/forms";
import Harness from "./test/OrganisationFieldsHarness.svelte";

const catalog = { legalForms: ["Association loi 1901"] } as unknown as Catalog;

function renderFields(initial = emptyOrganisationForm(), errors: Record<string, string> = {}, actorType?: ActorType) {
  return render(Harness, { props: { initial, errors, actorType }, context: catalogContext(catalog) });
}

const sent = () => JSON.parse(screen.getByTestId("sent").textContent ?? "{}");

describe("OrganisationFields", () => {
  it("shows a French organisation none of the foreign or local-law fields, with France as its country", () => {
    renderFields();
    expect((screen.getByLabelText("Pays") as HTMLInputElement).value).toBe("France");
    expect(screen.queryByTestId("partner-foreign-section")).toBeNull();
    expect(screen.queryByTestId("partner-local-section")).toBeNull();
    expect(screen.getByLabelText("Numéro RNA")).toBeTruthy();
    expect(screen.getByText("5 chiffres, par exemple 69003.")).toBeTruthy();
    // The bank details are folded away.
    expect((screen.getByTestId("partner-bank-section") as HTMLDetailsElement).open).toBe(false);
  });

  it("offers the foreign registration and a free postal code once another country is typed", async () => {
    renderFields();
    await fireEvent.input(screen.getByLabelText("Pays"), { target: { value: "Belgique" } });
    expect(screen.getByTestId("partner-foreign-section")).toBeTruthy();
    expect(screen.queryByLabelText("Numéro RNA")).toBeNull();
    expect(screen.getByText(/lettres, chiffres, espaces ou tirets/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Registre"), { target: { value: "BCE" } });
    await fireEvent.input(screen.getByLabelText("Numéro d’immatriculation"), { target: { value: "0456.789.123" } });
    expect(sent().country).toBe("Belgique");
    expect(sent().foreignRegistration).toEqual({ register: "BCE", number: "0456.789.123" });
  });

  it("offers the tribunal's register for an address in Alsace-Moselle", async () => {
    renderFields();
    await fireEvent.input(screen.getByLabelText("Code postal"), { target: { value: "67000" } });
    expect(screen.getByTestId("partner-local-section")).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Tribunal judiciaire"), { target: { value: "Strasbourg" } });
    await fireEvent.input(screen.getByLabelText("Volume"), { target: { value: "84" } });
    await fireEvent.input(screen.getByLabelText("Folio"), { target: { value: "127" } });
    expect(sent().localRegister).toEqual({ court: "Strasbourg", volume: "84", folio: "127" });
  });

  it("shows the vault's errors next to the nested fields, opening the bank details", () => {
    renderFields(emptyOrganisationForm(), {
      iban: "Cet IBAN n’est pas valide\u00a0: la clé de contrôle ne correspond pas.",
      court: "Indiquez le tribunal judiciaire.",
    });
    expect((screen.getByTestId("partner-bank-section") as HTMLDetailsElement).open).toBe(true);
    const iban = screen.getByLabelText("IBAN");
    expect(iban.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("error-iban").textContent).toContain("clé de contrôle");
    expect(iban.getAttribute("aria-describedby")).toContain("partner-iban-error");
  });

  it("opens the bank details and the groups that already hold something", () => {
    renderFields(
      organisationToForm({
        name: "Cercle",
        postalCode: "69003",
        localRegister: { court: "Strasbourg", volume: "1", folio: "2" },
        bank: { iban: "FR7630006000011234567890189", bic: null },
      }),
    );
    expect((screen.getByTestId("partner-bank-section") as HTMLDetailsElement).open).toBe(true);
    expect((screen.getByLabelText("IBAN") as HTMLInputElement).value).toBe("FR76 3000 6000 0112 3456 7890 189");
    // Outside 57/67/68, the register stays visible so its refusal can be read and the fields emptied.
    expect(screen.getByTestId("partner-local-section")).toBeTruthy();
  });

  it("proposes the designation from the partner's actor type, an association when none is given", async () => {
    const propose = vi.spyOn(commands, "designationPropose").mockResolvedValue({
      article: "le",
      gender: "masculine",
      number: "singular",
      shortName: "le Département",
    });
    const form = { ...emptyOrganisationForm(), name: "Département d’Indre-et-Loire" };
    renderFields(form, {}, "local_authority");
    await waitFor(() => expect(propose).toHaveBeenCalledWith("Département d’Indre-et-Loire", null, "local_authority"));
    cleanup();
    propose.mockClear();
    renderFields(form);
    await waitFor(() => expect(propose).toHaveBeenCalledWith("Département d’Indre-et-Loire", null, "association"));
    propose.mockRestore();
  });
});
