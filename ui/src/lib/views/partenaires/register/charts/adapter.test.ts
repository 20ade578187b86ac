import { describe, expect, it } from "vitest";
import type { Catalog, Interaction, PartnerDraft, RegisterActor } from "$lib/api/bindings";
import { chartActor, chartLink, chartModel, registerChartModel } from "./adapter";
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

  it("reads the vault's actors and links", () => {
    const catalog = {
      mapCategories: LABELS.categories,
      actorPipelineStatuses: LABELS.statuses,
      mapQuadrants: LABELS.quadrants,
      interactionKinds: LABELS.kinds,
      levelScales: [],
    } as unknown as Catalog;
    const stamp = "2026-12-05T10:00:00Z";
    const registerActor = (id: string, name: string): RegisterActor => ({
      actor: { id, allianceId: "al", createdAt: stamp, updatedAt: stamp, draft: draft(name) },
      quadrant: null,
      allowedMoves: [],
      isPartner: true,
      canPromote: false,
    });
    const link: Interaction = {
      id: "l1",
      allianceId: "al",
      createdAt: stamp,
      updatedAt: stamp,
      draft: { fromActorId: "x", toActorId: "y", kind: "advises" },
    };
    expect(chartLink(link)).toEqual({ id: "l1", from: "x", to: "y", kind: "advises", note: null });
    const model = registerChartModel([registerActor("x", "Région"), registerActor("y", "Ville")], [link], catalog);
    expect(model.actors.map((a) => [a.id, a.name, a.status])).toEqual([
      ["x", "Région", "engaged"],
      ["y", "Ville", "engaged"],
    ]);
    expect(model.links).toEqual([chartLink(link)]);
  });
});
