// « Sauvegardes automatiques conservées »: the save is confirmed next to the form, and the confirmation or the
// refusal goes as soon as the number is edited again (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Settings } from "$lib/api/bindings";
import BackupsCard from "./BackupsCard.svelte";

const REFUSAL = "Choisissez entre 1 et 100 sauvegardes.";

describe("BackupsCard", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("confirms a save, refuses 0 with a message, and forgets both at the next edit", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "backup_list") return [];
      if (cmd === "settings_save") {
        const settings = (args as { settings: Settings }).settings;
        const keep = settings.backupKeep ?? 0;
        if (keep < 1 || keep > 100) {
          return Promise.reject({ code: "validation", message: REFUSAL, field: "backupKeep", fieldErrors: [] });
        }
        return settings;
      }
      return null;
    });
    const onSettingsSaved = vi.fn();
    render(BackupsCard, {
      settings: { autoLockMinutes: 10, backupKeep: 10 } as Settings,
      onSettingsSaved,
      onRestored: vi.fn(),
    });
    const input = screen.getByTestId("settings-backup-keep");
    await fireEvent.input(input, { target: { value: "20" } });
    await fireEvent.click(screen.getByTestId("backup-keep-save"));
    expect(await screen.findByTestId("backup-keep-saved")).toHaveTextContent("Nombre de sauvegardes enregistré.");
    expect(onSettingsSaved).toHaveBeenCalledOnce();

    await fireEvent.input(input, { target: { value: "0" } });
    expect(screen.queryByTestId("backup-keep-saved")).toBeNull();
    await fireEvent.click(screen.getByTestId("backup-keep-save"));
    expect(await screen.findByTestId("error-backupKeep")).toHaveTextContent(REFUSAL);
    // Said once: next to the field only.
    expect(screen.getAllByText(REFUSAL)).toHaveLength(1);

    await fireEvent.input(input, { target: { value: "5" } });
    expect(screen.queryByText(REFUSAL)).toBeNull();
  });
});
