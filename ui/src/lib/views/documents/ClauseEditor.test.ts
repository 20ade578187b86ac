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
    const chips = [...area.querySelectorAll(".chip")].map((chip) => chip.textContent);
    expect(chips).toEqual([
      "[Nom de l’alliance]",
      "[Si [Territoire] est renseigné\u00a0: sur [Territoire]]",
      "[À compléter\u00a0: la date de la revue]",
      "[Numéro de l’article «\u00a0Suivi de la charte\u00a0»]",
    ]);
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
    expect(screen.getByTestId("clause-text").querySelector(".chip")?.textContent).toBe("[Objet]");
  });

  it("marks the area invalid and links it to the message", () => {
    render(ClauseEditor, { id: "ed", label: "Texte", value: "x", invalid: true, describedBy: "err" });
    const area = screen.getByTestId("clause-text");
    expect(area).toHaveAttribute("aria-invalid", "true");
    expect(area.getAttribute("aria-describedby")).toBe("err ed-hint");
  });
});
