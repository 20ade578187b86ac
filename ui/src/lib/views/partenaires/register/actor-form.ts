// The actor panel's screen logic (guide step 3): the map fields as a form, the status menu, the proximity log's
// entries and the interactions as sentences. What a status may become, whether an actor is placed and what a link
// means are allia-core's rules, sent by the vault and the catalog; nothing here decides them.
import type {
  ActorAssessmentDraft,
  ActorPipelineStatus,
  Choice,
  InteractionKind,
  Level,
  MapCategory,
} from "$lib/api/bindings";
import { labelOf } from "$lib/catalog";
import { quote } from "$lib/format";

/** The map fields as the form holds them: "" for a level or a category not chosen. */
export interface AssessmentForm {
  category: MapCategory | "";
  influence: string;
  nuisance: string;
  interest: string;
  expectations: string;
  scope: string;
  synergies: string;
}

export function assessmentToForm(assessment: ActorAssessmentDraft | null | undefined): AssessmentForm {
  const level = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    category: assessment?.category ?? "",
    influence: level(assessment?.influence),
    nuisance: level(assessment?.nuisance),
    interest: level(assessment?.interest),
    expectations: assessment?.expectations ?? "",
    scope: assessment?.scope ?? "",
    synergies: assessment?.synergies ?? "",
  };
}

/** The message next to the category when map fields are typed without one. */
export const CATEGORY_NEEDED = "Choisissez la catégorie de la cartographie\u00a0: les autres champs de la carte la complètent.";

/**
 * Whether map fields are typed without a category: the form asks for one before saving (a category is what makes
 * an actor described for the map, allia-core's `ActorAssessmentDraft`; sending none would lose the rest).
 */
export function needsCategory(form: AssessmentForm): boolean {
  if (form.category !== "") return false;
  const typed = [form.influence, form.nuisance, form.interest, form.expectations, form.scope, form.synergies];
  return typed.some((value) => value.trim() !== "");
}

/** The assessment to send: none while no category is chosen (see `needsCategory`). */
export function formToAssessment(form: AssessmentForm): ActorAssessmentDraft | null {
  if (form.category === "") return null;
  const text = (value: string) => (value.trim() === "" ? null : value);
  const level = (value: string) => (value === "" ? null : Number(value));
  return {
    category: form.category,
    influence: level(form.influence),
    nuisance: level(form.nuisance),
    interest: level(form.interest),
    expectations: text(form.expectations),
    scope: text(form.scope),
    synergies: text(form.synergies),
  };
}

/**
 * The options of a 1–5 select from the catalog's `levels` (allia-core `Level::label`, written once there):
 * « 1 — Très faible » … « 5 — Très fort ».
 */
export function levelChoices(levels: readonly Choice<Level>[]): Choice<string>[] {
  return levels.map((level) => ({ value: String(level.value), label: `${level.value} — ${level.label}`, help: null }));
}

/**
 * What the status menu offers: the current status first, then the moves the vault allows from it, in the
 * catalog's (the funnel's) order.
 */
export function statusChoices(
  current: ActorPipelineStatus,
  allowed: readonly ActorPipelineStatus[],
  statuses: Choice<ActorPipelineStatus>[],
): Choice<ActorPipelineStatus>[] {
  return statuses.filter((choice) => choice.value === current || allowed.includes(choice.value));
}

/** One interaction as a sentence, from the actor's side: « finance « X » » or « est financé par « X » ». */
export interface LinkLine {
  id: string;
  /** The other actor. */
  otherId: string;
  otherName: string;
  kind: InteractionKind;
  /** « Ville de Lyon finance « Les Petits Débrouillards » », the actor's own name first. */
  sentence: string;
  note: string | null;
  outgoing: boolean;
}

/** An interaction as the vault stores it (from → to). */
export interface StoredLink {
  id: string;
  draft: { fromActorId: string; toActorId: string; kind: InteractionKind; note?: string | null };
}

/**
 * The links of `actorId`, each read from its own side: an outgoing link with the kind's verb (the catalog's label in
 * lower case: « finance »), an incoming one with the same verb from the other's side (« Ville de Lyon finance
 * « nous » » reads « « Ville de Lyon » finance cet acteur »). Sorted by the other actor's name.
 */
export function linkLines(
  actorId: string,
  links: readonly StoredLink[],
  nameOf: (id: string) => string,
  kinds: Choice<InteractionKind>[],
): LinkLine[] {
  return links
    .filter(({ draft }) => draft.fromActorId === actorId || draft.toActorId === actorId)
    .map(({ id, draft: link }) => {
      const outgoing = link.fromActorId === actorId;
      const otherId = outgoing ? link.toActorId : link.fromActorId;
      const otherName = nameOf(otherId);
      const verb = labelOf(kinds, link.kind).toLocaleLowerCase("fr");
      const sentence = outgoing
        ? `${capitalised(verb)} ${quote(otherName)}`
        : `${quote(otherName)} ${verb} cet acteur`;
      return { id, otherId, otherName, kind: link.kind, sentence, note: link.note ?? null, outgoing };
    })
    .sort((a, b) => a.otherName.localeCompare(b.otherName, "fr") || a.id.localeCompare(b.id));
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}

/** The friction points of an entry: one per line of the text area, blank lines dropped (the vault tidies the rest). */
export function frictionPoints(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** An entry of the proximity log as the vault stores it (enough of it to sort). */
export interface DatedEntry {
  createdAt: string;
  draft: { date: string };
}

/** The log, newest first: by date, then the entry written last first. */
export function newestFirst<T extends DatedEntry>(entries: readonly T[]): T[] {
  return entries
    .slice()
    .sort((a, b) => {
      if (a.draft.date !== b.draft.date) return a.draft.date < b.draft.date ? 1 : -1;
      return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
    });
}
