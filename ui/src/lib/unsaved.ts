// Forms with unsaved changes register a check here; navigation asks before leaving them. Every navigation of the
// main frame (area, alliance, lock) goes through MainFrame's `leave`, so a new area is guarded without more code.
// SvelteKit's `beforeNavigate` would do this for URL navigations, but the app has no URLs: the vault screens and
// the areas are state, not routes, and locking must drop every screen at once. This stays until areas get
// addresses of their own (deep links, history), when moving to SvelteKit in single-page mode is worth its cost.
//
// Drafts (issue 8, item 6: nothing lost to auto-lock). A lock may come with no warning (sleep, the session locked)
// and is decided in Rust, so a form does not wait for it: while it has unsaved changes it keeps them as a draft in
// the vault (`formDraft`, written a moment after the last change, and at once when the lock warning comes), and
// forgets the draft when it is saved, discarded or left. After unlock, `DraftBanner` offers the drafts back. Saving a
// draft is not activity: it never postpones the lock. Draft content is personal data: never logged.

import { commands, type FormDraft, type FormDraftKey } from "$lib/api/bindings";
import { formatDateTime } from "$lib/backups";
import { quote } from "$lib/format";

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

// --- Drafts ------------------------------------------------------------------------------------------------------

/** Where drafts are written: the vault's draft commands; replaceable in tests. Failures resolve, never throw. */
export interface DraftStore {
  save(key: FormDraftKey, content: string): Promise<unknown>;
  clear(key: FormDraftKey): Promise<unknown>;
  list(): Promise<FormDraft[]>;
}

/** The commands' answer is ignored: a draft that cannot be written (vault just locked) is no reason to bother anyone. */
const vaultDrafts: DraftStore = {
  save: (key, content) => commands.draftSave(key, content).catch(() => undefined),
  clear: (key) => commands.draftClear(key).catch(() => undefined),
  list: async () => {
    try {
      const result = await commands.draftList();
      return result.status === "ok" && Array.isArray(result.data) ? result.data : [];
    } catch {
      return [];
    }
  },
};

let store: DraftStore = vaultDrafts;

/** Replaces where drafts are written (tests); `null` puts the vault back. */
export function setDraftStore(next: DraftStore | null): void {
  store = next ?? vaultDrafts;
}

/** Milliseconds after the last change before a draft is written. */
export const DRAFT_DELAY_MS = 1500;
/** The largest draft written (the vault's cap, `FORM_DRAFT_MAX_BYTES`): a bigger one would only be refused. */
export const DRAFT_MAX_BYTES = 64 * 1024;

/** Set while the vault locks: forms then leave the screen with their drafts kept, not forgotten. */
let locking = false;

/** The app says the vault is locking (true) or open again (false). */
export function setLocking(value: boolean): void {
  locking = value;
}

export function sameDraftKey(a: FormDraftKey, b: FormDraftKey): boolean {
  return a.allianceId === b.allianceId && a.area === b.area && a.form === b.form;
}

/** A form's draft: `update` as the form changes, `discard` when its input is thrown away, `dispose` when it leaves. */
export interface FormDraftHandle {
  /** The form's fields while it has unsaved changes, or null when it has none (saved, back to its start). */
  update(content: unknown): void;
  /** The input was thrown away (« Abandonner », discarded): forget the draft now. */
  discard(): void;
  /** The form took back the kept draft at its key (« Reprendre la saisie »): it is this form's to forget now. */
  adopt(): void;
  /** The form leaves the screen: the draft is kept if the vault is locking, else forgotten. */
  dispose(): void;
}

interface LiveDraft {
  flush(): Promise<unknown>;
  forget(): Promise<unknown>;
}

const live = new Set<LiveDraft>();

/**
 * Keeps a form's unsaved input as a draft at `key` (read at each write: a new partner's key may change once saved).
 * Content that does not turn into JSON, or too big, is not kept.
 */
export function formDraft(key: () => FormDraftKey): FormDraftHandle {
  /** JSON waiting to be written; null when nothing is waiting. */
  let pending: string | null = null;
  /** The last JSON written, and where: what `forget` removes. */
  let written: { key: FormDraftKey; json: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  /** The id of the form's field last typed in, or null. */
  let focusId: string | null = null;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const entry: LiveDraft = {
    flush() {
      cancel();
      if (pending === null) return Promise.resolve();
      const json = pending;
      pending = null;
      const where = key();
      if (written !== null && written.json === json && sameDraftKey(written.key, where)) return Promise.resolve();
      written = { key: where, json };
      return store.save(where, json);
    },
    forget() {
      cancel();
      pending = null;
      if (written === null) return Promise.resolve();
      const where = written.key;
      written = null;
      return store.clear(where);
    },
  };
  live.add(entry);

  return {
    update(content) {
      if (disposed) return;
      if (content === null || content === undefined) {
        void entry.forget();
        return;
      }
      // The field being typed in (the form changed because of it), kept so « Reprendre la saisie » goes back to it;
      // when focus is elsewhere (a button), the field last typed in stays.
      focusId = focusedFieldId() ?? focusId;
      let json: string;
      try {
        json = JSON.stringify(withFocus(content, focusId));
      } catch {
        return;
      }
      if (json === undefined || json.length > DRAFT_MAX_BYTES || !json.startsWith("{")) return;
      pending = json;
      cancel();
      timer = setTimeout(() => void entry.flush(), DRAFT_DELAY_MS);
    },
    discard() {
      void entry.forget();
    },
    adopt() {
      written ??= { key: key(), json: "" };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      live.delete(entry);
      if (locking) void entry.flush();
      else void entry.forget();
    },
  };
}

/**
 * The member of a draft's JSON naming the field being typed in (an element id): not a field of any form (forms'
 * names are identifiers), and `draftFields` reads only the form's own fields, so older and newer screens ignore it.
 */
export const FOCUSED_FIELD_KEY = "$focus";

/** The id of the focused text field, select or editable text, or null (nothing, or a button, has focus). */
function focusedFieldId(): string | null {
  if (typeof document === "undefined") return null;
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active.id === "") return null;
  const field =
    active instanceof HTMLTextAreaElement ||
    active instanceof HTMLSelectElement ||
    (active instanceof HTMLInputElement && !["button", "submit", "reset", "checkbox", "radio", "file"].includes(active.type)) ||
    active.isContentEditable;
  return field ? active.id : null;
}

