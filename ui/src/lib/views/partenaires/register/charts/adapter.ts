// Builds the charts' view-model from the register's stored records (generated types) and the catalog.
import type { Catalog, MapQuadrant, PartnerDraft } from "$lib/api/bindings";
import { labelsFromCatalog, type ActorChartModel, type ChartActor, type ChartLink } from "./model";

/** What the charts need of a stored actor: its id, its draft and where the vault placed it on the map. */
export interface ActorSource {
  id: string;
  draft: PartnerDraft;
  /** allia-core `MapQuadrant::place`, as the vault sends it; `null` until influence and interest are known. */
  quadrant: MapQuadrant | null;
}

/** One actor for the charts. An actor written before the register is « Engagé » (allia-core's serde default). */
export function chartActor(source: ActorSource): ChartActor {
  const assessment = source.draft.assessment ?? null;
  return {
    id: source.id,
    name: source.draft.organisation.name,
    category: assessment?.category ?? null,
    status: source.draft.pipeline?.status ?? "engaged",
    influence: assessment?.influence ?? null,
    interest: assessment?.interest ?? null,
    nuisance: assessment?.nuisance ?? null,
    quadrant: source.quadrant,
  };
}

/** The charts' model: the actors, the links between them, the catalog's labels. */
export function chartModel(actors: ActorSource[], links: ChartLink[], catalog: Catalog): ActorChartModel {
  return { actors: actors.map(chartActor), links, labels: labelsFromCatalog(catalog) };
}
