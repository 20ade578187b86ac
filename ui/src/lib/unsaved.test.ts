import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FormDraft, FormDraftKey } from "$lib/api/bindings";
import {
  draftFocusId,
  draftOffer,
  draftSubject,
  abandonKeptDraft,
  DRAFT_DELAY_MS,
  draftFields,
  flushDrafts,
  forgetDrafts,
  formDraft,
  hasUnsavedChanges,
  keptDrafts,
  loadKeptDrafts,
  newestKeptDraft,
  resumeKeptDraft,
  setDraftStore,
  setLocking,
  trackUnsaved,
} from "./unsaved";

describe("unsaved changes", () => {
  it("reports a registered form's changes until it is removed", () => {
    let dirty = false;
    const untrack = trackUnsaved(() => dirty);
    expect(hasUnsavedChanges()).toBe(false);
    dirty = true;
    expect(hasUnsavedChanges()).toBe(true);
    untrack();
    expect(hasUnsavedChanges()).toBe(false);
  });

  it("is true when any one of several forms has changes", () => {
    const untrackClean = trackUnsaved(() => false);
    const untrackDirty = trackUnsaved(() => true);
    expect(hasUnsavedChanges()).toBe(true);
    untrackDirty();
    expect(hasUnsavedChanges()).toBe(false);
    untrackClean();
  });
});

/** A draft store in memory that records what the forms asked. */
function memoryStore(initial: FormDraft[] = []) {
  const saved = new Map<string, string>();
  for (const draft of initial) saved.set(JSON.stringify(draft.key), draft.content);
  const calls: string[] = [];
  return {
    saved,
    calls,
    save: vi.fn(async (key: FormDraftKey, content: string) => {
      calls.push(`save ${key.form}`);
      saved.set(JSON.stringify(key), content);
    }),
    clear: vi.fn(async (key: FormDraftKey) => {
      calls.push(`clear ${key.form}`);
      saved.delete(JSON.stringify(key));
    }),
    list: vi.fn(async () =>
      [...saved].map(([key, content]) => ({ key: JSON.parse(key) as FormDraftKey, content, savedAt: "2026-11-30T12:00:00Z" })),
    ),
  };
}

const PARTNER: FormDraftKey = { allianceId: "a1", area: "partenaires", form: "partner:new" };

