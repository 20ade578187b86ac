// The tabs of « Partenaires » (jsdom, mocked IPC): proper ARIA tabs, moved through with the arrow keys, and the tab
// chosen is the one a later visit opens on, while the app runs.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { catalogContext } from "$lib/catalog";
import { setDraftStore } from "$lib/unsaved";
import PartnersView from "../PartnersView.svelte";
import { CATALOG } from "./fixture";
import { forgetTabs } from "./tabs";

const alliance = { id: "a1", draft: { name: "Alliance" } } as never;

/** The tab at `index`, failing the test when it is missing. */
function tabAt(index: number): HTMLElement {
  const tab = screen.getAllByRole("tab")[index];
  if (tab === undefined) throw new Error(`no tab ${index}`);
  return tab;
}

function show() {
  return render(PartnersView, { props: { alliance, onCountChanged: () => undefined }, context: catalogContext(CATALOG) });
}

describe("Partenaires tabs", () => {
  beforeEach(() => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    mockIPC((cmd) => (cmd.endsWith("_list") ? [] : null));
  });
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
    forgetTabs();
  });

  it("are ARIA tabs in the guide's order, today's partners first", () => {
    show();
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(["Partenaires", "Registre", "Carte", "Réseau", "Sélection"]);
    expect(screen.getByRole("tablist").getAttribute("aria-label")).toBe("Vues des partenaires et des acteurs");
    expect(tabAt(0).getAttribute("aria-selected")).toBe("true");
    const panel = screen.getByRole("tabpanel");
    expect(tabAt(0).getAttribute("aria-controls")).toBe(panel.id);
    expect(screen.getByTestId("add-partner")).toBeTruthy();
  });

  it("move with the arrow keys and keep the chosen tab for the next visit", async () => {
    const first = show();
    tabAt(0).focus();
    await fireEvent.keyDown(tabAt(0), { key: "ArrowRight" });
    expect(document.activeElement).toBe(tabAt(1));
    expect(tabAt(1).getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByTestId("add-partner")).toBeNull();
    first.unmount();

    show();
    expect(screen.getByTestId("partner-tab-registre").getAttribute("aria-selected")).toBe("true");
  });
});
