import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentPlace, forgetPlace, rememberPlace, rememberScroll, restoreScroll } from "./place";

describe("the place left", () => {
  afterEach(() => forgetPlace());

  it("is nowhere until the main frame records one", () => {
    expect(currentPlace()).toBeNull();
    rememberScroll(300);
    expect(currentPlace()).toBeNull();
  });

  it("keeps the alliance, the area and the scroll; a new area starts at the top", () => {
    rememberPlace("a1", "partenaires");
    rememberScroll(640.4);
    expect(currentPlace()).toEqual({ allianceId: "a1", areaId: "partenaires", scrollTop: 640 });
    // The same place again (MainFrame re-created after unlock) keeps the scroll.
    rememberPlace("a1", "partenaires");
    expect(currentPlace()?.scrollTop).toBe(640);
    rememberPlace("a1", "documents");
    expect(currentPlace()).toEqual({ allianceId: "a1", areaId: "documents", scrollTop: 0 });
    rememberPlace(null, "profile");
    expect(currentPlace()?.allianceId).toBeNull();
  });

  it("gives a copy: the caller cannot change it", () => {
    rememberPlace("a1", "alliance");
    const place = currentPlace();
    if (place) place.scrollTop = 99;
    expect(currentPlace()?.scrollTop).toBe(0);
  });
});

describe("restoreScroll", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A scrolling element whose content grows as `height` changes (jsdom lays nothing out). */
  function scroller(initialHeight: number) {
    const element = document.createElement("div");
    let height = initialHeight;
    Object.defineProperty(element, "scrollHeight", { get: () => height });
    Object.defineProperty(element, "clientHeight", { get: () => 500 });
    return { element, grow: (next: number) => (height = next) };
  }

  it("waits for the content to be tall enough, then scrolls", () => {
    const { element, grow } = scroller(500);
    restoreScroll(element, 800, { intervalMs: 100, attempts: 10 });
    expect(element.scrollTop).toBe(0);
    grow(2000);
    vi.advanceTimersByTime(100);
    expect(element.scrollTop).toBe(800);
  });

  it("gives up at the furthest it can reach", () => {
    const { element } = scroller(900);
    restoreScroll(element, 800, { intervalMs: 100, attempts: 3 });
    vi.advanceTimersByTime(1000);
    // jsdom keeps any value; a real element clamps it the same way.
    expect(element.scrollTop).toBe(400);
  });

  it("stops when the person scrolls first", () => {
    const { element, grow } = scroller(500);
    restoreScroll(element, 800, { intervalMs: 100, attempts: 10 });
    element.dispatchEvent(new Event("wheel"));
    grow(2000);
    vi.advanceTimersByTime(1000);
    expect(element.scrollTop).toBe(0);
  });
});
