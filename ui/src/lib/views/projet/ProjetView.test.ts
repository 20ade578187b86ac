// « Projet » against a mocked IPC (jsdom): the empty state says what to do, the texts reach the vault as typed (empty
// ones as null), a figure is sent with its value as typed and shown back the French way from the vault's canonical
// decimal, a figure's field errors show next to their fields, a move sends the new order, and a deletion asks first.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { Catalog, DossierFigure, FigureDraft } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { loadKeptDrafts, setDraftStore } from "$lib/unsaved";
import ProjetView from "./ProjetView.svelte";

const catalog = {
  figureSourceKinds: [
    { value: "insee", label: "INSEE", help: "Nommez la publication." },
    { value: "open_data", label: "Données ouvertes", help: null },
    { value: "own_survey", label: "Enquête propre", help: null },
    { value: "other", label: "Autre", help: null },
  ],
} as unknown as Catalog;

const alliance = { id: "a1", draft: { name: "Alliance" } } as never;

function stored(id: string, position: number, draft: FigureDraft): DossierFigure {
  return { id, allianceId: "a1", position, createdAt: "2026-12-04T10:00:00Z", updatedAt: "2026-12-04T10:00:00Z", draft };
}

/** A fake vault: canonical decimals for « 1 250,5 »-like input, a French error for a value that is not a number. */
function vault(initial: DossierFigure[] = []) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  let figures = [...initial];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === "dossier_get") return { dossier: null, figures };
    if (cmd === "dossier_save_texts") {
      return { id: "d1", allianceId: "a1", createdAt: "2026-12-04T10:00:00Z", updatedAt: "2026-12-04T10:00:00Z", texts: args.texts };
    }
    if (cmd === "dossier_figure_add") {
      const draft = args.draft as FigureDraft;
      if (!/^[\d\s\u202f,]+$/.test(draft.value)) {
        throw {
          code: "validation",
          message: "«\u00a0beaucoup\u00a0» n’est pas un nombre.",
          field: "value",
          fieldErrors: [{ field: "value", message: "«\u00a0beaucoup\u00a0» n’est pas un nombre." }],
        };
      }
      const value = draft.value.replace(/[\s\u202f]/g, "").replace(",", ".");
      const added = stored(`f${figures.length + 1}`, figures.length, { ...draft, value });
      figures = [...figures, added];
      return added;
    }
    if (cmd === "dossier_figures_reorder") {
      const ids = args.figureIds as string[];
      figures = ids.map((id, position) => ({ ...figures.find((f) => f.id === id)!, position }));
      return figures;
    }
    if (cmd === "dossier_export_pdf") return "/tmp/dossier.pdf";
    if (cmd === "dossier_figure_delete") {
      figures = figures.filter((f) => f.id !== args.figureId);
      return null;
    }
    return null;
  });
  return calls;
}

const insee: FigureDraft = {
  label: "Habitants",
  value: "23480",
  unit: "habitants",
  year: 2021,
  sourceKind: "insee",
  source: "Recensement",
  link: null,
};

