// « Sélection » (jsdom, the vault's register commands mocked): the matrix shows the criteria with their weights,
// the scores typed are saved and the ranking comes back from the vault with its ties « ex æquo »; missing scores
// show the vault's French message; the arrows move between cells; « Retenir » shortlists a candidate.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { catalogContext } from "$lib/catalog";
import type { ScoringMatrix } from "./api";
import { CATALOG } from "./fixture";

const api = vi.hoisted(() => ({
  matrix: vi.fn(),
  setScore: vi.fn(),
  clearScore: vi.fn(),
  moveActor: vi.fn(),
  actors: vi.fn(),
  interactions: vi.fn(),
}));
vi.mock("./api", () => ({ registerApi: api }));

const { default: SelectionTab } = await import("./SelectionTab.svelte");
const { RegisterState } = await import("./registerState.svelte");

const criterion = (id: string, name: string, weight: number, position: number) => ({
  id,
  allianceId: "a1",
  position,
  createdAt: "",
  updatedAt: "",
  name,
  weight,
});

const criteria = [criterion("fit", "Compatibilité stratégique", 2, 0), criterion("roots", "Ancrage territorial", 1, 1)];

const incomplete: ScoringMatrix = {
  criteria,
  candidates: [
    { id: "x", name: "Mission locale", scores: { fit: 4, roots: 3 } },
    { id: "y", name: "Régie de quartier", scores: { fit: 4 } },
  ],
  ranking: [],
  rankingErrors: [{ field: "scores.y.roots", message: "Il manque la note de «\u00a0Régie de quartier\u00a0» pour «\u00a0Ancrage territorial\u00a0»." }],
  shortlist: [],
};

const ranked: ScoringMatrix = {
  ...incomplete,
  candidates: [
    { id: "x", name: "Mission locale", scores: { fit: 4, roots: 3 } },
    { id: "y", name: "Régie de quartier", scores: { fit: 4, roots: 3 } },
  ],
  ranking: [
    { id: "x", name: "Mission locale", scoreX100: 7333, rank: 1, tied: true },
    { id: "y", name: "Régie de quartier", scoreX100: 7333, rank: 1, tied: true },
  ],
  rankingErrors: [],
};

function show() {
  const register = new RegisterState("a1");
  const onOpen = vi.fn();
  render(SelectionTab, { props: { register, onOpen }, context: catalogContext(CATALOG) });
  return { register, onOpen };
}

const cells = () => screen.getAllByTestId("score-cell") as HTMLInputElement[];

