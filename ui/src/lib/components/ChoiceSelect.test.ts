import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ActorType, Choice } from "$lib/api/bindings";
import ChoiceSelect from "./ChoiceSelect.svelte";
import ChoiceSelectHarness from "./test/ChoiceSelectHarness.svelte";

const actorTypes: Choice<ActorType>[] = [
  { value: "association", label: "Association", help: null },
  { value: "company", label: "Entreprise", help: "Ressources financières ou humaines." },
];

describe("ChoiceSelect", () => {
  it("lists a closed list by its French labels, the value as the option's value", () => {
    render(ChoiceSelect, { id: "role", testid: "partner-actorType", choices: actorTypes, value: "company" });
    const select = screen.getByTestId("partner-actorType");
    expect(select).toHaveAttribute("id", "role");
    expect(select).toHaveClass("select");
    expect([...select.querySelectorAll("option")].map((option) => [option.value, option.textContent])).toEqual([
      ["association", "Association"],
      ["company", "Entreprise"],
    ]);
    expect(select).toHaveValue("company");
    // Outside a Field nothing describes it.
    expect(select).not.toHaveAttribute("aria-describedby");
    expect(select).not.toHaveAttribute("aria-invalid");
  });

  it("offers a first option choosing nothing, binds the choice and tells onchange", async () => {
    const onchange = vi.fn();
    render(ChoiceSelectHarness, { choices: actorTypes, none: "Tous les types", onchange });
    const select = screen.getByLabelText("Type d’acteur");
    expect(select.querySelector("option")).toHaveTextContent("Tous les types");
    expect(select).toHaveValue("");
    expect(select).toHaveAttribute("aria-describedby", "actor-hint");
    expect(select).toHaveAttribute("aria-invalid", "false");
    await fireEvent.change(select, { target: { value: "company" } });
    expect(screen.getByTestId("chosen")).toHaveTextContent("company");
    expect(onchange).toHaveBeenCalledOnce();
  });
});
