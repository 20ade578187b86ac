// Guide text of « Projet », from step 2 of « Construire une alliance en 5 étapes » in the guide
// « Construire une alliance associative » (« Formaliser le projet »), in its own words.
// French typography: U+00A0 before « : », U+202F before ; ! ? and inside « ».
import type { GuideBlock } from "./guide";

/** Step 2 of the guide, « Formaliser le projet ». */
export const PROJECT_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Étape 2\u00a0: Formaliser le projet" },
  {
    kind: "paragraph",
    text: "L’élaboration d’un dossier de présentation est nécessaire pour fédérer et engager les futurs acteurs du projet.",
  },
  {
    kind: "list",
    items: [
      "Qualifier et quantifier le besoin social.",
      "Démontrer la nécessité d’une réponse collective.",
      "Argumenter sur le projet et son contexte à partir de données d’analyse.",
      "Mobiliser les acteurs clés y compris les bénéficiaires dès le départ.",
    ],
  },
  { kind: "heading", text: "Des chiffres sourcés" },
  {
    kind: "paragraph",
    text: "Les données publiques (INSEE, open data territorial), une enquête auprès des bénéficiaires ou les données de vos membres quantifient le besoin. Indiquez toujours l’année et la source de chaque chiffre\u00a0: un financeur voudra les vérifier.",
  },
];
