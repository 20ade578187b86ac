import { describe, expect, it } from "vitest";
import { AREAS } from "$lib/areas";
import { FIVE_STEPS, GUIDES, GuideFormatError, guideTexts, inTwoColumns, parseGuide, type AreaGuide } from "./guide";

/** The whole text of a guide, one string (to look for a passage). */
function whole(guide: AreaGuide): string {
  return guideTexts(guide).join("\n");
}

describe("the guide's content files", () => {
  it("give every registered area a title, a « Pourquoi ? » and a « Comment ? », no text empty", () => {
    for (const area of AREAS) {
      const { guide } = area;
      expect(guide.title.trim(), area.id).not.toBe("");
      expect(guide.why.length, `${area.id}: Pourquoi`).toBeGreaterThan(0);
      expect(guide.how.length, `${area.id}: Comment`).toBeGreaterThan(0);
      // Each part says something, not only headings.
      expect(guide.why.some((block) => block.kind !== "heading"), `${area.id}: Pourquoi`).toBe(true);
      expect(guide.how.some((block) => block.kind !== "heading"), `${area.id}: Comment`).toBe(true);
      for (const text of guideTexts(guide)) expect(text.trim(), area.id).not.toBe("");
      for (const block of [...guide.why, ...guide.how]) {
        if (block.kind === "list") expect(block.items.length, area.id).toBeGreaterThan(0);
      }
    }
  });

  it("give each area of « Construire » its own step of the guide", () => {
    const building = AREAS.filter((area) => area.scope === "alliance" && area.group === "Construire");
    const titles = building.map((area) => area.guide.title);
    expect(new Set(titles).size).toBe(titles.length);
    const byId = Object.fromEntries(building.map((area) => [area.id, area.guide.title]));
    expect(byId).toMatchObject({
      alliance: "Construire une alliance en 5 étapes",
      diagnostic: "Étape 1\u00a0: Réaliser le diagnostic interne",
      projet: "Étape 2\u00a0: Formaliser le projet",
      partenaires: "Étape 3\u00a0: Choisir les bons partenaires",
      modele: "Choisir le bon modèle de partenariat",
      documents: "Étape 4\u00a0: Formaliser contractuellement",
    });
  });

  it("carry the guide's section 1 and the actors' contributions, each where it explains the area", () => {
    expect(whole(GUIDES.alliance)).toMatch(/ODD\u00a017/);
    expect(whole(GUIDES.alliance)).toMatch(/n°\u00a017 «\u00a0Partenariats pour la réalisation des objectifs\u00a0»/);
    expect(whole(GUIDES.diagnostic)).toMatch(/Les contraintes économiques/);
    expect(whole(GUIDES.diagnostic)).toMatch(/la diversification des sources de financements/);
    expect(whole(GUIDES.projet)).toMatch(/Les enjeux sociaux/);
    expect(whole(GUIDES.projet)).toMatch(/La recherche d’impact/);
    expect(whole(GUIDES.partenaires)).toMatch(/Les attentes des collectivités territoriales/);
    expect(whole(GUIDES.partenaires)).toMatch(/chaque acteur apportant sa propre contribution/);
    for (const actor of ["Les associations", "Les fondations", "Les citoyens", "L’État"]) {
      expect(whole(GUIDES.partenaires)).toContain(`${actor}\u00a0:`);
    }
    // Step 3's three moves: the map and network, the selection, the proximity log.
    for (const heading of ["Cartographier les acteurs du territoire", "Réduire la sélection sur des critères objectifs", "Tester la proximité relationnelle"]) {
      expect(GUIDES.partenaires.how).toContainEqual({ kind: "heading", text: heading });
    }
    for (const form of ["GIE", "SCIC", "PTCE", "GIP", "Mécénat", "Innovation sociétale"]) {
      expect(whole(GUIDES.modele)).toContain(form);
    }
    expect(whole(GUIDES.modele)).toMatch(/ce n’est pas un conseil juridique/);
  });

  it("are written with French typography", () => {
    for (const [name, guide] of Object.entries(GUIDES)) {
      for (const text of guideTexts(guide)) {
        const where = `${name}: ${text}`;
        expect(text, where).not.toMatch(/'/); // the typographic apostrophe ’
        expect(text, where).not.toMatch(/\.\.\./); // the ellipsis …
        expect(text, where).not.toMatch(/"/); // « »
        expect(text, where).not.toMatch(/[ \u00a0][;!?]/); // U+202F before ; ! ?
        expect(text, where).not.toMatch(/[^\u202f][;!?](\s|$)/);
        expect(text, where).not.toMatch(/(^|[^\u00a0]):/); // U+00A0 before :
        expect(text, where).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/); // U+00A0 inside « »
        expect(text, where).not.toMatch(/ {2}|^\s|\s$/);
      }
    }
  });

  it("list the five steps of section 3, in order", () => {
    expect(FIVE_STEPS.map((step) => `${step.number}. ${step.title}`)).toEqual([
      "1. Réaliser le diagnostic interne",
      "2. Formaliser le projet",
      "3. Choisir les bons partenaires",
      "4. Formaliser contractuellement",
      "5. Créer les conditions de la collaboration",
    ]);
    for (const step of FIVE_STEPS) expect(step.points.length, step.title).toBeGreaterThan(0);
  });
});

describe("parseGuide", () => {
  const TEXT = [
    "<!-- a note for the editor -->",
    "# Le titre",
    "",
    "## Pourquoi ?",
    "",
    "Une phrase",
    "qui continue.",
    "",
    "- un",
    "- deux qui",
    "  continue",
    "Un paragraphe après la liste.",
    "",
    "## Comment\u202f?",
    "### Une étape",
    "1. Premier",
    "  - point a",
    "  - point b qui",
    "    continue",
    "2. Second",
    "- puce après les numéros",
  ].join("\r\n");

  it("reads titles, parts, paragraphs, lists, points and continued lines", () => {
    expect(parseGuide("test", TEXT)).toEqual({
      title: "Le titre",
      why: [
        { kind: "paragraph", text: "Une phrase qui continue." },
        { kind: "list", ordered: false, items: [{ text: "un", items: [] }, { text: "deux qui continue", items: [] }] },
        { kind: "paragraph", text: "Un paragraphe après la liste." },
      ],
      how: [
        { kind: "heading", text: "Une étape" },
        {
          kind: "list",
          ordered: true,
          items: [
            { text: "Premier", items: ["point a", "point b qui continue"] },
            { text: "Second", items: [] },
          ],
        },
        { kind: "list", ordered: false, items: [{ text: "puce après les numéros", items: [] }] },
      ],
    });
  });

  it("refuses a text out of format, saying the file and the line", () => {
    const refused: [string, RegExp][] = [
      ["## Pourquoi ?\n\nx\n\n## Comment ?\n\ny", /test, line 1: the « # » title comes first/],
      ["# T\n\ntexte\n\n## Pourquoi ?\n\nx\n\n## Comment ?\n\ny", /line 3: text before « ## Pourquoi \? »/],
      ["# T\n\n## Pourquoi ?\n\nx", /« ## Comment \? » is missing or empty/],
      ["# T\n\n## Pourquoi ?\n\n## Comment ?\n\ny", /« ## Pourquoi \? » is missing or empty/],
      ["# T\n\n## Comment ?\n\ny\n\n## Pourquoi ?\n\nx", /line 3: « ## Comment \? » once, after/],
      ["# T\n\n## Pourquoi ?\n\nx\n\n## Ailleurs\n\ny", /line 7: « ## Ailleurs »: the parts are/],
      ["# T\n\n## Pourquoi ?\n\nx\n\n  décalé\n\n## Comment ?\n\ny", /line 7: an indented line outside a list/],
      ["# T\n# U\n\n## Pourquoi ?\n\nx\n\n## Comment ?\n\ny", /line 2: one « # » title, first/],
    ];
    for (const [source, message] of refused) {
      expect(() => parseGuide("test", source), source).toThrow(GuideFormatError);
      expect(() => parseGuide("test", source), source).toThrow(message);
    }
  });
});

describe("inTwoColumns", () => {
  const items = (...texts: string[]) => texts.map((text) => ({ text, items: [] }));

  it("keeps two columns for four short items or more, one column otherwise", () => {
    expect(inTwoColumns(items("État", "Entreprises", "Médias", "Acteurs de l’ESS"))).toBe(true);
    expect(inTwoColumns(items("État", "Entreprises", "Médias"))).toBe(false);
    expect(inTwoColumns(items("État", "Entreprises", "Médias", "Forces (interne)\u00a0: expertise, moyens, réseau, légitimité."))).toBe(false);
    expect(inTwoColumns([{ text: "Un", items: ["a"] }, ...items("Deux", "Trois", "Quatre")])).toBe(false);
  });
});
