// Calls `onIdle` once after `timeoutMs` without user input (keyboard, mouse, touch, wheel).

export const ACTIVITY_EVENTS = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "pointerdown", "scroll"] as const;

export interface IdleOptions {
  timeoutMs: number;
  onIdle: () => void;
  /** Where input is listened to; defaults to `window`. */
  target?: EventTarget;
  /** Clock, replaceable in tests; defaults to Date.now. */
  now?: () => number;
}

export interface IdleTimer {
  /** Counts as user activity: restarts the countdown. */
  touch(): void;
  /** Changes the delay (e.g. after the settings change) and restarts the countdown. */
  setTimeoutMs(timeoutMs: number): void;
  /** Stops listening; `onIdle` will not be called any more. */
  stop(): void;
}

export function startIdleTimer(options: IdleOptions): IdleTimer {
  const target = options.target ?? window;
  const now = options.now ?? (() => Date.now());
  let timeoutMs = options.timeoutMs;
  let lastActivity = now();
  let handle: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  // Activity only records a time stamp (mousemove fires often); the timer checks it when it fires.
  const schedule = (delay: number) => {
    if (handle !== null) clearTimeout(handle);
    handle = setTimeout(check, Math.max(0, delay));
  };

  function check() {
    handle = null;
    if (stopped) return;
    const elapsed = now() - lastActivity;
    if (elapsed >= timeoutMs) {
      stop();
      options.onIdle();
    } else {
      schedule(timeoutMs - elapsed);
    }
  }

  const onActivity = () => {
    lastActivity = now();
  };

  function stop() {
    stopped = true;
    if (handle !== null) clearTimeout(handle);
    handle = null;
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity);
  }

  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, { passive: true });
  schedule(timeoutMs);

  return {
    touch: onActivity,
    setTimeoutMs(next: number) {
      if (stopped) return;
      timeoutMs = next;
      lastActivity = now();
      schedule(timeoutMs);
    },
    stop,
  };
}

export function minutesToMs(minutes: number): number {
  return Math.max(1, minutes) * 60_000;
}
