// « Réglages du document »: the confirmation after a save goes at the next edit, and unsaved input is kept as a
// draft (written at the lock warning) and taken back with « Reprendre la saisie ».
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
    settings: { title: "Convention", overrides: [], place: null, signatureDate: null, copies: null, initials: false, annexes: [] },
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
  // The annexes' files are listed from the vault as the form opens: none here unless a test says otherwise.
  beforeEach(() => mockIPC((cmd) => (cmd === "document_annex_files" ? [] : null)));

  afterEach(() => {
    cleanup();
    setDraftStore(null);
    clearMocks();
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

  it("adds annexes from the suggestions or typed, reorders and removes them, and saves them with « Paraphes »", async () => {
    const onSave = saving();
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave } });
    await fireEvent.click(screen.getByRole("button", { name: "+ Statuts de l’association" }));
    expect(screen.queryByRole("button", { name: "+ Statuts de l’association" })).toBeNull();
    await fireEvent.input(screen.getByTestId("annex-new-title"), { target: { value: "Plan de financement" } });
    await fireEvent.keyDown(screen.getByTestId("annex-new-title"), { key: "Enter" });
    await fireEvent.click(screen.getByRole("button", { name: "+ Relevé d’identité bancaire" }));
    const titles = () => screen.getAllByTestId("annex-title").map((input) => (input as HTMLInputElement).value);
    expect(titles()).toEqual(["Statuts de l’association", "Plan de financement", "Relevé d’identité bancaire"]);
    // The new annex's title has the focus, ready to be corrected.
    expect(focused()).toBe(screen.getAllByTestId("annex-title")[2]);

    await fireEvent.click(screen.getByRole("button", { name: "Monter l’annexe « Relevé d’identité bancaire »" }));
    expect(titles()).toEqual(["Statuts de l’association", "Relevé d’identité bancaire", "Plan de financement"]);
    expect(focused()).toBe(screen.getByRole("button", { name: "Monter l’annexe « Relevé d’identité bancaire »" }));
    expect(screen.getByRole("button", { name: "Monter l’annexe « Statuts de l’association »" })).toBeDisabled();

    await fireEvent.click(screen.getByRole("button", { name: "Retirer l’annexe « Plan de financement »" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("L’annexe « Plan de financement » sera retirée de la liste");
    await fireEvent.click(within(dialog).getByTestId("confirm-annex-remove"));
    await waitFor(() => expect(titles()).toEqual(["Statuts de l’association", "Relevé d’identité bancaire"]));

    await fireEvent.click(screen.getByTestId("document-settings-initials"));
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    await screen.findByTestId("document-settings-saved");
    const sent = onSave.mock.calls[0]?.[0];
    expect(sent?.initials).toBe(true);
    expect(sent?.annexes?.map((a) => [a.title, a.fileName])).toEqual([
      ["Statuts de l’association", null],
      ["Relevé d’identité bancaire", null],
    ]);
    expect(sent?.annexes?.every((a) => /^[0-9a-f-]{36}$/.test(a.id))).toBe(true);
  });

  it("shows a refused annex title at its row, not at the document's title", async () => {
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave: saving() } });
    await fireEvent.click(screen.getByRole("button", { name: "+ Plan d’action" }));
    const id = (screen.getByTestId("annex-title") as HTMLInputElement).id.replace("annex-title-", "");
    const refused: AppError = {
      code: "validation",
      message: "Indiquez le titre de l’annexe.",
      field: `annexes.${id}.title`,
      fieldErrors: [{ field: `annexes.${id}.title`, message: "Indiquez le titre de l’annexe." }],
    };
    const onSave = vi.fn(async () => Promise.reject(refused));
    cleanup();
    render(DocumentSettingsForm, {
      props: {
        document: { ...document, current: { ...document.current, settings: { ...document.current.settings, annexes: [{ id, title: "Plan d’action", fileName: null }] } } },
        disabled: false,
        onSave,
      },
    });
    await fireEvent.input(screen.getByTestId("annex-title"), { target: { value: " " } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    const error = await screen.findByTestId("error-annex-title");
    expect(error).toHaveTextContent("Indiquez le titre de l’annexe.");
    expect(screen.getByTestId("annex-title")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("error-title")).toBeNull();
    expect(await screen.findByTestId("document-settings-error")).toHaveTextContent("Certains champs sont à corriger");
  });

  it("attaches a PDF to a saved annex and shows its name and pages, then removes it", async () => {
    const annexId = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f";
    const withAnnex: ContractDocument = {
      ...document,
      current: { ...document.current, settings: { ...document.current.settings, annexes: [{ id: annexId, title: "Statuts", fileName: null }] } },
    };
    let attached = false;
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "document_annex_files") return attached ? [{ annexId, fileName: "statuts.pdf", size: 2048, pages: 3 }] : [];
      if (cmd === "document_annex_attach") {
        attached = true;
        return withAnnex;
      }
      if (cmd === "document_annex_detach") {
        attached = false;
        return withAnnex;
      }
      return null;
    });
    const onChanged = vi.fn();
    const onSave = saving();
    render(DocumentSettingsForm, { props: { document: withAnnex, disabled: false, onSave, onChanged } });
    await fireEvent.click(await screen.findByRole("button", { name: "Joindre un PDF à l’annexe « Statuts »" }));
    await waitFor(() => expect(screen.getByTestId("annex-file").textContent).toContain("statuts.pdf — 3\u00a0pages"));
    expect(onSave).not.toHaveBeenCalled();
    expect(onChanged).toHaveBeenCalledWith(withAnnex);
    await fireEvent.click(screen.getByRole("button", { name: "Retirer le PDF de l’annexe « Statuts »" }));
    await waitFor(() => expect(screen.getByTestId("annex-file")).toHaveTextContent("Aucun PDF joint"));
    expect(calls).toContain("document_annex_detach");
  });

  it("saves a new annex before attaching its PDF", async () => {
    const order: string[] = [];
    mockIPC((cmd) => {
      order.push(cmd);
      if (cmd === "document_annex_files") return [];
      return null;
    });
    const onSave = vi.fn(async (settings: DocumentSettings) => {
      order.push("save");
      return { ...document, current: { ...document.current, settings } };
    });
    render(DocumentSettingsForm, { props: { document, disabled: false, onSave } });
    await fireEvent.click(screen.getByRole("button", { name: "+ Statuts de l’association" }));
    await fireEvent.click(screen.getByRole("button", { name: "Joindre un PDF à l’annexe « Statuts de l’association »" }));
    await waitFor(() => expect(order).toContain("document_annex_attach"));
    expect(order.indexOf("save")).toBeLessThan(order.indexOf("document_annex_attach"));
    expect(onSave.mock.calls[0]?.[0].annexes?.[0]?.title).toBe("Statuts de l’association");
  });

  it("shows why a file was refused under its annex", async () => {
    const annexId = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f";
    const withAnnex: ContractDocument = {
      ...document,
      current: { ...document.current, settings: { ...document.current.settings, annexes: [{ id: annexId, title: "RIB", fileName: null }] } },
    };
    const refused: AppError = {
      code: "validation",
      message: "Ce fichier n’est pas un PDF\u00a0: choisissez un fichier PDF (.pdf).",
      field: `annexes.${annexId}.fileName`,
      fieldErrors: [{ field: `annexes.${annexId}.fileName`, message: "Ce fichier n’est pas un PDF\u00a0: choisissez un fichier PDF (.pdf)." }],
    };
    mockIPC((cmd) => {
      if (cmd === "document_annex_files") return [];
      if (cmd === "document_annex_attach") throw refused;
      return null;
    });
    render(DocumentSettingsForm, { props: { document: withAnnex, disabled: false, onSave: saving() } });
    await fireEvent.click(await screen.findByRole("button", { name: "Joindre un PDF à l’annexe « RIB »" }));
    const error = await screen.findByTestId("error-annex-file");
    expect(error).toHaveTextContent("Ce fichier n’est pas un PDF");
    expect(screen.getByRole("button", { name: "Joindre un PDF à l’annexe « RIB »" })).toHaveAttribute(
      "aria-describedby",
      `annex-file-${annexId}-error`,
    );
    expect(screen.queryByTestId("error-title")).toBeNull();
  });
});

function focused(): Element | null {
  return globalThis.document.activeElement;
}
