// Messages about a form that stay true: an error about a value goes when the value changes, so an old refusal
// (« Trop facile à deviner ») never stands beside what the screen now says (« Excellente »).
import { untrack } from "svelte";
import type { Action } from "$lib/state/action.svelte";

/**
 * Calls `clear` each time `value()` changes after the component starts (call it while the component initialises).
 * Typing in a field is such a change; a refused attempt is not, so its errors show until the next edit.
 */
export function clearWhenEdited(value: () => unknown, clear: () => void): void {
  let started = false;
  let previous: unknown;
  $effect(() => {
    const next = value();
    if (started && !Object.is(next, previous)) untrack(clear);
    started = true;
    previous = next;
  });
}

/** Removes the errors of `fields` from a form's Action (the other fields keep theirs). */
export function forgetFieldErrors(action: Action, ...fields: string[]): void {
  if (!fields.some((field) => field in action.fieldErrors)) return;
  const kept = { ...action.fieldErrors };
  for (const field of fields) delete kept[field];
  action.fieldErrors = kept;
}
