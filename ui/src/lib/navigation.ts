// Taking the person from one area to a place in another: « À vérifier » in Documents links to the association's
// profile or to a partner's panel, at the field to fill. MainFrame owns the area (and asks before leaving a form with
// unsaved changes); it registers here how it moves, so any view can send the person elsewhere without a prop
// threaded through the area registry. The area's view takes the record to open (`takeDestination`) as it starts;
// the field gets the focus once it shows (views read their data after they appear).
import { tick } from "svelte";
import { pageGone } from "./focus";

/** A place in an area. */
export interface Destination {
  /** The area to open: an id of `areas.ts` (`"profile"`, `"partenaires"`…). */
  area: string;
  /** A record the area's view opens (a partner's id), or none. */
  record?: string | null;
  /** The id of the element that gets the focus once it shows (`partner-representativeName`), or none. */
  focus?: string | null;
}

type Navigator = (destination: Destination) => void;

let navigator: Navigator | null = null;
let pending: Destination | null = null;

/** MainFrame says how it opens an area; returns the function that removes it (the frame leaves the screen). */
export function provideNavigation(go: Navigator): () => void {
  navigator = go;
  return () => {
    if (navigator === go) navigator = null;
  };
}

/** Sends the person to `destination`. False when no frame is there to do it. */
export function navigate(destination: Destination): boolean {
  if (navigator === null) return false;
  navigator(destination);
  return true;
}

/**
 * The frame opened the destination's area: its view may take the record, and the field is focused once it shows.
 * Resolves to the element focused, or null.
 */
export function arrived(destination: Destination, options?: FocusWaitOptions): Promise<HTMLElement | null> {
  pending = destination;
  return destination.focus ? focusWhenShown(destination.focus, options) : Promise.resolve(null);
}

/** The destination waiting for `area`'s view, taken once (null when none is waiting for it). */
export function takeDestination(area: string): Destination | null {
  if (pending === null || pending.area !== area) return null;
  const taken = pending;
  pending = null;
  return taken;
}

export interface FocusWaitOptions {
  /** Milliseconds between looks for the element. */
  intervalMs?: number;
  /** Looks before giving up (the view never showed it). */
  attempts?: number;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });
}

function usable(element: HTMLElement): boolean {
  return element.isConnected && !(element as HTMLInputElement).disabled && element.closest("[hidden], [inert]") === null;
}

/**
 * Focuses the element with this id once it is on screen and usable, looking again every `intervalMs`. A dialog that
 * opens with it (a partner's panel) puts the focus on its own first field as it opens: the element takes it back
 * once, right after. Resolves to the element focused, or null when it never showed.
 */
export async function focusWhenShown(id: string, options: FocusWaitOptions = {}): Promise<HTMLElement | null> {
  const intervalMs = options.intervalMs ?? 50;
  let attemptsLeft = options.attempts ?? 60;
  await tick();
  // The page can be gone between two looks (a window closed, a test's page torn down): stop quietly.
  while (attemptsLeft > 0 && !pageGone()) {
    const element = document.getElementById(id);
    if (element !== null && usable(element)) {
      await nextFrame();
      // Focusing scrolls it into view, only as far as needed.
      element.focus();
      await new Promise((resolve) => setTimeout(resolve, intervalMs * 2));
      if (pageGone()) return null;
      if (element.isConnected && document.activeElement !== element) element.focus();
      return document.activeElement === element ? element : null;
    }
    attemptsLeft -= 1;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return null;
}
