// What the actor map and the network draw: a small view-model built from the register's records by
// `adapter.ts`, so that the charts and their option builders do not depend on the shape of the stored
// records. The closed lists' values and labels are the generated ones (allia-core, through the catalog).
import type {
  ActorPipelineStatus,
  Catalog,
  Choice,
  InteractionKind,
  MapCategory,
  MapQuadrant,
} from "$lib/api/bindings";

/** One actor as the charts see it. Levels are 1 to 5 (allia-core `Level`), `null` when not assessed. */
export interface ChartActor {
  id: string;
  name: string;
  /** The cartography category; `null` while the actor has no assessment (drawn « Sans catégorie »). */
  category: MapCategory | null;
  status: ActorPipelineStatus;
  influence: number | null;
  interest: number | null;
  nuisance: number | null;
  /** Where allia-core's `MapQuadrant::place` puts it; `null` until influence and interest are both known. */
  quadrant: MapQuadrant | null;
}

/** One typed, directed interaction: « `from` <kind> `to` ». */
export interface ChartLink {
  id: string;
  from: string;
  to: string;
  kind: InteractionKind;
  note: string | null;
}

/** The closed lists the charts label things with, in their reference order. */
export interface ChartLabels {
  categories: Choice<MapCategory>[];
  statuses: Choice<ActorPipelineStatus>[];
  quadrants: Choice<MapQuadrant>[];
  kinds: Choice<InteractionKind>[];
  /** The scales' labels: « Niveau d’influence », « Pouvoir de nuisance », « Intérêt / alignement ». */
  influence: string;
  nuisance: string;
  interest: string;
  /** Kinds that read the same both ways (coopère avec, est en concurrence avec): drawn without an arrow head. */
  symmetricKinds: InteractionKind[];
}

/** Everything one chart needs. */
export interface ActorChartModel {
  actors: ChartActor[];
  links: ChartLink[];
  labels: ChartLabels;
}

/** A category filter's key: a category, or `none` for the actors not described for the map yet. */
export type CategoryKey = MapCategory | "none";

/** What the filters hide (everything shown when both are empty, so that a new value is shown by default). */
export interface ChartFilters {
  hiddenCategories: CategoryKey[];
  hiddenStatuses: ActorPipelineStatus[];
}

/** No filter: every actor shown. */
export function noFilters(): ChartFilters {
  return { hiddenCategories: [], hiddenStatuses: [] };
}

/** The label of an actor without category, in the filters, legends and tooltips. */
export const NO_CATEGORY_LABEL = "Sans catégorie";

export function categoryKey(actor: ChartActor): CategoryKey {
  return actor.category ?? "none";
}

/** Whether the filters let `actor` through. */
export function isShown(actor: ChartActor, filters: ChartFilters): boolean {
  return !filters.hiddenCategories.includes(categoryKey(actor)) && !filters.hiddenStatuses.includes(actor.status);
}

/** The actors the filters let through, in the model's order. */
export function shownActors(actors: ChartActor[], filters: ChartFilters): ChartActor[] {
  return actors.filter((actor) => isShown(actor, filters));
}

/** Whether an actor can be placed on the map: both its influence and its interest are known. */
export function isPlaced(actor: ChartActor): actor is ChartActor & { influence: number; interest: number } {
  return actor.influence !== null && actor.interest !== null;
}

/** The category keys to offer as filters and legend entries: every category, then « Sans catégorie » when used. */
export function categoryKeys(model: ActorChartModel): { key: CategoryKey; label: string }[] {
  const keys: { key: CategoryKey; label: string }[] = model.labels.categories.map((c) => ({
    key: c.value,
    label: c.label,
  }));
  if (model.actors.some((a) => a.category === null)) keys.push({ key: "none", label: NO_CATEGORY_LABEL });
  return keys;
}

/** The label of a category key. */
export function categoryLabel(labels: ChartLabels, key: CategoryKey): string {
  if (key === "none") return NO_CATEGORY_LABEL;
  return labels.categories.find((c) => c.value === key)?.label ?? key;
}

/**
 * The kinds that read the same both ways, drawn without an arrow head: allia-core
 * `InteractionKind::is_symmetric` (actors/kinds.rs), pinned by model.test.ts.
 */
export const SYMMETRIC_KINDS: InteractionKind[] = ["cooperates_with", "competes_with"];

/** The labels from the catalog (the generated closed lists of allia-core). */
export function labelsFromCatalog(catalog: Catalog, symmetricKinds: InteractionKind[] = SYMMETRIC_KINDS): ChartLabels {
  const scale = (value: string, fallback: string) =>
    catalog.levelScales.find((s) => s.value === value)?.label ?? fallback;
  return {
    categories: catalog.mapCategories,
    statuses: catalog.actorPipelineStatuses,
    quadrants: catalog.mapQuadrants,
    kinds: catalog.interactionKinds,
    influence: scale("influence", "Niveau d’influence"),
    nuisance: scale("nuisance", "Pouvoir de nuisance"),
    interest: scale("interest", "Intérêt / alignement"),
    symmetricKinds,
  };
}

/** Lower-cases the first letter of a label, to use it inside a sentence (« à associer étroitement »). */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase("fr-FR") + label.slice(1);
}