function withFocus(content: unknown, focusId: string | null): unknown {
  if (focusId === null || typeof content !== "object" || content === null || Array.isArray(content)) return content;
  return { ...(content as Record<string, unknown>), [FOCUSED_FIELD_KEY]: focusId };
}

/** The id of the field that was being typed in when `content` was written, or null. */
export function draftFocusId(content: string): string | null {
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed !== "object" || parsed === null) return null;
    const id = (parsed as Record<string, unknown>)[FOCUSED_FIELD_KEY];
    return typeof id === "string" && id !== "" ? id : null;
  } catch {
    return null;
  }
}

/**
 * What a kept draft is, for the person: the form it was typed in, named by its key, with `name` (the partner's or
 * the alliance's, as the view knows it): « la fiche du partenaire « X » », « le formulaire de l’alliance « X » »,
 * « le profil de l’association ».
 */
export function draftSubject(key: FormDraftKey, name: string | null): string {
  const named = name === null || name.trim() === "" ? "" : ` ${quote(name.trim())}`;
  if (key.form === "partner:new") return "la fiche d\u2019un nouveau partenaire";
  if (key.form === "actor:new") return "la fiche d\u2019un nouvel acteur";
  if (key.form.startsWith("partner:")) return `la fiche du partenaire${named}`;
  if (key.form === "alliance") {
    return key.area === "new-alliance" ? "le formulaire de la nouvelle alliance" : `le formulaire de l\u2019alliance${named}`;
  }
  if (key.form === "profile") return "le profil de l\u2019association";
  if (key.form.startsWith("document:")) return `le document${named}`;
  return named === "" ? "un formulaire" : `le formulaire${named}`;
}

/**
 * The offer of a kept draft: « Une saisie non enregistrée dans la fiche du partenaire « X », tapée le 30 novembre
 * 2026 à 14 h 05, a été gardée lors du verrouillage du coffre. » (`timeZone` for tests).
 */
export function draftOffer(draft: FormDraft, name: string | null, timeZone?: string): string {
  return `Une saisie non enregistrée dans ${draftSubject(draft.key, name)}, tapée le ${formatDateTime(draft.savedAt, timeZone)}, a été gardée lors du verrouillage du coffre.`;
}

/** Writes every waiting draft now (the lock warning came, or the vault is about to lock). */
export function flushDrafts(): Promise<unknown> {
  return Promise.all([...live].map((entry) => entry.flush()));
}

/** Forgets every draft of the forms on screen (« Quitter sans enregistrer » before locking by hand). */
export function forgetDrafts(): Promise<unknown> {
  return Promise.all([...live].map((entry) => entry.forget()));
}

// --- Drafts kept from before the lock, offered back ------------------------------------------------------------

let kept: Promise<FormDraft[]> = Promise.resolve([]);

/** Reads the vault's drafts once it is open (after unlock): what `DraftBanner` offers. */
export function loadKeptDrafts(): void {
  kept = store.list();
}

/** The kept drafts at `allianceId` and `area` whose form passes `forms`, newest first. */
export async function keptDrafts(
  allianceId: string | null,
  area: string,
  forms: (form: string) => boolean = () => true,
): Promise<FormDraft[]> {
  const all = await kept;
  return all.filter((draft) => draft.key.allianceId === allianceId && draft.key.area === area && forms(draft.key.form));
}

/** The most recently written kept draft, or null: where to open when the window has no place of its own. */
export async function newestKeptDraft(): Promise<FormDraft | null> {
  return (await kept)[0] ?? null;
}

/** A kept draft is no longer offered: taken back into its form (which keeps it again while unsaved). */
export function resumeKeptDraft(key: FormDraftKey): void {
  kept = kept.then((all) => all.filter((draft) => !sameDraftKey(draft.key, key)));
}

/** « Abandonner »: the kept draft is deleted from the vault and no longer offered. */
export async function abandonKeptDraft(key: FormDraftKey): Promise<void> {
  resumeKeptDraft(key);
  await store.clear(key);
}

/**
 * A draft's content as the form's fields, laid over the form's defaults: a field the draft lacks (written by an
 * older screen) keeps its default, one of another type is dropped. Null when the content is not a JSON object.
 */
export function draftFields<T extends object>(content: string, defaults: T): T | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  return overlay(defaults, parsed as Record<string, unknown>);
}

function overlay<T extends object>(defaults: T, values: Record<string, unknown>): T {
  const result: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [name, fallback] of Object.entries(defaults as Record<string, unknown>)) {
    if (!(name in values)) continue;
    const value = values[name];
    if (fallback !== null && typeof fallback === "object" && !Array.isArray(fallback)) {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        result[name] = overlay(fallback as object, value as Record<string, unknown>);
      }
    } else if (fallback === null || value === null || typeof value === typeof fallback) {
      result[name] = value;
    }
  }
  return result as T;
}
