// The window's « Taille du texte » while the vault is open: applied at unlock, changed by Ctrl/⌘ + − 0 and by
// Paramètres, saved in the vault's settings each time.
import { commands, type Settings } from "$lib/api/bindings";
import { call } from "$lib/api/client";
import { nextTextScale, TEXT_SCALE_NORMAL, type ZoomRequest } from "$lib/textScale";

class TextScaleState {
  /** The size shown, in percent (set before the vault answers, so quick key presses add up). */
  percent = $state(TEXT_SCALE_NORMAL);

  /** Zooms the window to the size saved in the vault (just unlocked). */
  async apply(): Promise<void> {
    const settings = await call(commands.settingsApplyTextScale());
    this.percent = settings.textScalePercent ?? TEXT_SCALE_NORMAL;
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

  /** One step bigger or smaller, or back to 100 % (a zoom key). */
  async step(request: ZoomRequest): Promise<void> {
    const next = nextTextScale(this.percent, request);
    if (next !== this.percent) await this.set(next);
  }
}

/** The one text size of the window. */
export const textScale = new TextScaleState();
