// Texts of the in-app guide, taken from the guide « Construire une alliance associative ».
// French typography: U+00A0 before « : », U+202F before ; ! ? and inside « ».

export interface GuideStep {
  number: number;
  title: string;
  points: string[];
}

/** One piece of an area's guide text, as the guide panel lays it out. */
export type GuideBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A short list in two columns. */
  | { kind: "list"; items: string[] }
  /** A closed list of the catalog with each entry's help, under an optional heading. */
  | { kind: "choices"; list: "actorTypes" | "documentKinds"; heading?: string }
  | { kind: "steps"; intro: string; steps: GuideStep[] };

export const FIVE_STEPS_INTRO =
  "Si la volonté de créer une alliance repose sur le partage d’une vision commune, sa constitution requiert le respect de plusieurs étapes pour être menée à bonne fin.";

export const FIVE_STEPS: GuideStep[] = [
  {
    number: 1,
    title: "Réaliser le diagnostic interne",
    points: [
      "Formaliser vos besoins et vos attentes\u00a0: priorités stratégiques, attentes vis-à-vis de l’alliance, mode de participation.",
      "Analyser votre association et son environnement avec une matrice MOFF (forces, faiblesses, opportunités, menaces).",
    ],
  },
  {
    number: 2,
    title: "Formaliser le projet",
    points: [
      "Qualifier et quantifier le besoin social.",
      "Démontrer la nécessité d’une réponse collective.",
      "Mobiliser les acteurs clés, y compris les bénéficiaires, dès le départ.",
    ],
  },
  {
    number: 3,
    title: "Choisir les bons partenaires",
    points: [
      "Cartographier les acteurs du territoire.",
      "Réduire la sélection sur des critères objectifs.",
      "Tester la proximité relationnelle.",
    ],
  },
  {
    number: 4,
    title: "Formaliser contractuellement",
    points: [
      "La convention de partenariat fixe les engagements stratégiques et opérationnels.",
      "La charte partenariale pose le cadre éthique et déontologique.",
      "L’accord de consortium organise la gouvernance, le calendrier et les modalités financières.",
    ],
  },
  {
    number: 5,
    title: "Créer les conditions de la collaboration",
    points: [
      "Favoriser la proximité et la construction de liens.",
      "Construire une vision partagée de la problématique.",
      "Mettre en place le pilotage et organiser les instances.",
    ],
  },
];

export const ALLIANCE_DEFINITION =
  "Une alliance réunit votre association et d’autres organisations (associations, collectivités, entreprises, fondations…) autour d’un projet commun\u00a0: mutualiser des moyens, répondre ensemble à un besoin social, amplifier votre impact.";


/** « Construire une alliance en 5 étapes »: the alliance's own page and a new alliance. */
export const FIVE_STEPS_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Construire une alliance en 5 étapes" },
  { kind: "steps", intro: FIVE_STEPS_INTRO, steps: FIVE_STEPS },
];

/** Step 3 of the guide, « Choisir les bons partenaires ». */
export const PARTNERS_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Étape 3\u00a0: Choisir les bons partenaires" },
  {
    kind: "paragraph",
    text: "Une sélection rigoureuse des partenaires, qui réduit progressivement le champ des possibles, conditionne le succès de l’alliance quelle que soit sa complexité.",
  },
  { kind: "heading", text: "Cartographier les acteurs" },
  {
    kind: "paragraph",
    text: "Cartographiez les acteurs du territoire en identifiant pour chaque acteur potentiel ses attentes et motivations, son niveau d’influence ou son pouvoir de nuisance, son périmètre d’intervention, ses interactions possibles avec les autres membres de l’alliance et les synergies possibles avec le projet.",
  },
  {
    kind: "list",
    items: [
      "État",
      "Collectivités territoriales",
      "Instances professionnelles",
      "Acteurs de la recherche",
      "Entreprises",
      "Acteurs de l’ESS",
      "Bénéficiaires cibles",
      "Autres acteurs de la société civile",
      "Médias",
    ],
  },
  {
    kind: "paragraph",
    text: "Une cartographie s’adapte à l’écosystème de l’association. Pour une vision fiable du territoire, vous pouvez vous faire accompagner par le Réseau national des maisons des associations (RNMA) ou le Mouvement associatif.",
  },
  {
    kind: "paragraph",
    text: "Réduisez ensuite la sélection sur des critères objectifs (compatibilité stratégique, capacité opérationnelle), puis testez la proximité relationnelle par des échanges autour du projet avant de vous engager.",
  },
  { kind: "choices", list: "actorTypes", heading: "Ce que chaque acteur apporte" },
];

/** Step 4 of the guide, « Formaliser contractuellement ». */
export const DOCUMENTS_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Étape 4\u00a0: Formaliser contractuellement" },
  {
    kind: "paragraph",
    text: "Formaliser l’alliance par écrit clarifie les engagements de chacun et prévient les malentendus. Le guide propose trois documents complémentaires\u00a0:",
  },
  { kind: "choices", list: "documentKinds" },
  {
    kind: "paragraph",
    text: "Les modèles d’Allia sont un point de départ\u00a0: adaptez-les à votre projet et faites-les relire par un conseil juridique avant signature.",
  },
];

export const PROFILE_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Profil de votre association" },
  {
    kind: "paragraph",
    text: "Ces informations identifient votre association dans chaque document contractuel\u00a0: convention de partenariat, charte partenariale, accord de consortium.",
  },
];

export const SETTINGS_GUIDE: GuideBlock[] = [
  { kind: "title", text: "Paramètres" },
  {
    kind: "paragraph",
    text: "Le verrouillage automatique protège vos données si vous laissez l’ordinateur sans surveillance. Une phrase de passe longue, faite de plusieurs mots, est à la fois sûre et facile à retenir.",
  },
  {
    kind: "paragraph",
    text: "Allia garde des sauvegardes chiffrées du coffre\u00a0; «\u00a0Sauvegarder vers…\u00a0» en met une copie ailleurs (une clé USB rangée à part). Votre kit de récupération imprimé rouvre le coffre et ses sauvegardes si vous oubliez la phrase de passe ou si un fichier se perd\u00a0: gardez-le en lieu sûr, loin de l’ordinateur.",
  },
];
