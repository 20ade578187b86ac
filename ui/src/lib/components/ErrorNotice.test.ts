import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { errorLines } from "./error-lines";
import ErrorNotice from "./ErrorNotice.svelte";

const REFUSAL =
  "Ce fichier d’alliance contient des informations à corriger\u00a0:\n" +
  "partenaire 3, SIRET\u00a0: Ce numéro SIRET n’est pas valide.\n" +
  "profil, IBAN\u00a0: Cet IBAN n’est pas valide.";

describe("errorLines", () => {
  it("keeps the first line as the lead and each further line as a problem", () => {
    expect(errorLines(REFUSAL)).toEqual({
      lead: "Ce fichier d’alliance contient des informations à corriger\u00a0:",
      items: [
        "partenaire 3, SIRET\u00a0: Ce numéro SIRET n’est pas valide.",
        "profil, IBAN\u00a0: Cet IBAN n’est pas valide.",
      ],
    });
  });

  it("gives a one-line message no items, and drops blank lines", () => {
    expect(errorLines("Impossible de lire ce fichier.")).toEqual({ lead: "Impossible de lire ce fichier.", items: [] });
    expect(errorLines("Tête\r\n\r\n  un  \n")).toEqual({ lead: "Tête", items: ["un"] });
  });
});

describe("ErrorNotice", () => {
  afterEach(() => cleanup());

  it("is an alert whose problems are a list, one item each", () => {
    render(ErrorNotice, { props: { message: REFUSAL, testid: "side-error" } });
    const alert = screen.getByRole("alert");
    expect(alert).toBe(screen.getByTestId("side-error"));
    expect(alert.querySelector("p")?.textContent).toBe("Ce fichier d’alliance contient des informations à corriger\u00a0:");
    const items = within(within(alert).getByRole("list")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "partenaire 3, SIRET\u00a0: Ce numéro SIRET n’est pas valide.",
      "profil, IBAN\u00a0: Cet IBAN n’est pas valide.",
    ]);
  });

  it("shows a one-line message as a sentence, without an empty list", () => {
    render(ErrorNotice, { props: { message: "Impossible de lire ce fichier." } });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Impossible de lire ce fichier.");
    expect(within(alert).queryByRole("list")).toBeNull();
  });
});
