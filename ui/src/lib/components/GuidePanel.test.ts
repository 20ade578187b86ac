import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { GUIDES, parseGuide } from "$lib/guide/guide";
import GuidePanel from "./GuidePanel.svelte";

describe("GuidePanel", () => {
  it("lays out an area's guide text: its title, « Pourquoi ? » then « Comment ? »", () => {
    render(GuidePanel, { props: { guide: GUIDES.partenaires, open: true } });
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Étape 3\u00a0: Choisir les bons partenaires");
    const parts = screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent);
    expect(parts).toEqual(["Pourquoi\u202f?", "Comment\u202f?"]);
    const why = screen.getByRole("region", { name: "Pourquoi\u202f?" });
    expect(why.textContent).toContain("Les associations\u00a0: expertise des besoins sociaux");
    const how = screen.getByRole("region", { name: "Comment\u202f?" });
    expect(how.querySelector("h4")).toHaveTextContent("Cartographier les acteurs du territoire");
  });

  it("puts short lists in two columns, long ones across the panel, a bullet never split", () => {
    render(GuidePanel, { props: { guide: GUIDES.partenaires, open: true } });
    const lists = [...screen.getByTestId("guide-panel").querySelectorAll("ul.list")];
    const categories = lists.find((list) => list.textContent?.includes("Médias"));
    const contributions = lists.find((list) => list.textContent?.includes("Les fondations"));
    expect(categories).toHaveClass("two-columns");
    expect(categories?.children).toHaveLength(9);
    expect(contributions).not.toHaveClass("two-columns");
  });

  it("numbers the five steps with their points, and folds away", async () => {
    render(GuidePanel, { props: { guide: GUIDES.alliance, open: true } });
    const steps = screen.getByTestId("guide-panel").querySelectorAll("ol.list > li > strong");
    expect([...steps].map((step) => step.textContent)).toEqual([
      "Réaliser le diagnostic interne",
      "Formaliser le projet",
      "Choisir les bons partenaires",
      "Formaliser contractuellement",
      "Créer les conditions de la collaboration",
    ]);
    expect(screen.getByTestId("guide-panel").querySelectorAll("ol.list > li > ul > li").length).toBeGreaterThanOrEqual(15);
    await fireEvent.click(screen.getByTestId("guide-toggle"));
    expect(screen.queryByTestId("guide-panel")).toBeNull();
    expect(screen.getByTestId("guide-toggle")).toHaveTextContent("Guide");
  });

  it("shows any text of the format, headings inside its parts", () => {
    const guide = parseGuide("test", "# Titre\n\n## Pourquoi ?\n\nParce que.\n\n## Comment ?\n\n### Ainsi\n\n- un\n- deux\n");
    render(GuidePanel, { props: { guide, open: true } });
    expect(screen.getByRole("heading", { level: 4, name: "Ainsi" })).toBeInTheDocument();
    expect(screen.getByText("Parce que.")).toBeInTheDocument();
  });

  it("over the content (narrow window): hidden while closed, focused when open, closed by Escape", async () => {
    const closed = render(GuidePanel, { props: { guide: GUIDES.partenaires, open: false, overlay: true } });
    expect(screen.queryByRole("complementary", { name: "Guide" })).toBeNull();
    closed.unmount();

    render(GuidePanel, { props: { guide: GUIDES.partenaires, open: true, overlay: true } });
    const toggle = screen.getByTestId("guide-toggle");
    expect(screen.getByRole("complementary", { name: "Guide" })).toHaveClass("overlay");
    await waitFor(() => expect(toggle).toHaveFocus());
    await fireEvent.keyDown(toggle, { key: "Escape" });
    expect(screen.queryByRole("complementary", { name: "Guide" })).toBeNull();
  });
});
