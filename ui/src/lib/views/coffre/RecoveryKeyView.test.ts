// The recovery screen holds a window close until the person decides (mocked IPC and events, jsdom).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import RecoveryKeyView from "./RecoveryKeyView.svelte";

const KEY = "7Q2M-K9XD-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN";

/** The commands the view sent, by name (the mocked event plugin answers its own calls). */
let calls: string[] = [];

function renderView(onContinue = vi.fn()) {
  render(RecoveryKeyView, { recoveryKey: KEY, onContinue });
  return onContinue;
}

/** Rust held a close request (recovery_guard.rs); sent again until the view's listener is in place. */
async function closeRequested() {
  await waitFor(async () => {
    await emit("recovery-key-close-requested", null);
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();
  });
  return screen.getByRole("alertdialog");
}

describe("RecoveryKeyView", () => {
  beforeEach(() => {
    calls = [];
    mockIPC(
      (cmd) => {
        calls.push(cmd);
        return null;
      },
      { shouldMockEvents: true },
    );
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("asks before closing, in French, with « Rester » as the safe choice", async () => {
    renderView();
    const dialog = await closeRequested();

    // textContent keeps the no-break spaces that toHaveTextContent would fold.
    expect(screen.getByRole("heading", { name: /Fermer Allia/ }).textContent).toBe("Fermer Allia sans avoir conservé la clé\u202f?");
    expect(dialog).toHaveTextContent(/une phrase de passe oubliée veut dire que les données du coffre sont perdues/);
    expect(dialog.textContent).toContain("un nouveau kit plus tard dans «\u00a0Paramètres\u00a0», tant que le coffre est ouvert");
    expect(screen.getByTestId("recovery-quit-confirm")).toHaveTextContent("Fermer quand même");
    const stay = screen.getByTestId("confirm-cancel");
    expect(stay).toHaveTextContent("Rester");
    await waitFor(() => expect(document.activeElement).toBe(stay));
  });

  it("« Rester » closes the question and keeps the key on screen", async () => {
    renderView();
    await closeRequested();

    await fireEvent.click(screen.getByTestId("confirm-cancel"));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByTestId("recovery-key")).toHaveTextContent(KEY);
    expect(calls).toEqual([]);
  });

  it("« Fermer quand même » asks Rust to quit", async () => {
    renderView();
    await closeRequested();

    await fireEvent.click(screen.getByTestId("recovery-quit-confirm"));

    await waitFor(() => expect(calls).toEqual(["quit_without_key"]));
    expect(screen.queryByTestId("recovery-quit-error")).toBeNull();
  });

  it("« Continuer » tells Rust the key is kept, then leaves", async () => {
    const onContinue = renderView();
    expect(screen.getByTestId("recovery-continue")).toBeDisabled();

    await fireEvent.click(screen.getByTestId("recovery-confirm"));
    await fireEvent.click(screen.getByTestId("recovery-continue"));

    await waitFor(() => expect(onContinue).toHaveBeenCalledOnce());
    expect(calls).toEqual(["recovery_key_acknowledged"]);
    // Leaving afterwards does not tell Rust twice.
    cleanup();
    expect(calls).toEqual(["recovery_key_acknowledged"]);
  });

  it("leaving the screen another way (a lock) does not leave the close held", async () => {
    renderView();
    cleanup();
    await waitFor(() => expect(calls).toEqual(["recovery_key_acknowledged"]));
  });
});
