// « The vault changed »: every user action that ends well (`Action.run`, state/action.svelte.ts) says so here, and
// what shows data derived from several areas at once (the sidebar's five steps) reads it again. Reads do not signal.

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called after each change to the vault; returns the function that stops listening. */
export function onVaultChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener that the vault may have changed. A failing listener does not stop the others. */
export function vaultChanged(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
}

/**
 * `load` run at most once per `delayMs` burst of calls (a drag and drop moves several items, a form saves twice):
 * the returned function schedules it, `cancel` forgets a pending run.
 */
export function debounced(load: () => void, delayMs: number): { schedule: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        load();
      }, delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
