// Hand-written helpers around the generated bindings (bindings.ts is generated: never edit it).
import type { AppError, ErrorCode, FieldError } from "./bindings";
import { faultOf, recordFault, vaultFault } from "$lib/diagnostic.svelte";

/** What every fallible generated command resolves to. */
export type Result<T, E = AppError> = { status: "ok"; data: T } | { status: "error"; error: E };

/** Error codes the UI can meet: the server's closed enum, plus errors raised before the server answers. */
export type UiErrorCode = ErrorCode | "unexpected";

/** A normalised error, whatever its origin (command error, Tauri argument error, JS exception). */
export class ApiError extends Error {
  readonly code: UiErrorCode;
  readonly field: string | null;
  readonly fieldErrors: FieldError[];

  constructor(code: UiErrorCode, message: string, field: string | null = null, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.field = field;
    this.fieldErrors = fieldErrors;
  }
}

const UNEXPECTED = "Une erreur inattendue est survenue. Réessayez\u202f; si elle persiste, redémarrez Allia.";

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/**
 * Turns anything caught or returned as an error into an ApiError.
 * Tauri's own argument-deserialisation errors arrive as plain strings: handled here, once.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isAppError(error)) {
    // A database fault is real even with its French message: the notice offers the diagnostic.
    if (error.code === "storage") recordFault(vaultFault(error.code));
    return new ApiError(error.code, error.message, error.field ?? null, error.fieldErrors ?? []);
  }
  // A real fault: kept (code, kind, command; nothing typed) for « Copier le diagnostic ».
  recordFault(faultOf(error));
  if (typeof error === "string") {
    console.error("IPC error:", error);
    return new ApiError("unexpected", UNEXPECTED);
  }
  console.error(error);
  return new ApiError("unexpected", UNEXPECTED);
}

/** Returns the data of a command result, or throws an ApiError. */
export function unwrap<T>(result: Result<T, AppError>): T {
  if (result.status === "ok") return result.data;
  throw toApiError(result.error);
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Called whenever a command answers that the vault is locked (e.g. locked by another path). */
export function onVaultLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

type DamagedListener = (message: string) => void;
const damagedListeners = new Set<DamagedListener>();

/**
 * Called whenever a command answers that the vault is damaged (a damaged page may only be read long after
 * unlock): the app then offers the most recent backup.
 */
export function onVaultDamaged(listener: DamagedListener): () => void {
  damagedListeners.add(listener);
  return () => damagedListeners.delete(listener);
}

/** Awaits a command and unwraps it: `const list = await call(commands.allianceList())`. */
export async function call<T>(pending: Promise<Result<T, AppError>>): Promise<T> {
  let result: Result<T, AppError>;
  try {
    result = await pending;
  } catch (error) {
    throw toApiError(error);
  }
  if (result.status === "error") {
    const error = toApiError(result.error);
    if (error.code === "vault_locked") for (const listener of lockedListeners) listener();
    if (error.code === "vault_damaged") for (const listener of damagedListeners) listener(error.message);
  }
  return unwrap(result);
}

/** Key of a field in a form: the last segment of a path such as "organisation.siret". */
function fieldKey(field: string): string {
  const parts = field.split(".");
  return parts[parts.length - 1] ?? field;
}

/**
 * Maps an error to the messages shown next to each form field.
 * Field names are the camelCase names of the contract ("siret", "postalCode", …).
 */
export function fieldErrorMap(error: unknown): Record<string, string> {
  const apiError = toApiError(error);
  const map: Record<string, string> = {};
  for (const fieldError of apiError.fieldErrors) {
    const key = fieldKey(fieldError.field);
    map[key] ??= fieldError.message;
  }
  if (apiError.field !== null) {
    const key = fieldKey(apiError.field);
    map[key] ??= apiError.message;
  }
  return map;
}

/** The message to show at form level when no field carries the error. */
export function formLevelMessage(error: unknown): string | null {
  const apiError = toApiError(error);
  return Object.keys(fieldErrorMap(apiError)).length === 0 ? apiError.message : null;
}
