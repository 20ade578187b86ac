// « Objectifs » (guide section 4, « Formaliser et mesurer l’action »): the screen's logic that is not a rule. The
// SMART check, the ranking and what an objective may become are allia-core's and arrive from the vault; here only
// what forms need: reading what is typed (a figure with a decimal comma, impacts one per line), writing figures
// and dates the French way, grouping the tree by dimension, and the choices of the delete dialog.
import type {
  Choice,
  CooperationDimension,
  IndicatorFate,
  ObjectiveRef,
  ObjectivesOverview,
  OperationalObjectiveDraft,
  OperationalObjectiveView,
  StrategicObjectiveDraft,
  StrategicObjectiveView,
} from "$lib/api/bindings";
import { formatDate, NNBSP } from "$lib/format";
import { nullable } from "$lib/forms";

/**
 * An operational objective's dimension as shown: the alliance's own name for « Autre dimension », else its label in
 * `dimensions` (the catalog's `cooperationDimensions`).
 */
export function dimensionLabel(
  draft: Pick<OperationalObjectiveDraft, "dimension" | "customDimension">,
  dimensions: Choice<CooperationDimension>[],
): string {
  if (draft.dimension === "other" && draft.customDimension) return draft.customDimension;
  return dimensions.find((d) => d.value === draft.dimension)?.label ?? draft.dimension;
}

/** A figure as typed: nothing, a number, or text that is not one. */
export type ParsedFigure = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid" };

/**
 * Reads a figure typed the French way or not: « 15 », « 15,5 », « 1 234,5 », « -3.2 ». Spaces (also no-break) group
 * thousands; one comma or one point is the decimal mark. Anything else is invalid (the field says why).
 */
export function parseFigure(text: string): ParsedFigure {
  const squashed = text.replace(/[\s\u00a0\u202f]/g, "");
  if (squashed === "") return { kind: "empty" };
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(squashed)) return { kind: "invalid" };
  const value = Number(squashed.replace(",", "."));
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}

/** The message next to a figure that is not one. */
export const FIGURE_MESSAGE = "Indiquez un nombre (exemple\u00a0: 15 ou 12,5).";

