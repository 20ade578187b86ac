// Forms with unsaved changes register a check here; navigation asks before leaving them. Every navigation of the
// main frame (area, alliance, lock) goes through MainFrame's `leave`, so a new area is guarded without more code.
// SvelteKit's `beforeNavigate` would do this for URL navigations, but the app has no URLs: the vault screens and
// the areas are state, not routes, and locking must drop every screen at once. This stays until areas get
// addresses of their own (deep links, history), when moving to SvelteKit in single-page mode is worth its cost.

type UnsavedCheck = () => boolean;

const checks = new Set<UnsavedCheck>();

/** Registers a form's "has unsaved changes?" check; returns the function that removes it. */
export function trackUnsaved(check: UnsavedCheck): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

export function hasUnsavedChanges(): boolean {
  for (const check of checks) if (check()) return true;
  return false;
}
