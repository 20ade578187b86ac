import { describe, expect, it } from "vitest";
import type { Catalog, PartnerDraft } from "$lib/api/bindings";
import { chartActor, chartModel } from "./adapter";
import { LABELS } from "./fixture";

function draft(name: string, extra: Partial<PartnerDraft> = {}): PartnerDraft {
  return {
    organisation: { name } as PartnerDraft["organisation"],
    actorType: "association",
    role: "member",
    ...extra,
  };
}

describe("the charts' adapter", () => {
  it("reads an actor's status, category, levels and the vault's quadrant", () => {
    const actor = chartActor({
      id: "x",
      draft: draft("Ville de Lyon", {
        pipeline: { status: "in_discussion" },
        assessment: { category: "local_authorities", influence: 5, interest: 4, nuisance: null },
      }),
      quadrant: "associate_closely",
    });
    expect(actor).toEqual({
      id: "x",
      name: "Ville de Lyon",
      category: "local_authorities",
      status: "in_discussion",
      influence: 5,
      interest: 4,
      nuisance: null,
      quadrant: "associate_closely",
    });
  });

  it("takes a record written before the register for an engaged partner with no category", () => {
    const actor = chartActor({ id: "p", draft: draft("Partenaire ancien"), quadrant: null });
    expect(actor).toMatchObject({ status: "engaged", category: null, influence: null, interest: null, quadrant: null });
  });

  it("builds the model with the catalog's labels", () => {
    const catalog = {
      mapCategories: LABELS.categories,
      actorPipelineStatuses: LABELS.statuses,
      mapQuadrants: LABELS.quadrants,
      interactionKinds: LABELS.kinds,
      levelScales: [],
    } as unknown as Catalog;
    const model = chartModel([{ id: "p", draft: draft("A"), quadrant: null }], [], catalog);
    expect(model.actors.map((a) => a.name)).toEqual(["A"]);
    expect(model.labels.quadrants.map((q) => q.label)).toEqual(["Associer étroitement", "Satisfaire", "Informer", "Surveiller"]);
    expect(model.labels.influence).toBe("Niveau d’influence");
  });
});
