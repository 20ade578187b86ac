// The focus ring stays visible on every background of the app (WCAG 2.4.11, 1.4.11: a contrast of at least 3:1).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Read from disk: vitest does not load stylesheets (a `?raw` import of a .css file comes back empty).
const here = dirname(fileURLToPath(import.meta.url));
const tokens = readFileSync(join(here, "tokens.css"), "utf8");

/** The colour tokens a focusable control is drawn on (what the ring, 2 px outside it, sits against). */
const BACKGROUNDS = [
  "color-bg",
  "color-surface",
  "color-surface-muted",
  "color-sidebar",
  "color-sidebar-active",
  "color-primary-soft",
  "color-danger-soft",
  "color-success-soft",
  "color-warning-soft",
  "color-mono-bg",
];

function token(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(tokens);
  if (match?.[1] === undefined) throw new Error(`--${name} is not a #rrggbb colour in tokens.css`);
  return match[1];
}

/** Relative luminance, WCAG 2.x definition (sRGB channels linearised). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("focus ring colour", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    // The former amber ring, 2.3:1 on white as the review measured.
    expect(contrast("#e0a100", "#ffffff")).toBeCloseTo(2.27, 2);
  });

  it.each(BACKGROUNDS)("reaches 3:1 against --%s", (background) => {
    expect(contrast(token("color-focus"), token(background))).toBeGreaterThanOrEqual(3);
  });

  it("is the colour the focus style draws", () => {
    expect(tokens).toMatch(/--focus-ring:\s*3px solid var\(--color-focus\);/);
    const global = readFileSync(join(here, "global.css"), "utf8");
    expect(global).toMatch(/:focus-visible\s*\{\s*outline:\s*var\(--focus-ring\);/);
  });
});