describe("ProjetView", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
  });

  it("says what to do when empty, saves the texts and adds a figure typed the French way", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    render(ProjetView, { props: { alliance }, context: catalogContext(catalog) });
    expect((await screen.findByTestId("dossier-empty")).textContent).toContain("besoin social");
    expect(screen.getByTestId("figures-empty").textContent).toContain("Ajouter un chiffre clé");

    await fireEvent.input(screen.getByTestId("dossier-social-need"), { target: { value: "Des familles isolées." } });
    await fireEvent.click(screen.getByTestId("dossier-save"));
    await screen.findByTestId("dossier-saved");
    expect(calls.find((c) => c.cmd === "dossier_save_texts")?.args.texts).toEqual({
      socialNeed: "Des familles isolées.",
      collectiveResponse: null,
      argument: null,
      keyActors: null,
    });

    await fireEvent.click(screen.getByTestId("figure-add"));
    await fireEvent.input(screen.getByTestId("figure-new-label"), { target: { value: "Familles suivies" } });
    await fireEvent.input(screen.getByTestId("figure-new-value"), { target: { value: "1 250,5" } });
    await fireEvent.input(screen.getByTestId("figure-new-unit"), { target: { value: "familles" } });
    await fireEvent.input(screen.getByTestId("figure-new-year"), { target: { value: "2025" } });
    await fireEvent.input(screen.getByTestId("figure-new-source"), { target: { value: "Notre questionnaire" } });
    // No type of source is preselected: sent without one, the form says so and nothing reaches the vault.
    expect((screen.getByTestId("figure-new-source-kind") as HTMLSelectElement).value).toBe("");
    await fireEvent.click(screen.getByTestId("figure-new-submit"));
    expect((await screen.findByTestId("error-sourceKind")).textContent).toContain("Choisissez le type de source");
    expect(calls.some((c) => c.cmd === "dossier_figure_add")).toBe(false);
    await fireEvent.change(screen.getByTestId("figure-new-source-kind"), { target: { value: "own_survey" } });
    await fireEvent.click(screen.getByTestId("figure-new-submit"));
    await waitFor(() => expect(screen.getAllByTestId("figure-row")).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "dossier_figure_add")?.args.draft).toMatchObject({
      value: "1 250,5",
      year: 2025,
      unit: "familles",
      link: null,
      sourceKind: "own_survey",
    });
    expect(screen.getByTestId("figure-value").textContent).toBe("1\u202f250,5 familles");
    expect(screen.queryByTestId("figure-new-form")).toBeNull();
  });

  it("shows a figure's error next to its field and keeps the form", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    vault();
    render(ProjetView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("figure-add");
    await fireEvent.click(screen.getByTestId("figure-add"));
    await fireEvent.input(screen.getByTestId("figure-new-value"), { target: { value: "beaucoup" } });
    await fireEvent.change(screen.getByTestId("figure-new-source-kind"), { target: { value: "insee" } });
    await fireEvent.click(screen.getByTestId("figure-new-submit"));
    expect((await screen.findByTestId("error-value")).textContent).toContain("n’est pas un nombre");
    expect(screen.getByTestId("figure-new-form")).toBeInTheDocument();
  });

  it("moves a figure down and deletes one after confirmation", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault([stored("f1", 0, insee), stored("f2", 1, { ...insee, label: "Pauvreté", value: "38.5", unit: "%" })]);
    render(ProjetView, { props: { alliance }, context: catalogContext(catalog) });
    await waitFor(() => expect(screen.getAllByTestId("figure-row")).toHaveLength(2));
    expect(screen.getAllByTestId("figure-value").map((e) => e.textContent)).toEqual(["23\u202f480 habitants", "38,5\u202f%"]);

    await fireEvent.click(screen.getAllByTestId("figure-down")[0]!);
    await waitFor(() => expect(screen.getAllByTestId("figure-value")[0]!.textContent).toBe("38,5\u202f%"));
    expect(calls.find((c) => c.cmd === "dossier_figures_reorder")?.args.figureIds).toEqual(["f2", "f1"]);

    await fireEvent.click(screen.getAllByTestId("figure-delete")[0]!);
    expect(calls.some((c) => c.cmd === "dossier_figure_delete")).toBe(false);
    await fireEvent.click(await screen.findByTestId("figure-delete-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("figure-row")).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "dossier_figure_delete")?.args.figureId).toBe("f2");
  });

  it("offers back a figure typed before the lock, in its form", async () => {
    const content = JSON.stringify({
      editingId: null,
      form: { label: "Places en crèche", value: "24,8", unit: "", year: "2023", sourceKind: "open_data", source: "CAF", link: "" },
    });
    setDraftStore({
      save: async () => undefined,
      clear: async () => undefined,
      list: async () => [
        { key: { allianceId: "a1", area: "projet", form: "figure" }, content, savedAt: "2026-12-04T10:00:00Z" },
      ],
    });
    loadKeptDrafts();
    vault();
    render(ProjetView, { props: { alliance }, context: catalogContext(catalog) });
    const banner = await screen.findByTestId("draft-banner");
    expect(banner.textContent).toContain("Chiffre clé");
    await fireEvent.click(screen.getByTestId("draft-resume"));
    await waitFor(() => expect((screen.getByTestId("figure-new-value") as HTMLInputElement).value).toBe("24,8"));
    expect((screen.getByTestId("figure-new-source-kind") as HTMLSelectElement).value).toBe("open_data");
  });

  it("asks before exporting an empty dossier, and exports once confirmed", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    render(ProjetView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("dossier-empty");
    await fireEvent.click(screen.getByTestId("dossier-export-pdf"));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Exporter un dossier vide\u202f?");
    expect(dialog.textContent).toContain("Rien n’est encore rédigé ni chiffré");
    expect(calls.some((c) => c.cmd === "dossier_export_pdf")).toBe(false);
    await fireEvent.click(screen.getByTestId("dossier-export-confirm"));
    expect((await screen.findByTestId("dossier-exported")).textContent).toContain("/tmp/dossier.pdf");
    expect(calls.filter((c) => c.cmd === "dossier_export_pdf")).toHaveLength(1);
  });
});
