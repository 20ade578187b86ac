// One user action that calls the vault: busy while it runs, its error kept for the view.
// Replaces the try/catch/finally block each view used to copy.
import { fieldErrorMap, formLevelMessage, toApiError, type ApiError } from "$lib/api/client";
import { focusFirstInvalid } from "$lib/forms";
import { vaultChanged } from "$lib/progress/changes";

export interface ActionOptions {
  /**
   * A form's action: the field errors go to `fieldErrors`, focus moves to the first invalid field, and `error`
   * keeps the message no field carries. A string is the form-level message to show when every problem is on a
   * field (e.g. « Certains champs sont à corriger… »).
   */
  form?: boolean | string;
  /** Whether a form's failure moves focus to its first invalid field (true unless the form never did). */
  focus?: boolean;
}

export interface RunOptions {
  /** Whether `busy` is set while the task runs (false for actions that never disable the controls). */
  busy?: boolean;
  /**
   * False for a task of a form's Action that is not the form's save (export, archive…): its error is shown whole
   * in `error`, and the fields keep the errors of the last save.
   */
  form?: boolean;
  /** Called with the error after it is shown, e.g. to reload a record the vault says is stale. */
  onError?: (error: ApiError) => void;
}

/**
 * `const save = new Action({ form: true })`, then `await save.run(async () => …)` in a handler; the view shows
 * `save.error` and disables its buttons with `save.busy`. One Action per place an error is shown: actions that
 * share that place share the Action.
 */
export class Action {
  /** True while a task runs. */
  busy = $state(false);
  /** The French message to show, or null. */
  error = $state<string | null>(null);
  /** Messages next to each form field (form actions only), keyed as `fieldErrorMap` keys them. */
  fieldErrors = $state<Record<string, string>>({});

  readonly #form: boolean | string;
  readonly #focus: boolean;

  constructor(options: ActionOptions = {}) {
    this.#form = options.form ?? false;
    this.#focus = options.focus ?? true;
  }

  /** Forgets the last error. */
  clear(): void {
    this.error = null;
    this.fieldErrors = {};
  }

  /** Shows field errors found before calling the vault (e.g. a number typed wrong), focusing the first one. */
  invalid(fieldErrors: Record<string, string>): void {
    this.fieldErrors = fieldErrors;
    void focusFirstInvalid();
  }

  /**
   * Runs `task`, clearing the last error first. Resolves to true when it succeeded; on failure the error is shown
   * (or spread over the fields) and the promise resolves to false: it never rejects.
   */
  async run(task: () => Promise<unknown>, options: RunOptions = {}): Promise<boolean> {
    const tracksBusy = options.busy ?? true;
    const asForm = options.form ?? true;
    if (asForm) this.clear();
    else this.error = null;
    if (tracksBusy) this.busy = true;
    try {
      await task();
      // What shows data of several areas at once (the sidebar's five steps) reads it again.
      vaultChanged();
      return true;
    } catch (caught) {
      const error = toApiError(caught);
      if (asForm) this.fail(error);
      else this.error = error.message;
      options.onError?.(error);
      return false;
    } finally {
      if (tracksBusy) this.busy = false;
    }
  }

  /** Shows an error the task met (also usable for an error caught elsewhere). */
  fail(error: ApiError): void {
    if (this.#form === false) {
      this.error = error.message;
      return;
    }
    this.fieldErrors = fieldErrorMap(error);
    if (this.#focus) void focusFirstInvalid();
    const formLevel = formLevelMessage(error);
    this.error = typeof this.#form === "string" ? (formLevel ?? this.#form) : formLevel;
  }
}
