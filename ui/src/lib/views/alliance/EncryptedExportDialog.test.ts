// « Exporter chiffré… »: the passphrase typed twice, the advice shown, a mismatch refused before the shell is asked,
// the shell's refusal of a weak passphrase under its field, a cancelled save dialog keeping the dialog open, and the
// written path handed back (jsdom, mocked IPC answering as the shell does).
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "$lib/api/bindings";
import EncryptedExportDialog from "./EncryptedExportDialog.svelte";

const STRONG = "cerf-volant orange au-dessus de Tours";
const WEAK: AppError = {
  code: "validation",
  message: "Au moins 10 caractères (6 pour l’instant). Une courte phrase de plusieurs mots est facile à retenir.",
  field: "passphrase",
  fieldErrors: [
    {
      field: "passphrase",
      message: "Au moins 10 caractères (6 pour l’instant). Une courte phrase de plusieurs mots est facile à retenir.",
    },
  ],
};

describe("EncryptedExportDialog", () => {
  let calls: { id: string; passphrase: string }[];
  let answers: (string | null | AppError)[];

  beforeEach(() => {
    calls = [];
    answers = [];
    mockWindows("main");
    mockIPC((cmd, args) => {
      if (cmd !== "alliance_export_encrypted") throw new Error(`unexpected command ${cmd}`);
      const { id, passphrase } = args as { id: string; passphrase: string };
      calls.push({ id, passphrase });
      const answer = answers.shift() ?? null;
      if (answer !== null && typeof answer === "object") return Promise.reject(answer);
      return answer;
    });
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  async function type(passphrase: string, confirmation: string) {
    await fireEvent.input(screen.getByTestId("encrypted-export-passphrase"), { target: { value: passphrase } });
    await fireEvent.input(screen.getByTestId("encrypted-export-confirmation"), { target: { value: confirmation } });
  }

  it("refuses a mismatch, shows the shell's refusal, stays open when the save dialog is cancelled, then exports", async () => {
    const onExported = vi.fn();
    const onClose = vi.fn();
    render(EncryptedExportDialog, { allianceId: "a1", onExported, onClose });
    expect(screen.getByTestId("encrypted-export-advice").textContent).toBe(
      "Transmettez cette phrase de passe à vos partenaires par un autre canal (téléphone, SMS), jamais dans le même e-mail que le fichier.",
    );

    await type(STRONG, `${STRONG}s`);
    await fireEvent.click(screen.getByTestId("encrypted-export-submit"));
    expect(screen.getByTestId("error-confirmation")).toHaveTextContent("Les deux phrases de passe ne sont pas identiques.");
    expect(calls).toEqual([]);

    answers.push(WEAK);
    await type("brenne", "brenne");
    await fireEvent.click(screen.getByTestId("encrypted-export-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("error-passphrase")).toHaveTextContent(/^Au moins 10 caractères/));
    expect(calls).toEqual([{ id: "a1", passphrase: "brenne" }]);

    // The save dialog cancelled: nothing written, the dialog stays with what was typed.
    answers.push(null);
    await type(STRONG, STRONG);
    await fireEvent.click(screen.getByTestId("encrypted-export-submit"));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    await vi.waitFor(() => expect(screen.getByTestId("encrypted-export-submit")).not.toBeDisabled());
    expect(onExported).not.toHaveBeenCalled();
    expect((screen.getByTestId("encrypted-export-passphrase") as HTMLInputElement).value).toBe(STRONG);

    answers.push("/home/claire/brenne.alliance.age");
    await fireEvent.click(screen.getByTestId("encrypted-export-submit"));
    await vi.waitFor(() => expect(onExported).toHaveBeenCalledWith("/home/claire/brenne.alliance.age"));
    expect(calls[2]).toEqual({ id: "a1", passphrase: STRONG });
    expect(onClose).not.toHaveBeenCalled();
  });

  it("closes on « Annuler » without asking the shell", async () => {
    const onClose = vi.fn();
    render(EncryptedExportDialog, { allianceId: "a1", onExported: vi.fn(), onClose });
    await fireEvent.click(screen.getByTestId("encrypted-export-cancel"));
    expect(onClose).toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  describe("focus after closing", () => {
    function opener(): { button: HTMLButtonElement } {
      const main = document.createElement("main");
      main.id = "main-content";
      main.tabIndex = -1;
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.testid = "alliance-export-encrypted";
      button.textContent = "Exporter chiffré…";
      document.body.append(button, main);
      button.focus();
      return { button };
    }

    afterEach(() => {
      document.body.innerHTML = "";
    });

    it("goes back to « Exporter chiffré… » after « Annuler »", async () => {
      const { button } = opener();
      const onClose = vi.fn(() => view.unmount());
      const view = render(EncryptedExportDialog, { allianceId: "a1", onExported: vi.fn(), onClose });
      const cancel = screen.getByTestId("encrypted-export-cancel");
      cancel.focus();
      await fireEvent.click(cancel);
      expect(onClose).toHaveBeenCalled();
      await vi.waitFor(() => expect(document.activeElement).toBe(button));
    });

    it("goes back to the opener once written, or to the main content when the opener is gone", async () => {
      const { button } = opener();
      answers.push("/home/claire/brenne.alliance.age");
      const onExported = vi.fn(() => view.unmount());
      const view = render(EncryptedExportDialog, { allianceId: "a1", onExported, onClose: vi.fn() });
      await type(STRONG, STRONG);
      screen.getByTestId("encrypted-export-submit").focus();
      await fireEvent.click(screen.getByTestId("encrypted-export-submit"));
      await vi.waitFor(() => expect(onExported).toHaveBeenCalled());
      await vi.waitFor(() => expect(document.activeElement).toBe(button));

      opener();
      const onClose = vi.fn(() => {
        again.unmount();
        document.querySelectorAll('[data-testid="alliance-export-encrypted"]').forEach((b) => b.remove());
      });
      const again = render(EncryptedExportDialog, { allianceId: "a1", onExported: vi.fn(), onClose });
      const cancel = screen.getByTestId("encrypted-export-cancel");
      cancel.focus();
      await fireEvent.click(cancel);
      expect(onClose).toHaveBeenCalled();
      await vi.waitFor(() => expect(document.activeElement).toBe(document.getElementById("main-content")));
      expect(document.activeElement?.tagName).toBe("MAIN");
    });
  });
});
