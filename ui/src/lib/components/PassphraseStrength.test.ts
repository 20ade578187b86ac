import { render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PassphraseAssessment } from "$lib/api/bindings";
import PassphraseStrength from "./PassphraseStrength.svelte";

describe("PassphraseStrength", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the label and message of the assessment after the debounce delay", async () => {
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

  it("does not ask for an empty passphrase", async () => {
    const assess = vi.fn();
    render(PassphraseStrength, { passphrase: "", assess });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(assess).not.toHaveBeenCalled();
  });
});
