import { render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PassphraseAssessment } from "$lib/passphrase";
import PassphraseStrength from "./PassphraseStrength.svelte";

describe("PassphraseStrength", () => {
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
  });

  it("shows the label and message of the assessment after the debounce delay", async () => {
    vi.useFakeTimers();
    const assess = vi.fn(
      async (_passphrase: string): Promise<PassphraseAssessment> => ({
        score: 1,
        label: "Faible",
        acceptable: false,
        message: "Ajoutez deux ou trois mots.",
      }),
    );
    render(PassphraseStrength, { passphrase: "chat", assess, delayMs: 150 });

    expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("");
    expect(assess).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(150);

    expect(assess).toHaveBeenCalledExactlyOnceWith("chat");
    expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("Faible");
    expect(screen.getByText("Ajoutez deux ou trois mots.")).toBeInTheDocument();
  });

  it("does not assess an empty passphrase", async () => {
    vi.useFakeTimers();
    const assess = vi.fn();
    render(PassphraseStrength, { passphrase: "", assess });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(assess).not.toHaveBeenCalled();
  });

  it("assesses in the web view by default, without calling the shell", async () => {
    const calls: string[] = [];
    mockIPC((command) => {
      calls.push(command);
      return null;
    });
    const { rerender } = render(PassphraseStrength, { passphrase: "password123" });

    await waitFor(() => expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("Très faible"), {
      timeout: 5_000,
    });
    expect(screen.getByText(/^Trop facile à deviner/).textContent).toBe(
      "Trop facile à deviner\u00a0: ajoutez des mots peu courants, ou allongez la phrase.",
    );

    await rerender({ passphrase: "girafe violette sous la pluie de Lyon" });
    await waitFor(() => expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("Excellente"));
    expect(screen.queryByText(/Trop facile/)).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it("does not repeat its advice when the field's error already says it", async () => {
    const advice = "Trop facile à deviner\u00a0: ajoutez des mots peu courants, ou allongez la phrase.";
    const { rerender } = render(PassphraseStrength, { passphrase: "password123", fieldError: advice });
    await waitFor(() => expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("Très faible"), {
      timeout: 5_000,
    });
    expect(screen.queryByText(/^Trop facile/)).not.toBeInTheDocument();
    await rerender({ passphrase: "password123", fieldError: null });
    expect(screen.getByText(/^Trop facile/)).toBeInTheDocument();
  });
});
