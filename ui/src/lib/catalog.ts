// The catalog (the guide's closed lists with their French labels, sent once by Rust) reaches every view through
// Svelte context: MainFrame provides it, views ask for it, nothing passes it down as a prop.
import { getContext, setContext } from "svelte";
import type { Catalog, Choice } from "./api/bindings";

const KEY = Symbol("catalog");

/** What the context holds: the catalog once loaded (a getter, so that readers follow a reload). */
export interface CatalogHolder {
  readonly current: Catalog | null;
}

/** Provides the catalog to every component below the caller (call during the caller's initialisation). */
export function provideCatalog(holder: CatalogHolder): void {
  setContext(KEY, holder);
}

/** The catalog as provided, possibly not loaded yet (the guide panel shows before it is). */
export function catalogHolder(): CatalogHolder {
  const holder = getContext<CatalogHolder | undefined>(KEY);
  if (holder === undefined) throw new Error("No catalog provided: render this component below MainFrame.");
  return holder;
}

/** The loaded catalog: views are only shown once it is. */
export function useCatalog(): Catalog {
  const catalog = catalogHolder().current;
  if (catalog === null) throw new Error("The catalog is not loaded yet.");
  return catalog;
}

/** The context a component test passes to `render(…, { context })` to provide `catalog` (null: not loaded yet). */
export function catalogContext(catalog: Catalog | null): Map<symbol, CatalogHolder> {
  return new Map([[KEY, { current: catalog }]]);
}

/** The French label of `value` in a closed list; the value itself if the list does not know it. */
export function labelOf<T>(choices: Choice<T>[], value: T): string {
  return choices.find((choice) => choice.value === value)?.label ?? String(value);
}

/** The help text of `value` in a closed list, or null. */
export function helpOf<T>(choices: Choice<T>[], value: T): string | null {
  return choices.find((choice) => choice.value === value)?.help ?? null;
}
