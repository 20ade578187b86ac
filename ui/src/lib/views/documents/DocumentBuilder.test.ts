// The builder offers what the document says is allowed (nextStatus, canSign, frozen come from Rust), against a
// mocked IPC (jsdom).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type {
  AppError,
  Catalog,
  ClauseChange,
  ClauseView,
  ContractDocument,
  DocumentPreview,
  DocumentStatus,
  FormDraft,
  FormDraftKey,
} from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { flushDrafts, setDraftStore } from "$lib/unsaved";
import DocumentBuilder from "./DocumentBuilder.svelte";
import { LATER_CATALOG_LISTS } from "../../api/catalog-fixture";

const catalog: Catalog = {
  actorTypes: [],
  partnerRoles: [],
  allianceStatuses: [],
  documentKinds: [{ value: "partnership_agreement", label: "Convention de partenariat", help: null }],
  documentStatuses: [
    { value: "draft", label: "Brouillon", help: null },
    { value: "in_review", label: "En relecture", help: null },
    { value: "ready_to_sign", label: "Prêt à signer", help: null },
    { value: "signed", label: "Signé", help: null },
  ],
  legalForms: [],
  contributionNatures: [],
  paymentScheduleKinds: [],
  publicFunderActorTypes: [],
  ...LATER_CATALOG_LISTS,
};

const clauses: ClauseView[] = [
  { id: "objet", number: "1", title: "Objet", heading: "Article 1 — Objet", status: { type: "mandatory" }, perParty: false, modelText: "x", text: "x", edited: true },
  {
    id: "confidentialite",
    number: "2",
    title: "Confidentialité",
    heading: "Article 2 — Confidentialité",
    status: { type: "optional", enabled: true, defaultEnabled: true },
    perParty: false,
    modelText: "y",
    text: "y",
    edited: false,
  },
];

const preview: DocumentPreview = {
  document: {
    metadata: { title: "Convention", author: "", subject: "", keywords: [], creation_date: "2026-11-26", language: "fr-FR" },
    header: null,
    footer_title: "Convention",
    blocks: [],
  },
  warnings: [],
  toCheck: [],
  blanks: [],
  anchors: [],
  nextNeedsConfirmation: false,
  frozen: null,
};

/** A preview with a blank left in « Objet » and an item to check about « Confidentialité ». */
const unfinished: DocumentPreview = {
  ...preview,
  document: {
    ...preview.document,
    blocks: [
      { Article: { number: 1, title: "Objet", heading: "Article 1 — Objet" } },
      { Paragraph: { runs: [{ text: "Objet\u00a0: [à compléter]", bold: false, italic: false }], align: "Justify" } },
      { Article: { number: 2, title: "Confidentialité", heading: "Article 2 — Confidentialité" } },
    ],
  },
  warnings: ["La clause «\u00a0Confidentialité\u00a0» renvoie à une clause inconnue."],
  toCheck: [{ message: "La clause «\u00a0Confidentialité\u00a0» renvoie à une clause inconnue.", target: { type: "clause", clauseId: "confidentialite" } }],
  blanks: [{ clauseId: "objet", count: 1 }],
  anchors: [
    { clauseId: "objet", start: 0, end: 2 },
    { clauseId: "confidentialite", start: 2, end: 3 },
  ],
  nextNeedsConfirmation: true,
};

function documentAt(
  status: DocumentStatus,
  rules: Pick<ContractDocument, "nextStatus" | "canSign" | "frozen"> & { canReturnToDraft?: boolean },
): ContractDocument {
  return {
    id: "d1",
    allianceId: "a1",
    kind: "partnership_agreement",
    createdAt: "2026-11-26T10:00:00Z",
    updatedAt: "2026-11-26T10:00:00Z",
    current: {
      number: 1,
      status,
      settings: { title: "Convention de mutualisation", overrides: [], place: null, signatureDate: null, copies: null },
      signatures: [],
      frozenAt: null,
    },
    canReturnToDraft: false,
    ...rules,
  };
}

