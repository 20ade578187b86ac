// « Registre » inside « Partenaires » (jsdom; the register's commands and the IPC mocked): the table is read when
// the tab opens, « Ajouter un acteur » opens a new actor's panel without a role (it has none until promoted), and
// an actor's panel shows its status, interactions and « Échanges ».
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onAnnouncement } from "$lib/announce";
import { catalogContext } from "$lib/catalog";
import type { FormDraftKey } from "$lib/api/bindings";
import { flushDrafts, loadKeptDrafts, setDraftStore } from "$lib/unsaved";
import type { RegisterActor } from "./api";
import { CATALOG } from "./fixture";

const api = vi.hoisted(() => ({
  actors: vi.fn(),
  interactions: vi.fn(),
  exchanges: vi.fn(),
  matrix: vi.fn(),
  moveActor: vi.fn(),
}));
vi.mock("./api", () => ({ registerApi: api }));
// The charts are CHARTS' and load ECharts: not drawn here.
vi.mock("./charts", () => ({
  ActorChart: () => undefined,
  chartModel: () => ({ actors: [], links: [], labels: {} }),
  noFilters: () => ({ hiddenCategories: [], hiddenStatuses: [] }),
  preloadCharts: vi.fn(),
}));
const charts = await import("./charts");

const { default: PartnersView } = await import("../PartnersView.svelte");
const { forgetTabs } = await import("./tabs");

function actor(id: string, name: string, status: "identified" | "engaged"): RegisterActor {
  return {
    actor: {
      id,
      allianceId: "a1",
      createdAt: "",
      updatedAt: "",
      draft: {
        organisation: { name, acronym: null },
        actorType: "association",
        role: "member",
        pipeline: { status },
        assessment: { category: "media", influence: 4, interest: 2, nuisance: 1 },
      },
    } as unknown as RegisterActor["actor"],
    quadrant: "keep_satisfied",
    allowedMoves: status === "engaged" ? ["retained", "dismissed"] : ["contacted", "in_discussion", "retained", "engaged", "dismissed"],
    isPartner: status === "engaged",
    canPromote: status !== "engaged",
  };
}

