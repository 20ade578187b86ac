import { describe, expect, it } from "vitest";
import { nextTextScale, TEXT_SCALE_OPTIONS, textScaleLabel, zoomRequest } from "./textScale";

const key = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  key,
  code: "",
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe("text scale steps", () => {
  it("offers 100 % to 200 % in steps of 25, as allia-core sends them", () => {
    expect(TEXT_SCALE_OPTIONS).toEqual([100, 125, 150, 175, 200]);
    expect(textScaleLabel(150)).toBe("150\u202f%");
  });

  it("moves one step and stays at the ends", () => {
    expect(nextTextScale(100, "in")).toBe(125);
    expect(nextTextScale(175, "in")).toBe(200);
    expect(nextTextScale(200, "in")).toBe(200);
    expect(nextTextScale(125, "out")).toBe(100);
    expect(nextTextScale(100, "out")).toBe(100);
    expect(nextTextScale(175, "reset")).toBe(100);
  });

  it("moves from a size between steps to the nearest step in the asked direction", () => {
    expect(nextTextScale(110, "in")).toBe(125);
    expect(nextTextScale(110, "out")).toBe(100);
    expect(nextTextScale(300, "out")).toBe(200);
  });
});

describe("zoom keys", () => {
  it("reads Ctrl or ⌘ with +, =, −, 0", () => {
    expect(zoomRequest(key("+"))).toBe("in");
    expect(zoomRequest(key("="))).toBe("in");
    expect(zoomRequest(key("-"))).toBe("out");
    expect(zoomRequest(key("0"))).toBe("reset");
    expect(zoomRequest(key("+", { ctrlKey: false, metaKey: true }))).toBe("in");
  });

  it("reads the keypad and AZERTY's « 0 » by the key's place", () => {
    expect(zoomRequest(key("Add", { code: "NumpadAdd" }))).toBe("in");
    expect(zoomRequest(key("Subtract", { code: "NumpadSubtract" }))).toBe("out");
    expect(zoomRequest(key("à", { code: "Digit0" }))).toBe("reset");
  });

  it("ignores the keys without Ctrl or ⌘, with Alt, and other letters", () => {
    expect(zoomRequest(key("+", { ctrlKey: false }))).toBeNull();
    expect(zoomRequest(key("+", { altKey: true }))).toBeNull();
    expect(zoomRequest(key("s"))).toBeNull();
  });
});
