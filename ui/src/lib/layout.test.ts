import { describe, expect, it } from "vitest";
import { GUIDE_OVERLAY_BELOW_PX, narrowerThan, narrowerThanQuery, SHORT_BELOW_PX, shorterThan, shorterThanQuery, SIDEBAR_MENU_BELOW_PX } from "./layout";

describe("layout breakpoints", () => {
  it("are CSS px widths, the guide's wider than the sidebar's, both above 200 % of the default window", () => {
    expect(narrowerThanQuery(GUIDE_OVERLAY_BELOW_PX)).toBe("(max-width: 1099.98px)");
    expect(GUIDE_OVERLAY_BELOW_PX).toBeGreaterThan(SIDEBAR_MENU_BELOW_PX);
    // The default window (1200 px) at 150 % and 200 %: the sidebar folds.
    expect(1200 / 1.5).toBeLessThan(SIDEBAR_MENU_BELOW_PX);
    // The smallest window (900 px) at 100 %: the sidebar stays, the guide goes over the content.
    expect(900).toBeGreaterThanOrEqual(SIDEBAR_MENU_BELOW_PX);
    expect(900).toBeLessThan(GUIDE_OVERLAY_BELOW_PX);
  });

  it("make the chrome compact in the smallest window and the default one zoomed in, not in the default one", () => {
    expect(shorterThanQuery(SHORT_BELOW_PX)).toBe("(max-height: 699.98px)");
    expect(600).toBeLessThan(SHORT_BELOW_PX);
    expect(760 / 1.25).toBeLessThan(SHORT_BELOW_PX);
    expect(760).toBeGreaterThanOrEqual(SHORT_BELOW_PX);
    expect(shorterThan(SHORT_BELOW_PX).current).toBe(false);
  });

  it("falls back to the wide layout where there is no matchMedia (jsdom)", () => {
    expect(narrowerThan(SIDEBAR_MENU_BELOW_PX).current).toBe(false);
  });
});
