// The passphrase of an encrypted alliance file: an empty field is refused without calling, a wrong passphrase is
// shown under the field and can be typed again, a damaged file is shown above, and « Annuler » calls back.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "$lib/api/client";
import PassphrasePrompt from "./PassphrasePrompt.svelte";

const WRONG = "Phrase de passe incorrecte pour ce fichier chiffré.";

describe("PassphrasePrompt", () => {
  afterEach(cleanup);

  it("retries after a wrong passphrase, then opens with the right one", async () => {
    const onSubmit = vi
      .fn<(passphrase: string) => Promise<void>>()
      .mockRejectedValueOnce(new ApiError("wrong_passphrase", WRONG, "passphrase"))
      .mockResolvedValueOnce(undefined);
    const onCancel = vi.fn();
    render(PassphrasePrompt, { onSubmit, onCancel });

    await fireEvent.click(screen.getByTestId("import-passphrase-submit"));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId("error-passphrase")).toHaveTextContent(
      "Saisissez la phrase de passe que l’expéditeur vous a transmise.",
    );

    const input = screen.getByTestId("import-passphrase") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "une phrase fausse" } });
    expect(screen.queryByTestId("error-passphrase")).toBeNull();
    await fireEvent.click(screen.getByTestId("import-passphrase-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("error-passphrase")).toHaveTextContent(WRONG));
    expect(onSubmit).toHaveBeenLastCalledWith("une phrase fausse");
    expect(input).toHaveAccessibleDescription(WRONG);

    await fireEvent.input(input, { target: { value: "cerf-volant orange au-dessus de Tours" } });
    await fireEvent.click(screen.getByTestId("import-passphrase-submit"));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit).toHaveBeenLastCalledWith("cerf-volant orange au-dessus de Tours");
    await vi.waitFor(() => expect(input.value).toBe(""));
    expect(screen.queryByTestId("error-passphrase")).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it("shows a damaged file above the form and cancels on « Annuler »", async () => {
    const damaged = "Ce fichier chiffré est endommagé ou incomplet\u00a0: il ne peut pas être déchiffré.";
    const onSubmit = vi.fn<(passphrase: string) => Promise<void>>().mockRejectedValue(new ApiError("validation", damaged));
    const onCancel = vi.fn();
    render(PassphrasePrompt, { onSubmit, onCancel, testid: "open-encrypted" });

    await fireEvent.input(screen.getByTestId("open-encrypted"), { target: { value: "peu importe laquelle" } });
    await fireEvent.click(screen.getByTestId("open-encrypted-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("open-encrypted-error").textContent).toContain(damaged));
    expect(screen.queryByTestId("error-passphrase")).toBeNull();

    await fireEvent.click(screen.getByTestId("open-encrypted-cancel"));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
