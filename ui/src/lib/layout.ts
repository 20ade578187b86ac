// The main window's layout breakpoints, in CSS px: zooming in (Ctrl +, « Taille du texte ») narrows the CSS
// viewport, so a large text size reaches them like a narrow window does (WCAG 1.4.4 and 1.4.10).
import { MediaQuery } from "svelte/reactivity";

/** Below this width the guide opens over the content, closed at first, instead of beside it. */
export const GUIDE_OVERLAY_BELOW_PX = 1100;
/** Below this width the sidebar folds behind the « Menu » button. */
export const SIDEBAR_MENU_BELOW_PX = 860;

/**
 * Below this height the main window's chrome gets out of the way: the top bar is one compact row that scrolls away
 * with the content (title cut with « … », full in its tooltip), and what sticks to the content's top is compact too.
 * The smallest window (600 px high) and the default one (760 px) from 125 % reach it.
 */
export const SHORT_BELOW_PX = 700;

/** The media query true below `px` (a hair under it, so exactly `px` wide is the wide layout). */
export function narrowerThanQuery(px: number): string {
  return `(max-width: ${px - 0.02}px)`;
}

/** The media query true below `px` high (a hair under it, like `narrowerThanQuery`). */
export function shorterThanQuery(px: number): string {
  return `(max-height: ${px - 0.02}px)`;
}

/** Whether the window is less than `px` high now, followed as it changes (like `narrowerThan`). */
export function shorterThan(px: number): { readonly current: boolean } {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return { current: false };
  return new MediaQuery(shorterThanQuery(px));
}

/**
 * Whether the window is narrower than `px` now, followed as it changes (create it while a component initialises).
 * Without `matchMedia` (jsdom in unit tests): the wide layout.
 */
export function narrowerThan(px: number): { readonly current: boolean } {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return { current: false };
  return new MediaQuery(narrowerThanQuery(px));
}
