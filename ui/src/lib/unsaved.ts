// Forms with unsaved changes register a check here; navigation asks before leaving them.

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
