import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import NumberField from "./NumberField.svelte";

describe("NumberField", () => {
  it("labels a whole-number input with its bounds and test id", () => {
    render(NumberField, { field: "backupKeep", id: "keep", label: "Sauvegardes conservées", max: 100, testid: "keep", value: 10 });
    const input = screen.getByLabelText("Sauvegardes conservées");
    expect(input).toHaveAttribute("type", "number");
    expect(input).toHaveAttribute("min", "1");
    expect(input).toHaveAttribute("max", "100");
    expect(input).toHaveAttribute("step", "1");
    expect(input).toHaveAttribute("data-testid", "keep");
    expect(input).toHaveClass("narrow");
    expect(input).toHaveValue(10);
    expect(input).not.toHaveAttribute("aria-invalid", "true");
  });

  it("shows its error next to it and links it for screen readers", async () => {
    render(NumberField, {
      field: "autoLockMinutes",
      id: "lock",
      label: "Minutes",
      hint: "Entre 1 et 1 440.",
      error: "Indiquez un nombre de minutes entre 1 et 1 440.",
      testid: "lock",
      value: 0,
    });
    const input = screen.getByTestId("lock");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.getAttribute("aria-describedby")).toBe("lock-hint lock-error");
    expect(screen.getByTestId("error-autoLockMinutes")).toHaveTextContent("Indiquez un nombre de minutes");
    await fireEvent.input(input, { target: { value: "15" } });
    expect(input).toHaveValue(15);
  });

  it("refuses a decimal before its form is sent, with one message, cleared when the field is edited", async () => {
    const form = document.createElement("form");
    let sent = 0;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      sent += 1;
    });
    document.body.append(form);
    render(NumberField, { target: form, props: { field: "autoLockMinutes", id: "lock", label: "Minutes", unit: "minutes", testid: "lock", value: 10 } });
    const input = screen.getByTestId("lock");
    await fireEvent.input(input, { target: { value: "0.5" } });
    await fireEvent.submit(form);
    expect(sent).toBe(0);
    expect(screen.getByTestId("error-autoLockMinutes")).toHaveTextContent("Saisissez un nombre entier de minutes.");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(document.activeElement).toBe(input);

    await fireEvent.input(input, { target: { value: "5" } });
    expect(screen.queryByTestId("error-autoLockMinutes")).toBeNull();
    await fireEvent.submit(form);
    expect(sent).toBe(1);
    form.remove();
  });
});
