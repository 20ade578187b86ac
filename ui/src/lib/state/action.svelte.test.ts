import { describe, expect, it, vi } from "vitest";
import type { AppError } from "$lib/api/bindings";
import { ApiError } from "$lib/api/client";
import { Action } from "./action.svelte";

const siret: AppError = {
  code: "validation",
  message: "Vérifiez les champs.",
  field: "organisation.siret",
  fieldErrors: [{ field: "organisation.siret", message: "Le SIRET doit compter 9 ou 14 chiffres." }],
};

/** A task that waits until `finish` or `fail` is called. */
function pending() {
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { task: () => promise, finish: () => finish(), fail: (error: unknown) => fail(error) };
}

describe("Action", () => {
  it("is busy while its task runs, and says it succeeded", async () => {
    const action = new Action();
    const { task, finish } = pending();
    const running = action.run(task);
    expect(action.busy).toBe(true);
    finish();
    await expect(running).resolves.toBe(true);
    expect(action.busy).toBe(false);
    expect(action.error).toBeNull();
  });

  it("keeps the French message of a failure, never rejects, and forgets it at the next run", async () => {
    const action = new Action();
    const { task, fail } = pending();
    const running = action.run(task);
    fail(new ApiError("io", "Le disque est plein."));
    await expect(running).resolves.toBe(false);
    expect(action.busy).toBe(false);
    expect(action.error).toBe("Le disque est plein.");

    const again = pending();
    const second = action.run(again.task);
    expect(action.error).toBeNull();
    again.finish();
    await second;
  });

  it("says an unexpected exception in plain French, not the exception's text", async () => {
    const action = new Action();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await action.run(() => Promise.reject(new TypeError("x is undefined")));
    expect(action.error).toMatch(/^Une erreur inattendue est survenue/);
  });

  it("spreads a form's errors over its fields, with the form-level message only when no field carries it", async () => {
    const action = new Action({ form: true });
    await action.run(() => Promise.reject(siret));
    expect(action.fieldErrors).toEqual({ siret: "Le SIRET doit compter 9 ou 14 chiffres." });
    expect(action.error).toBeNull();

    await action.run(() => Promise.reject(new ApiError("not_found", "Cette alliance n’existe pas (ou plus).")));
    expect(action.fieldErrors).toEqual({});
    expect(action.error).toBe("Cette alliance n’existe pas (ou plus).");
  });

  it("says a form's fallback sentence when every problem is on a field", async () => {
    const action = new Action({ form: "Certains champs sont à corriger\u00a0: voir les messages en rouge." });
    await action.run(() => Promise.reject(siret));
    expect(action.error).toBe("Certains champs sont à corriger\u00a0: voir les messages en rouge.");
  });

  it("lets a form's other tasks keep the fields' errors and leave the controls enabled", async () => {
    const action = new Action({ form: true });
    await action.run(() => Promise.reject(siret));
    const { task, fail } = pending();
    const exporting = action.run(task, { busy: false, form: false });
    expect(action.busy).toBe(false);
    fail(siret);
    await exporting;
    expect(action.error).toBe("Vérifiez les champs.");
    expect(action.fieldErrors).toEqual({ siret: "Le SIRET doit compter 9 ou 14 chiffres." });
  });

  it("hands the error to onError, once it is shown", async () => {
    const action = new Action();
    const seen: string[] = [];
    await action.run(() => Promise.reject(new ApiError("precondition", "Une version ne revient pas en arrière.")), {
      onError: (error) => seen.push(`${error.code}: ${action.error ?? ""}`),
    });
    expect(seen).toEqual(["precondition: Une version ne revient pas en arrière."]);
  });

  it("shows errors found before calling the vault, and clears them", () => {
    const action = new Action({ form: true });
    action.invalid({ copies: "Indiquez un nombre entier d’exemplaires, au moins 1." });
    expect(action.fieldErrors["copies"]).toBe("Indiquez un nombre entier d’exemplaires, au moins 1.");
    action.clear();
    expect(action.fieldErrors).toEqual({});
    expect(action.error).toBeNull();
  });
});
