// The unlock screen is ready to type in: its first field has the focus on arrival, in both forms (jsdom).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import UnlockView from "./UnlockView.svelte";

describe("UnlockView", () => {
  beforeEach(() => {
    mockIPC((cmd) => {
      if (cmd === "assess_passphrase") return { score: 0, label: "Trop faible", acceptable: false, message: null };
      return null;
    });
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("focuses the passphrase field when the screen appears, and again after « Retour »", async () => {
    render(UnlockView, { onUnlocked: vi.fn(), onDamaged: vi.fn() });
    await waitFor(() => expect(screen.getByTestId("unlock-passphrase")).toHaveFocus());

    // The button that opened the recovery form is gone: the focus goes to that form's first field.
    await fireEvent.click(screen.getByTestId("forgot-passphrase"));
    await waitFor(() => expect(screen.getByTestId("recover-key")).toHaveFocus());

    await fireEvent.click(screen.getByTestId("recover-back"));
    await waitFor(() => expect(screen.getByTestId("unlock-passphrase")).toHaveFocus());
  });

  it("focuses the recovery key when the screen opens on the recovery form", async () => {
    render(UnlockView, {
      onUnlocked: vi.fn(),
      onDamaged: vi.fn(),
      keyFileProblem: "Le fichier de clé du coffre est introuvable.",
    });
    expect(screen.getByTestId("recover-reason")).toHaveTextContent("introuvable");
    await waitFor(() => expect(screen.getByTestId("recover-key")).toHaveFocus());
  });
});
