// « Évaluation »'s CSV exchange against a mocked IPC (jsdom): an export says where the file went; a file with a bad
// line lists « Ligne 4, colonne « Date » : … », says nothing was imported and offers no import; a good file offers
// « Importer 2 mesures », asks first, imports, says how many and tells the view to read the evaluation again.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MeasurementsCsvPreview, MeasurementPreviewRow } from "$lib/api/bindings";
import CsvExchange, { ignoredColumnsText, lineErrorText } from "./CsvExchange.svelte";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

function row(line: number, patch: Partial<MeasurementPreviewRow> = {}): MeasurementPreviewRow {
  return {
    line,
    indicator: "Bénévoles formés",
    unit: "personnes",
    date: "15/01/2026",
    value: "12",
    numerator: "",
    denominator: "",
    comment: "",
    source: "",
    hasError: false,
    alreadyRecorded: false,
    ...patch,
  };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];

function vault(preview: MeasurementsCsvPreview | null, exportPath: string | null = "/tmp/mesures-alliance.csv") {
  calls = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "evaluation_csv_export") return exportPath;
    if (cmd === "evaluation_csv_preview") return preview;
    if (cmd === "evaluation_csv_import") return preview?.importable ?? 0;
    return null;
  });
}

describe("CsvExchange", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("exports the measurements or the indicators and says where they went", async () => {
    vault(null);
    render(CsvExchange, { props: { allianceId: "a1", onImported: () => undefined } });
    await fireEvent.click(screen.getByRole("button", { name: "Exporter les mesures (CSV)" }));
    expect((await screen.findByTestId("csv-exported")).textContent).toBe(`Mesures enregistrées${NBSP}: /tmp/mesures-alliance.csv`);
    expect(calls.find((c) => c.cmd === "evaluation_csv_export")?.args).toEqual({ allianceId: "a1", which: "measurements" });
    await fireEvent.click(screen.getByRole("button", { name: "Exporter les indicateurs (CSV)" }));
    await waitFor(() => expect(screen.getByTestId("csv-exported").textContent).toContain("Indicateurs enregistrés"));
    expect(calls.filter((c) => c.cmd === "evaluation_csv_export").map((c) => c.args.which)).toEqual(["measurements", "indicators"]);
  });

  it("says nothing when the save dialog is cancelled", async () => {
    vault(null, null);
    render(CsvExchange, { props: { allianceId: "a1", onImported: () => undefined } });
    await fireEvent.click(screen.getByTestId("csv-export-measurements"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "evaluation_csv_export")).toBe(true));
    expect(screen.queryByTestId("csv-exported")).toBeNull();
  });

  it("lists a bad file's errors by line and column, and imports nothing", async () => {
    const preview: MeasurementsCsvPreview = {
      fileName: "mesures.csv",
      rows: [row(2), row(3, { date: "31/02/2026", hasError: true }), row(4, { value: "douze", hasError: true })],
      errors: [
        { line: 3, column: "Date", message: `«${NBSP}31/02/2026${NBSP}»${NBSP}: ce jour n’existe pas.` },
        { line: 4, column: null, message: "Cette ligne a 5 cellules, la première ligne en nomme 9." },
      ],
      importable: 0,
      alreadyRecorded: 0,
      ignoredColumns: [],
    };
    vault(preview);
    const onImported = vi.fn();
    render(CsvExchange, { props: { allianceId: "a1", onImported } });
    await fireEvent.click(screen.getByRole("button", { name: "Importer des mesures (CSV)" }));
    const errors = await screen.findByTestId("csv-errors");
    expect(within(errors).getAllByTestId("csv-error").map((e) => e.textContent)).toEqual([
      `Ligne 3, colonne «${NNBSP}Date${NNBSP}»${NBSP}: «${NBSP}31/02/2026${NBSP}»${NBSP}: ce jour n’existe pas.`,
      `Ligne 4${NBSP}: Cette ligne a 5 cellules, la première ligne en nomme 9.`,
    ]);
    expect(within(errors).getByTestId("csv-nothing-imported").textContent).toBe("Aucune mesure n’a été importée.");
    expect(errors.textContent).toContain(`2${NBSP}erreurs`);
    expect(screen.queryByTestId("csv-import-confirm")).toBeNull();
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Ligne",
      "Indicateur",
      "Date",
      "Valeur",
      "Commentaire",
    ]);
    const marked = within(table)
      .getAllByTestId("csv-preview-row")
      .map((r) => within(r).getByRole("rowheader").textContent?.replace(/\s+/g, " ").trim());
    expect(marked).toEqual(["2", "3 ⚠ (erreur)", "4 ⚠ (erreur)"]);
    expect(calls.some((c) => c.cmd === "evaluation_csv_import")).toBe(false);
    expect(onImported).not.toHaveBeenCalled();
  });

  it("imports a good file after asking, then says how many and lets the view read again", async () => {
    const preview: MeasurementsCsvPreview = {
      fileName: "mesures.csv",
      rows: [
        row(2),
        row(3, { indicator: "Taux de retour", numerator: "3", denominator: "4", value: "75" }),
        row(4, { alreadyRecorded: true }),
      ],
      errors: [],
      importable: 2,
      alreadyRecorded: 1,
      ignoredColumns: [],
    };
    vault(preview);
    const onImported = vi.fn();
    render(CsvExchange, { props: { allianceId: "a1", onImported } });
    await fireEvent.click(screen.getByTestId("csv-import-choose"));
    const confirm = await screen.findByRole("button", { name: `Importer 2${NBSP}mesures` });
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toContain("Dénominateur");
    expect(screen.queryByTestId("csv-errors")).toBeNull();
    expect(screen.getByTestId("csv-already-recorded").textContent?.replace(/\s+/g, " ").trim()).toBe(
      "1 ligne déjà enregistrée dans l’alliance sera laissée de côté.",
    );
    await fireEvent.click(confirm);
    expect(calls.some((c) => c.cmd === "evaluation_csv_import")).toBe(false);
    await fireEvent.click(await screen.findByTestId("csv-import-go"));
    expect((await screen.findByTestId("csv-imported")).textContent?.trim()).toBe(`2${NBSP}mesures importées.`);
    expect(calls.find((c) => c.cmd === "evaluation_csv_import")?.args).toEqual({ allianceId: "a1" });
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("csv-preview")).toBeNull();
  });

  it("offers nothing to import when every line is already recorded", async () => {
    vault({ fileName: "mesures.csv", rows: [row(2, { alreadyRecorded: true })], errors: [], importable: 0, alreadyRecorded: 1, ignoredColumns: [] });
    render(CsvExchange, { props: { allianceId: "a1", onImported: () => undefined } });
    await fireEvent.click(screen.getByTestId("csv-import-choose"));
    expect((await screen.findByTestId("csv-nothing-new")).textContent?.trim()).toBe(
      `Aucune nouvelle mesure${NBSP}: toutes celles de ce fichier sont déjà enregistrées.`,
    );
    expect(screen.getByRole("rowheader").textContent?.replace(/\s+/g, " ").trim()).toBe("2 (déjà enregistrée)");
    expect(screen.queryByTestId("csv-import-confirm")).toBeNull();
  });

  it("names the columns the file has and the import ignores, above the preview", async () => {
    vault({
      fileName: "mesures.csv",
      rows: [row(2)],
      errors: [],
      importable: 1,
      alreadyRecorded: 0,
      ignoredColumns: ["Notes"],
    });
    render(CsvExchange, { props: { allianceId: "a1", onImported: () => undefined } });
    await fireEvent.click(screen.getByTestId("csv-import-choose"));
    const notice = await screen.findByTestId("csv-ignored-columns");
    expect(notice.textContent).toBe(`Colonne ignorée${NBSP}: Notes.`);
    // Above the preview table, and the file still imports.
    const table = screen.getByTestId("csv-preview-table");
    expect(notice.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole("button", { name: `Importer 1${NBSP}mesure` })).toBeTruthy();
    expect(ignoredColumnsText(["Notes", "Remarques"])).toBe(`Colonnes ignorées${NBSP}: Notes, Remarques.`);
  });

  it("says nothing about columns when every one is known", async () => {
    vault({ fileName: "mesures.csv", rows: [row(2)], errors: [], importable: 1, alreadyRecorded: 0, ignoredColumns: [] });
    render(CsvExchange, { props: { allianceId: "a1", onImported: () => undefined } });
    await fireEvent.click(screen.getByTestId("csv-import-choose"));
    await screen.findByTestId("csv-preview-table");
    expect(screen.queryByTestId("csv-ignored-columns")).toBeNull();
  });

  it("writes a line's place the French way", () => {
    expect(lineErrorText({ line: 7, column: "Valeur", message: "x" })).toBe(`Ligne 7, colonne «${NNBSP}Valeur${NNBSP}»${NBSP}: x`);
  });
});
