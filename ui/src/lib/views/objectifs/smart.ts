// The SMART panel's helpers: the letters' names (allia-core `SmartCriterion::label`, through the catalog) and the
// scheduler that asks the vault's checker once the person has stopped typing for a moment.
import type { Choice, SmartCriterion } from "$lib/api/bindings";

/** « Spécifique », « Mesurable »… from `criteria` (the catalog's `smartCriteria`, DOMAIN.md's labels). */
export function smartLabel(criteria: Choice<SmartCriterion>[], criterion: SmartCriterion): string {
  return criteria.find((c) => c.value === criterion)?.label ?? criterion;
}

/** Milliseconds of quiet typing before the form is checked. */
export const SMART_DEBOUNCE_MS = 300;

/**
 * Runs `task` `delay` ms after the last `schedule()`; only the latest answer is kept: an answer to an older call,
 * arriving late, is dropped (`apply` is not called with it).
 */
export function latestDebounced<T>(
  task: () => Promise<T>,
  apply: (value: T) => void,
  delay = SMART_DEBOUNCE_MS,
  fail: () => void = () => undefined,
): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    generation += 1;
  };
  return {
    schedule() {
      cancel();
      const mine = generation;
      timer = setTimeout(() => {
        timer = null;
        void task().then(
          (value) => {
            if (mine === generation) apply(value);
          },
          () => {
            if (mine === generation) fail();
          },
        );
      }, delay);
    },
    cancel,
  };
}
