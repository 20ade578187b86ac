// Guide text of « Diagnostic », from step 1 of « Construire une alliance en 5 étapes » in the guide
// « Construire une alliance associative » (« Réaliser le diagnostic interne »), in its own words.
// French typography: U+00A0 before « : », U+202F before ; ! ? and inside « ».
import type { GuideBlock } from "./guide";

/** Step 1 of the guide, « Réaliser le diagnostic interne ». */
export const DIAGNOSTIC_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Étape 1\u00a0: Réaliser le diagnostic interne" },
  {
    kind: "paragraph",
    text: "Si la volonté de créer une alliance repose sur le partage d’une vision commune, sa constitution requiert le respect de plusieurs étapes pour être menée à bonne fin. La première regarde l’association elle-même.",
  },
  { kind: "heading", text: "Formaliser vos besoins et vos attentes" },
  { kind: "list", items: ["Priorités stratégiques", "Attentes vis-à-vis de l’alliance", "Mode de participation"] },
  { kind: "heading", text: "Analyser votre association et son environnement" },
  {
    kind: "paragraph",
    text: "Au regard du projet d’alliance, grâce à une matrice MOFF (SWOT)\u00a0:",
  },
  {
    kind: "list",
    items: [
      "Forces (interne)\u00a0: expertise, moyens, réseau, légitimité",
      "Faiblesses (interne)\u00a0: manque de compétences, ressources limitées",
      "Opportunités (externe)\u00a0: financements, appels à projets, dynamique territoriale",
      "Menaces (externe)\u00a0: concurrence, évolutions réglementaires",
    ],
  },
  {
    kind: "paragraph",
    text: "En identifiant ce que l’association attend du projet et de quelle manière elle peut y contribuer, il sera facile de savoir quelles complémentarités et quelles synergies rechercher.",
  },
];
