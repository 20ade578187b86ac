// The action bar keeps the keyboard where the person is: a step, an export or a refused step leaves focus on the
// bar (never on the page), and a step is said to screen readers once (issue 8, item 8).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError, Catalog, ContractDocument, DocumentStatus } from "$lib/api/bindings";
import { onAnnouncement } from "$lib/announce";
import { catalogContext } from "$lib/catalog";
import ActionBar from "./ActionBar.svelte";
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

function documentAt(status: DocumentStatus, nextStatus: DocumentStatus | null, canReturnToDraft = false): ContractDocument {
  return {
    id: "d1",
    allianceId: "a1",
    kind: "partnership_agreement",
    createdAt: "2026-11-26T10:00:00Z",
    updatedAt: "2026-11-26T10:00:00Z",
    current: {
      number: 1,
      status,
      settings: { title: "Convention", overrides: [], place: null, signatureDate: null, copies: null },
      signatures: [],
      frozenAt: null,
    },
    nextStatus,
    canSign: status === "ready_to_sign",
    frozen: status !== "draft",
    canReturnToDraft,
  };
}

/** Renders the bar as the builder does: the document it shows follows what each step answers. */
function renderBar(start: ContractDocument) {
  const onApplied = vi.fn();
  const view = render(ActionBar, {
    props: { document: start, preview: null, clauses: [], disabled: false, onApplied, onStale: vi.fn() },
    context: catalogContext(catalog),
  });
  onApplied.mockImplementation((document: ContractDocument) => void view.rerender({ document }));
  return { onApplied };
}

function heard(): string[] {
  const said: string[] = [];
  const stop = onAnnouncement((message) => said.push(message));
  afterEach(stop);
  return said;
}

