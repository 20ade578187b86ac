import { afterEach, describe, expect, it, vi } from "vitest";
import { debounced, onVaultChanged, vaultChanged } from "./changes";

describe("vault changes", () => {
  afterEach(() => vi.useRealTimers());

  it("tells every listener until it stops listening, even when one fails", () => {
    const first = vi.fn(() => {
      throw new Error("boom");
    });
    const second = vi.fn();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const stopFirst = onVaultChanged(first);
    const stopSecond = onVaultChanged(second);
    vaultChanged();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    stopFirst();
    stopSecond();
    vaultChanged();
    expect(second).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it("reads once per burst of changes, and not after cancel", () => {
    vi.useFakeTimers();
    const load = vi.fn();
    const refresh = debounced(load, 150);
    refresh.schedule();
    vi.advanceTimersByTime(100);
    refresh.schedule();
    refresh.schedule();
    vi.advanceTimersByTime(149);
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(load).toHaveBeenCalledTimes(1);
    refresh.schedule();
    refresh.cancel();
    vi.advanceTimersByTime(500);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
