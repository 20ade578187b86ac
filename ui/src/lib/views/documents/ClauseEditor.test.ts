// The clause editor shows data as chips and never the template code, and writes the stored template text back.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import ClauseEditor from "./ClauseEditor.svelte";

const text =
  "L’alliance « {{ alliance.name }} »{% if alliance.territory %} sur {{ alliance.territory }}{% endif %}.\n\n" +
  "Date : {{ blank(\"la date de la revue\") }}, voir l’article {{ ref(\"suivi\") }}.";

describe("ClauseEditor", () => {
  it("shows chips with French labels and no template code", () => {
    render(ClauseEditor, { id: "ed", label: "Texte de la clause", value: text, titles: { suivi: "Suivi de la charte" } });
    const area = screen.getByTestId("clause-text");
    expect(area).toHaveAccessibleName("Texte de la clause");
    expect(area).toHaveAttribute("contenteditable", "true");
    // Short labels are written with no-break spaces (never cut): compared with plain spaces.
    const chips = [...area.querySelectorAll(".chip")].map((chip) => chip.textContent?.replace(/\u00a0/g, " "));
    expect(area.querySelector(".chip")?.textContent).toBe("[Nom\u00a0de\u00a0l’alliance]");
    expect(chips).toEqual([
      "[Nom de l’alliance]",
      "[Si « Territoire » renseigné : “sur …”]",
      "[À compléter : la date de la revue]",
      "[Numéro de l’article « Suivi de la charte »]",
    ]);
    // Short chips never wrap; none of these is long enough to be a wrapping box.
    expect(area.querySelectorAll(".chip-long")).toHaveLength(0);
    // The condition's full wording is its tooltip.
    expect(area.querySelector(".chip-condition")?.getAttribute("title")).toBe(
      "Si la donnée «\u00a0Territoire\u00a0» est renseignée\u00a0: sur «\u00a0Territoire\u00a0»",
    );
    // French typography as printed: ’ and a no-break space before « : ».
    expect(area.querySelectorAll("p")[2]?.textContent?.startsWith("Date\u00a0: ")).toBe(true);
    expect(document.body.textContent).not.toMatch(/\{\{|\{%|alliance\.name/);
    expect(area.querySelectorAll("p")).toHaveLength(3);
  });

  it("inserts a chosen field and writes the template text back", async () => {
    let value = "Fin.";
    render(ClauseEditor, {
      id: "ed",
      label: "Texte de la clause",
      get value() {
        return value;
      },
      set value(next: string) {
        value = next;
      },
    });
    await fireEvent.change(screen.getByTestId("clause-insert"), { target: { value: "alliance.purpose" } });
    expect(value).toBe("{{ alliance.purpose }}Fin.");
    expect(screen.getByTestId("clause-text").querySelector(".chip")?.getAttribute("data-label")).toBe("Objet");
  });

  it("shows a long chip as a box that wraps as a whole", () => {
    render(ClauseEditor, {
      id: "ed",
      label: "Texte",
      value: "Avant {% if alliance.purpose %}Le projet commun poursuit l'objectif suivant : {{ alliance.purpose }}{% else %}Rien.{% endif %}",
    });
    const chip = screen.getByTestId("clause-text").querySelector(".chip");
    expect(chip?.classList.contains("chip-long")).toBe(true);
    expect(chip?.textContent?.length).toBeLessThanOrEqual(102);
  });

  it("groups the insertable data under headings", () => {
    render(ClauseEditor, { id: "ed", label: "Texte", value: "x", perParty: true });
    const groups = [...screen.getByTestId("clause-insert").querySelectorAll("optgroup")].map((g) => g.getAttribute("label"));
    expect(groups).toEqual(["La partie", "L’alliance", "Le chef de file", "Les financements", "Le suivi et la gouvernance", "Le document"]);
  });

  it("gives the stored text back unchanged when only its typography was shown, and shows bold as bold", async () => {
    const model = "Les valeurs de l'alliance :\n- **l'intérêt général** : avant tout ;";
    let value = model;
    render(ClauseEditor, {
      id: "ed",
      label: "Texte",
      get value() {
        return value;
      },
      set value(next: string) {
        value = next;
      },
    });
    const area = screen.getByTestId("clause-text");
    expect(area.textContent).not.toContain("*");
    expect(area.querySelector("strong")?.textContent).toBe("l’intérêt général");
    expect(area.querySelectorAll(".clause-bullet")).toHaveLength(1);
    // Everything selected, « Gras » takes the bold off (part of it was bold), then undone: the model's text again.
    await fireEvent.keyDown(area, { key: "a", ctrlKey: true });
    await fireEvent.click(screen.getByTestId("clause-bold"));
    expect(value).toBe("Les valeurs de l’alliance\u00a0:\n- l’intérêt général\u00a0: avant tout\u00a0;");
    await fireEvent.keyDown(area, { key: "z", ctrlKey: true });
    expect(value).toBe(model);
  });

  it("marks the area invalid and links it to the message", () => {
    render(ClauseEditor, { id: "ed", label: "Texte", value: "x", invalid: true, describedBy: "err" });
    const area = screen.getByTestId("clause-text");
    expect(area).toHaveAttribute("aria-invalid", "true");
    expect(area.getAttribute("aria-describedby")).toBe("err ed-hint");
  });
});
