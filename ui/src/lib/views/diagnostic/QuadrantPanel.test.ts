import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { SwotItem, SwotQuadrant } from "$lib/api/bindings";
import QuadrantPanel from "./QuadrantPanel.svelte";

function item(id: string, quadrant: SwotQuadrant, position: number, importance = 2): SwotItem {
  return {
    id,
    allianceId: "a",
    createdAt: "2026-12-04T10:00:00Z",
    updatedAt: "2026-12-04T10:00:00Z",
    position,
    draft: { quadrant, text: `Élément ${id}`, importance },
  };
}

const quadrants = [
  { value: "strengths" as const, label: "Forces", help: "Expertise, moyens, réseau, légitimité." },
  { value: "weaknesses" as const, label: "Faiblesses", help: null },
  { value: "opportunities" as const, label: "Opportunités", help: null },
  { value: "threats" as const, label: "Menaces", help: null },
];
const importances = [
  { value: 1, label: "Secondaire", help: null },
  { value: 2, label: "Importante", help: null },
  { value: 3, label: "Majeure", help: null },
];

function setup(items: SwotItem[]) {
  const handlers = {
    onAdd: vi.fn(async () => true),
    onUpdate: vi.fn(async () => true),
    onMove: vi.fn(),
    onStep: vi.fn(),
    onDelete: vi.fn(),
    onPending: vi.fn(),
  };
  const view = render(QuadrantPanel, {
    quadrant: "strengths",
    label: "Forces",
    side: "Interne",
    hint: "Expertise, moyens, réseau, légitimité.",
    items,
    quadrants,
    importances,
    busy: false,
    errors: {},
    ...handlers,
  });
  return { ...handlers, view };
}

describe("a quadrant of the SWOT matrix", () => {
  it("gives screen readers the drag and drop instructions in French", () => {
    setup([item("a", "strengths", 0)]);
    expect(document.body.textContent).toContain("Allez jusqu’à la poignée d’un élément");
    expect(document.body.textContent).not.toContain("Tab to one of the items");
  });

  it("shows the guide's prompts only while empty", () => {
    setup([]);
    expect(screen.getByTestId("swot-strengths-hint")).toHaveTextContent("Expertise, moyens, réseau, légitimité.");
  });

  it("writes the importance in words and offers the other quadrants as destinations", () => {
    setup([item("x", "strengths", 0, 3)]);
    expect(screen.queryByTestId("swot-strengths-hint")).toBeNull();
    expect(screen.getByTestId("swot-item-importance")).toHaveTextContent("3 — Majeure");
    const options = Array.from(screen.getByTestId("swot-move-to").querySelectorAll("option"), (o) => o.textContent);
    expect(options).toEqual(["Déplacer vers…", "Faiblesses", "Opportunités", "Menaces"]);
  });

  it("moves with ↑ and ↓, disabled at the quadrant's edges", async () => {
    const { onStep } = setup([item("a", "strengths", 0), item("b", "strengths", 1)]);
    const ups = screen.getAllByTestId("swot-up");
    const downs = screen.getAllByTestId("swot-down");
    expect(ups[0]).toBeDisabled();
    expect(downs[1]).toBeDisabled();
    await fireEvent.click(ups[1]!);
    expect(onStep).toHaveBeenCalledWith("b", -1);
  });

  it("asks the vault to move a dropped item to where it landed", async () => {
    const { onMove } = setup([item("a", "strengths", 0), item("b", "strengths", 1)]);
    const zone = screen.getByRole("list", { name: "Forces" });
    const dropped = [item("b", "strengths", 1), item("a", "strengths", 0)];
    await fireEvent(zone, new CustomEvent("finalize", { detail: { items: dropped, info: { id: "b", trigger: "droppedIntoZone" } } }));
    expect(onMove).toHaveBeenCalledWith("b", "strengths", 0);
    // The zone the item left finalizes too: no move asked there.
    onMove.mockClear();
    await fireEvent(zone, new CustomEvent("finalize", { detail: { items: [item("a", "strengths", 0)], info: { id: "z" } } }));
    expect(onMove).not.toHaveBeenCalled();
  });

  it("moves to another quadrant, last there, from « Déplacer vers… »", async () => {
    const { onMove } = setup([item("a", "strengths", 0)]);
    await fireEvent.change(screen.getByTestId("swot-move-to"), { target: { value: "threats" } });
    expect(onMove).toHaveBeenCalledWith("a", "threats", Number.MAX_SAFE_INTEGER);
  });

  it("counts the characters near the cap instead of cutting the text silently", async () => {
    const { onAdd } = setup([]);
    const field = screen.getByTestId("swot-strengths-new") as HTMLInputElement;
    expect(field.hasAttribute("maxlength")).toBe(false);
    await fireEvent.input(field, { target: { value: "x".repeat(100) } });
    expect(screen.queryByTestId("swot-strengths-counter")).toBeNull();
    await fireEvent.input(field, { target: { value: "x".repeat(280) } });
    expect(screen.getByTestId("swot-strengths-counter").textContent).toBe("280\u202f/\u202f300");
    await fireEvent.input(field, { target: { value: "x".repeat(320) } });
    const counter = screen.getByTestId("swot-strengths-counter");
    expect(counter.textContent).toBe("320\u202f/\u202f300\u00a0: 20 de trop");
    expect(counter.classList.contains("over")).toBe(true);
    expect(field.getAttribute("aria-describedby")).toContain("swot-new-strengths-counter");
    // The whole text goes to the vault, which refuses it in French: nothing is cut on the way.
    await fireEvent.click(screen.getByTestId("swot-strengths-add"));
    expect(onAdd).toHaveBeenCalledWith({ quadrant: "strengths", text: "x".repeat(320), importance: expect.any(Number) });
  });
});
