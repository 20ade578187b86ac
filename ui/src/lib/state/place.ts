// Where the person was in the main frame (alliance, area, scroll), so that unlocking brings them back there instead
// of the first alliance's « Alliance » page (issue 8, item 6). Kept in memory only: it names an alliance, which is
// vault data, so it never goes to disk outside the vault. Written by MainFrame as the person moves, read when
// MainFrame is created again after an unlock (or a screen that replaced it, like a new recovery key).

/** A place in the main frame. `areaId` is an area of `areas.ts`; `scrollTop` is the content column's, in pixels. */
export interface Place {
  allianceId: string | null;
  areaId: string;
  scrollTop: number;
}

let place: Place | null = null;

/** The place last recorded, or null before any. */
export function currentPlace(): Place | null {
  return place === null ? null : { ...place };
}

/** Records the alliance and area shown; the scroll goes back to the top when either changes. */
export function rememberPlace(allianceId: string | null, areaId: string): void {
  const same = place !== null && place.allianceId === allianceId && place.areaId === areaId;
  place = { allianceId, areaId, scrollTop: same && place !== null ? place.scrollTop : 0 };
}

/** Records the content column's scroll (pixels from its top). */
export function rememberScroll(scrollTop: number): void {
  if (place !== null && Number.isFinite(scrollTop)) place.scrollTop = Math.max(0, Math.round(scrollTop));
}

/** Forgets the place (tests; a vault replaced by a restore keeps it: MainFrame checks the alliance exists). */
export function forgetPlace(): void {
  place = null;
}

export interface ScrollRestoreOptions {
  /** Milliseconds between attempts while the content is still loading. */
  intervalMs?: number;
  /** Attempts before giving up (the content never grew that tall). */
  attempts?: number;
}

/**
 * Scrolls `element` to `top` once its content is tall enough (areas load their data after they appear), trying
 * again every `intervalMs`; stops early when the person scrolls or the content is reached. Returns the function
 * that stops it.
 */
export function restoreScroll(element: HTMLElement, top: number, options: ScrollRestoreOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? 100;
  let attemptsLeft = options.attempts ?? 30;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    element.removeEventListener("wheel", stop);
    element.removeEventListener("keydown", stop);
    element.removeEventListener("pointerdown", stop);
  };
  const attempt = () => {
    timer = null;
    if (stopped) return;
    const reachable = element.scrollHeight - element.clientHeight;
    if (reachable >= top || attemptsLeft <= 1) {
      element.scrollTop = Math.min(top, Math.max(0, reachable));
      stop();
      return;
    }
    attemptsLeft -= 1;
    timer = setTimeout(attempt, intervalMs);
  };
  if (top <= 0) return () => undefined;
  element.addEventListener("wheel", stop, { passive: true });
  element.addEventListener("keydown", stop);
  element.addEventListener("pointerdown", stop);
  attempt();
  return stop;
}
