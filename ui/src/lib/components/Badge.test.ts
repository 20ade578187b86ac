import { render, screen } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { describe, expect, it } from "vitest";
import Badge from "./Badge.svelte";

const text = (label: string) => createRawSnippet(() => ({ render: () => `<span>${label}</span>` }));

describe("Badge", () => {
  it("shows its text, neutral by default", () => {
    render(Badge, { children: text("archivée") });
    const badge = screen.getByText("archivée").parentElement;
    expect(badge).toHaveClass("badge");
    expect(badge).not.toHaveClass("badge-mandatory");
  });

  it("takes the colour of its tone", () => {
    render(Badge, { tone: "mandatory", children: text("Obligatoire") });
    expect(screen.getByText("Obligatoire").parentElement).toHaveClass("badge", "badge-mandatory");
    render(Badge, { tone: "edited", children: text("Texte modifié") });
    expect(screen.getByText("Texte modifié").parentElement).toHaveClass("badge-edited");
  });
});
