import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dismissFault, faultOf, recordFault } from "$lib/diagnostic.svelte";
import FaultNotice from "./FaultNotice.svelte";

describe("FaultNotice", () => {
  afterEach(() => {
    cleanup();
    dismissFault();
    vi.unstubAllGlobals();
  });

  it("shows nothing until a fault happens", () => {
    render(FaultNotice);
    expect(screen.queryByTestId("fault-notice")).toBeNull();
  });

  it("« Copier le diagnostic » puts the text without personal data in the clipboard", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal("navigator", { ...navigator, userAgent: "Mozilla/5.0 (X11; Linux x86_64)", clipboard: { writeText } });
    render(FaultNotice);
    recordFault(faultOf("invalid args `draft` for command `partner_update`: invalid type: string \"Claire Moreau\"", new Date("2026-11-30T12:00:00Z")));
    await fireEvent.click(await screen.findByRole("button", { name: "Copier le diagnostic" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    const copied = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(copied).toContain("Commande\u00a0: partner_update");
    expect(copied).toContain("Système\u00a0: Linux x86_64");
    expect(copied).not.toContain("Claire");
    expect(await screen.findByRole("status")).toHaveTextContent("Diagnostic copié.");
    expect(screen.getByTestId("diagnostic-text")).toHaveValue(copied);

    await fireEvent.click(screen.getByRole("button", { name: "Fermer" }));
    await waitFor(() => expect(screen.queryByTestId("fault-notice")).toBeNull());
  });

  it("shows the text to copy by hand when the clipboard refuses", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: () => Promise.reject(new Error("denied")) } });
    document.execCommand = vi.fn(() => false);
    render(FaultNotice);
    recordFault(faultOf(new TypeError("boom")));
    await fireEvent.click(await screen.findByRole("button", { name: "Copier le diagnostic" }));
    expect(await screen.findByRole("status")).toHaveTextContent("sélectionnez le texte ci-dessous");
    expect(screen.getByTestId("diagnostic-text")).toBeVisible();
  });
});
