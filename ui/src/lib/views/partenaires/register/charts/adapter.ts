// Builds the charts' view-model from the register's stored records (generated types) and the catalog.
import type { Catalog, Interaction, MapQuadrant, PartnerDraft, RegisterActor } from "$lib/api/bindings";
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

/** A register actor as the vault sends it (`actor_list`), for the charts. */
export function actorSource(item: RegisterActor): ActorSource {
  return { id: item.actor.id, draft: item.actor.draft, quadrant: item.quadrant };
}

/** A stored link (`interaction_list`), for the network. */
export function chartLink(interaction: Interaction): ChartLink {
  const { draft } = interaction;
  return { id: interaction.id, from: draft.fromActorId, to: draft.toActorId, kind: draft.kind, note: draft.note ?? null };
}

/** The charts' model straight from the vault's lists. */
export function registerChartModel(actors: RegisterActor[], interactions: Interaction[], catalog: Catalog): ActorChartModel {
  return chartModel(actors.map(actorSource), interactions.map(chartLink), catalog);
}
