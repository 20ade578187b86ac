// Paramètres › Taille du texte against mocked commands (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError, Settings } from "$lib/api/bindings";
import { textScale } from "$lib/textScaleState.svelte";
import TextSizeCard from "./TextSizeCard.svelte";

const stored: Settings = { autoLockMinutes: 25, backupKeep: 4, textScalePercent: 100 };

/** Mocks settings_set_text_scale: 175 is refused as allia-core would refuse a size off the steps. */
function mockBackend() {
  const calls: number[] = [];
  mockIPC((cmd, payload) => {
    if (cmd !== "settings_set_text_scale") return null;
    const percent = (payload as { percent: number }).percent;
    calls.push(percent);
    if (percent === 175) {
      const refusal: AppError = {
        code: "validation",
        message: "Choisissez une taille de texte parmi 100\u202f%, 125\u202f%, 150\u202f% et 200\u202f%.",
        field: "textScalePercent",
        fieldErrors: [{ field: "textScalePercent", message: "Choisissez une taille de texte parmi 100\u202f%, 125\u202f%, 150\u202f% et 200\u202f%." }],
      };
      return Promise.reject(refusal);
    }
    return { ...stored, textScalePercent: percent };
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
  textScale.percent = 100;
});

describe("TextSizeCard", () => {
  it("offers the five sizes, saves the one chosen and hands the settings back", async () => {
    const calls = mockBackend();
    const onSettingsSaved = vi.fn();
    render(TextSizeCard, { props: { settings: stored, onSettingsSaved } });
    expect(screen.getByRole("radiogroup", { name: "Taille du texte" })).toBeInTheDocument();
    expect(screen.getAllByRole("radio").map((radio) => radio.parentElement?.textContent?.trim())).toEqual([
      "100\u202f%",
      "125\u202f%",
      "150\u202f%",
      "175\u202f%",
      "200\u202f%",
    ]);
    expect(screen.getByTestId("text-size-100")).toBeChecked();

    await fireEvent.click(screen.getByTestId("text-size-150"));
    await waitFor(() => expect(onSettingsSaved).toHaveBeenLastCalledWith({ ...stored, textScalePercent: 150 }));
    expect(calls).toEqual([150]);
    expect(textScale.percent).toBe(150);
    expect(screen.getByTestId("text-size-150")).toBeChecked();
  });

  it("shows a refusal and keeps the size before", async () => {
    mockBackend();
    render(TextSizeCard, { props: { settings: stored, onSettingsSaved: vi.fn() } });
    await fireEvent.click(screen.getByTestId("text-size-175"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Choisissez une taille de texte parmi");
    expect(textScale.percent).toBe(100);
    expect(screen.getByTestId("text-size-100")).toBeChecked();
  });

  it("passes a size changed by a zoom key on to the other cards' settings", async () => {
    const onSettingsSaved = vi.fn();
    render(TextSizeCard, { props: { settings: stored, onSettingsSaved } });
    textScale.percent = 125;
    await waitFor(() => expect(onSettingsSaved).toHaveBeenCalledWith({ ...stored, textScalePercent: 125 }));
    expect(screen.getByTestId("text-size-125")).toBeChecked();
  });
});
