import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startActivityPing } from "./activity";

describe("startActivityPing", () => {
  let stop: (() => void) | null = null;

  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    stop?.();
    stop = null;
    vi.useRealTimers();
  });

  it("pings at once, then at most once per interval, and once more for input during it", () => {
    const ping = vi.fn();
    const target = new EventTarget();
    stop = startActivityPing({ ping, intervalMs: 20_000, target });

    target.dispatchEvent(new Event("keydown"));
    expect(ping).toHaveBeenCalledTimes(1);

    // A burst within the interval: nothing more yet.
    for (let i = 0; i < 50; i += 1) target.dispatchEvent(new Event("mousemove"));
    vi.advanceTimersByTime(19_999);
    expect(ping).toHaveBeenCalledTimes(1);

    // The end of the interval reports the burst.
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledTimes(2);

    // No input since: no more pings.
    vi.advanceTimersByTime(120_000);
    expect(ping).toHaveBeenCalledTimes(2);

    target.dispatchEvent(new Event("wheel"));
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it("stops listening when stopped, and survives a failing ping", async () => {
    const ping = vi.fn(() => Promise.reject(new Error("locked")));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const target = new EventTarget();
    stop = startActivityPing({ ping, intervalMs: 20_000, target });

    target.dispatchEvent(new Event("pointerdown"));
    await Promise.resolve();
    expect(ping).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalled();

    target.dispatchEvent(new Event("pointerdown"));
    stop();
    stop = null;
    vi.advanceTimersByTime(60_000);
    target.dispatchEvent(new Event("keydown"));
    expect(ping).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
