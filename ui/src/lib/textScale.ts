// « Taille du texte »: the steps (from allia-core, through the bindings) and what a zoom key asks for.
// The zoom itself is applied by the shell (`settingsSetTextScale`, `settingsApplyTextScale`).
import { TEXT_SCALE_STEPS } from "$lib/api/bindings";

/** The sizes offered, in percent, smallest first. */
export const TEXT_SCALE_OPTIONS: readonly number[] = TEXT_SCALE_STEPS;
/** The normal size, in percent. */
export const TEXT_SCALE_NORMAL = 100;

/** What a zoom key asks: one step bigger, one step smaller, or back to the normal size. */
export type ZoomRequest = "in" | "out" | "reset";

/** « 150 % »: the percent with a narrow no-break space, as French writes it. */
export function textScaleLabel(percent: number): string {
  return `${percent}\u202f%`;
}

/**
 * The step `request` leads to from `current`: the next bigger or smaller step (staying at the ends), or 100.
 * A `current` between steps (never saved, but safe) moves to the nearest step in the asked direction.
 */
export function nextTextScale(current: number, request: ZoomRequest, steps: readonly number[] = TEXT_SCALE_OPTIONS): number {
  if (request === "reset") return TEXT_SCALE_NORMAL;
  if (request === "in") return steps.find((step) => step > current) ?? steps[steps.length - 1] ?? current;
  return [...steps].reverse().find((step) => step < current) ?? steps[0] ?? current;
}

/**
 * The zoom request of a key press, or null: Ctrl (⌘ on a Mac) with « + » or « = » (the same key unshifted on a
 * QWERTY keyboard), « − », or « 0 », on the main keys or the keypad. Keys are matched by the character typed,
 * then by the key's place for the keypad and for « 0 » (which AZERTY types with Shift).
 */
export function zoomRequest(event: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey">): ZoomRequest | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  switch (event.key) {
    case "+":
    case "=":
      return "in";
    case "-":
    case "_":
      return "out";
    case "0":
      return "reset";
  }
  switch (event.code) {
    case "NumpadAdd":
      return "in";
    case "NumpadSubtract":
      return "out";
    case "Digit0":
    case "Numpad0":
      return "reset";
  }
  return null;
}
