// The window's text size against mocked commands (jsdom, mocked IPC): zoomed without saving before the vault
// opens, that size saved when it opens, each change saved while it is open, the saved size applied otherwise.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { Settings } from "$lib/api/bindings";
import { installZoomKeys, textScale } from "./textScaleState.svelte";

const stored: Settings = { autoLockMinutes: 10, backupKeep: 10, textScalePercent: 175 };

/** Records each command with its percent; the vault's size is 175 % until one is saved. */
function mockShell() {
  const calls: string[] = [];
  let saved = stored;
  mockIPC((cmd, payload) => {
    const percent = (payload as { percent?: number } | undefined)?.percent;
    calls.push(percent === undefined ? cmd : `${cmd} ${percent}`);
    if (cmd === "window_set_text_scale") return null;
    if (cmd === "settings_apply_text_scale") return saved;
    if (cmd === "settings_set_text_scale") {
      saved = { ...saved, textScalePercent: percent };
      return saved;
    }
    return null;
  });
  return calls;
}

afterEach(() => {
  clearMocks();
});

describe("text size", () => {
  it("zooms without saving before the vault opens, then saves that size when it opens", async () => {
    const calls = mockShell();
    textScale.vaultClosed();
    textScale.percent = 100;
    await textScale.step("in");
    await textScale.step("in");
    expect(textScale.percent).toBe(150);
    await textScale.vaultOpened();
    expect(calls).toEqual(["window_set_text_scale 125", "window_set_text_scale 150", "settings_set_text_scale 150"]);
    expect(textScale.percent).toBe(150);
  });

  it("saves each step while the vault is open, and stops at 200 %", async () => {
    const calls = mockShell();
    await textScale.step("in");
    await textScale.step("in");
    await textScale.step("in");
    expect(calls).toEqual(["settings_set_text_scale 175", "settings_set_text_scale 200"]);
    expect(textScale.percent).toBe(200);
  });

  it("applies the vault's size at the next unlock when nothing was chosen while locked", async () => {
    const calls = mockShell();
    textScale.vaultClosed();
    await textScale.vaultOpened();
    expect(calls).toEqual(["settings_apply_text_scale"]);
    expect(textScale.percent).toBe(175);
  });

  it("goes back to the size before when the shell refuses", async () => {
    mockIPC(() => Promise.reject({ code: "validation", message: "Refusé.", field: "textScalePercent", fieldErrors: [] }));
    await expect(textScale.step("out")).rejects.toMatchObject({ message: "Refusé." });
    expect(textScale.percent).toBe(175);
  });

  it("reads Ctrl + from the window's keys", async () => {
    const calls = mockShell();
    const target = new EventTarget() as Window;
    installZoomKeys(target);
    const event = new KeyboardEvent("keydown", { key: "0", ctrlKey: true, cancelable: true });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await expect.poll(() => calls).toEqual(["settings_set_text_scale 100"]);
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "0" }));
    expect(calls).toHaveLength(1);
  });
});
