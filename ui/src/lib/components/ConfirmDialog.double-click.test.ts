// One deliberate click confirms (issue 8): the second click of a double-click on the confirm button neither confirms
// again nor lands on what lies under the closed dialog; a single click just after goes through.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import ConfirmDialogHarness from "./test/ConfirmDialogHarness.svelte";

describe("ConfirmDialog and a double-click", () => {
  it("ignores the confirm button's second click, and swallows it under the closed dialog", async () => {
    render(ConfirmDialogHarness);
    await fireEvent.click(screen.getByTestId("row-delete"));
    const confirm = await screen.findByTestId("confirm-delete");
    const under = vi.fn();
    const list = screen.getByTestId("list");
    list.addEventListener("click", under);
    await fireEvent.click(confirm, { detail: 1 });
    await waitFor(() => expect(screen.queryByTestId("confirm-delete")).toBeNull());
    // The rest of the double-click, where the dialog was.
    await fireEvent.click(list, { detail: 2 });
    expect(under).not.toHaveBeenCalled();
    // A deliberate single click goes through.
    await fireEvent.click(list, { detail: 1 });
    expect(under).toHaveBeenCalledOnce();
  });

  it("stops swallowing 800 ms after the confirmation", async () => {
    render(ConfirmDialogHarness);
    await fireEvent.click(screen.getByTestId("row-delete"));
    await fireEvent.click(await screen.findByTestId("confirm-delete"), { detail: 1 });
    await waitFor(() => expect(screen.queryByTestId("confirm-delete")).toBeNull());
    const under = vi.fn();
    const list = screen.getByTestId("list");
    list.addEventListener("click", under);
    await new Promise((resolve) => setTimeout(resolve, 900));
    await fireEvent.click(list, { detail: 2 });
    expect(under).toHaveBeenCalledOnce();
  });
});
