// Where focus goes once a confirmation closes (WCAG 2.4.3): back to the button that opened it, or to the list
// when that button went with what was deleted.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import ConfirmDialogHarness from "./test/ConfirmDialogHarness.svelte";

describe("ConfirmDialog", () => {
  it("gives focus back to the button that opened it when cancelled", async () => {
    render(ConfirmDialogHarness);
    const opener = screen.getByTestId("row-delete");
    opener.focus();
    await fireEvent.click(opener);
    const cancel = await screen.findByTestId("confirm-cancel");
    await waitFor(() => expect(document.activeElement).not.toBe(opener));
    await fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByTestId("confirm-cancel")).toBeNull());
    await waitFor(() => expect(screen.getByTestId("row-delete")).toHaveFocus());
  });

  it("puts focus on the list when the confirmed action removed the button that opened it", async () => {
    render(ConfirmDialogHarness);
    const opener = screen.getByTestId("row-delete");
    opener.focus();
    await fireEvent.click(opener);
    await fireEvent.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("row-delete")).toBeNull());
    await waitFor(() => expect(screen.getByTestId("list")).toHaveFocus());
  });
});
