import { afterEach, describe, expect, it, vi } from "vitest";
import { arrived, focusWhenShown, navigate, provideNavigation, takeDestination } from "./navigation";

describe("navigation to another area", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    takeDestination("partenaires");
    takeDestination("profile");
  });

  it("goes nowhere without a frame, and through the frame's function when there is one", () => {
    expect(navigate({ area: "profile" })).toBe(false);
    const go = vi.fn();
    const stop = provideNavigation(go);
    expect(navigate({ area: "partenaires", record: "p1" })).toBe(true);
    expect(go).toHaveBeenCalledWith({ area: "partenaires", record: "p1" });
    stop();
    expect(navigate({ area: "profile" })).toBe(false);
  });

  it("keeps the destination for its own area's view, once", async () => {
    await arrived({ area: "partenaires", record: "p1" });
    expect(takeDestination("profile")).toBeNull();
    expect(takeDestination("partenaires")).toEqual({ area: "partenaires", record: "p1" });
    expect(takeDestination("partenaires")).toBeNull();
  });

  it("focuses the field once the view shows it, and gives up when it never does", async () => {
    setTimeout(() => {
      const input = document.createElement("input");
      input.id = "partner-representativeName";
      document.body.append(input);
    }, 30);
    const focused = await focusWhenShown("partner-representativeName", { intervalMs: 10 });
    expect(focused?.id).toBe("partner-representativeName");
    expect(document.activeElement).toBe(focused);
    expect(await focusWhenShown("nowhere", { intervalMs: 1, attempts: 3 })).toBeNull();
  });

  it("takes the focus back from a dialog that focused its own first field as it opened", async () => {
    const first = document.createElement("input");
    const wanted = document.createElement("input");
    wanted.id = "partner-representativeName";
    document.body.append(first, wanted);
    // The dialog's own focus comes a moment after the field is there.
    setTimeout(() => first.focus(), 12);
    const focused = await focusWhenShown("partner-representativeName", { intervalMs: 10 });
    expect(focused).toBe(wanted);
    expect(document.activeElement).toBe(wanted);
  });
});
