// The « Registre » table (guide step 3, « Cartographier les acteurs du territoire »): one row per actor with its
// category, status, levels and quadrant, sorted and filtered. The rows are built from the stored records and the
// catalog's labels; the quadrant is the one the vault placed (allia-core's rule), never computed here.
import type { ActorPipelineStatus, Catalog, MapCategory, MapQuadrant, PartnerDraft } from "$lib/api/bindings";
import { labelOf } from "$lib/catalog";
import { collationKey, matchesSearch } from "$lib/text/collation";

/** The label of an actor not described for the map yet (the same words as the charts). */
export const NO_CATEGORY = "Sans catégorie";
/** What a table cell shows for a level or a quadrant not known yet. */
export const NOT_ASSESSED = "Non évalué";

/** One actor as the table shows it. Levels are 1 to 5, null when not assessed. */
export interface RegisterRow {
  id: string;
  name: string;
  acronym: string | null;
  category: MapCategory | null;
  categoryLabel: string;
  status: ActorPipelineStatus;
  statusLabel: string;
  influence: number | null;
  interest: number | null;
  nuisance: number | null;
  quadrant: MapQuadrant | null;
  quadrantLabel: string;
  /** Whether this actor is the association itself (one per alliance). */
  own: boolean;
}

/** What the table needs of a stored actor: its id, its draft and where the vault placed it on the map. */
export interface RegisterSource {
  id: string;
  draft: PartnerDraft;
  quadrant: MapQuadrant | null;
}

/** The catalog lists the table labels with. */
export type RegisterLabels = Pick<Catalog, "mapCategories" | "actorPipelineStatuses" | "mapQuadrants">;

/** An actor's status: « Engagé » when the record predates the register (serde's default, as in allia-core). */
export function statusOf(draft: PartnerDraft): ActorPipelineStatus {
  return draft.pipeline?.status ?? "engaged";
}

export function toRow(source: RegisterSource, labels: RegisterLabels): RegisterRow {
  const { draft } = source;
  const assessment = draft.assessment ?? null;
  const category = assessment?.category ?? null;
  const status = statusOf(draft);
  return {
    id: source.id,
    name: draft.organisation.name,
    acronym: draft.organisation.acronym ?? null,
    category,
    categoryLabel: category === null ? NO_CATEGORY : labelOf(labels.mapCategories, category),
    status,
    statusLabel: labelOf(labels.actorPipelineStatuses, status),
    influence: assessment?.influence ?? null,
    interest: assessment?.interest ?? null,
    nuisance: assessment?.nuisance ?? null,
    quadrant: source.quadrant,
    quadrantLabel: source.quadrant === null ? NOT_ASSESSED : labelOf(labels.mapQuadrants, source.quadrant),
    own: draft.ownAssociation === true,
  };
}

/** The columns the table sorts on. */
export type SortKey = "name" | "category" | "status" | "influence" | "interest" | "nuisance" | "quadrant";
export type SortDirection = "ascending" | "descending";
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

/** The first sort: by name, as a register is read. */
export const DEFAULT_SORT: Sort = { key: "name", direction: "ascending" };

/**
 * The sort after a click on `key`'s header: the same column turns the order round; another starts ascending for
 * text and descending for the levels (the strongest first, which is what a person looks for).
 */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  const levels: SortKey[] = ["influence", "interest", "nuisance"];
  return { key, direction: levels.includes(key) ? "descending" : "ascending" };
}

/**
 * Sorts rows on `sort`. Categories, statuses and quadrants follow the catalog's order (the guide's, the funnel's,
 * the map's reading order), not the alphabet. An unknown value (no category, a level not assessed) goes last
 * whatever the direction: the table shows what is known first. Equal rows stay in name order (collation: case
 * and accents set aside), then by id, so the table never reorders by itself.
 */
export function sortRows(rows: readonly RegisterRow[], sort: Sort, labels: RegisterLabels): RegisterRow[] {
  const order = <T>(list: { value: T }[], value: T | null) => (value === null ? null : list.findIndex((c) => c.value === value));
  const keyOf = (row: RegisterRow): number | string | null => {
    switch (sort.key) {
      case "name":
        return collationKey(row.name);
      case "category":
        return order(labels.mapCategories, row.category);
      case "status":
        return order(labels.actorPipelineStatuses, row.status);
      case "quadrant":
        return order(labels.mapQuadrants, row.quadrant);
      default:
        return row[sort.key];
    }
  };
  const sign = sort.direction === "ascending" ? 1 : -1;
  const byName = (a: RegisterRow, b: RegisterRow) => {
    const ka = collationKey(a.name);
    const kb = collationKey(b.name);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  return rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
        return byName(a.row, b.row);
      }
      if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * sign;
      return byName(a.row, b.row);
    })
    .map(({ row }) => row);
}

/** A category filter: every category (""), the actors without one ("none"), or one category. */
export type CategoryFilter = MapCategory | "none" | "";
export type StatusFilter = ActorPipelineStatus | "";

export interface RegisterFilters {
  search: string;
  category: CategoryFilter;
  status: StatusFilter;
}

export function noFilters(): RegisterFilters {
  return { search: "", category: "", status: "" };
}

/** Whether the filters let `row` through (search on the name and the acronym, case and accents set aside). */
export function rowMatches(row: RegisterRow, filters: RegisterFilters): boolean {
  if (filters.category === "none" && row.category !== null) return false;
  if (filters.category !== "" && filters.category !== "none" && row.category !== filters.category) return false;
  if (filters.status !== "" && row.status !== filters.status) return false;
  return matchesSearch(filters.search, [row.name, row.acronym]);
}

/** Whether any filter is set (the table then says « aucun acteur ne correspond » rather than being empty). */
export function filtering(filters: RegisterFilters): boolean {
  return filters.search.trim() !== "" || filters.category !== "" || filters.status !== "";
}

/** The rows the table shows, filtered then sorted. */
export function visibleRows(rows: readonly RegisterRow[], filters: RegisterFilters, sort: Sort, labels: RegisterLabels): RegisterRow[] {
  return sortRows(
    rows.filter((row) => rowMatches(row, filters)),
    sort,
    labels,
  );
}

/** A level in a cell: the number, or « – » when not assessed (the cell's label says « Non évalué »). */
export function levelText(level: number | null): string {
  return level === null ? "–" : String(level);
}
