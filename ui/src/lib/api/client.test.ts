import { describe, expect, it, vi } from "vitest";
import type { AppError } from "./bindings";
import {
  ApiError,
  type Result,
  call,
  fieldErrorMap,
  formLevelMessage,
  onVaultDamaged,
  onVaultLocked,
  toApiError,
  unwrap,
} from "./client";

const validation: AppError = {
  code: "validation",
  message: "Certains champs sont invalides.",
  field: null,
  fieldErrors: [
    { field: "siret", message: "Le SIRET doit compter 14 chiffres." },
    { field: "organisation.postalCode", message: "Le code postal doit compter 5 chiffres." },
  ],
};

describe("fieldErrorMap", () => {
  it("maps each field error to its camelCase field name", () => {
    expect(fieldErrorMap(validation)).toEqual({
      siret: "Le SIRET doit compter 14 chiffres.",
      postalCode: "Le code postal doit compter 5 chiffres.",
    });
  });

  it("uses the error's own field when there is no field list", () => {
    const wrong: AppError = { code: "wrong_passphrase", message: "Phrase de passe incorrecte", field: "current", fieldErrors: [] };
    expect(fieldErrorMap(wrong)).toEqual({ current: "Phrase de passe incorrecte" });
  });

  it("keeps the first message when a field appears twice", () => {
    const twice: AppError = {
      ...validation,
      field: "siret",
      fieldErrors: [{ field: "siret", message: "premier" }, { field: "siret", message: "second" }],
    };
    expect(fieldErrorMap(twice)).toEqual({ siret: "premier" });
  });

  it("returns no field for an error without field", () => {
    const storage: AppError = { code: "storage", message: "Le coffre est illisible.", field: null, fieldErrors: [] };
    expect(fieldErrorMap(storage)).toEqual({});
    expect(formLevelMessage(storage)).toBe("Le coffre est illisible.");
    expect(formLevelMessage(validation)).toBeNull();
  });
});

describe("toApiError", () => {
  it("keeps code, message and fields of an AppError", () => {
    const error = toApiError(validation);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("validation");
    expect(error.message).toBe("Certains champs sont invalides.");
    expect(error.fieldErrors).toHaveLength(2);
  });

  it("turns a plain string (Tauri argument error) into an unexpected error in French", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = toApiError("invalid args `draft` for command `alliance_create`");
    expect(error.code).toBe("unexpected");
    expect(error.message).toMatch(/erreur inattendue/);
    expect(error.fieldErrors).toEqual([]);
    spy.mockRestore();
  });
});

describe("unwrap and call", () => {
  it("returns the data of an ok result", async () => {
    const ok: Result<number, AppError> = { status: "ok", data: 42 };
    expect(unwrap(ok)).toBe(42);
    await expect(call(Promise.resolve(ok))).resolves.toBe(42);
  });

  it("throws an ApiError for an error result", async () => {
    const failed: Result<number, AppError> = { status: "error", error: validation };
    expect(() => unwrap(failed)).toThrow(ApiError);
    await expect(call(Promise.resolve(failed))).rejects.toMatchObject({ code: "validation" });
  });

  it("normalises a rejected promise", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(call(Promise.reject(new Error("boom")))).rejects.toMatchObject({ code: "unexpected" });
    spy.mockRestore();
  });
});

describe("onVaultLocked", () => {
  it("notifies listeners when a command answers vault_locked, until unsubscribed", async () => {
    const listener = vi.fn();
    const unsubscribe = onVaultLocked(listener);
    const locked: Result<null, AppError> = {
      status: "error",
      error: { code: "vault_locked", message: "Le coffre est verrouillé.", field: null, fieldErrors: [] },
    };
    await expect(call(Promise.resolve(locked))).rejects.toMatchObject({ code: "vault_locked" });
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    await expect(call(Promise.resolve(locked))).rejects.toMatchObject({ code: "vault_locked" });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("onVaultDamaged", () => {
  it("passes the French message of a vault_damaged answer to the listeners", async () => {
    const listener = vi.fn();
    const unsubscribe = onVaultDamaged(listener);
    const damaged: Result<null, AppError> = {
      status: "error",
      error: { code: "vault_damaged", message: "Le coffre est endommagé.", field: null, fieldErrors: [] },
    };
    await expect(call(Promise.resolve(damaged))).rejects.toMatchObject({ code: "vault_damaged" });
    expect(listener).toHaveBeenCalledWith("Le coffre est endommagé.");
    unsubscribe();
    await expect(call(Promise.resolve(damaged))).rejects.toMatchObject({ code: "vault_damaged" });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
