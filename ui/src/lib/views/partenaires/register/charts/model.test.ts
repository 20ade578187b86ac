import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Catalog } from "$lib/api/bindings";
import { LABELS, smallModel } from "./fixture";
import {
  categoryKeys,
  categoryLabel,
  inSentence,
  isShown,
  labelsFromCatalog,
  noFilters,
  shownActors,
  SYMMETRIC_KINDS,
} from "./model";
import { CATEGORY_COLOURS, CATEGORY_SHAPES, echartsSymbol, KIND_STYLES } from "./palette";
import { escapeHtml } from "./text";

const here = dirname(fileURLToPath(import.meta.url));
const kindsRs = readFileSync(join(here, "../../../../../../../crates/allia-core/src/actors/kinds.rs"), "utf8");

describe("the charts' model", () => {
  it("draws without arrow head exactly the kinds allia-core calls symmetric", () => {
    const rule = /fn is_symmetric\(self\) -> bool \{\s*matches!\(self, ([^)]*)\)/.exec(kindsRs)?.[1];
    expect(rule).toBeTruthy();
    const kinds = (rule ?? "")
      .split("|")
      .map((k) => k.trim().replace(/^Self::/, "").replace(/[A-Z]/g, (c, at: number) => (at ? "_" : "") + c.toLowerCase()));
    expect(kinds).toEqual(SYMMETRIC_KINDS);
  });

  it("filters by category (« Sans catégorie » included) and by status", () => {
    const model = smallModel();
    const filters = { hiddenCategories: ["none" as const], hiddenStatuses: ["engaged" as const] };
    expect(shownActors(model.actors, filters).map((a) => a.id)).toEqual(["a2", "a4", "a5"]);
    expect(model.actors.every((a) => isShown(a, noFilters()))).toBe(true);
  });

  it("offers every category, and « Sans catégorie » only when an actor has none", () => {
    const model = smallModel();
    expect(categoryKeys(model).map((k) => k.key)).toEqual([...LABELS.categories.map((c) => c.value), "none"]);
    const described = { ...model, actors: model.actors.filter((a) => a.category !== null) };
    expect(categoryKeys(described)).toHaveLength(9);
    expect(categoryLabel(LABELS, "none")).toBe("Sans catégorie");
    expect(categoryLabel(LABELS, "media")).toBe("Médias");
  });

  it("takes its labels from the catalog", () => {
    const catalog = {
      mapCategories: LABELS.categories,
      actorPipelineStatuses: LABELS.statuses,
      mapQuadrants: LABELS.quadrants,
      interactionKinds: LABELS.kinds,
      levelScales: [
        { value: "influence", label: "Niveau d’influence", help: null },
        { value: "nuisance", label: "Pouvoir de nuisance", help: null },
        { value: "interest", label: "Intérêt / alignement", help: null },
      ],
    } as unknown as Catalog;
    expect(labelsFromCatalog(catalog)).toEqual(LABELS);
  });

  it("gives each category its own shape and colour, and each kind its own pattern", () => {
    const keys = Object.keys(CATEGORY_SHAPES);
    expect(new Set(keys.map((k) => CATEGORY_SHAPES[k as keyof typeof CATEGORY_SHAPES].path + k)).size).toBe(10);
    expect(new Set(keys.map((k) => echartsSymbol(k as keyof typeof CATEGORY_SHAPES))).size).toBe(10);
    expect(new Set(Object.values(CATEGORY_COLOURS)).size).toBe(10);
    expect(new Set(Object.values(KIND_STYLES).map((s) => JSON.stringify(s.pattern))).size).toBe(5);
  });

  it("writes labels inside a sentence and escapes HTML", () => {
    expect(inSentence("Associer étroitement")).toBe("associer étroitement");
    expect(inSentence("État")).toBe("état");
    expect(escapeHtml(`Tom & « Jerry » <b>'x'</b>`)).toBe("Tom &amp; « Jerry » &lt;b&gt;&#39;x&#39;&lt;/b&gt;");
  });
});
