// The criteria of the scoring matrix (jsdom, the vault's commands mocked): a criterion is added with its weight,
// renamed and reweighted, removed after confirmation; a weight that is not a whole number 0 to 100 is refused
// before the vault is called, and the vault's own message about a name is shown next to it.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "$lib/api/client";
import { catalogContext } from "$lib/catalog";
import type { ScoringCriterion } from "./api";
import { CATALOG } from "./fixture";

const api = vi.hoisted(() => ({ addCriterion: vi.fn(), updateCriterion: vi.fn(), removeCriterion: vi.fn() }));
vi.mock("./api", () => ({ registerApi: api }));

const { default: CriteriaEditor } = await import("./CriteriaEditor.svelte");

const criterion = (id: string, name: string, weight: number, position: number): ScoringCriterion => ({
  id,
  allianceId: "a1",
  position,
  createdAt: "",
  updatedAt: "",
  name,
  weight,
});
const criteria = [criterion("fit", "Compatibilité stratégique", 2, 0), criterion("roots", "Ancrage territorial", 1, 1)];

function show() {
  const onChanged = vi.fn();
  render(CriteriaEditor, { props: { allianceId: "a1", criteria, onChanged }, context: catalogContext(CATALOG) });
  return onChanged;
}

const inputs = (id: string) => screen.getAllByTestId(id) as HTMLInputElement[];

describe("CriteriaEditor", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("shows each criterion with its weight and share of the total", () => {
    show();
    expect(inputs("criterion-name").map((i) => i.value)).toEqual(["Compatibilité stratégique", "Ancrage territorial"]);
    expect(inputs("criterion-weight").map((i) => i.value)).toEqual(["2", "1"]);
    expect(screen.getAllByRole("row").map((r) => r.textContent)).toContainEqual(expect.stringContaining("67\u202f%"));
  });

  it("adds a criterion, and refuses a weight that is not 0 to 100 without calling the vault", async () => {
    api.addCriterion.mockResolvedValue(criteria);
    const onChanged = show();
    await fireEvent.input(screen.getByTestId("criterion-new-name"), { target: { value: "Capacité à mobiliser des bénévoles" } });
    await fireEvent.input(screen.getByTestId("criterion-new-weight"), { target: { value: "150" } });
    await fireEvent.click(screen.getByTestId("criterion-add"));
    expect(api.addCriterion).not.toHaveBeenCalled();
    expect(screen.getByTestId("criterion-new-error").textContent).toBe("Un poids va de 0 à 100\u00a0: un nombre entier.");
    // A decimal weight is refused the same way (not cut to its whole part), and what was typed stays.
    await fireEvent.input(screen.getByTestId("criterion-new-weight"), { target: { value: "2,5" } });
    await fireEvent.click(screen.getByTestId("criterion-add"));
    expect(api.addCriterion).not.toHaveBeenCalled();
    expect(screen.getByTestId("criterion-new-error").textContent).toBe("Un poids va de 0 à 100\u00a0: un nombre entier.");
    expect((screen.getByTestId("criterion-new-weight") as HTMLInputElement).value).toBe("2,5");
    await fireEvent.input(screen.getByTestId("criterion-new-weight"), { target: { value: "3" } });
    await fireEvent.click(screen.getByTestId("criterion-add"));
    expect(api.addCriterion).toHaveBeenCalledWith("a1", { name: "Capacité à mobiliser des bénévoles", weight: 3 });
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith("Critère «\u202fCapacité à mobiliser des bénévoles\u202f» ajouté."));
  });

  it("shows the vault's message about a name next to it", async () => {
    const message = "Un critère porte déjà ce nom.";
    api.addCriterion.mockRejectedValue(new ApiError("validation", message, "name", [{ field: "name", message }]));
    show();
    await fireEvent.input(screen.getByTestId("criterion-new-name"), { target: { value: "ancrage territorial" } });
    await fireEvent.click(screen.getByTestId("criterion-add"));
    expect((await screen.findByTestId("criterion-new-error")).textContent).toBe(message);
  });

  it("renames and reweights a criterion, and removes one after confirmation", async () => {
    api.updateCriterion.mockResolvedValue(criteria);
    api.removeCriterion.mockResolvedValue(criteria.slice(0, 1));
    const onChanged = show();
    const [, roots] = inputs("criterion-weight");
    if (roots === undefined) throw new Error("no weight");
    await fireEvent.input(roots, { target: { value: "0" } });
    const save = screen.getAllByTestId("criterion-save")[1];
    if (save === undefined) throw new Error("no save");
    await fireEvent.click(save);
    expect(api.updateCriterion).toHaveBeenCalledWith("roots", { name: "Ancrage territorial", weight: 0 });

    const remove = screen.getAllByTestId("criterion-remove")[1];
    if (remove === undefined) throw new Error("no remove");
    await fireEvent.click(remove);
    expect(api.removeCriterion).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    expect(api.removeCriterion).toHaveBeenCalledWith("roots");
    await waitFor(() => expect(onChanged).toHaveBeenLastCalledWith("Critère «\u202fAncrage territorial\u202f» retiré, avec ses notes."));
  });
});
