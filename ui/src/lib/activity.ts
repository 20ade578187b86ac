// Tells the Rust side that the person is active, at most once per interval, so its
// auto-lock countdown (src-tauri/src/autolock.rs) starts again. Input is listened to
// on `target`; a burst of input sends one ping at once and, when more input came
// during the interval, one more at its end, so the last activity is never lost.
import { ACTIVITY_EVENTS } from "./idle";

/** Pings at most this often (milliseconds). */
export const PING_INTERVAL_MS = 20_000;

export interface ActivityPingOptions {
  /** Sends the ping (e.g. `commands.vaultTouch()`); its failure is ignored. */
  ping: () => unknown;
  intervalMs?: number;
  /** Where input is listened to; defaults to `window`. */
  target?: EventTarget;
}

/** Starts listening; returns the function that stops it. */
export function startActivityPing(options: ActivityPingOptions): () => void {
  const target = options.target ?? window;
  const intervalMs = options.intervalMs ?? PING_INTERVAL_MS;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  let pendingActivity = false;

  const send = () => {
    try {
      const result = options.ping();
      if (result instanceof Promise) result.catch((error: unknown) => console.error(error));
    } catch (error) {
      console.error(error);
    }
  };

  const endOfInterval = () => {
    waiting = null;
    if (pendingActivity) {
      pendingActivity = false;
      send();
      waiting = setTimeout(endOfInterval, intervalMs);
    }
  };

  const onActivity = () => {
    if (waiting === null) {
      send();
      waiting = setTimeout(endOfInterval, intervalMs);
    } else {
      pendingActivity = true;
    }
  };

  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, { passive: true });

  return () => {
    if (waiting !== null) clearTimeout(waiting);
    waiting = null;
    pendingActivity = false;
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity);
  };
}
