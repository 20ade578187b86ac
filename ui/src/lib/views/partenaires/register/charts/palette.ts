// How the charts tell categories and interaction kinds apart without relying on colour (WCAG 1.4.1):
// each category has a shape AND a colour, each kind a line pattern AND a colour. ECharts draws on a
// canvas, so the colours are literal here rather than CSS tokens; the same shapes are drawn in the
// HTML legends (`Swatch.svelte`) from the same paths.
import type { InteractionKind } from "$lib/api/bindings";
import type { CategoryKey } from "./model";

/** A marker shape: its SVG path in a 24 × 24 box (for the HTML legend) and the ECharts symbol. */
export interface Shape {
  /** A readable name of the shape, for tests and debugging (not shown). */
  name: string;
  /** The SVG path, 24 × 24 box. */
  path: string;
  /** Drawn as an outline only (the actors without category). */
  hollow: boolean;
}

const CIRCLE = "M12 2A10 10 0 1 1 12 22A10 10 0 1 1 12 2Z";

/** One shape per category, distinct at 10 px; « Sans catégorie » is a hollow circle. */
export const CATEGORY_SHAPES: Record<CategoryKey, Shape> = {
  state: { name: "carré", path: "M3 3H21V21H3Z", hollow: false },
  local_authorities: { name: "disque", path: CIRCLE, hollow: false },
  professional_bodies: { name: "losange", path: "M12 1L23 12L12 23L1 12Z", hollow: false },
  research: { name: "triangle", path: "M12 2L22.5 21H1.5Z", hollow: false },
  companies: {
    name: "étoile",
    path: "M12 1L14.9 8.6L23 9.2L16.8 14.4L18.8 22.4L12 18L5.2 22.4L7.2 14.4L1 9.2L9.1 8.6Z",
    hollow: false,
  },
  social_economy: { name: "hexagone", path: "M6.5 2.5H17.5L23 12L17.5 21.5H6.5L1 12Z", hollow: false },
  target_beneficiaries: { name: "triangle pointe en bas", path: "M1.5 3H22.5L12 22Z", hollow: false },
  other_civil_society: { name: "croix droite", path: "M8 1H16V8H23V16H16V23H8V16H1V8H8Z", hollow: false },
  media: {
    name: "croix de saint André",
    path: "M4.5 1L12 8.5L19.5 1L23 4.5L15.5 12L23 19.5L19.5 23L12 15.5L4.5 23L1 19.5L8.5 12L1 4.5Z",
    hollow: false,
  },
  none: { name: "cercle vide", path: CIRCLE, hollow: true },
};

/**
 * One colour per category (Okabe–Ito's colour-blind-safe set, extended), always drawn with a dark
 * outline so that the marker stands out from the background whatever its fill (WCAG 1.4.11).
 */
export const CATEGORY_COLOURS: Record<CategoryKey, string> = {
  state: "#0072b2",
  local_authorities: "#009e73",
  professional_bodies: "#56b4e9",
  research: "#cc79a7",
  companies: "#e69f00",
  social_economy: "#d55e00",
  target_beneficiaries: "#f0e442",
  other_civil_society: "#7a5195",
  media: "#6b7478",
  none: "#ffffff",
};

/** The outline of every marker: the app's strong text colour. */
export const MARKER_OUTLINE = "#1b1b1b";

/** The ECharts symbol of a category: its path (`path://…`), or the built-in hollow circle. */
export function echartsSymbol(key: CategoryKey): string {
  const shape = CATEGORY_SHAPES[key];
  return shape.hollow ? "emptyCircle" : `path://${shape.path}`;
}

/** A line pattern: ECharts' dash array (`solid` for a full line). */
export type LinePattern = "solid" | number[];

/** How an interaction kind is drawn: colour (at least 3:1 on white), pattern and width. */
export interface EdgeStyle {
  colour: string;
  pattern: LinePattern;
  width: number;
}

/** One style per kind, told apart by their pattern as well as their colour. */
export const KIND_STYLES: Record<InteractionKind, EdgeStyle> = {
  finances: { colour: "#0072b2", pattern: "solid", width: 2 },
  cooperates_with: { colour: "#00785a", pattern: [7, 4], width: 2 },
  is_member_of: { colour: "#7a5195", pattern: [2, 3], width: 2 },
  competes_with: { colour: "#b84300", pattern: [10, 3, 2, 3], width: 2 },
  advises: { colour: "#8a6a00", pattern: [14, 5], width: 1.5 },
};

/** The SVG `stroke-dasharray` of a pattern (for the HTML legend). */
export function dashArray(pattern: LinePattern): string | undefined {
  return pattern === "solid" ? undefined : pattern.join(" ");
}