describe("ActionBar", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("keeps focus on « Exporter en PDF » while it runs and after, its button never disabled", async () => {
    let finish: (path: string) => void = () => undefined;
    mockIPC((cmd) => (cmd === "document_export" ? new Promise<string>((resolve) => (finish = resolve)) : null));
    renderBar(documentAt("draft", "in_review"));
    const button = screen.getByTestId("document-export-pdf");
    button.focus();
    await fireEvent.click(button, { detail: 1 });
    await waitFor(() => expect(button).toHaveAttribute("aria-disabled", "true"));
    expect(button).not.toBeDisabled();
    expect(document.activeElement).toBe(button);
    finish("/home/claire/convention.pdf");
    await screen.findByTestId("document-exported");
    expect(document.activeElement).toBe(button);
    expect(button).toHaveAttribute("aria-disabled", "false");
  });

  it("moves focus to the new next step after « Passer en relecture », and says the new status", async () => {
    const said = heard();
    mockIPC((cmd) => (cmd === "document_set_status" ? documentAt("in_review", "ready_to_sign", true) : null));
    renderBar(documentAt("draft", "in_review"));
    const button = screen.getByTestId("document-status-next");
    button.focus();
    await fireEvent.click(button, { detail: 1 });
    await waitFor(() => expect(screen.getByTestId("document-status-next")).toHaveTextContent("Marquer prêt à signer"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("document-status-next")));
    expect(said.filter((message) => message === "Statut\u00a0: En relecture")).toHaveLength(1);
  });

  it("puts focus on the status when no step is left (« Signé »)", async () => {
    mockIPC((cmd) => (cmd === "document_set_status" ? documentAt("signed", null) : null));
    renderBar(documentAt("ready_to_sign", "signed"));
    const button = screen.getByTestId("document-status-next");
    button.focus();
    await fireEvent.click(button, { detail: 1 });
    await waitFor(() => expect(screen.queryByTestId("document-status-next")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("document-status")));
    expect(screen.getByTestId("document-status")).toHaveTextContent("Signé");
  });

  it("keeps focus on « Marquer signé » when it is refused, the message under the bar", async () => {
    const refused: AppError = {
      code: "validation",
      message: "Chaque partie doit avoir signé, avec une date et un signataire.",
      field: null,
      fieldErrors: [],
    };
    mockIPC((cmd) => (cmd === "document_set_status" ? Promise.reject(refused) : null));
    renderBar(documentAt("ready_to_sign", "signed"));
    const button = screen.getByTestId("document-status-next");
    button.focus();
    await fireEvent.click(button, { detail: 1 });
    expect(await screen.findByTestId("document-error")).toHaveTextContent("Chaque partie doit avoir signé");
    expect(document.activeElement).toBe(button);
  });

  it("asks for the confirmation when the vault counts what a preview still loading did not, then sends it confirmed", async () => {
    const sent: { confirmed: boolean }[] = [];
    const unfinished: AppError = {
      code: "needs_confirmation",
      message: "Il reste 1\u00a0passage «\u00a0[à compléter]\u00a0» dans ce document\u00a0: complétez-les, ou confirmez…",
      field: null,
      fieldErrors: [],
    };
    mockIPC((cmd, payload) => {
      if (cmd !== "document_set_status") return null;
      const { confirmed } = payload as { confirmed: boolean };
      sent.push({ confirmed });
      return confirmed ? documentAt("ready_to_sign", "signed") : Promise.reject(unfinished);
    });
    const onStale = vi.fn();
    const view = render(ActionBar, {
      props: { document: documentAt("in_review", "ready_to_sign"), preview: null, clauses: [], disabled: false, onApplied: vi.fn(), onStale },
      context: catalogContext(catalog),
    });
    await fireEvent.click(screen.getByTestId("document-status-next"), { detail: 1 });
    const confirm = await screen.findByTestId("confirm-ready");
    expect(screen.queryByTestId("document-error")).toBeNull();
    expect(onStale).not.toHaveBeenCalled();
    await fireEvent.click(confirm);
    await waitFor(() => expect(sent).toEqual([{ confirmed: false }, { confirmed: true }]));
    view.unmount();
  });

  it("asks before « Revenir au brouillon », saying copies of this version would no longer match, and sends it only once confirmed", async () => {
    const sent: string[] = [];
    mockIPC((cmd) => {
      if (cmd !== "document_return_to_draft") return null;
      sent.push(cmd);
      return documentAt("draft", "in_review");
    });
    const { onApplied } = renderBar(documentAt("ready_to_sign", "signed", true));

    // « Annuler »: nothing sent, still « Prêt à signer ».
    await fireEvent.click(screen.getByTestId("document-status-back"), { detail: 1 });
    const dialog = await screen.findByRole("alertdialog");
    // Read raw: the no-break spaces of French typography are part of the text.
    expect(dialog.textContent).toContain("Revenir au brouillon\u00a0?");
    expect(dialog.textContent).toContain(
      "La version 1 redevient un brouillon et garde son numéro\u00a0: les copies de la «\u00a0version 1\u00a0» déjà exportées ou imprimées ne correspondront plus au document dès qu’il changera.",
    );
    await fireEvent.click(screen.getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(sent).toEqual([]);
    expect(screen.getByTestId("document-status")).toHaveTextContent("Version 1 — Prêt à signer");

    // Confirmed: sent once, and the bar shows the draft.
    await fireEvent.click(screen.getByTestId("document-status-back"), { detail: 1 });
    const confirm = await screen.findByTestId("confirm-return-to-draft");
    expect(confirm).toHaveTextContent("Revenir au brouillon");
    await fireEvent.click(confirm);
    await waitFor(() => expect(onApplied).toHaveBeenCalledOnce());
    expect(sent).toEqual(["document_return_to_draft"]);
    expect(screen.getByTestId("document-status")).toHaveTextContent("Version 1 — Brouillon");
  });

  it("ignores clicks while another change runs (aria-disabled, not disabled)", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === "document_set_status") sent.push(payload);
      return null;
    });
    render(ActionBar, {
      props: { document: documentAt("draft", "in_review"), preview: null, clauses: [], disabled: true, onApplied: vi.fn(), onStale: vi.fn() },
      context: catalogContext(catalog),
    });
    const button = screen.getByTestId("document-status-next");
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).not.toBeDisabled();
    await fireEvent.click(button, { detail: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
  });
});
