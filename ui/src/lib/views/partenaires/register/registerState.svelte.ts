// The actor register of one alliance as its tabs share it: every actor (with its quadrant and allowed moves, from
// the vault) and every interaction, read once when a register tab first opens and kept up to date by the panel's
// saves, so that the table, the map, the network and the panel show the same thing without reading again.
import type { Catalog } from "$lib/api/bindings";
import { Resource } from "$lib/state/resource.svelte";
import { chartModel, type ActorChartModel } from "./charts";
import { registerApi, type Interaction, type RegisterActor } from "./api";
import { toRow, type RegisterRow } from "./register";

export class RegisterState {
  readonly allianceId: string;
  readonly actors: Resource<RegisterActor[]>;
  readonly interactions: Resource<Interaction[]>;
  /** Counts the changes made through this state: what shows data derived elsewhere (the matrix) reads again. */
  revision = $state(0);

  constructor(allianceId: string) {
    this.allianceId = allianceId;
    this.actors = new Resource(
      () => registerApi.actors(allianceId),
      () => this.revision++,
    );
    this.interactions = new Resource(() => registerApi.interactions(allianceId));
  }

  /** Reads both lists (again). */
  async load(): Promise<void> {
    await Promise.all([this.actors.load(), this.interactions.load()]);
  }

  /** Both lists read. */
  get loaded(): boolean {
    return this.actors.loaded && this.interactions.loaded;
  }

  get list(): RegisterActor[] {
    return this.actors.value ?? [];
  }

  get links(): Interaction[] {
    return this.interactions.value ?? [];
  }

  /** The actor `id`, or undefined. */
  find(id: string): RegisterActor | undefined {
    return this.list.find((item) => item.actor.id === id);
  }

  /** An actor's name, or its id when it is not in the register (it was deleted meanwhile). */
  nameOf(id: string): string {
    return this.find(id)?.actor.draft.organisation.name ?? id;
  }

  /** The table's rows. */
  rows(catalog: Catalog): RegisterRow[] {
    return this.list.map((item) => toRow({ id: item.actor.id, draft: item.actor.draft, quadrant: item.quadrant }, catalog));
  }

  /** The charts' model. */
  chart(catalog: Catalog): ActorChartModel {
    const sources = this.list.map((item) => ({ id: item.actor.id, draft: item.actor.draft, quadrant: item.quadrant }));
    const links = this.links.map((link) => ({
      id: link.id,
      from: link.draft.fromActorId,
      to: link.draft.toActorId,
      kind: link.draft.kind,
      note: link.draft.note ?? null,
    }));
    return chartModel(sources, links, catalog);
  }

  /** An actor saved, moved or promoted: replaces it (or adds it at the end, where the vault lists new ones). */
  put(item: RegisterActor): void {
    const list = this.list;
    const index = list.findIndex((known) => known.actor.id === item.actor.id);
    this.actors.value = index === -1 ? [...list, item] : list.map((known, i) => (i === index ? item : known));
    this.revision++;
  }

  /** An actor deleted: it goes, with its links (the vault deleted them with it). */
  remove(id: string): void {
    this.actors.value = this.list.filter((item) => item.actor.id !== id);
    this.interactions.value = this.links.filter((link) => link.draft.fromActorId !== id && link.draft.toActorId !== id);
    this.revision++;
  }

  addLink(link: Interaction): void {
    this.interactions.value = [...this.links, link];
  }

  removeLink(id: string): void {
    this.interactions.value = this.links.filter((link) => link.id !== id);
  }
}
