// The Caps Lock hint: shown while the field has focus and Caps Lock is on, announced politely and linked to the field.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import PasswordInput from "./PasswordInput.svelte";

describe("PasswordInput", () => {
  afterEach(cleanup);

  it("says « Majuscules activées » while Caps Lock is on, and keeps the caller's description", async () => {
    render(PasswordInput, { id: "unlock-passphrase", value: "", testid: "unlock-passphrase", describedBy: "unlock-error" });
    const input = screen.getByTestId("unlock-passphrase");
    const hint = screen.getByTestId("unlock-passphrase-capslock");
    // The live region is there before its text, so that screen readers announce the text when it comes.
    expect(hint).toHaveAttribute("aria-live", "polite");
    expect(hint).toHaveTextContent("");
    expect(input).toHaveAttribute("aria-describedby", "unlock-error");

    input.focus();
    await fireEvent.keyDown(input, { key: "A", modifierCapsLock: true });
    expect(hint).toHaveTextContent("Majuscules activées");
    expect(input.getAttribute("aria-describedby")?.split(" ")).toEqual(["unlock-error", "unlock-passphrase-capslock"]);

    // Caps Lock switched off (its own key up): the hint goes.
    await fireEvent.keyUp(input, { key: "CapsLock", modifierCapsLock: false });
    expect(hint).toHaveTextContent("");
    expect(input).toHaveAttribute("aria-describedby", "unlock-error");

    // Only while the field has focus.
    await fireEvent.keyUp(input, { key: "A", modifierCapsLock: true });
    expect(hint).toHaveTextContent("Majuscules activées");
    await fireEvent.blur(input);
    expect(hint).toHaveTextContent("");
  });

  it("describes the field by the hint alone when the caller gives no description", async () => {
    render(PasswordInput, { id: "create-passphrase", value: "", testid: "create-passphrase" });
    const input = screen.getByTestId("create-passphrase");
    expect(input).not.toHaveAttribute("aria-describedby");
    await fireEvent.keyDown(input, { key: "B", modifierCapsLock: true });
    expect(input).toHaveAccessibleDescription("Majuscules activées");
  });
});
