// « Sélection » (guide step 3, « Réduire la sélection sur des critères objectifs »): the scoring matrix's screen
// logic. The weighted score, the ranking and what is missing are allia-core's (`actors::scoring`) and arrive from
// the vault; here only what a grid of inputs needs: reading a typed score, naming a cell, moving between cells
// with the keyboard, and writing a rank and a score the French way.
import { NBSP } from "$lib/format";

/** The message next to a cell holding something else than 0 to `max` (the catalog's `scoringLimits.scoreMax`). */
export function scoreRangeMessage(max: number): string {
  return `Une note va de 0 à ${max}${NBSP}: un chiffre entier.`;
}

/** What a typed cell means: no score yet, a score, or text that is not one. */
export type ParsedScore = { kind: "empty" } | { kind: "score"; score: number } | { kind: "invalid" };

/**
 * Reads a cell: blank is « no score yet »; a whole number 0 to `max` (the catalog's `scoringLimits.scoreMax`, 5) is
 * a score.
 */
export function parseScore(text: string, max: number): ParsedScore {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "empty" };
  if (!/^\d+$/.test(trimmed)) return { kind: "invalid" };
  const score = Number(trimmed);
  return score <= max ? { kind: "score", score } : { kind: "invalid" };
}

/** The field allia-core's ranking error names a missing score with: `scores.<candidate id>.<criterion id>`. */
export function cellField(candidateId: string, criterionId: string): string {
  return `scores.${candidateId}.${criterionId}`;
}

/** The id of a cell's input (for labels, messages and focus). */
export function cellId(candidateId: string, criterionId: string): string {
  return `score-${candidateId}-${criterionId}`;
}

/** A score in hundredths out of 100 written the French way: 6 667 → « 66,67 » (allia-core `format_score`). */
export function formatScore(scoreX100: number): string {
  const whole = Math.floor(scoreX100 / 100);
  const cents = scoreX100 % 100;
  return `${whole},${String(cents).padStart(2, "0")}`;
}

/** « 66,67 / 100 ». */
export function scoreOutOf100(scoreX100: number): string {
  return `${formatScore(scoreX100)}${NBSP}/${NBSP}100`;
}

/** A rank in French: « 1er », « 2e », and « ex æquo » when another candidate has the same score. */
export function rankText(rank: number, tied: boolean): string {
  const ordinal = rank === 1 ? "1er" : `${rank}e`;
  return tied ? `${ordinal} ex æquo` : ordinal;
}

/** A position in the grid: row (candidate) and column (criterion), from 0. */
export interface Cell {
  row: number;
  column: number;
}

/**
 * Where a key moves the focus in a grid of `rows` × `columns` inputs, like a spreadsheet: the arrows by one cell,
 * Entrée down (the next candidate on the same criterion, as one scores a column), Home and End to the row's first
 * and last cell. Null when the key does not move (it types, or the edge is reached), so the key does its usual work.
 */
export function moveInGrid(cell: Cell, key: string, rows: number, columns: number): Cell | null {
  const to = (row: number, column: number): Cell | null =>
    row < 0 || row >= rows || column < 0 || column >= columns || (row === cell.row && column === cell.column)
      ? null
      : { row, column };
  switch (key) {
    case "ArrowUp":
      return to(cell.row - 1, cell.column);
    case "ArrowDown":
    case "Enter":
      return to(cell.row + 1, cell.column);
    case "ArrowLeft":
      return to(cell.row, cell.column - 1);
    case "ArrowRight":
      return to(cell.row, cell.column + 1);
    case "Home":
      return to(cell.row, 0);
    case "End":
      return to(cell.row, columns - 1);
    default:
      return null;
  }
}

/** Reads a weight typed for a criterion: a whole number 0 to `max`, else null (the field says why). */
export function parseWeight(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const weight = Number(trimmed);
  return weight <= max ? weight : null;
}

/** The share of a criterion in the total, for its header (« 29 % »); « 0 % » when every weight is 0. */
export function weightShare(weight: number, total: number): string {
  const percent = total === 0 ? 0 : Math.round((weight * 100) / total);
  return `${percent}${"\u202f"}%`;
}
