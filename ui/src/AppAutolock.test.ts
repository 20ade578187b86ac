// The auto-lock as the window lives it, against mocked IPC: Rust's warning with « Je suis là », the forms' drafts
// written at the warning and kept through the lock, the place and the draft offered back after unlock.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Alliance, Catalog, FormDraft, FormDraftKey, VaultLocked, VaultLockSoon } from "$lib/api/bindings";
import { forgetPlace } from "$lib/state/place";
import App from "./App.svelte";
import { LATER_CATALOG_LISTS } from "./lib/api/catalog-fixture";

const catalog: Catalog = {
  actorTypes: [{ value: "association", label: "Association", help: null }],
  partnerRoles: [{ value: "member", label: "Membre", help: null }],
  allianceStatuses: [{ value: "active", label: "Active", help: null }],
  documentKinds: [{ value: "partnership_agreement", label: "Convention de partenariat", help: null }],
  documentStatuses: [{ value: "draft", label: "Brouillon", help: null }],
  legalForms: ["Association loi 1901"],
  contributionNatures: [],
  paymentScheduleKinds: [],
  publicFunderActorTypes: [],
  ...LATER_CATALOG_LISTS,
};

const now = "2026-11-30T10:00:00Z";
const alliances: Alliance[] = ["Alliance des Quais", "Alliance du Val"].map((name, index) => ({
  id: `a${index + 1}`,
  archived: false,
  partnerCount: 0,
  createdAt: now,
  updatedAt: now,
  draft: { name, purpose: null, territory: null, startDate: null, status: "active" },
}));

function fakeBackend() {
  const state = { unlocked: true, touches: 0, drafts: new Map<string, FormDraft>(), saves: [] as string[] };
  const settings = { autoLockMinutes: 10, backupKeep: 10, textScalePercent: 100 };
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    vault_status: () => ({ files: "present", unlocked: state.unlocked }),
    vault_unlock: () => {
      state.unlocked = true;
      return null;
    },
    vault_lock: () => {
      state.unlocked = false;
      return null;
    },
    vault_touch: () => {
      state.touches += 1;
      return null;
    },
    catalog: () => catalog,
    alliance_list: () => alliances,
    partner_list: () => [],
    document_list: () => [],
    settings_get: () => settings,
    settings_apply_text_scale: () => settings,
    draft_save: (args) => {
      if (!state.unlocked) return Promise.reject({ code: "vault_locked", message: "Le coffre est verrouillé.", field: null, fieldErrors: [] });
      const key = args["key"] as FormDraftKey;
      const content = String(args["content"]);
      state.saves.push(content);
      state.drafts.set(JSON.stringify(key), { key, content, savedAt: now });
      return null;
    },
    draft_list: () => [...state.drafts.values()],
    draft_clear: (args) => state.drafts.delete(JSON.stringify(args["key"])),
  };
  return { state, handlers };
}

