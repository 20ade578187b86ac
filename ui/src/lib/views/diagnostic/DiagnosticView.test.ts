// « Diagnostic » against a mocked IPC (jsdom): the PDF export shows where it was saved and, when the vault had to cut
// texts to hold the one A4 page, the warning it returned.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { Catalog } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { setDraftStore } from "$lib/unsaved";
import DiagnosticView from "./DiagnosticView.svelte";

const catalog = {
  swotQuadrants: [
    { value: "strengths", label: "Forces", help: null },
    { value: "weaknesses", label: "Faiblesses", help: null },
    { value: "opportunities", label: "Opportunités", help: null },
    { value: "threats", label: "Menaces", help: null },
  ],
  swotImportances: [
    { value: 1, label: "Secondaire", help: null },
    { value: 2, label: "Importante", help: null },
    { value: 3, label: "Majeure", help: null },
  ],
} as unknown as Catalog;

const alliance = { id: "a1", draft: { name: "Alliance" } } as never;

const cut =
  "le diagnostic ne tient pas sur une page A4, même en petits caractères\u00a0: dans le PDF, les textes de plus de 66\u00a0caractères sont coupés («\u00a0…\u00a0»). Raccourcissez les plus longs pour les imprimer en entier.";

function vault(warnings: string[]) {
  mockIPC((cmd) => {
    if (cmd === "diagnostic_get") return { needs: null, items: [] };
    if (cmd === "diagnostic_export_pdf") return { path: "/tmp/diagnostic.pdf", warnings };
    return null;
  });
}

describe("DiagnosticView export", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
  });

  it("shows the warning returned with a PDF whose texts were cut", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    vault([cut]);
    render(DiagnosticView, { props: { alliance }, context: catalogContext(catalog) });
    await fireEvent.click(await screen.findByTestId("diagnostic-export-pdf"));
    expect((await screen.findByTestId("diagnostic-exported")).textContent).toContain("/tmp/diagnostic.pdf");
    const warning = screen.getByTestId("diagnostic-export-warning");
    expect(warning.textContent).toBe(`À vérifier\u00a0: ${cut}`);
  });

  it("shows no warning for a PDF printed whole", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    vault([]);
    render(DiagnosticView, { props: { alliance }, context: catalogContext(catalog) });
    await fireEvent.click(await screen.findByTestId("diagnostic-export-pdf"));
    await screen.findByTestId("diagnostic-exported");
    expect(screen.queryByTestId("diagnostic-export-warning")).toBeNull();
  });
});
