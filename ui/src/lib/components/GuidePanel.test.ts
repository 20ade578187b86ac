import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Catalog } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { DOCUMENTS_GUIDE, FIVE_STEPS_GUIDE, PARTNERS_GUIDE } from "$lib/guide/guide";
import GuidePanel from "./GuidePanel.svelte";
import { LATER_CATALOG_LISTS } from "../api/catalog-fixture";

const catalog: Catalog = {
  actorTypes: [{ value: "association", label: "Association", help: "Expertise des besoins sociaux, maillage local." }],
  partnerRoles: [],
  allianceStatuses: [],
  documentKinds: [{ value: "partnership_charter", label: "Charte partenariale", help: "Pose le cadre éthique." }],
  documentStatuses: [],
  legalForms: [],
  contributionNatures: [],
  paymentScheduleKinds: [],
  publicFunderActorTypes: [],
  ...LATER_CATALOG_LISTS,
};

describe("GuidePanel", () => {
  it("lays out an area's guide text, with the catalog's help from context", () => {
    render(GuidePanel, { props: { guide: PARTNERS_GUIDE, open: true }, context: catalogContext(catalog) });
    const panel = screen.getByTestId("guide-panel");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Étape 3\u00a0: Choisir les bons partenaires");
    expect(screen.getByRole("heading", { name: "Cartographier les acteurs" })).toBeInTheDocument();
    expect(panel.querySelector("ul.compact")?.children).toHaveLength(9);
    expect(screen.getByRole("heading", { name: "Ce que chaque acteur apporte" })).toBeInTheDocument();
    expect(panel.querySelector("dt")).toHaveTextContent("Association");
    expect(panel.querySelector("dd")).toHaveTextContent("Expertise des besoins sociaux, maillage local.");
  });

  it("leaves out the catalog's lists until it is loaded", () => {
    render(GuidePanel, { props: { guide: DOCUMENTS_GUIDE, open: true }, context: catalogContext(null) });
    expect(screen.getByTestId("guide-panel").querySelector("dl")).toBeNull();
    expect(screen.getByText(/Les modèles d’Allia sont un point de départ/)).toBeInTheDocument();
  });

  it("numbers the five steps and folds away", async () => {
    render(GuidePanel, { props: { guide: FIVE_STEPS_GUIDE, open: true }, context: catalogContext(catalog) });
    const steps = screen.getByTestId("guide-panel").querySelectorAll("ol.steps > li > strong");
    expect([...steps].map((step) => step.textContent)).toEqual([
      "Étape 1\u00a0: Réaliser le diagnostic interne",
      "Étape 2\u00a0: Formaliser le projet",
      "Étape 3\u00a0: Choisir les bons partenaires",
      "Étape 4\u00a0: Formaliser contractuellement",
      "Étape 5\u00a0: Créer les conditions de la collaboration",
    ]);
    await fireEvent.click(screen.getByTestId("guide-toggle"));
    expect(screen.queryByTestId("guide-panel")).toBeNull();
    expect(screen.getByTestId("guide-toggle")).toHaveTextContent("Guide");
  });

  it("over the content (narrow window): hidden while closed, focused when open, closed by Escape", async () => {
    const closed = render(GuidePanel, { props: { guide: PARTNERS_GUIDE, open: false, overlay: true }, context: catalogContext(catalog) });
    expect(screen.queryByRole("complementary", { name: "Guide" })).toBeNull();
    closed.unmount();

    render(GuidePanel, { props: { guide: PARTNERS_GUIDE, open: true, overlay: true }, context: catalogContext(catalog) });
    const toggle = screen.getByTestId("guide-toggle");
    expect(screen.getByRole("complementary", { name: "Guide" })).toHaveClass("overlay");
    await waitFor(() => expect(toggle).toHaveFocus());
    await fireEvent.keyDown(toggle, { key: "Escape" });
    expect(screen.queryByRole("complementary", { name: "Guide" })).toBeNull();
  });
});
