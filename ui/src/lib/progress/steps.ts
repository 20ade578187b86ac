// The sidebar's five steps of « Construire une alliance »: how each is named and placed. What a step's status is and
// what it misses come from allia-core (`progress`, through `alliance_progress`); nothing here decides them.
import type { StepProgress, StepStatus } from "$lib/api/bindings";

/**
 * The step as the sidebar writes it, « 1. Réaliser le diagnostic interne »; its status follows, so that the button's
 * name (its visible text, WCAG 2.5.3) says both.
 */
export function stepLabel(step: Pick<StepProgress, "number" | "title">): string {
  return `${step.number}. ${step.title}`;
}

/** What the tooltip lists: the missing items, or a line saying nothing is. */
export function tooltipLines(step: Pick<StepProgress, "status" | "missing">): string[] {
  if (step.status === "done" || step.missing.length === 0) return ["Rien ne manque\u00a0: l’étape est terminée."];
  return step.missing;
}

/** The tooltip's heading: what the list below it is. */
export function tooltipTitle(step: Pick<StepProgress, "status">): string {
  return step.status === "done" ? "Étape terminée" : "Ce qui manque";
}

/** The icon drawn for a status (its shape, never its colour alone, tells them apart). */
export const STATUS_ICON: Record<StepStatus, "check" | "half" | "empty"> = {
  done: "check",
  in_progress: "half",
  not_started: "empty",
};

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where the tooltip goes (CSS px, `position: fixed`): right of its step when it fits in the window, otherwise under
 * it; always inside the window, `margin` px from its edges.
 */
export function placeTooltip(
  anchor: Box,
  tip: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
  margin = 8,
): { left: number; top: number; side: "right" | "below" } {
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));
  const right = anchor.left + anchor.width + gap;
  if (right + tip.width + margin <= viewport.width) {
    return { left: right, top: clamp(anchor.top, margin, viewport.height - tip.height - margin), side: "right" };
  }
  const below = anchor.top + anchor.height + gap;
  return {
    left: clamp(anchor.left, margin, viewport.width - tip.width - margin),
    top: clamp(below, margin, viewport.height - tip.height - margin),
    side: "below",
  };
}
