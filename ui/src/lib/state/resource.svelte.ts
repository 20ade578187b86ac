// Data a view reads from the vault when it opens: loading, loaded, or an error with « Réessayer ».
// Replaces the load/error/retry block each view used to copy; `Loaded.svelte` shows its three states.
import { toApiError } from "$lib/api/client";

/**
 * `const partners = new Resource(() => call(commands.partnerList(id)))`, then `partners.load()` on mount. The view
 * reads `partners.value` (and may replace or edit it after a save), `partners.error` and `partners.loaded`.
 */
export class Resource<T> {
  /** The data once loaded; undefined before the first success. */
  value = $state<T | undefined>(undefined);
  /** The French message of the last failed load, or null. */
  error = $state<string | null>(null);
  /** True once a load has ended, whether it succeeded or not. */
  loaded = $state(false);
  /** True while a load runs. */
  loading = $state(false);

  readonly #fetch: () => Promise<T>;
  readonly #onLoaded: ((value: T) => void) | undefined;

  /** `onLoaded` runs after each successful load, with the new value (e.g. to fill a form). */
  constructor(fetch: () => Promise<T>, onLoaded?: (value: T) => void) {
    this.#fetch = fetch;
    this.#onLoaded = onLoaded;
  }

  /** Loads (or reloads) the data; never rejects: a failure is kept in `error`. */
  async load(): Promise<void> {
    this.error = null;
    this.loading = true;
    try {
      const value = await this.#fetch();
      this.value = value;
      this.#onLoaded?.(value);
    } catch (caught) {
      this.error = toApiError(caught).message;
    } finally {
      this.loaded = true;
      this.loading = false;
    }
  }
}
