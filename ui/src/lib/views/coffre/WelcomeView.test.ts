// The welcome screen is ready to type in: the passphrase field has the focus on arrival (jsdom, mocked IPC).
import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import WelcomeView from "./WelcomeView.svelte";

describe("WelcomeView", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("focuses the passphrase field when the screen appears", async () => {
    mockIPC((cmd) => {
      if (cmd === "backup_list") return [];
      if (cmd === "assess_passphrase") return { score: 0, label: "Trop faible", acceptable: false, message: null };
      return null;
    });
    render(WelcomeView, { onCreated: vi.fn(), onRestore: vi.fn() });
    await waitFor(() => expect(screen.getByTestId("create-passphrase")).toHaveFocus());
    // The first field, not the confirmation.
    expect(screen.getByTestId("create-confirmation")).not.toHaveFocus();
    expect(screen.getByLabelText(/^Phrase de passe/)).toBe(screen.getByTestId("create-passphrase"));
  });
});
