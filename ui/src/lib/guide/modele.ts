// Guide text of « Modèle de partenariat », from section 2 of the guide « Construire une alliance associative »
// (« Choisir le bon modèle de partenariat »), in its own words.
// French typography: U+00A0 before « : », U+202F before ; ! ? and inside « ».
import type { GuideBlock } from "./guide";

/** Section 2 of the guide, « Choisir le bon modèle de partenariat ». */
export const MODEL_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Choisir le bon modèle de partenariat" },
  {
    kind: "paragraph",
    text: "Chaque alliance est spécifique, elle s’adapte aux exigences des acteurs qui la composent\u00a0: objectifs, contexte, actions envisagées…",
  },
  { kind: "heading", text: "Les partenariats entre associations" },
  {
    kind: "paragraph",
    text: "La coopération entre associations peut revêtir des formes très diverses, des plus simples aux plus élaborées selon la taille de l’association, les besoins et les objectifs visés\u00a0: partage d’informations, mutualisation de moyens, construction partagée… jusqu’à des alliances beaucoup plus structurantes comme des GIE ou des SCIC.",
  },
  {
    kind: "paragraph",
    text: "S’engager dans une alliance impacte le fonctionnement stratégique et opérationnel de chacune des parties prenantes. Pour s’assurer que les attentes de toutes les parties sont bien alignées, un accord de coopération formalise le cadre d’exécution commun du partenariat.",
  },
  { kind: "heading", text: "Les alliances avec le secteur public" },
  {
    kind: "paragraph",
    text: "Les relations entre collectivités et associations sont passées d’une logique de subventionnement à une logique de construction conjointe des politiques publiques\u00a0: Charte des engagements réciproques (2014), Contrat d’engagement républicain (2022, obligatoire pour recevoir des subventions).",
  },
  {
    kind: "paragraph",
    text: "Les collectivités proposent des dispositifs participatifs (conseils de développement, budgets participatifs, appels à projets collaboratifs…) et des formes contractuelles adaptées (convention pluriannuelle d’objectifs et de moyens, contrat local de santé, contrat pour la réussite de la transition écologique).",
  },
  { kind: "heading", text: "La coopération avec le secteur privé" },
  {
    kind: "paragraph",
    text: "Les entreprises recherchent des partenariats générateurs de valeur pour leur activité, qui combinent impact social et retombées positives. Selon l’Observatoire des partenariats, quatre catégories guident ces alliances\u00a0: mécénat, pratiques responsables, coopération économique, innovation sociétale. Les entreprises sont attentives à la mesure d’impact (retour sur investissement social, SROI).",
  },
  { kind: "heading", text: "Partenariats multi-acteurs" },
  {
    kind: "paragraph",
    text: "Les coopérations territoriales impliquent souvent des acteurs associatifs, publics et privés aux buts variés. Des structures adaptées organisent ces fonctionnements collectifs\u00a0: PTCE, GIP, SCIC ou GIE.",
  },
  {
    kind: "paragraph",
    text: "Le questionnaire propose une orientation à partir de vos réponses\u00a0; ce n’est pas un conseil juridique. Faites valider le choix d’une structure par un conseil avant de vous engager.",
  },
];
