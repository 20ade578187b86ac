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
    // Focus goes to the missing date, where the person types it.
    await waitFor(() => expect(globalThis.document.activeElement).toBe(screen.getAllByTestId("signature-date-day")[0]));
    expect(sent).toEqual([{ party: "Maison des Solidarités", signatory: "Claire Moreau", signedOn: null }]);

    // Typed day, month, year, as a person does with the keyboard.
    screen.getAllByTestId("signature-date-day")[0]?.focus();
    for (const key of "30112026") await fireEvent.keyDown(globalThis.document.activeElement as HTMLElement, { key, code: `Digit${key}` });
    // A click focuses the button in a browser; jsdom does not.
    (first as HTMLElement).focus();
    await fireEvent.click(first as HTMLElement);
    await waitFor(() => expect(onSigned).toHaveBeenCalledOnce());
    expect(sent[1]).toEqual({ party: "Maison des Solidarités", signatory: "Claire Moreau", signedOn: "2026-11-30" });
    expect(screen.queryByRole("alert")).toBeNull();
    // A confirmation next to that party's form, and focus back on its save button.
    const [firstSaved, secondSaved] = screen.getAllByTestId("signature-saved");
    await waitFor(() => expect(firstSaved).toHaveTextContent("Signature de Claire Moreau enregistrée."));
    expect(firstSaved).toHaveAttribute("aria-live", "polite");
    expect(secondSaved).toHaveTextContent("");
    await waitFor(() => expect(globalThis.document.activeElement).toBe(first));
    // The next edit clears it.
    const [name] = screen.getAllByTestId("signature-name");
    await fireEvent.input(name as HTMLElement, { target: { value: "Claire Moreau-Petit" } });
    expect(firstSaved).toHaveTextContent("");
  });

  it("shows a signed version's signatures read-only, with no form to change them", () => {
    mockIPC(() => {
      throw new Error("nothing is sent");
    });
    render(SignaturesPanel, {
      document: {
        ...document,
        current: {
          ...document.current,
          status: "signed",
          signatures: [
            { party: "Maison des Solidarités", signatory: "Claire Moreau", signedOn: "2026-12-01" },
            { party: "Mairie de Brenne", signatory: "Paul Durand", signedOn: "2026-12-03" },
          ],
        },
        nextStatus: null,
        canSign: false,
        canReturnToDraft: false,
      },
      signatories: [
        { organisation: "Maison des Solidarités", name: "Claire Moreau", role: "Présidente" },
        { organisation: "Mairie de Brenne", name: "Paul Durand", role: "Maire" },
      ],
      onSigned: vi.fn(),
      onStale: vi.fn(),
    });
    expect(screen.getByTestId("signatures-read-only").textContent?.replace(/[ \n\t]+/g, " ").trim()).toBe(
      "Ce document est signé\u00a0: ses signatures ne se modifient plus. Pour changer le texte ou les signatures, modifiez le document\u00a0: une version 2 sera créée.",
    );
    const items = screen.getAllByRole("listitem");
    expect(items.map((item) => item.textContent?.replace(/[ \n\t]+/g, " ").trim())).toEqual([
      "Maison des Solidarités\u00a0: signé par Claire Moreau le 1er décembre 2026",
      "Mairie de Brenne\u00a0: signé par Paul Durand le 3 décembre 2026",
    ]);
    expect(screen.queryByTestId("signature-save")).toBeNull();
    expect(screen.queryByTestId("signature-name")).toBeNull();
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("does not let a placeholder party sign: its box sends to the profile", async () => {
    const sent: string[] = [];
    mockIPC((cmd) => {
      sent.push(cmd);
      return document;
    });
    const navigate = vi.fn();
    render(SignaturesPanel, {
      document,
      signatories: [
        { organisation: "[Votre association : complétez le profil]", name: "[à compléter]", role: "" },
        { organisation: "Mairie de Brenne", name: "Paul Durand", role: "Maire" },
      ],
      onSigned: vi.fn(),
      onStale: vi.fn(),
      navigate,
    });
    const box = screen.getByTestId("signature-placeholder");
    expect(box.querySelector("legend")).toHaveTextContent("Complétez d’abord le profil de votre association");
    expect(box.querySelector("input")).toBeNull();
    // Only the real party has a form.
    expect(screen.getAllByTestId("signature-save")).toHaveLength(1);
    await fireEvent.click(screen.getByRole("button", { name: "Compléter le profil" }));
    expect(navigate).toHaveBeenCalledWith({ area: "profile" });
    expect(sent).toEqual([]);
  });
});
