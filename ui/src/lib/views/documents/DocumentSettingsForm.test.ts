// « Réglages du document »: the confirmation after a save goes at the next edit, and unsaved input is kept as a
// draft (written at the lock warning) and taken back with « Reprendre la saisie ».
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError, ContractDocument, DocumentSettings, FormDraftKey } from "$lib/api/bindings";
import { flushDrafts, setDraftStore } from "$lib/unsaved";
import DocumentSettingsForm from "./DocumentSettingsForm.svelte";

const document: ContractDocument = {
  id: "d1",
  allianceId: "a1",
  kind: "partnership_agreement",
  createdAt: "2026-11-26T10:00:00Z",
  updatedAt: "2026-11-26T10:00:00Z",
  current: {
    number: 1,
    status: "draft",
    settings: { title: "Convention", overrides: [], place: null, signatureDate: null, copies: null },
    signatures: [],
    frozenAt: null,
  },
  nextStatus: "in_review",
  canSign: false,
  frozen: false,
  canReturnToDraft: false,
};

function saving() {
  return vi.fn(async (settings: DocumentSettings) => ({ ...document, current: { ...document.current, settings } }));
}

describe("DocumentSettingsForm", () => {
  afterEach(() => {
    cleanup();
    setDraftStore(null);
  });

  it("confirms a save beside « Enregistrer » until the next edit", async () => {
    const onSave = saving();
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave } });
    await fireEvent.input(screen.getByTestId("document-settings-place"), { target: { value: "Tours" } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    const saved = await screen.findByTestId("document-settings-saved");
    expect(saved).toHaveTextContent("Réglages enregistrés.");
    expect(saved.closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ place: "Tours", title: "Convention" }));
    await fireEvent.input(screen.getByTestId("document-settings-title"), { target: { value: "Convention 2027" } });
    expect(screen.queryByTestId("document-settings-saved")).toBeNull();
  });

  it("keeps unsaved input as a draft, and opens with a kept one", async () => {
    const saved: [FormDraftKey, string][] = [];
    setDraftStore({ save: async (key, content) => saved.push([key, content]), clear: async () => undefined, list: async () => [] });
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave: saving() } });
    await fireEvent.input(screen.getByTestId("document-settings-title"), { target: { value: "Titre tapé" } });
    await flushDrafts();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.[0]).toEqual({ allianceId: "a1", area: "documents", form: "document:d1:settings" });
    expect(JSON.parse(saved[0]?.[1] ?? "{}")).toMatchObject({ title: "Titre tapé" });
    cleanup();

    render(DocumentSettingsForm, { props: { document, disabled: false, onSave: saving(), resume: saved[0]?.[1] ?? null } });
    await waitFor(() => expect(screen.getByTestId("document-settings-title")).toHaveValue("Titre tapé"));
  });

  it("puts « Réglages enregistrés. » away at the first key typed in the date, before the date is whole", async () => {
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave: saving() } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    await screen.findByTestId("document-settings-saved");
    const date = screen.getByTestId("document-settings-date");
    const segment = date.querySelector<HTMLElement>("[role='spinbutton'], input") ?? date;
    await fireEvent.keyDown(segment, { key: "1" });
    expect(screen.queryByTestId("document-settings-saved")).toBeNull();
  });

  it("keeps « Réglages enregistrés. » when the person only moves through the form (Tab)", async () => {
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave: saving() } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    await screen.findByTestId("document-settings-saved");
    await fireEvent.keyDown(screen.getByTestId("document-settings-title"), { key: "Tab" });
    expect(screen.getByTestId("document-settings-saved")).toBeInTheDocument();
  });

  it("flags a decimal number of copies and an empty title at once, the form's notice beside « Enregistrer »", async () => {
    const refused: AppError = {
      code: "validation",
      message: "Certains champs sont à corriger.",
      field: "title",
      fieldErrors: [
        { field: "title", message: "Indiquez le titre du document." },
        { field: "copies", message: "Indiquez entre 1 et 50 exemplaires." },
      ],
    };
    const onSave = vi.fn(async () => Promise.reject(refused));
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave } });
    await fireEvent.input(screen.getByTestId("document-settings-title"), { target: { value: "   " } });
    await fireEvent.input(screen.getByTestId("document-settings-copies"), { target: { value: "2.5" } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    await waitFor(() => expect(screen.getByText("Indiquez le titre du document.")).toBeInTheDocument());
    // The decimal keeps its own message; nothing with a decimal reaches the vault (0 copies is refused there).
    expect(screen.getByText("Saisissez un nombre entier d’exemplaires.")).toBeInTheDocument();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ title: "", copies: 0 }));
    await waitFor(() => expect(focused()).toBe(screen.getByTestId("document-settings-title")));
    const notice = screen.getByTestId("document-settings-error");
    expect(notice).toHaveTextContent("Certains champs sont à corriger");
    // Right after the form's buttons, not at the top of the form (under the sticky action bar).
    const actions = screen.getByTestId("document-settings-save").closest(".form-actions");
    expect(actions?.nextElementSibling).toBe(notice);
  });
});

function focused(): Element | null {
  return globalThis.document.activeElement;
}
