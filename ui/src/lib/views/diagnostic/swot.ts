// The SWOT matrix as the view lays it out: items grouped by quadrant in their stored order, the rows of the
// 2×2 grid, and where « Monter », « Descendre » and a drop send an item. The rule that renumbers positions lives
// in allia-core (`diagnostic::move_item`); the view only says which item goes where, by index.
import type { SwotItem, SwotQuadrant } from "$lib/api/bindings";

/** The grid's two rows, as the guide reads the matrix: internal (the association), then external. */
export const MATRIX_ROWS: ReadonlyArray<{ side: string; quadrants: readonly [SwotQuadrant, SwotQuadrant] }> = [
  { side: "Interne", quadrants: ["strengths", "weaknesses"] },
  { side: "Externe", quadrants: ["opportunities", "threats"] },
];

export const QUADRANTS: readonly SwotQuadrant[] = MATRIX_ROWS.flatMap((row) => row.quadrants);

/** The longest item text the vault keeps, in characters (allia-core `SWOT_TEXT_MAX`). */
export const SWOT_TEXT_MAX = 300;

/**
 * The counter shown under an item's field once it nears the cap (from 80 %): « 280 / 300 », and past it
 * « 320 / 300 : 20 de trop ». The field has no maxlength, so a pasted text is never cut silently: the vault refuses
 * it in French. Counts characters (code points) of the trimmed text, as the vault does; null while far from the cap.
 */
export function textCounter(text: string, max: number = SWOT_TEXT_MAX): { text: string; over: boolean } | null {
  const count = [...text.trim()].length;
  if (count < max * 0.8) return null;
  const base = `${count}\u202f/\u202f${max}`;
  return count > max ? { text: `${base}\u00a0: ${count - max} de trop`, over: true } : { text: base, over: false };
}

/** Each quadrant's items, by position. */
export function byQuadrant(items: readonly SwotItem[]): Record<SwotQuadrant, SwotItem[]> {
  const groups = Object.fromEntries(QUADRANTS.map((q) => [q, [] as SwotItem[]])) as Record<SwotQuadrant, SwotItem[]>;
  for (const item of items) groups[item.draft.quadrant].push(item);
  for (const q of QUADRANTS) groups[q].sort((a, b) => a.position - b.position);
  return groups;
}

/** Where an item goes one step up (`-1`) or down (`1`) in its quadrant; null at the quadrant's edge. */
export function stepTarget(
  items: readonly SwotItem[],
  id: string,
  delta: -1 | 1,
): { quadrant: SwotQuadrant; index: number } | null {
  const item = items.find((i) => i.id === id);
  if (!item) return null;
  const list = byQuadrant(items)[item.draft.quadrant];
  const index = list.findIndex((i) => i.id === id) + delta;
  if (index < 0 || index >= list.length) return null;
  return { quadrant: item.draft.quadrant, index };
}

/** The index a dropped item landed at in a zone's list after the drop; null when it is not in that zone. */
export function dropIndex(zone: ReadonlyArray<{ id: string }>, id: string): number | null {
  const index = zone.findIndex((entry) => entry.id === id);
  return index < 0 ? null : index;
}

/** The same list in the order the person sees after a move (for announcing it): 1-based place and count. */
export function placeOf(items: readonly SwotItem[], id: string): { place: number; count: number } | null {
  const item = items.find((i) => i.id === id);
  if (!item) return null;
  const list = byQuadrant(items)[item.draft.quadrant];
  return { place: list.findIndex((i) => i.id === id) + 1, count: list.length };
}
