// « Évaluation » against a mocked IPC (jsdom): the overview shows each indicator's status in words; opening an
// indicator shows its chart's words and measurements; adding a measurement sends it and reads the evaluation again,
// whose new status shows; deleting an indicator says how many measurements go with it.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { catalogContext } from "$lib/catalog";
import { loadKeptDrafts, setDraftStore } from "$lib/unsaved";
import EvaluationView from "./EvaluationView.svelte";
import { CATALOG, indicatorView, measurement, OBJECTIVES } from "./fixture";
import type { EvaluationOverview, IndicatorView } from "./types";

const alliance = { id: "a1", draft: { name: "Alliance" } } as never;
const catalog = CATALOG;

function overview(indicators: IndicatorView[]): EvaluationOverview {
  return { frame: { purposes: ["track"], questions: ["L’alliance atteint-elle ses objectifs ?"] }, indicators, gapAnalyses: [] };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let current: EvaluationOverview;

function vault(initial: EvaluationOverview, afterAdd: EvaluationOverview) {
  current = initial;
  calls = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "evaluation_overview") return current;
    if (cmd === "evaluation_summary") return { ...current, indicators: current.indicators.map((v) => ({ ...v, measurements: [], series: [] })) };
    if (cmd === "evaluation_indicator") {
      return current.indicators.find((v) => v.indicator.id === (args as { indicatorId: string }).indicatorId) ?? null;
    }
    if (cmd === "objectives_overview") return OBJECTIVES;
    if (cmd === "partner_list") return [];
    if (cmd === "evaluation_report_export") return `/tmp/rapport-evaluation.${(args as { format: string }).format}`;
    if (cmd === "measurement_add") {
      current = afterAdd;
      return { id: "m9", draft: (args as { draft: unknown }).draft };
    }
    return null;
  });
}

describe("EvaluationView", () => {
  beforeEach(() => setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] }));
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
  });

  it("shows every indicator's status in words, and what to do when there is none", async () => {
    vault(overview([indicatorView({}, [measurement("m1", "2025-06-01", 95000)]), indicatorView({ name: "Familles accompagnées" }, [], "i2")]), overview([]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    const rows = await screen.findAllByTestId("evaluation-overview-row");
    expect(rows.map((r) => within(r).getByTestId("indicator-status").textContent?.trim())).toEqual(["✓En bonne voie", "–Pas encore mesuré"]);
    expect(screen.getByTestId("evaluation-overview-counts").textContent).toContain("2\u00a0indicateurs");
    expect(screen.getByTestId("evaluation-status-rule").textContent).toContain("trajectoire");
    cleanup();
    vault(overview([]), overview([]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    expect((await screen.findByTestId("evaluation-overview-empty")).textContent).toContain("Ajouter un indicateur");
  });

  it("adds a measurement and shows the status the vault computes then", async () => {
    const before = indicatorView({}, []);
    const after = indicatorView({}, [measurement("m9", "2026-01-01", 90000)]);
    vault(overview([before]), overview([after]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    await fireEvent.click(await screen.findByTestId("evaluation-overview-open"));
    const detail = await screen.findByTestId("indicator-detail");
    expect(within(detail).getByTestId("indicator-detail-status").textContent).toContain("Pas encore mesuré");
    expect(screen.getByTestId("measurements-empty")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("measurement-value"), { target: { value: "90 000" } });
    await fireEvent.submit(screen.getByTestId("measurement-form"));
    await screen.findByTestId("measurement-row");
    const add = calls.find((c) => c.cmd === "measurement_add");
    expect(add?.args).toMatchObject({ allianceId: "a1", draft: { indicatorId: "i1", value: 90000 } });
    expect(screen.getByTestId("indicator-detail-status").textContent).toContain("En bonne voie");
    expect(screen.getByTestId("indicator-chart-summary").textContent).toContain("1\u00a0mesure");
    // The chart's code loads before the test ends (not after the environment is gone).
    await screen.findByTestId("indicator-chart", {}, { timeout: 10_000 });
  });

  it("says how many measurements go with a deleted indicator", async () => {
    const view = indicatorView({}, [measurement("m1", "2025-06-01", 95000), measurement("m2", "2025-07-01", 94000)]);
    vault(overview([view]), overview([view]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    await fireEvent.click(await screen.findByTestId("evaluation-overview-open"));
    await fireEvent.click(await screen.findByTestId("indicator-edit"));
    await fireEvent.click(await screen.findByTestId("indicator-delete"));
    expect((await screen.findByRole("alertdialog")).textContent).toContain("ses 2\u00a0mesures");
    await screen.findByTestId("indicator-chart", {}, { timeout: 10_000 });
  });

  it("offers back the purposes and questions kept over a lock, in « Démarche »", async () => {
    const kept = {
      key: { allianceId: "a1", area: "evaluation", form: "frame" },
      content: JSON.stringify({ purposes: ["prove"], questions: ["Les activités produisent-elles les effets attendus ?"], newQuestion: "" }),
      savedAt: "2026-12-01T08:00:00Z",
    };
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [kept] });
    loadKeptDrafts();
    vault(overview([]), overview([]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    // « Démarche » already on screen when the draft is taken back.
    const tab = await screen.findByTestId("evaluation-tab-demarche");
    await fireEvent.pointerDown(tab);
    await fireEvent.mouseDown(tab);
    await fireEvent.click(tab);
    expect(((await screen.findByTestId("evaluation-purpose-prove")) as HTMLInputElement).checked).toBe(false);
    await fireEvent.click(await screen.findByTestId("draft-resume"));
    const prove = (await screen.findByTestId("evaluation-purpose-prove")) as HTMLInputElement;
    expect(prove.checked).toBe(true);
    expect((screen.getByTestId("evaluation-purpose-track") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId("evaluation-question") as HTMLInputElement).value).toBe("Les activités produisent-elles les effets attendus ?");
  });

  it("says where the evaluation report was saved", async () => {
    vault(overview([indicatorView()]), overview([]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    await fireEvent.click(await screen.findByTestId("evaluation-report-export"));
    expect((await screen.findByTestId("evaluation-report-exported")).textContent).toBe(
      "Rapport d’évaluation enregistré\u00a0: /tmp/rapport-evaluation.pdf",
    );
    expect(calls.find((c) => c.cmd === "evaluation_report_export")?.args).toEqual({ allianceId: "a1", format: "pdf" });
  });

  it("exports the evaluation report for Word too", async () => {
    vault(overview([indicatorView()]), overview([]));
    render(EvaluationView, { props: { alliance }, context: catalogContext(catalog) });
    const word = await screen.findByTestId("evaluation-report-export-docx");
    expect(word.textContent?.trim()).toBe("Exporter le rapport d’évaluation (Word)");
    await fireEvent.click(word);
    expect((await screen.findByTestId("evaluation-report-exported")).textContent).toBe(
      "Rapport d’évaluation enregistré\u00a0: /tmp/rapport-evaluation.docx",
    );
    expect(calls.filter((c) => c.cmd === "evaluation_report_export").map((c) => c.args)).toEqual([{ allianceId: "a1", format: "docx" }]);
  });
});
