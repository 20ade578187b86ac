// The window's « Taille du texte »: changed by Ctrl/⌘ + − 0 on every screen and by Paramètres. While the vault is
// open each change is saved in its settings; before (welcome, unlock, recovery screens) the window zooms without
// saving, and the size chosen there is saved when the vault opens. Otherwise the vault's size is applied then.
import { commands, type Settings } from "$lib/api/bindings";
import { call } from "$lib/api/client";
import { nextTextScale, TEXT_SCALE_NORMAL, zoomRequest, type ZoomRequest } from "$lib/textScale";

class TextScaleState {
  /** The size shown, in percent (set before the shell answers, so quick key presses add up). */
  percent = $state(TEXT_SCALE_NORMAL);
  #vaultOpen = false;
  #chosenBeforeOpen = false;

  /**
   * The vault is open (the main frame is shown): the size chosen before, if any, is saved; otherwise the window
   * takes the saved one.
   */
  async vaultOpened(): Promise<void> {
    this.#vaultOpen = true;
    if (this.#chosenBeforeOpen) {
      this.#chosenBeforeOpen = false;
      await this.set(this.percent);
      return;
    }
    const settings = await call(commands.settingsApplyTextScale());
    this.percent = settings.textScalePercent ?? TEXT_SCALE_NORMAL;
  }

  /** The vault is locked (the main frame is gone): the keys zoom without saving until it opens again. */
  vaultClosed(): void {
    this.#vaultOpen = false;
  }

  /**
   * Saves `percent` and zooms the window to it; resolves to the saved settings. On a refusal the size goes back to
   * the one before and the error is thrown to the caller.
   */
  async set(percent: number): Promise<Settings> {
    const before = this.percent;
    this.percent = percent;
    try {
      const saved = await call(commands.settingsSetTextScale(percent));
      this.percent = saved.textScalePercent ?? TEXT_SCALE_NORMAL;
      return saved;
    } catch (error) {
      if (this.percent === percent) this.percent = before;
      throw error;
    }
  }

  /** One step bigger or smaller, or back to 100 % (a zoom key): saved while the vault is open. */
  async step(request: ZoomRequest): Promise<void> {
    const next = nextTextScale(this.percent, request);
    if (next === this.percent) return;
    if (this.#vaultOpen) {
      await this.set(next);
      return;
    }
    const before = this.percent;
    this.percent = next;
    this.#chosenBeforeOpen = true;
    try {
      await call(commands.windowSetTextScale(next));
    } catch (error) {
      if (this.percent === next) this.percent = before;
      throw error;
    }
  }
}

/** The one text size of the window. */
export const textScale = new TextScaleState();

/**
 * Ctrl/⌘ + − 0 on every screen (the webview's own zoom keys are off in tauri.conf.json, so they do not zoom twice).
 * Call once, at start.
 */
export function installZoomKeys(target: Window): void {
  target.addEventListener("keydown", (event) => {
    const request = zoomRequest(event);
    if (request === null) return;
    event.preventDefault();
    textScale.step(request).catch((error: unknown) => console.error(error));
  });
}
