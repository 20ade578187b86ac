import { describe, expect, it } from "vitest";
import { hasUnsavedChanges, trackUnsaved } from "./unsaved";

describe("unsaved changes", () => {
  it("reports a registered form's changes until it is removed", () => {
    let dirty = false;
    const untrack = trackUnsaved(() => dirty);
    expect(hasUnsavedChanges()).toBe(false);
    dirty = true;
    expect(hasUnsavedChanges()).toBe(true);
    untrack();
    expect(hasUnsavedChanges()).toBe(false);
  });

  it("is true when any one of several forms has changes", () => {
    const untrackClean = trackUnsaved(() => false);
    const untrackDirty = trackUnsaved(() => true);
    expect(hasUnsavedChanges()).toBe(true);
    untrackDirty();
    expect(hasUnsavedChanges()).toBe(false);
    untrackClean();
  });
});