describe("the Registre tab", () => {
  beforeEach(() => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    mockIPC((cmd) => (cmd.endsWith("_list") ? [] : null));
    api.actors.mockResolvedValue([actor("x", "La Gazette", "identified"), actor("y", "Ville de Tours", "engaged")]);
    api.interactions.mockResolvedValue([]);
    api.exchanges.mockResolvedValue([]);
  });
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
    forgetTabs();
    vi.resetAllMocks();
  });

  async function openRegister() {
    render(PartnersView, { props: { alliance: { id: "a1", draft: { name: "Alliance" } } as never, onCountChanged: () => undefined }, context: catalogContext(CATALOG) });
    await fireEvent.click(screen.getByTestId("partner-tab-registre"));
    return screen.findAllByTestId("actor-row");
  }

  it("fetches the charts as soon as « Partenaires » opens, before « Carte » is clicked", () => {
    render(PartnersView, { props: { alliance: { id: "a1", draft: { name: "Alliance" } } as never, onCountChanged: () => undefined }, context: catalogContext(CATALOG) });
    expect(charts.preloadCharts).toHaveBeenCalledTimes(1);
  });

  it("reads every actor when it opens, with its quadrant", async () => {
    const rows = await openRegister();
    expect(api.actors).toHaveBeenCalledWith("a1");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain("Satisfaire");
  });

  it("opens a new actor's panel without a role, and an actor's panel with its register sections", async () => {
    await openRegister();
    await fireEvent.click(screen.getByTestId("add-actor"));
    const panel = await screen.findByTestId("partner-panel");
    expect(within(panel).getByRole("heading", { name: "Nouvel acteur" })).toBeTruthy();
    expect(within(panel).queryByTestId("partner-role")).toBeNull();
    expect(within(panel).getByTestId("actor-after-save")).toBeTruthy();
    expect(within(panel).queryByTestId("commitments-after-save")).toBeNull();
    await fireEvent.click(within(panel).getByTestId("partner-cancel"));

    await fireEvent.click(screen.getByRole("button", { name: "La Gazette" }));
    const opened = await screen.findByTestId("partner-panel");
    expect(within(opened).getByTestId("actor-status")).toBeTruthy();
    expect(within(opened).getByTestId("actor-links")).toBeTruthy();
    expect(within(opened).getByTestId("actor-log")).toBeTruthy();
    expect((within(opened).getByTestId("actor-category") as HTMLSelectElement).value).toBe("media");
    expect((within(opened).getByTestId("actor-influence") as HTMLSelectElement).value).toBe("4");
  });

  it("says an actor saved with its name quoted « » with no-break spaces", async () => {
    mockIPC((cmd, payload) => {
      if (cmd === "partner_update") {
        const args = payload as { id: string; draft: unknown };
        return { id: args.id, allianceId: "a1", createdAt: "", updatedAt: "", draft: args.draft };
      }
      return cmd.endsWith("_list") ? [] : null;
    });
    await openRegister();
    await fireEvent.click(screen.getByRole("button", { name: "La Gazette" }));
    const panel = await screen.findByTestId("partner-panel");
    await fireEvent.click(within(panel).getByTestId("partner-save"));
    await waitFor(() => expect(screen.getByTestId("actor-done").textContent).toBe("«\u00a0La Gazette\u00a0»\u00a0: acteur enregistré."));
  });

  it("shows a refused deletion next to « Supprimer » and announces it; the next action's error replaces it", async () => {
    const refusal = "«\u00a0La Gazette\u00a0» est partie au contrat «\u00a0Convention D\u00a0» (version\u00a01, en relecture)\u00a0: retirez-la d’abord.";
    mockIPC((cmd) => {
      if (cmd === "partner_delete") return Promise.reject({ code: "conflict", message: refusal, field: null, fieldErrors: [] });
      return cmd.endsWith("_list") ? [] : null;
    });
    const said: string[] = [];
    const stop = onAnnouncement((message) => said.push(message));
    await openRegister();
    await fireEvent.click(screen.getByRole("button", { name: "La Gazette" }));
    const panel = await screen.findByTestId("partner-panel");
    await fireEvent.click(within(panel).getByTestId("partner-delete"));
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    const shown = await within(panel).findByTestId("partner-delete-error");
    expect(shown.textContent).toBe(refusal);
    // Beside the footer's button, not at the top of the form out of sight.
    expect(within(panel).queryByTestId("partner-form-error")).toBeNull();
    expect(shown.previousElementSibling?.contains(within(panel).getByTestId("partner-delete"))).toBe(true);
    expect(said).toContain(refusal);
    stop();

    // A refused status move: its message only, the deletion's is gone.
    const moveRefusal = "Cet acteur ne peut pas passer à ce statut.";
    api.moveActor.mockRejectedValue({ code: "validation", message: moveRefusal, field: null, fieldErrors: [] });
    const select = within(panel).getByTestId("actor-status-select") as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: "contacted" } });
    await fireEvent.click(within(panel).getByTestId("actor-status-save"));
    expect((await within(panel).findByTestId("actor-status-error")).textContent).toBe(moveRefusal);
    expect(within(panel).queryByTestId("partner-delete-error")).toBeNull();

    // And a deletion started again clears the status section's message.
    await fireEvent.click(within(panel).getByTestId("partner-delete"));
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    await within(panel).findByTestId("partner-delete-error");
    expect(within(panel).queryByTestId("actor-status-error")).toBeNull();
  });

  it("keeps a new actor's input under its own draft key, apart from a new partner's", async () => {
    const kept: FormDraftKey[] = [];
    setDraftStore({ save: async (key) => kept.push(key), clear: async () => undefined, list: async () => [] });
    await openRegister();
    await fireEvent.click(screen.getByTestId("add-actor"));
    const panel = await screen.findByTestId("partner-panel");
    await fireEvent.input(within(panel).getByTestId("partner-name"), { target: { value: "Radio Val" } });
    await flushDrafts();
    expect(kept.map((key) => key.form)).toEqual(["actor:new"]);
  });

  it("reopens a kept new actor in the register, as an actor at « Identifié », from any tab", async () => {
    const content = JSON.stringify({ organisation: { name: "Radio Val" } });
    setDraftStore({
      save: async () => undefined,
      clear: async () => undefined,
      list: async () => [{ key: { allianceId: "a1", area: "partenaires", form: "actor:new" }, content, savedAt: "2026-11-30T23:00:00Z" }],
    });
    loadKeptDrafts();
    render(PartnersView, { props: { alliance: { id: "a1", draft: { name: "Alliance" } } as never, onCountChanged: () => undefined }, context: catalogContext(CATALOG) });
    const offers = await screen.findAllByTestId("draft-resume");
    // Offered once (the partners' list does not take it for a new partner).
    expect(offers).toHaveLength(1);
    expect(screen.getByText(/la fiche d’un nouvel acteur/)).toBeTruthy();
    await fireEvent.click(offers[0] as HTMLElement);
    const panel = await screen.findByTestId("partner-panel");
    expect(screen.getByTestId("partner-tab-registre").getAttribute("aria-selected")).toBe("true");
    expect(within(panel).getByRole("heading", { name: "Nouvel acteur" })).toBeTruthy();
    expect((within(panel).getByTestId("partner-name") as HTMLInputElement).value).toBe("Radio Val");
    expect(within(panel).queryByTestId("partner-role")).toBeNull();
  });
});
