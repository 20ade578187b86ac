import { act, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { announce, clearAnnouncement } from "$lib/announce";
import LiveRegion from "./LiveRegion.svelte";

describe("LiveRegion", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    clearAnnouncement();
    vi.useRealTimers();
  });

  it("is a polite status region that says each announcement, a repeated one again", async () => {
    render(LiveRegion);
    const region = screen.getByTestId("live-region");
    expect(region).toHaveAttribute("role", "status");
    expect(region).toHaveAttribute("aria-live", "polite");
    expect(region).toHaveTextContent("");

    await act(() => announce("Partenaires — Alliance X"));
    await act(() => vi.advanceTimersByTime(100));
    expect(region).toHaveTextContent("Partenaires — Alliance X");

    // The same words again: the region empties first, so screen readers hear a change.
    await act(() => announce("Partenaires — Alliance X"));
    expect(region).toHaveTextContent("");
    await act(() => vi.advanceTimersByTime(100));
    expect(region).toHaveTextContent("Partenaires — Alliance X");

    await act(() => clearAnnouncement());
    await act(() => vi.advanceTimersByTime(100));
    expect(region).toHaveTextContent("");
  });
});
