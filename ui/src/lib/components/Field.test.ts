import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import FieldHarness from "./test/FieldHarness.svelte";

describe("Field", () => {
  it("labels its control", () => {
    render(FieldHarness);
    expect(screen.getByLabelText("SIREN ou SIRET")).toBe(screen.getByTestId("partner-siret"));
    expect(screen.queryByTestId("error-siret")).toBeNull();
    expect(screen.getByTestId("partner-siret")).toHaveAttribute("aria-invalid", "false");
  });

  it("shows its error next to the control and links it", () => {
    render(FieldHarness, { error: "Le SIRET doit compter 14 chiffres.", hint: "9 ou 14 chiffres." });
    const error = screen.getByTestId("error-siret");
    expect(error).toHaveTextContent("Le SIRET doit compter 14 chiffres.");
    expect(error).toHaveAttribute("role", "alert");
    const input = screen.getByTestId("partner-siret");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.getAttribute("aria-describedby")?.split(" ")).toEqual(["partner-siret-hint", "partner-siret-error"]);
    expect(input).toHaveAccessibleDescription("9 ou 14 chiffres. Le SIRET doit compter 14 chiffres.");
  });
});