/** A number written the French way: 1234.5 → « 1 234,5 » (narrow no-break spaces). */
export function frenchNumber(value: number): string {
  const [integer = "", fraction] = String(Math.abs(value)).split(".");
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return `${value < 0 ? "−" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** A figure typed back into a field: 12.5 → « 12,5 »; null → «  ». */
export function figureText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}

/** A value with its unit: « 15 % », « 5 associations », « 15 ». */
export function withUnit(value: number, unit: string | null | undefined): string {
  const text = frenchNumber(value);
  const u = unit?.trim() ?? "";
  if (u === "") return text;
  return u === "%" ? `${text}${NNBSP}%` : `${text} ${u}`;
}

/** The target as the tree shows it: « 15 % », « 40 → 25 heures », or null when no target is written. */
export function targetText(draft: OperationalObjectiveDraft): string | null {
  const target = draft.targetValue ?? null;
  if (target === null) return null;
  const baseline = draft.baselineValue ?? null;
  if (baseline === null) return withUnit(target, draft.unit);
  return `${frenchNumber(baseline)} → ${withUnit(target, draft.unit)}`;
}

/** « du 1er décembre 2025 au 30 juin 2026 », « jusqu’au 30 juin 2026 », « à partir du … », or null. */
export function periodText(start: string | null | undefined, due: string | null | undefined): string | null {
  if (start && due) return `du ${formatDate(start)} au ${formatDate(due)}`;
  if (due) return `jusqu’au ${formatDate(due)}`;
  if (start) return `à partir du ${formatDate(start)}`;
  return null;
}

/** Expected impacts typed one per line: trimmed, blank lines dropped. */
export function impactsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The operational objectives of a strategic one grouped by dimension, in the dimensions' order, empty ones left out. */
export function byDimension(
  operational: OperationalObjectiveView[],
  dimensions: Choice<CooperationDimension>[],
): { key: string; label: string; objectives: OperationalObjectiveView[] }[] {
  const groups = new Map<string, { key: string; label: string; order: number; objectives: OperationalObjectiveView[] }>();
  for (const view of operational) {
    const draft = view.objective.draft;
    const label = dimensionLabel(draft, dimensions);
    const key = draft.dimension === "other" ? `other:${label}` : draft.dimension;
    const order = dimensions.findIndex((d) => d.value === draft.dimension);
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, label, order, objectives: [] };
      groups.set(key, group);
    }
    group.objectives.push(view);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, "fr"))
    .map(({ key, label, objectives }) => ({ key, label, objectives }));
}

/** The vision form as typed. */
export interface VisionFields {
  vision: string;
  horizonYear: string;
}

/** The operational objective form as typed. */
export interface OperationalForm {
  strategicObjectiveId: string;
  wording: string;
  dimension: CooperationDimension;
  customDimension: string;
  partnerIds: string[];
  /** « value » (a target value) or « change » (before → after). */
  targetKind: "value" | "change";
  baselineValue: string;
  targetValue: string;
  unit: string;
  scope: string;
  ownerPartnerId: string;
  ownerPerson: string;
  startDate: string | null;
  dueDate: string | null;
}

export function emptyOperationalForm(strategicObjectiveId: string): OperationalForm {
  return {
    strategicObjectiveId,
    wording: "",
    dimension: "pooling",
    customDimension: "",
    partnerIds: [],
    targetKind: "value",
    baselineValue: "",
    targetValue: "",
    unit: "",
    scope: "",
    ownerPartnerId: "",
    ownerPerson: "",
    startDate: null,
    dueDate: null,
  };
}

export function operationalToForm(draft: OperationalObjectiveDraft): OperationalForm {
  return {
    strategicObjectiveId: draft.strategicObjectiveId,
    wording: draft.wording,
    dimension: draft.dimension,
    customDimension: draft.customDimension ?? "",
    partnerIds: [...(draft.partnerIds ?? [])],
    targetKind: draft.baselineValue === null || draft.baselineValue === undefined ? "value" : "change",
    baselineValue: figureText(draft.baselineValue),
    targetValue: figureText(draft.targetValue),
    unit: draft.unit ?? "",
    scope: draft.scope ?? "",
    ownerPartnerId: draft.ownerPartnerId ?? "",
    ownerPerson: draft.ownerPerson ?? "",
    startDate: draft.startDate ?? null,
    dueDate: draft.dueDate ?? null,
  };
}

/**
 * The draft to send, or the fields whose figures are not numbers (refused here, with `FIGURE_MESSAGE`). A figure
 * not parsed is sent as null for the SMART check while typing (`lenient`), so the panel still answers.
 */
export function formToOperational(
  form: OperationalForm,
  lenient = false,
): { draft: OperationalObjectiveDraft; invalid: Record<string, string> } {
  const invalid: Record<string, string> = {};
  const read = (field: string, text: string): number | null => {
    const parsed = parseFigure(text);
    if (parsed.kind === "number") return parsed.value;
    if (parsed.kind === "invalid" && !lenient) invalid[field] = FIGURE_MESSAGE;
    return null;
  };
  const targetValue = read("targetValue", form.targetValue);
  const baselineValue = form.targetKind === "change" ? read("baselineValue", form.baselineValue) : null;
  return {
    draft: {
      strategicObjectiveId: form.strategicObjectiveId,
      wording: form.wording,
      dimension: form.dimension,
      customDimension: form.dimension === "other" ? nullable(form.customDimension) : null,
      partnerIds: [...form.partnerIds],
      baselineValue,
      targetValue,
      unit: nullable(form.unit),
      scope: nullable(form.scope),
      ownerPartnerId: nullable(form.ownerPartnerId),
      ownerPerson: nullable(form.ownerPerson),
      startDate: form.startDate || null,
      dueDate: form.dueDate || null,
    },
    invalid,
  };
}

/** The strategic objective form as typed. */
export interface StrategicForm {
  title: string;
  description: string;
  /** One per line. */
  impacts: string;
  /** Criterion id → score typed (« » for none yet). */
  scores: Record<string, string>;
}

export function strategicToForm(draft: StrategicObjectiveDraft | null): StrategicForm {
  const scores: Record<string, string> = {};
  for (const [id, score] of Object.entries(draft?.priorityScores ?? {})) {
    if (score !== undefined) scores[id] = String(score);
  }
  return {
    title: draft?.title ?? "",
    description: draft?.description ?? "",
    impacts: (draft?.expectedImpacts ?? []).join("\n"),
    scores,
  };
}

/** The message next to a score that is not 0 to 5. */
export function scoreMessage(max: number): string {
  return `Une note va de 0 à ${max}\u00a0: un chiffre entier.`;
}

/** The draft to send, or the criteria whose typed score is not a whole number 0 to `max` (keyed by criterion id). */
export function formToStrategic(
  form: StrategicForm,
  criterionIds: string[],
  max: number,
): { draft: StrategicObjectiveDraft; invalid: Record<string, string> } {
  const invalid: Record<string, string> = {};
  const priorityScores: Record<string, number> = {};
  for (const id of criterionIds) {
    const text = (form.scores[id] ?? "").trim();
    if (text === "") continue;
    if (/^\d+$/.test(text) && Number(text) <= max) priorityScores[id] = Number(text);
    else invalid[id] = scoreMessage(max);
  }
  // Scores on criteria no longer listed stay as they were: the vault keeps them, unused by the ranking.
  for (const [id, text] of Object.entries(form.scores)) {
    if (!criterionIds.includes(id) && /^\d+$/.test(text.trim())) priorityScores[id] = Number(text.trim());
  }
  return {
    draft: {
      title: form.title,
      description: nullable(form.description),
      expectedImpacts: impactsFromText(form.impacts),
      priorityScores,
    },
    invalid,
  };
}

/** What the delete dialog is about: an objective, its title, and the operational objectives that go with it. */
export interface DeleteTarget {
  ref: ObjectiveRef;
  title: string;
  /** For a strategic objective: the wordings of its operational objectives, deleted with it. */
  goesWith: string[];
  /** Indicators of the objective and of those that go with it. */
  indicatorCount: number;
}

/** The delete target for a strategic objective (with its operational objectives) or an operational one. */
export function deleteTarget(
  overview: ObjectivesOverview,
  ref: ObjectiveRef,
): DeleteTarget | null {
  for (const strategic of overview.strategic) {
    if (ref.level === "strategic" && strategic.objective.id === ref.id) {
      return {
        ref,
        title: strategic.objective.draft.title,
        goesWith: strategic.operational.map((o) => o.objective.draft.wording),
        indicatorCount: strategic.indicatorCount + strategic.operational.reduce((n, o) => n + o.indicatorCount, 0),
      };
    }
    for (const op of strategic.operational) {
      if (ref.level === "operational" && op.objective.id === ref.id) {
        return { ref, title: op.objective.draft.wording, goesWith: [], indicatorCount: op.indicatorCount };
      }
    }
  }
  return null;
}

/** An objective the indicators may move to: every objective but the one deleted and those that go with it. */
export interface MoveChoice {
  /** `<level>:<id>`, the select's value. */
  value: string;
  label: string;
  ref: ObjectiveRef;
}

export function moveChoices(overview: ObjectivesOverview, target: ObjectiveRef): MoveChoice[] {
  const choices: MoveChoice[] = [];
  for (const strategic of overview.strategic) {
    const goes = target.level === "strategic" && strategic.objective.id === target.id;
    if (goes) continue;
    choices.push({
      value: `strategic:${strategic.objective.id}`,
      label: `Objectif stratégique\u00a0: ${strategic.objective.draft.title}`,
      ref: { level: "strategic", id: strategic.objective.id },
    });
    for (const op of strategic.operational) {
      if (target.level === "operational" && op.objective.id === target.id) continue;
      choices.push({
        value: `operational:${op.objective.id}`,
        label: `Objectif opérationnel\u00a0: ${op.objective.draft.wording}`,
        ref: { level: "operational", id: op.objective.id },
      });
    }
  }
  return choices;
}

/** The fate sent with the deletion: none needed without indicators, else delete them or move them. */
export function fateOf(indicatorCount: number, choice: "delete" | "move", moveTo: MoveChoice | null): IndicatorFate | null {
  if (indicatorCount === 0) return { kind: "refuse" };
  if (choice === "delete") return { kind: "delete" };
  return moveTo === null ? null : { kind: "moveTo", to: moveTo.ref };
}

/** The strategic objective with this id in the overview. */
export function strategicById(overview: ObjectivesOverview | undefined, id: string): StrategicObjectiveView | null {
  return overview?.strategic.find((s) => s.objective.id === id) ?? null;
}

/** The one form open on the screen (one at a time, so nothing typed is hidden by another). */
export type OpenForm =
  | { kind: "strategic-new" }
  | { kind: "strategic-edit"; id: string }
  | { kind: "operational-new"; strategicId: string }
  | { kind: "operational-edit"; id: string };

/** The draft key's `form` of an open form (`unsaved.ts`), as each form writes it. */
export function draftFormName(open: OpenForm): string {
  switch (open.kind) {
    case "strategic-new":
      return "strategic:new";
    case "strategic-edit":
      return `strategic:${open.id}`;
    case "operational-new":
      return `operational:new:${open.strategicId}`;
    case "operational-edit":
      return `operational:${open.id}`;
  }
}

/** The form a kept draft belongs to, from its key's `form`; null for the vision's or an unknown one. */
export function openFormOf(name: string): OpenForm | null {
  if (name === "strategic:new") return { kind: "strategic-new" };
  const newOp = /^operational:new:(.+)$/.exec(name);
  if (newOp?.[1]) return { kind: "operational-new", strategicId: newOp[1] };
  const op = /^operational:(.+)$/.exec(name);
  if (op?.[1]) return { kind: "operational-edit", id: op[1] };
  const st = /^strategic:(.+)$/.exec(name);
  if (st?.[1]) return { kind: "strategic-edit", id: st[1] };
  return null;
}

/**
 * Where focus goes when `form` closes (« Annuler », saved, Escape), in order: the button that opened it, then the
 * record's heading when that button is gone, then the list's heading. Element ids, as the tree renders them.
 */
export function formReturnIds(form: OpenForm): string[] {
  switch (form.kind) {
    case "strategic-new":
      return ["strategic-add", "strategic-title"];
    case "strategic-edit":
      return [`strategic-${form.id}-edit`, `strategic-${form.id}-title`, "strategic-title"];
    case "operational-new":
      return [`strategic-${form.strategicId}-operational-add`, `strategic-${form.strategicId}-operational`, "strategic-title"];
    case "operational-edit":
      return [`operational-${form.id}-edit`, `operational-${form.id}`, "strategic-title"];
  }
}

/** The first field of `root` a person types in (not a button, not disabled or hidden), or null. */
export function firstField(root: ParentNode): HTMLElement | null {
  const fields = root.querySelectorAll<HTMLElement>("input:not([type='hidden']), textarea, select");
  for (const field of fields) {
    if ((field as HTMLInputElement).disabled) continue;
    if (field.closest("[hidden], [inert]") !== null) continue;
    return field;
  }
  return null;
}

/**
 * Escape pressed in an open form: closes it when nothing was changed (`close`), else asks first (`ask`, the
 * « Abandonner les modifications ? » dialog). A key another control already handled (a list, a date picker) is left.
 */
export function escapeForm(event: KeyboardEvent, dirty: boolean, ask: () => void, close: () => void): void {
  if (event.key !== "Escape" || event.defaultPrevented || event.isComposing) return;
  event.preventDefault();
  event.stopPropagation();
  if (dirty) ask();
  else close();
}

/** What `escapeCloses` needs: whether the form has changes, how to ask, how to close. */
export interface EscapeOptions {
  dirty: () => boolean;
  ask: () => void;
  close: () => void;
}

/** Svelte action on a form: Escape pressed inside it closes it as `escapeForm` says. */
export function escapeCloses(node: HTMLElement, options: EscapeOptions) {
  let current = options;
  const listener = (event: KeyboardEvent) => escapeForm(event, current.dirty(), current.ask, current.close);
  node.addEventListener("keydown", listener);
  return {
    update(next: EscapeOptions) {
      current = next;
    },
    destroy() {
      node.removeEventListener("keydown", listener);
    },
  };
}
