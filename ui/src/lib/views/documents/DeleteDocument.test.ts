// « Supprimer le document… » asks first, and a refusal shows right under its button (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "$lib/api/bindings";
import DeleteDocument from "./DeleteDocument.svelte";

describe("DeleteDocument", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("deletes only after the confirmation", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      return null;
    });
    const onDeleted = vi.fn();
    render(DeleteDocument, { props: { documentId: "d1", onDeleted } });
    await fireEvent.click(screen.getByTestId("document-delete"));
    expect(calls).toEqual([]);
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith("d1"));
    expect(calls).toEqual([["document_delete", { id: "d1" }]]);
  });

  it("says a refusal under its button", async () => {
    const refused: AppError = { code: "storage", message: "Le coffre n’a pas pu supprimer le document.", field: null, fieldErrors: [] };
    mockIPC(() => Promise.reject(refused));
    const onDeleted = vi.fn();
    render(DeleteDocument, { props: { documentId: "d1", onDeleted } });
    await fireEvent.click(screen.getByTestId("document-delete"));
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    const error = await screen.findByTestId("document-delete-error");
    expect(error).toHaveTextContent("Le coffre n’a pas pu supprimer le document.");
    expect(error.previousElementSibling).toBe(screen.getByTestId("document-delete"));
    expect(onDeleted).not.toHaveBeenCalled();
  });
});
