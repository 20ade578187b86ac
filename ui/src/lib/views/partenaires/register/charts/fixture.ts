// For tests: the charts' labels as allia-core's catalog sends them, and a small register to draw.
import type { ActorPipelineStatus, InteractionKind, MapCategory, MapQuadrant } from "$lib/api/bindings";
import { SYMMETRIC_KINDS, type ActorChartModel, type ChartActor, type ChartLabels, type ChartLink } from "./model";

const choice = <T>(value: T, label: string) => ({ value, label, help: null });

/** The labels of allia-core's closed lists (actors/kinds.rs, map.rs, pipeline.rs). */
export const LABELS: ChartLabels = {
  categories: [
    choice<MapCategory>("state", "État"),
    choice<MapCategory>("local_authorities", "Collectivités territoriales"),
    choice<MapCategory>("professional_bodies", "Instances professionnelles"),
    choice<MapCategory>("research", "Acteurs de la recherche"),
    choice<MapCategory>("companies", "Entreprises"),
    choice<MapCategory>("social_economy", "Acteurs de l’ESS"),
    choice<MapCategory>("target_beneficiaries", "Bénéficiaires cibles"),
    choice<MapCategory>("other_civil_society", "Autres acteurs de la société civile"),
    choice<MapCategory>("media", "Médias"),
  ],
  statuses: [
    choice<ActorPipelineStatus>("identified", "Identifié"),
    choice<ActorPipelineStatus>("contacted", "Contacté"),
    choice<ActorPipelineStatus>("in_discussion", "En discussion"),
    choice<ActorPipelineStatus>("retained", "Retenu"),
    choice<ActorPipelineStatus>("engaged", "Engagé"),
    choice<ActorPipelineStatus>("dismissed", "Écarté"),
  ],
  quadrants: [
    choice<MapQuadrant>("associate_closely", "Associer étroitement"),
    choice<MapQuadrant>("keep_satisfied", "Satisfaire"),
    choice<MapQuadrant>("keep_informed", "Informer"),
    choice<MapQuadrant>("monitor", "Surveiller"),
  ],
  kinds: [
    choice<InteractionKind>("finances", "Finance"),
    choice<InteractionKind>("cooperates_with", "Coopère avec"),
    choice<InteractionKind>("is_member_of", "Est membre de"),
    choice<InteractionKind>("competes_with", "Est en concurrence avec"),
    choice<InteractionKind>("advises", "Conseille"),
  ],
  influence: "Niveau d’influence",
  nuisance: "Pouvoir de nuisance",
  interest: "Intérêt / alignement",
  symmetricKinds: SYMMETRIC_KINDS,
};

/** The quadrant of allia-core's rule, for building test actors only (strong is 3 or more). */
function quadrantOf(influence: number | null, interest: number | null): MapQuadrant | null {
  if (influence === null || interest === null) return null;
  if (influence >= 3) return interest >= 3 ? "associate_closely" : "keep_satisfied";
  return interest >= 3 ? "keep_informed" : "monitor";
}

/** An actor with the given levels (influence, interest, nuisance). */
export function actor(
  id: string,
  name: string,
  category: MapCategory | null,
  levels: [number | null, number | null, number | null],
  status: ActorPipelineStatus = "identified",
): ChartActor {
  const [influence, interest, nuisance] = levels;
  return { id, name, category, status, influence, interest, nuisance, quadrant: quadrantOf(influence, interest) };
}

export function link(id: string, from: string, to: string, kind: InteractionKind, note: string | null = null): ChartLink {
  return { id, from, to, kind, note };
}

/** Six actors (one not placed, one without category), four links. */
export function smallModel(): ActorChartModel {
  return {
    labels: LABELS,
    actors: [
      actor("a1", "Ville de Lyon", "local_authorities", [5, 4, 3], "engaged"),
      actor("a2", "Région Auvergne-Rhône-Alpes", "local_authorities", [5, 2, 4], "in_discussion"),
      actor("a3", "Les Petits Débrouillards", "social_economy", [2, 5, 1], "engaged"),
      actor("a4", "Le Progrès", "media", [2, 1, null], "identified"),
      actor("a5", "Université Lyon 2", "research", [null, 4, 2], "contacted"),
      actor("a6", "Collectif des habitants", null, [null, null, null], "identified"),
    ],
    links: [
      link("l1", "a1", "a3", "finances", "Subvention de fonctionnement"),
      link("l2", "a3", "a5", "cooperates_with"),
      link("l3", "a2", "a1", "advises"),
      link("l4", "a3", "a4", "competes_with"),
    ],
  };
}

/** A register of `actors` actors and `links` links, for the scale test: every category and status used. */
export function largeModel(actors: number, links: number): ActorChartModel {
  const categories = LABELS.categories.map((c) => c.value);
  const statuses = LABELS.statuses.map((s) => s.value);
  const kinds = LABELS.kinds.map((k) => k.value);
  const list: ChartActor[] = [];
  for (let i = 0; i < actors; i++) {
    const level = (salt: number) => ((i * salt) % 5) + 1;
    list.push(
      actor(`actor-${i}`, `Acteur ${i}`, categories[i % categories.length] ?? null, [level(7), level(3), level(11)], statuses[i % statuses.length]),
    );
  }
  const seen = new Set<string>();
  const linkList: ChartLink[] = [];
  for (let i = 0; linkList.length < links; i++) {
    // Mostly local links plus a few long ones, as a real territory's network is.
    const from = i % actors;
    const to = (from + 1 + ((i * 37) % (i % 5 === 0 ? actors - 1 : 12))) % actors;
    const kind = kinds[i % kinds.length] ?? "finances";
    const key = `${from}:${to}:${kind}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    linkList.push(link(`link-${i}`, `actor-${from}`, `actor-${to}`, kind));
  }
  return { labels: LABELS, actors: list, links: linkList };
}
