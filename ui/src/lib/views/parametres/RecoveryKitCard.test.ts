// Paramètres › Kit de récupération against a mocked command (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "$lib/api/bindings";
import RecoveryKitCard from "./RecoveryKitCard.svelte";

const wrongPassphrase: AppError = {
  code: "wrong_passphrase",
  message: "Phrase de passe incorrecte.",
  field: "passphrase",
  fieldErrors: [{ field: "passphrase", message: "Phrase de passe incorrecte." }],
};

/** Mocks vault_new_recovery_key: the right passphrase gets a key once `release` is called. */
function mockBackend() {
  const calls: string[] = [];
  let release: () => void = () => undefined;
  mockIPC((cmd, payload) => {
    if (cmd !== "vault_new_recovery_key") return null;
    const passphrase = (payload as { passphrase: string }).passphrase;
    calls.push(passphrase);
    if (passphrase !== "bonne phrase") return Promise.reject(wrongPassphrase);
    return new Promise((resolve) => {
      release = () => resolve({ recoveryKey: "NEW1-NEW2-NEW3" });
    });
  });
  return { calls, release: () => release() };
}

async function submit(passphrase: string) {
  await fireEvent.input(screen.getByTestId("new-kit-passphrase"), { target: { value: passphrase } });
  await fireEvent.click(screen.getByTestId("new-kit-submit"));
  const dialog = await screen.findByRole("alertdialog");
  expect(dialog).toHaveTextContent("fait d’abord une sauvegarde");
  expect(dialog).toHaveTextContent("l’ancien kit n’ouvrira plus le coffre");
  expect(dialog).toHaveTextContent("Votre phrase de passe ne change pas.");
  await fireEvent.click(screen.getByTestId("confirm-new-kit"));
}

describe("RecoveryKitCard", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("explains what a new kit does and asks for the passphrase before confirming", async () => {
    const backend = mockBackend();
    render(RecoveryKitCard, { onNewRecoveryKey: vi.fn() });

    expect(screen.getByRole("heading", { name: "Kit de récupération" })).toBeInTheDocument();
    // The colon keeps its no-break space (French typography).
    expect(screen.getByTestId("settings-new-kit").textContent).toMatch(
      /créez-en un nouveau\u00a0: l’ancien n’ouvrira plus\s+le coffre \(il ouvre encore les sauvegardes faites avant\)\./,
    );
    expect(screen.getByLabelText(/Phrase de passe actuelle/)).toBe(screen.getByTestId("new-kit-passphrase"));

    await fireEvent.click(screen.getByTestId("new-kit-submit"));
    expect(await screen.findByTestId("error-passphrase")).toHaveTextContent("Saisissez votre phrase de passe actuelle.");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(backend.calls).toEqual([]);
  });

  it("shows a wrong passphrase next to the field and keeps the old kit", async () => {
    const backend = mockBackend();
    const onNewRecoveryKey = vi.fn();
    render(RecoveryKitCard, { onNewRecoveryKey });

    await submit("mauvaise phrase");

    expect(await screen.findByTestId("error-passphrase")).toHaveTextContent("Phrase de passe incorrecte.");
    expect(screen.getByTestId("new-kit-passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("new-kit-error")).toBeNull();
    expect(screen.queryByTestId("new-kit-progress")).toBeNull();
    expect(backend.calls).toEqual(["mauvaise phrase"]);
    expect(onNewRecoveryKey).not.toHaveBeenCalled();
  });

  it("shows progress while it works, then hands the new key over and forgets the passphrase", async () => {
    const backend = mockBackend();
    const onNewRecoveryKey = vi.fn();
    render(RecoveryKitCard, { onNewRecoveryKey });

    await submit("bonne phrase");

    expect(await screen.findByTestId("new-kit-progress")).toHaveTextContent("Création du nouveau kit…");
    expect(screen.getByTestId("new-kit-submit")).toBeDisabled();
    expect(onNewRecoveryKey).not.toHaveBeenCalled();

    backend.release();
    await waitFor(() => expect(onNewRecoveryKey).toHaveBeenCalledWith("NEW1-NEW2-NEW3"));
    expect(onNewRecoveryKey).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId("new-kit-progress")).toBeNull());
    expect(screen.getByTestId("new-kit-passphrase")).toHaveValue("");
    expect(screen.queryByTestId("error-passphrase")).toBeNull();
  });
});