describe("form drafts", () => {
  let memory: ReturnType<typeof memoryStore>;

  beforeEach(() => {
    vi.useFakeTimers();
    memory = memoryStore();
    setDraftStore(memory);
    setLocking(false);
  });

  afterEach(() => {
    setDraftStore(null);
    setLocking(false);
    vi.useRealTimers();
  });

  it("writes a dirty form's fields a moment after the last change, once", () => {
    const draft = formDraft(() => PARTNER);
    draft.update({ name: "Ban" });
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    draft.update({ name: "Banque alimentaire" });
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    expect(memory.save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(memory.save).toHaveBeenCalledTimes(1);
    expect(memory.save).toHaveBeenCalledWith(PARTNER, '{"name":"Banque alimentaire"}');
    draft.dispose();
  });

  it("writes at once when the lock warning comes, without waiting for the delay", async () => {
    const draft = formDraft(() => PARTNER);
    draft.update({ name: "Épicerie solidaire" });
    await flushDrafts();
    expect(memory.saved.get(JSON.stringify(PARTNER))).toBe('{"name":"Épicerie solidaire"}');
    // Nothing new: the timer does not write it again.
    vi.advanceTimersByTime(DRAFT_DELAY_MS * 2);
    expect(memory.save).toHaveBeenCalledTimes(1);
    draft.dispose();
  });

  it("forgets the draft when the form is saved or back to its start", async () => {
    const draft = formDraft(() => PARTNER);
    draft.update({ name: "x" });
    await flushDrafts();
    draft.update(null);
    await Promise.resolve();
    expect(memory.saved.size).toBe(0);
    // A clean form that never wrote anything deletes nothing (a kept draft waits to be offered).
    memory.clear.mockClear();
    draft.update(null);
    expect(memory.clear).not.toHaveBeenCalled();
    draft.dispose();
  });

  it("keeps the draft when the form leaves because the vault locks, forgets it otherwise", async () => {
    const kept = formDraft(() => PARTNER);
    kept.update({ name: "gardé" });
    setLocking(true);
    kept.dispose();
    await Promise.resolve();
    expect(memory.saved.get(JSON.stringify(PARTNER))).toBe('{"name":"gardé"}');

    setLocking(false);
    const other: FormDraftKey = { ...PARTNER, form: "partner:other" };
    const left = formDraft(() => other);
    left.update({ name: "quitté" });
    await flushDrafts();
    left.dispose();
    await Promise.resolve();
    expect(memory.saved.has(JSON.stringify(other))).toBe(false);
  });

  it("forgets the drafts of the forms on screen before a lock by hand", async () => {
    const draft = formDraft(() => PARTNER);
    draft.update({ name: "abandonné" });
    await flushDrafts();
    await forgetDrafts();
    expect(memory.saved.size).toBe(0);
    draft.dispose();
  });

  it("does not keep content too big for the vault or not an object", () => {
    const draft = formDraft(() => PARTNER);
    draft.update({ text: "x".repeat(70 * 1024) });
    draft.update(["not", "an", "object"]);
    vi.advanceTimersByTime(DRAFT_DELAY_MS * 2);
    expect(memory.save).not.toHaveBeenCalled();
    draft.dispose();
  });

  it("offers kept drafts by place, then forgets them when taken back or abandoned", async () => {
    const profile: FormDraftKey = { allianceId: null, area: "profile", form: "profile" };
    memory = memoryStore([
      { key: PARTNER, content: '{"name":"a"}', savedAt: "2026-11-30T12:00:00Z" },
      { key: profile, content: '{"name":"b"}', savedAt: "2026-11-30T12:00:00Z" },
    ]);
    setDraftStore(memory);
    loadKeptDrafts();
    expect((await keptDrafts("a1", "partenaires")).map((d) => d.key.form)).toEqual(["partner:new"]);
    expect(await keptDrafts("a2", "partenaires")).toEqual([]);
    expect(await keptDrafts("a1", "partenaires", (form) => form.startsWith("alliance"))).toEqual([]);
    expect((await keptDrafts(null, "profile")).length).toBe(1);
    expect((await newestKeptDraft())?.key).toEqual(PARTNER);

    resumeKeptDraft(PARTNER);
    expect(await keptDrafts("a1", "partenaires")).toEqual([]);
    expect(memory.saved.size).toBe(2);
    await abandonKeptDraft(profile);
    expect(await keptDrafts(null, "profile")).toEqual([]);
    expect(memory.saved.has(JSON.stringify(profile))).toBe(false);
  });

  it("a form that took a kept draft back forgets it when its input is discarded", async () => {
    memory = memoryStore([{ key: PARTNER, content: '{"name":"a"}', savedAt: "2026-11-30T12:00:00Z" }]);
    setDraftStore(memory);
    const draft = formDraft(() => PARTNER);
    draft.adopt();
    draft.discard();
    await Promise.resolve();
    expect(memory.saved.size).toBe(0);
    draft.dispose();
  });

  it("lays a draft over the form's defaults, dropping what does not fit", () => {
    const defaults = { organisation: { name: "", city: "" }, role: "member", tags: "", startDate: null as string | null };
    expect(
      draftFields('{"organisation":{"name":"Banque","extra":1},"role":3,"startDate":"2026-01-02","unknown":true}', defaults),
    ).toEqual({ organisation: { name: "Banque", city: "" }, role: "member", tags: "", startDate: "2026-01-02" });
    expect(draftFields("[1]", defaults)).toBeNull();
    expect(draftFields("pas du json", defaults)).toBeNull();
  });
});

describe("the offer of a kept draft", () => {
  const at = (form: string, area = "partenaires", allianceId: string | null = "a1"): FormDraft => ({
    key: { allianceId, area, form },
    content: "{}",
    savedAt: "2026-11-30T13:05:00Z",
  });

  it("names the form the input was typed in, not only the alliance", () => {
    expect(draftSubject(at("partner:p1").key, "Recyclerie")).toBe("la fiche du partenaire «\u202fRecyclerie\u202f»");
    expect(draftSubject(at("partner:new").key, "Nouveau partenaire")).toBe("la fiche d\u2019un nouveau partenaire");
    expect(draftSubject(at("alliance", "alliance").key, "Val de Brenne")).toBe("le formulaire de l\u2019alliance «\u202fVal de Brenne\u202f»");
    expect(draftSubject(at("alliance", "new-alliance", null).key, "Nouvelle alliance")).toBe("le formulaire de la nouvelle alliance");
    expect(draftSubject(at("profile", "profile", null).key, "Profil")).toBe("le profil de l\u2019association");
    expect(draftSubject(at("document:d1:settings", "documents").key, "Convention — Réglages du document")).toBe(
      "le document «\u202fConvention — Réglages du document\u202f»",
    );
  });

  it("says when it was typed", () => {
    expect(draftOffer(at("profile", "profile", null), null, "Europe/Paris")).toBe(
      "Une saisie non enregistrée dans le profil de l\u2019association, tapée le 30 novembre 2026 à\u00a014\u00a0h\u00a005, a été gardée lors du verrouillage du coffre.",
    );
  });

  it("keeps the id of the field being typed in, which the form's own fields ignore", async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    setDraftStore({ save: async (_key, content) => saved.push(content), clear: async () => true, list: async () => [] });
    const input = document.createElement("input");
    input.id = "partner-name";
    document.body.append(input);
    input.focus();
    const handle = formDraft(() => ({ allianceId: "a1", area: "partenaires", form: "partner:new" }));
    handle.update({ name: "Recyclerie" });
    await vi.runAllTimersAsync();
    expect(saved).toHaveLength(1);
    expect(draftFocusId(saved[0] ?? "")).toBe("partner-name");
    expect(draftFields(saved[0] ?? "", { name: "" })).toEqual({ name: "Recyclerie" });
    handle.discard();
    input.remove();
    setDraftStore(null);
    vi.useRealTimers();
  });
});
