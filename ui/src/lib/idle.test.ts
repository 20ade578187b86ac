import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { minutesToMs, startIdleTimer, type IdleTimer } from "./idle";

describe("startIdleTimer", () => {
  let timer: IdleTimer | null = null;

  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    timer?.stop();
    timer = null;
    vi.useRealTimers();
  });

  it("calls onIdle once the delay has passed without activity", () => {
    const onIdle = vi.fn();
    timer = startIdleTimer({ timeoutMs: 5 * 60_000, onIdle, target: window });

    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);

    // Fired once: the timer stopped itself.
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it.each(["keydown", "mousemove", "mousedown", "touchstart", "wheel"])("restarts the countdown on %s", (eventName) => {
    const onIdle = vi.fn();
    timer = startIdleTimer({ timeoutMs: 60_000, onIdle, target: window });

    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new Event(eventName));
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();

    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("never fires after stop() and ignores later activity", () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    timer = startIdleTimer({ timeoutMs: 1_000, onIdle, target });
    timer.stop();

    target.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it("applies a new delay with setTimeoutMs", () => {
    const onIdle = vi.fn();
    timer = startIdleTimer({ timeoutMs: 10 * 60_000, onIdle, target: window });

    vi.advanceTimersByTime(60_000);
    timer.setTimeoutMs(2 * 60_000);
    vi.advanceTimersByTime(2 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("listens only to its target", () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    timer = startIdleTimer({ timeoutMs: 1_000, onIdle, target });

    vi.advanceTimersByTime(900);
    window.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe("minutesToMs", () => {
  it("converts minutes and never returns less than one minute", () => {
    expect(minutesToMs(15)).toBe(900_000);
    expect(minutesToMs(0)).toBe(60_000);
  });
});