function mockBackend(setStatus: (status: DocumentStatus) => unknown, changes: unknown[] = []) {
  mockIPC((cmd, payload) => {
    if (cmd === "document_clauses") return clauses;
    if (cmd === "document_preview") return preview;
    if (cmd === "document_set_status") return setStatus((payload as { status: DocumentStatus }).status);
    if (cmd === "document_change_clause") {
      const { clauseId, change } = payload as { clauseId: string; change: ClauseChange };
      changes.push([clauseId, change]);
      return documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false });
    }
    return null;
  });
}

function renderBuilder(document: ContractDocument, onStale = vi.fn(), onChanged = vi.fn(), resume: FormDraft | null = null) {
  render(DocumentBuilder, {
    props: { document, onChanged, onDeleted: vi.fn(), onStale, resume },
    context: catalogContext(catalog),
  });
  return { onStale, onChanged };
}

describe("DocumentBuilder", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("offers the next status the document names, and no signatures on a draft", async () => {
    const moved: DocumentStatus[] = [];
    mockBackend((status) => {
      moved.push(status);
      return documentAt(status, { nextStatus: "ready_to_sign", canSign: false, frozen: true });
    });
    const { onChanged } = renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    expect(screen.getByTestId("document-status")).toHaveTextContent("Version 1 — Brouillon");
    expect(screen.queryByTestId("document-frozen")).toBeNull();
    const rows = await screen.findAllByTestId("clause-row");
    // The heading comes worded from Rust; the builder does not build « Article N — titre » itself.
    expect(rows[0]).toHaveTextContent("Article 1 — Objet");
    expect(screen.getByText("Obligatoire")).toHaveClass("badge-mandatory");
    expect(screen.getByText("Texte modifié")).toHaveClass("badge-edited");
    expect(screen.queryByRole("heading", { name: "Signatures" })).toBeNull();

    expect(screen.getByTestId("document-status-next")).toHaveTextContent("Passer en relecture");
    await fireEvent.click(screen.getByTestId("document-status-next"));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(moved).toEqual(["in_review"]);
  });

  it("takes one step per deliberate click: the second click of a double-click does nothing", async () => {
    const moved: DocumentStatus[] = [];
    mockBackend((status) => {
      moved.push(status);
      return documentAt(status, { nextStatus: "ready_to_sign", canSign: false, frozen: true });
    });
    const { onChanged } = renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    const button = screen.getByTestId("document-status-next");
    await fireEvent.click(button, { detail: 1 });
    await fireEvent.click(button, { detail: 2 });
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(moved).toEqual(["in_review"]);
    // Keyboard activation (detail 0) still works.
    await fireEvent.click(screen.getByTestId("document-status-next"), { detail: 0 });
    await waitFor(() => expect(moved).toHaveLength(2));
  });

  it("shows a frozen version ready to sign with its signatures, and no step after signed", async () => {
    mockBackend(() => null);
    renderBuilder(documentAt("ready_to_sign", { nextStatus: "signed", canSign: true, frozen: true }));
    expect(screen.getByTestId("document-status-next")).toHaveTextContent("Marquer signé");
    expect(screen.getByTestId("document-frozen")).toHaveTextContent("Toute modification crée la version 2.");
    expect(screen.getByRole("heading", { name: "Signatures" })).toBeInTheDocument();
    cleanup();

    renderBuilder(documentAt("signed", { nextStatus: null, canSign: true, frozen: true }));
    expect(screen.getByTestId("document-status")).toHaveTextContent("Version 1 — Signé");
    expect(screen.queryByTestId("document-status-next")).toBeNull();
  });

  it("offers « Revenir au brouillon » only when the document says so, and sends it", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "document_clauses") return clauses;
      if (cmd === "document_preview") return preview;
      if (cmd === "document_return_to_draft") return documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false });
      return null;
    });
    const { onChanged } = renderBuilder(
      documentAt("ready_to_sign", { nextStatus: "signed", canSign: true, frozen: true, canReturnToDraft: true }),
    );
    await fireEvent.click(screen.getByTestId("document-status-back"));
    // It asks first (copies of this version already sent out would no longer match).
    expect(calls).not.toContain("document_return_to_draft");
    await fireEvent.click(await screen.findByTestId("confirm-return-to-draft"));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(calls).toContain("document_return_to_draft");
    cleanup();

    renderBuilder(documentAt("ready_to_sign", { nextStatus: "signed", canSign: true, frozen: true, canReturnToDraft: false }));
    expect(screen.queryByTestId("document-status-back")).toBeNull();
  });

  it("sends one clause change for the vault to merge, not a list of overrides", async () => {
    const changes: unknown[] = [];
    mockBackend(() => null, changes);
    const { onChanged } = renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    await fireEvent.click(await screen.findByTestId("clause-toggle-confidentialite"));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    await fireEvent.click(screen.getByTestId("clause-edit-objet"));
    // The clause editor (ClauseEditor.svelte) inserts a field as a chip at the cursor, at the start here.
    await fireEvent.change(screen.getByTestId("clause-insert"), { target: { value: "alliance.name" } });
    await fireEvent.click(screen.getByTestId("clause-save"));
    await waitFor(() => expect(screen.queryByTestId("clause-text")).toBeNull());
    await fireEvent.click(screen.getByTestId("clause-reset-objet"));
    // « Rétablir » replaces the person's text: it asks first.
    expect(await screen.findByText("Votre texte de cette clause sera remplacé.")).toBeInTheDocument();
    expect(changes).toHaveLength(2);
    await fireEvent.click(screen.getByTestId("confirm-reset"));
    await waitFor(() => expect(changes).toHaveLength(3));
    expect(changes).toEqual([
      ["confidentialite", { type: "include", value: false }],
      ["objet", { type: "setText", value: "{{ alliance.name }}x" }],
      ["objet", { type: "resetText" }],
    ]);
  });

  it("asks before throwing away a clause text being edited (« Annuler », another clause's « Modifier le texte »)", async () => {
    // The editor scrolls its cursor into view when the dialog gives it the focus back: jsdom measures nothing.
    const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
    Object.assign(Range.prototype, { getClientRects: rects, getBoundingClientRect: () => new DOMRect() });
    const changes: unknown[] = [];
    mockBackend(() => null, changes);
    renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    await fireEvent.click(await screen.findByTestId("clause-edit-objet"));
    // Unchanged: « Annuler » closes at once.
    await fireEvent.click(screen.getByTestId("clause-cancel"));
    expect(screen.queryByTestId("clause-text")).toBeNull();
    expect(screen.queryByTestId("confirm-discard")).toBeNull();

    await fireEvent.click(screen.getByTestId("clause-edit-objet"));
    await fireEvent.change(screen.getByTestId("clause-insert"), { target: { value: "alliance.name" } });
    await fireEvent.click(screen.getByTestId("clause-cancel"));
    expect(await screen.findByTestId("confirm-discard")).toBeInTheDocument();
    // « Continuer la saisie »: the text is still there.
    await fireEvent.click(screen.getByRole("button", { name: "Continuer la saisie" }));
    await waitFor(() => expect(screen.queryByTestId("confirm-discard")).toBeNull());
    expect(screen.getByTestId("clause-text").querySelector(".chip")).toHaveTextContent("[Nom de l’alliance]");

    // Another clause's « Modifier le texte » asks too; confirmed, the other clause opens.
    await fireEvent.click(screen.getByTestId("clause-edit-confidentialite"));
    await fireEvent.click(await screen.findByTestId("confirm-discard"));
    await waitFor(() => expect(screen.getByTestId("clause-text").id).toBe("clause-text-confidentialite"));
    expect(changes).toEqual([]);
  });

  it("names each repeated clause button after its clause, keeping the visible text", async () => {
    const preamble: ClauseView = {
      id: "preambule",
      number: null,
      title: "Préambule",
      heading: "Préambule",
      status: { type: "mandatory" },
      perParty: false,
      modelText: "z",
      text: "z",
      edited: true,
    };
    mockIPC((cmd) => {
      if (cmd === "document_clauses") return [preamble, ...clauses];
      if (cmd === "document_preview") return preview;
      return null;
    });
    renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    await screen.findAllByTestId("clause-row");

    // Screen readers hear which clause each button acts on (WCAG 2.4.6); the name starts with the visible text (2.5.3).
    expect(screen.getByTestId("clause-edit-objet")).toHaveAccessibleName("Modifier le texte de l’article 1 — Objet");
    expect(screen.getByTestId("clause-edit-objet")).toHaveTextContent("Modifier le texte");
    expect(screen.getByTestId("clause-edit-confidentialite")).toHaveAccessibleName(
      "Modifier le texte de l’article 2 — Confidentialité",
    );
    expect(screen.getByTestId("clause-edit-preambule")).toHaveAccessibleName(
      "Modifier le texte de la clause «\u00a0Préambule\u00a0»",
    );
    expect(screen.getByTestId("clause-reset-objet")).toHaveAccessibleName(
      "Rétablir le texte du modèle de l’article 1 — Objet",
    );
    expect(screen.getByTestId("clause-reset-objet")).toHaveTextContent("Rétablir le texte du modèle");
    expect(screen.getByTestId("clause-reset-preambule")).toHaveAccessibleName(
      "Rétablir le texte du modèle de la clause «\u00a0Préambule\u00a0»",
    );
    expect(screen.getByRole("checkbox", { name: "Inclure cette clause\u00a0: Article 2 — Confidentialité" })).toBe(
      screen.getByTestId("clause-toggle-confidentialite"),
    );

    // No two buttons share a name any more.
    const names = screen.getAllByRole("button").map((button) => button.getAttribute("aria-label") ?? button.textContent?.trim());
    const clauseNames = names.filter((name) => name?.startsWith("Modifier le texte") || name?.startsWith("Rétablir"));
    expect(clauseNames).toHaveLength(5);
    expect(new Set(clauseNames).size).toBe(clauseNames.length);
  });

  it("saves the number of copies with the other settings", async () => {
    const saved: unknown[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === "document_clauses") return clauses;
      if (cmd === "document_preview") return preview;
      if (cmd === "document_update") {
        const { settings } = payload as { settings: ContractDocument["current"]["settings"] };
        saved.push(settings);
        const document = documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false });
        return { ...document, current: { ...document.current, settings } };
      }
      return null;
    });
    renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    await fireEvent.input(screen.getByTestId("document-settings-copies"), { target: { value: "1" } });
    await fireEvent.input(screen.getByTestId("document-settings-place"), { target: { value: "Tours" } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ copies: 1, place: "Tours" });
    expect(await screen.findByText("Réglages enregistrés.")).toBeInTheDocument();

    await fireEvent.input(screen.getByTestId("document-settings-copies"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toMatchObject({ copies: null });
  });

  it("says a refused step and reads the document again", async () => {
    const refused: AppError = {
      code: "precondition",
      message: "Une version ne revient pas en arrière\u00a0: modifiez le document pour en créer une nouvelle.",
      field: null,
      fieldErrors: [],
    };
    mockBackend(() => Promise.reject(refused));
    const { onStale, onChanged } = renderBuilder(documentAt("in_review", { nextStatus: "ready_to_sign", canSign: false, frozen: true }));
    await fireEvent.click(screen.getByTestId("document-status-next"));
    await waitFor(() => expect(screen.getByTestId("document-error")).toHaveTextContent("Une version ne revient pas en arrière"));
    expect(onStale).toHaveBeenCalledOnce();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("lists « À vérifier » at the top, each item taking the focus to its clause", async () => {
    mockIPC((cmd) => {
      if (cmd === "document_clauses") return clauses;
      if (cmd === "document_preview") return unfinished;
      return null;
    });
    renderBuilder(documentAt("in_review", { nextStatus: "ready_to_sign", canSign: false, frozen: true }));
    const list = await screen.findByTestId("document-warnings");
    const links = screen.getAllByTestId("to-check-link");
    expect(links.map((link) => link.textContent)).toEqual([
      "Article 1 — Objet\u00a0: 1\u00a0passage «\u00a0[à compléter]\u00a0» à remplir.",
      "La clause «\u00a0Confidentialité\u00a0» renvoie à une clause inconnue.",
    ]);
    // Before the clauses in reading (and Tab) order.
    const [firstRow] = screen.getAllByTestId("clause-row");
    expect(list.compareDocumentPosition(firstRow!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await fireEvent.click(links[1]!);
    const row = document.getElementById("clause-confidentialite");
    await waitFor(() => expect(row).toHaveFocus());
    // The preview marks the clause it scrolled to.
    expect(document.querySelector('[data-clause="confidentialite"]')).toHaveClass("active");
    expect(document.querySelector('[data-clause="objet"]')).not.toHaveClass("active");
  });

  it("asks before « Marquer prêt à signer » with blanks left, listing them, and sends the confirmation", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === "document_clauses") return clauses;
      if (cmd === "document_preview") return unfinished;
      if (cmd === "document_set_status") {
        sent.push(payload);
        return documentAt("ready_to_sign", { nextStatus: "signed", canSign: true, frozen: true });
      }
      return null;
    });
    const { onChanged } = renderBuilder(documentAt("in_review", { nextStatus: "ready_to_sign", canSign: false, frozen: true }));
    await screen.findAllByTestId("to-check-link");

    await fireEvent.click(screen.getByTestId("document-status-next"));
    const left = await screen.findByTestId("ready-left");
    expect(left.textContent).toContain("Article 1 — Objet\u00a0: 1\u00a0passage «\u00a0[à compléter]\u00a0» à remplir.");
    expect(left.textContent).toContain("renvoie à une clause inconnue");
    expect(sent).toEqual([]);

    // « Revenir au document »: nothing is sent.
    await fireEvent.click(screen.getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("ready-left")).toBeNull());
    expect(sent).toEqual([]);

    await fireEvent.click(screen.getByTestId("document-status-next"));
    await fireEvent.click(await screen.findByTestId("confirm-ready"));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(sent).toEqual([{ id: "d1", status: "ready_to_sign", confirmed: true }]);
  });

  it("sends a step without confirmation when nothing is left, and shows an export next to its buttons", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === "document_clauses") return clauses;
      if (cmd === "document_preview") return preview;
      if (cmd === "document_export") return "/home/claire/convention.pdf";
      if (cmd === "document_set_status") {
        sent.push(payload);
        return documentAt("ready_to_sign", { nextStatus: "signed", canSign: true, frozen: true });
      }
      return null;
    });
    renderBuilder(documentAt("in_review", { nextStatus: "ready_to_sign", canSign: false, frozen: true }));
    expect(await screen.findByTestId("document-warnings")).toHaveTextContent("Rien à signaler");
    await fireEvent.click(screen.getByTestId("document-status-next"));
    await waitFor(() => expect(sent).toEqual([{ id: "d1", status: "ready_to_sign", confirmed: false }]));

    await fireEvent.click(screen.getByTestId("document-export-pdf"));
    const done = await screen.findByTestId("document-exported");
    expect(done.textContent).toBe("Document enregistré\u00a0: /home/claire/convention.pdf");
    // In the action bar, under its buttons, inside a polite live region.
    const bar = screen.getByTestId("document-action-bar");
    expect(bar).toContainElement(done);
    expect(done.closest("[aria-live]")).not.toBeNull();
  });

  it("shows a refused clause change in the clause's own row", async () => {
    const refused: AppError = { code: "storage", message: "Le coffre n’a pas pu enregistrer la clause.", field: null, fieldErrors: [] };
    mockIPC((cmd) => {
      if (cmd === "document_clauses") return clauses;
      if (cmd === "document_preview") return preview;
      if (cmd === "document_change_clause") return Promise.reject(refused);
      return null;
    });
    renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    await fireEvent.click(await screen.findByTestId("clause-toggle-confidentialite"));
    const error = await screen.findByTestId("clause-change-error");
    expect(error).toHaveTextContent("Le coffre n’a pas pu enregistrer la clause.");
    expect(document.getElementById("clause-confidentialite")).toContainElement(error);
    expect(screen.queryByTestId("document-error")).toBeNull();
  });

  it("confirms a saved text in the clause's row until the next edit, focus back on its « Modifier le texte »", async () => {
    mockBackend(() => null);
    renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
    await fireEvent.click(await screen.findByTestId("clause-edit-objet"));
    await fireEvent.change(screen.getByTestId("clause-insert"), { target: { value: "alliance.name" } });
    screen.getByTestId("clause-save").focus();
    await fireEvent.click(screen.getByTestId("clause-save"));
    const saved = await screen.findByTestId("clause-saved");
    expect(saved).toHaveTextContent("Texte de l’article 1 — Objet enregistré.");
    expect(saved.closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
    expect(saved.closest("[data-testid='clause-row']")).toHaveAttribute("id", "clause-objet");
    await waitFor(() => expect(screen.getByTestId("clause-edit-objet")).toHaveFocus());
    // The next edit clears it.
    await fireEvent.click(screen.getByTestId("clause-edit-objet"));
    expect(screen.queryByTestId("clause-saved")).toBeNull();
    // « Annuler » closes the editor and gives the focus back to the same button.
    screen.getByTestId("clause-cancel").focus();
    await fireEvent.click(screen.getByTestId("clause-cancel"));
    await waitFor(() => expect(screen.getByTestId("clause-edit-objet")).toHaveFocus());
    expect(screen.queryByTestId("clause-text")).toBeNull();
  });

  it("keeps a clause's unsaved text as a draft, and opens that clause with a kept one", async () => {
    const kept: [FormDraftKey, string][] = [];
    setDraftStore({ save: async (key, content) => kept.push([key, content]), clear: async () => undefined, list: async () => [] });
    try {
      mockBackend(() => null);
      renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }));
      await fireEvent.click(await screen.findByTestId("clause-edit-confidentialite"));
      // Opened, not changed: nothing to keep.
      await flushDrafts();
      expect(kept).toHaveLength(0);
      await fireEvent.change(screen.getByTestId("clause-insert"), { target: { value: "alliance.name" } });
      await flushDrafts();
      expect(kept).toHaveLength(1);
      expect(kept[0]?.[0]).toEqual({ allianceId: "a1", area: "documents", form: "document:d1:clause:confidentialite" });
      expect(JSON.parse(kept[0]?.[1] ?? "{}")).toMatchObject({
        clauseId: "confidentialite",
        heading: "Article 2 — Confidentialité",
        text: "{{ alliance.name }}y",
      });
      cleanup();

      const [key, content] = kept[0] ?? [];
      if (key === undefined || content === undefined) throw new Error("no draft");
      renderBuilder(documentAt("draft", { nextStatus: "in_review", canSign: false, frozen: false }), vi.fn(), vi.fn(), {
        key,
        content,
        savedAt: "2026-11-30T12:00:00Z",
      });
      const editor = await screen.findByTestId("clause-text");
      expect(editor.closest("[data-testid='clause-row']")).toHaveAttribute("id", "clause-confidentialite");
      expect(editor.querySelector(".chip")).toHaveTextContent("[Nom de l’alliance]");
    } finally {
      setDraftStore(null);
    }
  });
});