describe("SelectionTab", () => {
  beforeEach(() => {
    api.setScore.mockResolvedValue(undefined);
    api.clearScore.mockResolvedValue(undefined);
  });
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("shows the criteria with their weights and the vault's message while a score is missing", async () => {
    api.matrix.mockResolvedValue(incomplete);
    show();
    await screen.findByTestId("scoring-matrix");
    const headers = screen.getAllByRole("columnheader").map((th) => th.textContent?.replace(/\s+/g, " ").trim());
    expect(headers).toContain("Compatibilité stratégique poids 2");
    expect(cells().map((cell) => cell.value)).toEqual(["4", "3", "4", ""]);
    expect(cells()[3]?.closest("td")?.classList.contains("absent")).toBe(true);
    expect(screen.getByTestId("ranking-message").textContent).toContain("Il manque la note de «\u00a0Régie de quartier\u00a0» pour «\u00a0Ancrage territorial\u00a0».");
    expect(screen.queryByTestId("ranking")).toBeNull();
  });

  it("saves a typed score and shows the ranking that comes back, ties « ex æquo »", async () => {
    api.matrix.mockResolvedValueOnce(incomplete).mockResolvedValueOnce(ranked);
    show();
    await screen.findByTestId("scoring-matrix");
    const cell = cells()[3];
    if (cell === undefined) throw new Error("no cell");
    cell.value = "3";
    await fireEvent.change(cell);
    expect(api.setScore).toHaveBeenCalledWith("y", "roots", 3);
    const lines = await screen.findAllByTestId("ranking-line");
    expect(lines.map((line) => line.textContent?.replace(/[ \n\t]+/g, " ").trim())).toEqual([
      "1er ex æquo Mission locale 73,33\u00a0/\u00a0100",
      "1er ex æquo Régie de quartier 73,33\u00a0/\u00a0100",
    ]);
    expect(screen.getAllByTestId("matrix-rank").map((td) => td.textContent)).toEqual(["1er ex æquo", "1er ex æquo"]);
  });

  it("refuses a cell that is not 0 to 5 without calling the vault, and clears a score emptied", async () => {
    api.matrix.mockResolvedValue(incomplete);
    show();
    await screen.findByTestId("scoring-matrix");
    const [first] = cells();
    if (first === undefined) throw new Error("no cell");
    first.value = "7";
    await fireEvent.change(first);
    expect(api.setScore).not.toHaveBeenCalled();
    expect(first.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("score-range-error").textContent).toBe("Une note va de 0 à 5\u00a0: un chiffre entier.");
    first.value = "";
    await fireEvent.change(first);
    expect(api.clearScore).toHaveBeenCalledWith("x", "fit");
  });

  it("refuses a decimal score « 2,5 » like 7 or « abc », keeping what was typed (no length cut)", async () => {
    api.matrix.mockResolvedValue(incomplete);
    show();
    await screen.findByTestId("scoring-matrix");
    const [first] = cells();
    if (first === undefined) throw new Error("no cell");
    // A maxlength of 1 made the browser keep « 2 » of « 2,5 »: the cell must let the whole text in.
    expect(first.maxLength === -1 || first.maxLength >= 3).toBe(true);
    for (const wrong of ["2,5", "abc", "7"]) {
      first.value = wrong;
      await fireEvent.change(first);
      expect(api.setScore).not.toHaveBeenCalled();
      expect(first.value).toBe(wrong);
      expect(screen.getByTestId("score-range-error").textContent).toBe("Une note va de 0 à 5\u00a0: un chiffre entier.");
    }
  });

  it("moves between cells with the arrows and Entrée", async () => {
    api.matrix.mockResolvedValue(incomplete);
    show();
    await screen.findByTestId("scoring-matrix");
    const [a, b, c] = cells();
    if (a === undefined || b === undefined || c === undefined) throw new Error("no cells");
    a.focus();
    await fireEvent.keyDown(a, { key: "ArrowRight" });
    expect(document.activeElement).toBe(b);
    await fireEvent.keyDown(b, { key: "Enter" });
    expect(document.activeElement).toBe(cells()[3]);
    await fireEvent.keyDown(b, { key: "ArrowLeft" });
    expect(document.activeElement).toBe(a);
    await fireEvent.keyDown(a, { key: "ArrowDown" });
    expect(document.activeElement).toBe(c);
  });

  it("shortlists a candidate with « Retenir »", async () => {
    api.matrix.mockResolvedValueOnce(ranked).mockResolvedValue({ ...ranked, shortlist: ["y"] });
    api.moveActor.mockResolvedValue({ actor: { id: "y", draft: { organisation: { name: "Régie de quartier" }, pipeline: { status: "retained" } } }, quadrant: null, allowedMoves: [], isPartner: false, canPromote: true });
    const { register } = show();
    await screen.findByTestId("scoring-matrix");
    const [, second] = screen.getAllByTestId("matrix-retain");
    if (second === undefined) throw new Error("no button");
    expect(second.getAttribute("aria-label")).toBe("Retenir «\u202fRégie de quartier\u202f»");
    await fireEvent.click(second);
    expect(api.moveActor).toHaveBeenCalledWith("y", "retained", null);
    await waitFor(() => expect(screen.getAllByTestId("matrix-retain")).toHaveLength(1));
    expect(register.find("y")?.actor.draft.pipeline?.status).toBe("retained");
    expect(screen.getByTestId("selection-done").textContent).toContain("Régie de quartier");
  });

  it("shows the vault's message when every weight is 0", async () => {
    const message = "Tous les critères ont un poids nul\u00a0: donnez un poids d’au moins 1 à l’un d’eux pour classer les candidats.";
    api.matrix.mockResolvedValue({ ...incomplete, rankingErrors: [{ field: "criteria", message }] });
    show();
    expect((await screen.findByTestId("ranking-message")).textContent).toBe(message);
  });
});
