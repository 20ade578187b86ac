// The objectives an indicator or a gap analysis can hang on, read from « Objectifs » (`objectives_overview`): a select
// grouped by strategic objective, each group offering the strategic objective itself then its operational ones.
import type { ObjectiveRef, ObjectiveTree } from "./types";

/** One option of the objective select: its value is `level:id`. */
export interface ObjectiveOption {
  value: string;
  label: string;
  ref: ObjectiveRef;
}

export interface ObjectiveGroup {
  /** The strategic objective's title. */
  label: string;
  options: ObjectiveOption[];
}

/** The select's value for a reference. */
export function objectiveKey(ref: ObjectiveRef): string {
  return ref.id === "" ? "" : `${ref.level}:${ref.id}`;
}

/** The reference of a select value ("" → no objective chosen, an empty id the vault refuses in French). */
export function objectiveFromKey(key: string): ObjectiveRef {
  const [level, id] = key.split(":");
  return level === "strategic" && id ? { level: "strategic", id } : level === "operational" && id ? { level: "operational", id } : { level: "operational", id: "" };
}

/** The groups of the select, in the objectives' order. */
export function objectiveGroups(tree: ObjectiveTree | null): ObjectiveGroup[] {
  return (tree?.strategic ?? []).map((s) => ({
    label: s.objective.draft.title,
    options: [
      {
        value: `strategic:${s.objective.id}`,
        label: `Objectif stratégique\u00a0: ${s.objective.draft.title}`,
        ref: { level: "strategic", id: s.objective.id },
      },
      ...s.operational.map((o) => ({
        value: `operational:${o.objective.id}`,
        label: o.objective.draft.wording,
        ref: { level: "operational" as const, id: o.objective.id },
      })),
    ],
  }));
}

/**
 * An objective's name for lists and headings; « Objectif introuvable » when it was deleted meanwhile, "" while the
 * objectives are not read yet.
 */
export function objectiveName(tree: ObjectiveTree | null, ref: ObjectiveRef): string {
  if (tree === null) return "";
  for (const s of tree?.strategic ?? []) {
    if (ref.level === "strategic" && s.objective.id === ref.id) return s.objective.draft.title;
    for (const o of s.operational) if (ref.level === "operational" && o.objective.id === ref.id) return o.objective.draft.wording;
  }
  return "Objectif introuvable";
}

/** Every objective, strategic then its operational ones, as references. */
export function allObjectives(tree: ObjectiveTree | null): ObjectiveOption[] {
  return objectiveGroups(tree).flatMap((g) => g.options);
}