describe("auto-lock in the window", () => {
  let backend: ReturnType<typeof fakeBackend>;

  beforeAll(() => {
    // jsdom has no matchMedia; the main frame asks it for its layout.
    window.matchMedia ??= (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  });

  beforeEach(() => {
    forgetPlace();
    backend = fakeBackend();
    mockWindows("main");
    mockIPC((cmd, payload) => backend.handlers[cmd]?.((payload ?? {}) as Record<string, unknown>) ?? null, {
      shouldMockEvents: true,
    });
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("warns before the lock in a polite live region; « Je suis là » counts as activity", async () => {
    render(App);
    await screen.findByTestId("alliance-title");
    expect(screen.getByTestId("lock-soon-region")).toHaveAttribute("aria-live", "polite");
    expect(screen.queryByTestId("lock-soon")).toBeNull();

    await emit("vault-lock-soon", { secondsLeft: 60, message: "Le coffre se verrouille dans une minute…" } satisfies VaultLockSoon);
    const banner = await screen.findByTestId("lock-soon");
    expect(banner).toHaveTextContent("Le coffre se verrouille dans une minute…");
    expect(screen.getByTestId("lock-soon-region")).toContainElement(banner);

    const before = backend.state.touches;
    await fireEvent.click(screen.getByTestId("lock-soon-here"));
    await waitFor(() => expect(backend.state.touches).toBeGreaterThan(before));
    expect(screen.queryByTestId("lock-soon")).toBeNull();
  });

  it("keeps a new partner's name through a lock, then brings back the place and offers the name", async () => {
    render(App);
    // Another alliance than the first, and « Partenaires »: the place to come back to.
    await fireEvent.click(await screen.findByText("Alliance du Val"));
    await fireEvent.click(await screen.findByTestId("nav-area-partenaires"));
    await fireEvent.click(await screen.findByTestId("add-partner"));
    const nameField = await screen.findByTestId("partner-name");
    nameField.focus();
    await fireEvent.input(nameField, { target: { value: "Recyclerie des Quokkas" } });

    // The warning writes the draft at once, without waiting for the typing pause.
    await emit("vault-lock-soon", { secondsLeft: 60, message: "Le coffre se verrouille dans une minute…" } satisfies VaultLockSoon);
    await waitFor(() => expect(backend.state.saves.some((content) => content.includes("Recyclerie des Quokkas"))).toBe(true));
    const [kept] = [...backend.state.drafts.values()];
    expect(kept?.key).toEqual({ allianceId: "a2", area: "partenaires", form: "partner:new" });

    // Rust locks: the form leaves the screen and its draft stays.
    backend.state.unlocked = false;
    await emit("vault-locked", { cause: "inactivity", message: "Allia a été verrouillé automatiquement." } satisfies VaultLocked);
    await fireEvent.input(await screen.findByTestId("unlock-passphrase"), { target: { value: "une phrase" } });
    expect(backend.state.drafts.size).toBe(1);
    await fireEvent.click(screen.getByTestId("unlock-submit"));

    // Back on the same alliance and area, with the offer.
    const offer = await screen.findByTestId("draft-banner");
    // It names the form and when it was typed, and has the focus: the first thing to answer.
    expect(offer).toHaveTextContent("Une saisie non enregistrée dans la fiche d\u2019un nouveau partenaire, tapée le 30 novembre 2026 à");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("draft-resume")));
    expect(screen.getByTestId("alliance-title")).toHaveTextContent("Alliance du Val");
    expect(screen.getByTestId("nav-area-partenaires")).toHaveAttribute("aria-current", "page");

    await fireEvent.click(screen.getByTestId("draft-resume"));
    expect(await screen.findByTestId("partner-name")).toHaveValue("Recyclerie des Quokkas");
    // Back in the field that was being typed in.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("partner-name")));
    expect(screen.queryByTestId("draft-banner")).toBeNull();
  });

  it("« Abandonner » deletes the kept draft", async () => {
    const key: FormDraftKey = { allianceId: "a1", area: "alliance", form: "alliance" };
    backend.state.drafts.set(JSON.stringify(key), { key, content: '{"name":"Nom pas enregistré"}', savedAt: now });
    render(App);
    await fireEvent.click(await screen.findByTestId("draft-abandon"));
    await waitFor(() => expect(backend.state.drafts.size).toBe(0));
    expect(screen.queryByTestId("draft-banner")).toBeNull();
    expect(screen.getByTestId("alliance-name")).toHaveValue("Alliance des Quais");
  });

  it("puts focus on the content after an unlock without a kept draft", async () => {
    backend.state.unlocked = false;
    render(App);
    await fireEvent.input(await screen.findByTestId("unlock-passphrase"), { target: { value: "une phrase" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));
    await screen.findByTestId("alliance-title");
    await waitFor(() => expect(document.activeElement?.id).toBe("main-content"));
  });

  it("puts the warning above an open side panel, takes the keyboard to « Je suis là » and gives it back", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-area-partenaires"));
    await fireEvent.click(await screen.findByTestId("add-partner"));
    const nameField = await screen.findByTestId("partner-name");
    nameField.focus();
    await emit("vault-lock-soon", { secondsLeft: 60, message: "Le coffre se verrouille dans une minute…" } satisfies VaultLockSoon);
    const here = await screen.findByTestId("lock-soon-here");
    await waitFor(() => expect(document.activeElement).toBe(here));
    // The panel's focus trap lets it stay there.
    here.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    expect(document.activeElement).toBe(here);
    await fireEvent.click(here);
    await waitFor(() => expect(screen.queryByTestId("lock-soon")).toBeNull());
    expect(screen.getByTestId("partner-panel")).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(nameField));
  });
});
