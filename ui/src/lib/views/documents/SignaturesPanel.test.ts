// Recording a signature against a mocked IPC (jsdom).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ContractDocument } from "$lib/api/bindings";
import SignaturesPanel from "./SignaturesPanel.svelte";

const document: ContractDocument = {
  id: "d1",
  allianceId: "a1",
  kind: "partnership_agreement",
  createdAt: "2026-11-26T10:00:00Z",
  updatedAt: "2026-11-26T10:00:00Z",
  current: {
    number: 1,
    status: "ready_to_sign",
    settings: { title: "Convention", overrides: [], place: null, signatureDate: null, copies: null },
    signatures: [],
    frozenAt: "2026-11-26T10:00:00Z",
  },
  nextStatus: "signed",
  canSign: true,
  frozen: true,
  canReturnToDraft: true,
};

describe("SignaturesPanel", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("shows the vault's « Indiquez la date de signature. » at the party's date field, then records a typed date", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, payload) => {
      const signature = (payload as { signature: { signedOn?: string | null } }).signature;
      sent.push(signature);
      if (cmd === "document_record_signature" && !signature.signedOn) {
        // What allia-core answers (SignatureDraft::validated), as the shell sends it.
        return Promise.reject({
          code: "validation",
          message: "Indiquez la date de signature.",
          field: "signedOn",
          fieldErrors: [{ field: "signedOn", message: "Indiquez la date de signature." }],
        });
      }
      return document;
    });
    const onSigned = vi.fn();
    render(SignaturesPanel, {
      document,
      signatories: [
        { organisation: "Maison des Solidarités", name: "Claire Moreau", role: "Présidente" },
        { organisation: "Mairie de Brenne", name: "Paul Durand", role: "Maire" },
      ],
      onSigned,
      onStale: vi.fn(),
    });
    const [first] = screen.getAllByTestId("signature-save");
    await fireEvent.click(first as HTMLElement);
    const error = await screen.findByTestId("error-signedOn");
    expect(error).toHaveTextContent("Indiquez la date de signature.");
    // Once, at the first party's field, and nowhere else.
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(error.id).toBe("signed-on-0-error");
    expect(sent).toEqual([{ party: "Maison des Solidarités", signatory: "Claire Moreau", signedOn: null }]);

    // Typed day, month, year, as a person does with the keyboard.
    screen.getAllByTestId("signature-date-day")[0]?.focus();
    for (const key of "30112026") await fireEvent.keyDown(globalThis.document.activeElement as HTMLElement, { key, code: `Digit${key}` });
    await fireEvent.click(first as HTMLElement);
    await waitFor(() => expect(onSigned).toHaveBeenCalledOnce());
    expect(sent[1]).toEqual({ party: "Maison des Solidarités", signatory: "Claire Moreau", signedOn: "2026-11-30" });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
