import { describe, expect, it } from "vitest";
import type { ActorPipelineStatus, MapCategory, MapQuadrant, PartnerDraft } from "$lib/api/bindings";
import { LABELS } from "./fixture";
import {
  DEFAULT_SORT,
  NO_CATEGORY,
  NOT_ASSESSED,
  filtering,
  levelText,
  nextSort,
  noFilters,
  rowMatches,
  sortRows,
  statusOf,
  toRow,
  visibleRows,
  type RegisterRow,
} from "./register";

function draft(
  name: string,
  status: ActorPipelineStatus | null,
  category: MapCategory | null,
  levels: [number | null, number | null, number | null] = [null, null, null],
): PartnerDraft {
  const [influence, interest, nuisance] = levels;
  return {
    organisation: { name, acronym: null } as PartnerDraft["organisation"],
    actorType: "association",
    role: "member",
    ...(status === null ? {} : { pipeline: { status, dismissalReason: status === "dismissed" ? "Motif" : null } }),
    assessment: category === null ? null : { category, influence, interest, nuisance },
  };
}

function row(
  id: string,
  name: string,
  status: ActorPipelineStatus | null,
  category: MapCategory | null,
  levels?: [number | null, number | null, number | null],
  quadrant: MapQuadrant | null = null,
): RegisterRow {
  return toRow({ id, draft: draft(name, status, category, levels), quadrant }, LABELS);
}

const names = (rows: RegisterRow[]) => rows.map((r) => r.name);

describe("register rows", () => {
  it("label category, status and quadrant with the catalog, and say what is not assessed", () => {
    const placed = row("a", "Ville de Lyon", "engaged", "local_authorities", [5, 4, 3], "associate_closely");
    expect(placed.categoryLabel).toBe("Collectivités territoriales");
    expect(placed.statusLabel).toBe("Engagé");
    expect(placed.quadrantLabel).toBe("Associer étroitement");
    expect([placed.influence, placed.interest, placed.nuisance]).toEqual([5, 4, 3]);

    const bare = row("b", "Collectif", "identified", null);
    expect(bare.categoryLabel).toBe(NO_CATEGORY);
    expect(bare.quadrantLabel).toBe(NOT_ASSESSED);
    expect(levelText(bare.influence)).toBe("–");
    expect(levelText(4)).toBe("4");
  });

  it("read a record written before the register as « Engagé »", () => {
    expect(statusOf(draft("Ancien partenaire", null, null))).toBe("engaged");
    expect(row("c", "Ancien partenaire", null, null).statusLabel).toBe("Engagé");
  });
});

describe("sorting the register", () => {
  const rows = [
    row("1", "Université Lyon 2", "contacted", "research", [null, 4, 2]),
    row("2", "école de la rue", "identified", "social_economy", [2, 5, 1], "keep_informed"),
    row("3", "Ville de Lyon", "engaged", "local_authorities", [5, 4, 3], "associate_closely"),
    row("4", "Collectif des habitants", "dismissed", null),
    row("5", "Région", "in_discussion", "local_authorities", [5, 2, 4], "keep_satisfied"),
  ];

  it("sorts names ignoring case and accents, and turns round on a second click", () => {
    expect(names(sortRows(rows, DEFAULT_SORT, LABELS))).toEqual([
      "Collectif des habitants",
      "école de la rue",
      "Région",
      "Université Lyon 2",
      "Ville de Lyon",
    ]);
    const back = nextSort(DEFAULT_SORT, "name");
    expect(back).toEqual({ key: "name", direction: "descending" });
    expect(names(sortRows(rows, back, LABELS))[0]).toBe("Ville de Lyon");
  });

  it("sorts categories and statuses in the catalog's order, unknown values last either way", () => {
    const byCategory = sortRows(rows, { key: "category", direction: "ascending" }, LABELS);
    expect(names(byCategory)).toEqual(["Région", "Ville de Lyon", "Université Lyon 2", "école de la rue", "Collectif des habitants"]);
    const reversed = sortRows(rows, { key: "category", direction: "descending" }, LABELS);
    expect(names(reversed).at(-1)).toBe("Collectif des habitants");

    const byStatus = sortRows(rows, { key: "status", direction: "ascending" }, LABELS);
    expect(byStatus.map((r) => r.status)).toEqual(["identified", "contacted", "in_discussion", "engaged", "dismissed"]);
  });

  it("starts the levels strongest first, equal levels in name order, not assessed last", () => {
    const sort = nextSort(DEFAULT_SORT, "influence");
    expect(sort.direction).toBe("descending");
    expect(names(sortRows(rows, sort, LABELS))).toEqual([
      "Région",
      "Ville de Lyon",
      "école de la rue",
      "Collectif des habitants",
      "Université Lyon 2",
    ]);
    const quadrants = sortRows(rows, { key: "quadrant", direction: "ascending" }, LABELS);
    expect(quadrants.map((r) => r.quadrant)).toEqual(["associate_closely", "keep_satisfied", "keep_informed", null, null]);
  });
});

describe("filtering the register", () => {
  const rows = [
    row("1", "Ville de Lyon", "engaged", "local_authorities"),
    row("2", "Écoles du quartier", "identified", "target_beneficiaries"),
    row("3", "Collectif", "identified", null),
  ];

  it("filters by category, by « sans catégorie » and by status", () => {
    expect(rows.filter((r) => rowMatches(r, { ...noFilters(), category: "local_authorities" })).map((r) => r.id)).toEqual(["1"]);
    expect(rows.filter((r) => rowMatches(r, { ...noFilters(), category: "none" })).map((r) => r.id)).toEqual(["3"]);
    expect(rows.filter((r) => rowMatches(r, { ...noFilters(), status: "identified" })).map((r) => r.id)).toEqual(["2", "3"]);
  });

  it("searches names without case or accents, and says when a filter is set", () => {
    const filters = { ...noFilters(), search: "ecoles" };
    expect(names(visibleRows(rows, filters, DEFAULT_SORT, LABELS))).toEqual(["Écoles du quartier"]);
    expect(filtering(filters)).toBe(true);
    expect(filtering(noFilters())).toBe(false);
    expect(filtering({ ...noFilters(), search: "   " })).toBe(false);
  });
});
