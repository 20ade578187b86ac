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

  it("asks for the date of signature before calling the vault", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return document;
    });
    const onSigned = vi.fn();
    render(SignaturesPanel, {
      document,
      signatories: [{ organisation: "Maison des Solidarités", name: "Claire Moreau", role: "Présidente" }],
      onSigned,
      onStale: vi.fn(),
    });
    await fireEvent.click(screen.getByTestId("signature-save"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Indiquez la date de signature.");
    expect(calls).toEqual([]);

    expect(screen.getByTestId("error-signedOn")).toHaveTextContent("Indiquez la date de signature.");

    // Typed day, month, year, as a person does with the keyboard.
    screen.getByTestId("signature-date-day").focus();
    for (const key of "30112026") await fireEvent.keyDown(globalThis.document.activeElement as HTMLElement, { key, code: `Digit${key}` });
    await fireEvent.click(screen.getByTestId("signature-save"));
    await waitFor(() => expect(onSigned).toHaveBeenCalledOnce());
    expect(calls).toEqual(["document_record_signature"]);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
