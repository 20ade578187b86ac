// Where keyboard focus goes when the control that had it disappears: after a dialog closes, a form is discarded,
// a list row is deleted or an action re-renders part of the screen. Without this the browser drops focus to the
// page, and a keyboard or screen-reader user starts again from the top (WCAG 2.4.3).
import { tick } from "svelte";

/** Something focus may go to: an element, or a function finding it when the time comes. */
export type FocusTarget = Element | null | undefined | (() => Element | null | undefined);

/**
 * Whether the page is gone: a focus that waits frames or a timer may resume after its window closed (a test's
 * document torn down), and then has nothing to focus.
 */
export function pageGone(): boolean {
  return typeof document === "undefined";
}

/** Whether focus is lost: on the page itself, or on an element no longer in it. */
export function focusLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || active === doc.documentElement || !active.isConnected;
}

/**
 * The element itself when it is still on screen, else the one that replaced it (same `data-testid`, else same
 * `id`): a button re-rendered by Svelte is another node with the same identity.
 */
export function findAgain(element: Element | null | undefined, doc: Document = document): HTMLElement | null {
  if (!element) return null;
  if (element.isConnected) return element instanceof HTMLElement ? element : null;
  const testid = element.getAttribute("data-testid");
  if (testid) {
    const again = doc.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testid)}"]`);
    if (again) return again;
  }
  return element.id ? doc.getElementById(element.id) : null;
}

function focusable(element: HTMLElement): boolean {
  if (!element.isConnected) return false;
  if ((element as HTMLButtonElement).disabled) return false;
  return element.closest("[hidden], [inert]") === null;
}

/** Svelte's update, then the dialogs' own return of focus (bits-ui gives focus back as the dialog unmounts). */
async function settled(): Promise<void> {
  await tick();
  for (let frame = 0; frame < 2; frame += 1) {
    await new Promise<void>((resolve) => {
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => resolve());
      else setTimeout(resolve, 16);
    });
  }
}

/**
 * Once the screen has settled, focuses the first of `targets` that is on screen and can take focus, but only when
 * focus was lost (a person who moved on meanwhile is not pulled back). Resolves to the element focused, or null.
 */
export async function restoreFocus(...targets: FocusTarget[]): Promise<HTMLElement | null> {
  await settled();
  if (pageGone() || !focusLost()) return null;
  for (const target of targets) {
    const element = findAgain(typeof target === "function" ? target() : target);
    if (element === null || !focusable(element)) continue;
    element.focus({ preventScroll: false });
    if (document.activeElement === element) return element;
  }
  return null;
}

/**
 * Runs `task` (e.g. loading the example, ticking a clause) and keeps focus where it was: on the control that
 * started it when it is still there (or back once it is enabled again), else on the first of `fallbacks`.
 */
export async function keepFocus<T>(task: () => Promise<T>, ...fallbacks: FocusTarget[]): Promise<T> {
  const opener = document.activeElement;
  try {
    return await task();
  } finally {
    await restoreFocus(opener === document.body ? null : opener, ...fallbacks);
  }
}
