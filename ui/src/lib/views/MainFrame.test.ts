// The main frame's keyboard way in: « Aller au contenu » first, landing in the content region (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Catalog } from "$lib/api/bindings";
import MainFrame from "./MainFrame.svelte";
import { LATER_CATALOG_LISTS } from "../api/catalog-fixture";

const catalog: Catalog = {
  actorTypes: [],
  partnerRoles: [],
  allianceStatuses: [],
  documentKinds: [],
  documentStatuses: [],
  legalForms: [],
  contributionNatures: [],
  paymentScheduleKinds: [],
  publicFunderActorTypes: [],
  ...LATER_CATALOG_LISTS,
};

/** What a keyboard reaches with Tab, in document order (no positive tabindex in the app). */
function tabbable(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")).filter(
    (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled,
  );
}

describe("MainFrame", () => {
  beforeEach(() => {
    mockWindows("main");
    mockIPC((cmd) => {
      if (cmd === "catalog") return catalog;
      if (cmd === "alliance_list") return [];
      return null;
    });
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("offers « Aller au contenu » first, and it moves focus to the content", async () => {
    const { container } = render(MainFrame, {
      props: {
        notice: null,
        onDismissNotice: vi.fn(),
        onLock: vi.fn(),
        onAutoLockChanged: vi.fn(),
        onRestored: vi.fn(),
        onNewRecoveryKey: vi.fn(),
      },
    });
    expect(await screen.findByTestId("empty-alliances")).toBeInTheDocument();

    const skip = screen.getByRole("link", { name: "Aller au contenu" });
    expect(tabbable(container)[0]).toBe(skip);
    expect(skip).toHaveAttribute("href", "#main-content");

    const content = screen.getByRole("main");
    expect(content).toHaveAttribute("id", "main-content");
    // Focusable by script only: not one more Tab stop.
    expect(content).toHaveAttribute("tabindex", "-1");
    expect(tabbable(container)).not.toContain(content);

    skip.focus();
    expect(skip).toHaveFocus();
    await fireEvent.click(skip);
    expect(content).toHaveFocus();
    // The address stays the app's: the link does not navigate.
    expect(window.location.hash).toBe("");
  });
});
