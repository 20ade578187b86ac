// The sidebar's five steps of « Construire une alliance »: how each is named and placed. What a step's status is and
// what it misses come from allia-core (`progress`, through `alliance_progress`); nothing here decides them.
import type { StepProgress, StepStatus } from "$lib/api/bindings";

/** « Étape 1 : Réaliser le diagnostic interne » (a no-break space before the colon). */
export function stepName(step: Pick<StepProgress, "number" | "title">): string {
  return `Étape ${step.number}\u00a0: ${step.title}`;
}

/** The button's accessible name: the step and its status, which the icon only repeats. */
export function stepAccessibleName(step: Pick<StepProgress, "number" | "title" | "statusLabel">): string {
  return `${stepName(step)}, ${step.statusLabel}`;
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
