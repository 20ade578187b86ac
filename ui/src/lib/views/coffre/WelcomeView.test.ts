// The welcome screen is ready to type in: the passphrase field has the focus on arrival (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
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

  it("forgets a refusal once the passphrase is edited: no « Trop facile à deviner » beside « Excellente »", async () => {
    mockIPC((cmd) => {
      if (cmd === "backup_list") return [];
      if (cmd === "vault_create") {
        return Promise.reject({
          code: "validation",
          message: "Trop facile à deviner.",
          field: "passphrase",
          fieldErrors: [{ field: "passphrase", message: "Trop facile à deviner." }],
        });
      }
      return null;
    });
    render(WelcomeView, { onCreated: vi.fn(), onRestore: vi.fn() });
    const passphrase = screen.getByTestId("create-passphrase");
    await fireEvent.input(passphrase, { target: { value: "motdepasse123" } });
    await fireEvent.input(screen.getByTestId("create-confirmation"), { target: { value: "motdepasse123" } });
    await fireEvent.click(screen.getByTestId("create-submit"));
    expect(await screen.findByTestId("error-passphrase")).toHaveTextContent("Trop facile à deviner.");
    // Shown once: next to the field, not again in a form message.
    expect(screen.getAllByText("Trop facile à deviner.")).toHaveLength(1);

    await fireEvent.input(passphrase, { target: { value: "hérisson turquoise au marché de Nantes" } });
    await waitFor(() => expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("Excellente"));
    expect(screen.queryByTestId("error-passphrase")).toBeNull();
    expect(screen.queryByText("Trop facile à deviner.")).toBeNull();
    expect(passphrase).toHaveAttribute("aria-invalid", "false");
  });
});
