// « Registre » (jsdom): the table of every actor, sorted by its headers (announced with aria-sort), filtered by
// category and status, and its empty state in the guide's words.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PartnerDraft } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { CATALOG, LABELS } from "./fixture";
import RegisterTable from "./RegisterTable.svelte";
import { toRow } from "./register";


function row(id: string, name: string, status: "identified" | "engaged" | "retained", category: PartnerDraft["assessment"], quadrant: "associate_closely" | "monitor" | null = null) {
  const draft = {
    organisation: { name },
    actorType: "association",
    role: "member",
    pipeline: { status },
    assessment: category,
  } as unknown as PartnerDraft;
  return toRow({ id, draft, quadrant }, LABELS);
}

const rows = [
  row("1", "Ville de Lyon", "engaged", { category: "local_authorities", influence: 5, interest: 4, nuisance: 3 }, "associate_closely"),
  row("2", "Le Progrès", "identified", { category: "media", influence: 2, interest: 1, nuisance: null }, "monitor"),
  row("3", "Collectif des habitants", "retained", null),
];

function show(list = rows, onOpen = vi.fn(), onAdd = vi.fn()) {
  render(RegisterTable, { props: { rows: list, labels: LABELS, onOpen, onAdd }, context: catalogContext(CATALOG) });
  return { onOpen, onAdd };
}

const names = () => screen.getAllByTestId("actor-row").map((tr) => within(tr).getByRole("button").textContent?.trim());

describe("RegisterTable", () => {
  afterEach(() => cleanup());

  it("lists every actor with its category, status, levels and quadrant", () => {
    show();
    const first = screen.getAllByTestId("actor-row")[0];
    if (first === undefined) throw new Error("no row");
    expect(first.textContent).toContain("Collectif des habitants");
    expect(first.textContent).toContain("Sans catégorie");
    expect(first.textContent).toContain("Retenu");
    expect(first.textContent).toContain("Non évalué");
    expect(screen.getByTestId("register-count").textContent?.trim()).toBe("3\u00a0acteurs");
  });

  it("sorts by a header, says so with aria-sort, and turns round on a second click", async () => {
    show();
    expect(names()).toEqual(["Collectif des habitants", "Le Progrès", "Ville de Lyon"]);
    const nameHeader = screen.getByTestId("register-sort-name").closest("th");
    expect(nameHeader?.getAttribute("aria-sort")).toBe("ascending");

    await fireEvent.click(screen.getByTestId("register-sort-influence"));
    expect(names()).toEqual(["Ville de Lyon", "Le Progrès", "Collectif des habitants"]);
    expect(screen.getByTestId("register-sort-influence").closest("th")?.getAttribute("aria-sort")).toBe("descending");
    expect(nameHeader?.getAttribute("aria-sort")).toBeNull();

    await fireEvent.click(screen.getByTestId("register-sort-influence"));
    expect(names()).toEqual(["Le Progrès", "Ville de Lyon", "Collectif des habitants"]);
  });

  it("filters by category and by status, and says how many are shown", async () => {
    show();
    await fireEvent.change(screen.getByTestId("register-filter-category"), { target: { value: "media" } });
    expect(names()).toEqual(["Le Progrès"]);
    expect(screen.getByTestId("register-count").textContent?.trim()).toBe("1 sur 3\u00a0acteurs");
    await fireEvent.change(screen.getByTestId("register-filter-category"), { target: { value: "none" } });
    expect(names()).toEqual(["Collectif des habitants"]);
    await fireEvent.change(screen.getByTestId("register-filter-category"), { target: { value: "" } });
    await fireEvent.change(screen.getByTestId("register-filter-status"), { target: { value: "engaged" } });
    expect(names()).toEqual(["Ville de Lyon"]);
    await fireEvent.change(screen.getByTestId("register-filter-status"), { target: { value: "dismissed" } });
    expect(screen.getByText("Aucun acteur ne correspond à ces filtres.")).toBeTruthy();
  });

  it("opens an actor from its name and adds one from the button", async () => {
    const { onOpen, onAdd } = show();
    await fireEvent.click(screen.getByRole("button", { name: "Le Progrès" }));
    expect(onOpen).toHaveBeenCalledWith("2");
    await fireEvent.click(screen.getByTestId("add-actor"));
    expect(onAdd).toHaveBeenCalledOnce();
  });

  it("explains the register in the guide's words while it is empty", async () => {
    const { onAdd } = show([]);
    const empty = screen.getByTestId("register-empty");
    expect(empty.textContent).toContain("Cartographier les acteurs du territoire");
    expect(empty.textContent).toContain("réduit progressivement le champ des possibles");
    await fireEvent.click(screen.getByTestId("add-first-actor"));
    expect(onAdd).toHaveBeenCalledOnce();
  });
});
