import { fireEvent, render, screen } from "@testing-library/svelte";
import { createRawSnippet, flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { ApiError } from "$lib/api/client";
import { Resource } from "$lib/state/resource.svelte";
import Loaded from "./Loaded.svelte";

const list = createRawSnippet((names: () => string[]) => ({
  render: () => `<ul data-testid="names">${names().map((name) => `<li>${name}</li>`).join("")}</ul>`,
}));

describe("Loaded", () => {
  it("says it is loading, then shows the data", async () => {
    let release: (names: string[]) => void = () => undefined;
    const resource = new Resource(() => new Promise<string[]>((resolve) => (release = resolve)));
    render(Loaded<string[]>, { resource, loading: "Chargement des partenaires…", children: list });
    const loading = resource.load();
    flushSync();
    expect(screen.getByText("Chargement des partenaires…")).toHaveAttribute("aria-busy", "true");
    release(["Épicerie solidaire"]);
    await loading;
    flushSync();
    expect(screen.getByTestId("names")).toHaveTextContent("Épicerie solidaire");
    expect(screen.queryByText("Chargement des partenaires…")).toBeNull();
  });

  it("shows the error with « Réessayer », which loads again", async () => {
    let attempts = 0;
    const resource = new Resource(async () => {
      attempts += 1;
      if (attempts === 1) throw new ApiError("storage", "Le coffre n’a pas pu être lu.");
      return ["Mairie"];
    });
    render(Loaded<string[]>, { resource, children: list });
    await resource.load();
    flushSync();
    expect(screen.getByRole("alert")).toHaveTextContent("Le coffre n’a pas pu être lu.");
    await fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    await screen.findByTestId("names");
    expect(attempts).toBe(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
