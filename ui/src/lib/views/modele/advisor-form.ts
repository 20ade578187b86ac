// The model advisor's questionnaire as the form edits it, and back to the answers the vault stores. The rule that
// recommends a form lives in allia-core (`model_advisor_recommend`); this only reads what was typed.
import type { AdvisorAnswers, CompanyContribution, DocumentKind, ExpectedDuration } from "$lib/api/bindings";
import { NBSP } from "$lib/format";
import { amountError, centsToInput, formatEuros, inputToCents } from "$lib/views/partenaires/money";

/** The largest amount the vault accepts, in cents (`allia_core::commitment::AMOUNT_MAX_CENTS`: 100 000 000 €). */
export const AMOUNT_MAX_CENTS = 10_000_000_000;

/** The message of an amount over the cap, as `AdvisorAnswers::validated` words it. */
export const AMOUNT_TOO_LARGE = `Ce montant dépasse ${formatEuros(AMOUNT_MAX_CENTS)}${NBSP}: vérifiez-le.`;

/**
 * Why the typed amount cannot be saved (`null` when it reads and is within the cap, or is empty): a number too
 * large says the limit rather than the format (« 99999999999999 » is an amount, only too large to be read).
 */
export function fundingAmountError(text: string): string | null {
  const cents = inputToCents(text);
  if (typeof cents === "number") return cents > AMOUNT_MAX_CENTS ? AMOUNT_TOO_LARGE : null;
  const compact = text.replace(/\s/g, "").replace(/€$/, "");
  if (/^\d+([.,]\d{1,2})?$/.test(compact) && compact.replace(/^0+/, "").split(/[.,]/)[0]!.length > 9) return AMOUNT_TOO_LARGE;
  return amountError(text);
}

/** A yes/no question: « Je ne sais pas » is no answer (`null` in the vault). */
export type YesNo = "yes" | "no" | "unknown";

/** The yes/no questions, in the questionnaire's order, with their French wording. */
export const YES_NO_QUESTIONS = [
  { key: "publicPartners", legend: "Des partenaires publics (État, collectivités) en font-ils partie\u00a0?" },
  { key: "publicFunding", legend: "L’alliance reçoit-elle un financement public\u00a0?" },
  { key: "legalEntity", legend: "Avez-vous besoin d’une structure juridique commune (pour employer, signer, facturer)\u00a0?" },
  { key: "sharedEmployees", legend: "Partagerez-vous des salariés\u00a0?" },
  { key: "sharedAssets", legend: "Partagerez-vous des moyens (locaux, matériel, outils)\u00a0?" },
  { key: "jointEconomicActivity", legend: "Mènerez-vous ensemble une activité économique (vente de biens ou de services)\u00a0?" },
  { key: "callForProjects", legend: "Répondez-vous ensemble à un appel à projets\u00a0?" },
  { key: "companyPartners", legend: "Des entreprises sont-elles partenaires\u00a0?" },
] as const;

export type YesNoKey = (typeof YES_NO_QUESTIONS)[number]["key"];

export const YES_NO_CHOICES: { value: YesNo; label: string }[] = [
  { value: "yes", label: "Oui" },
  { value: "no", label: "Non" },
  { value: "unknown", label: "Je ne sais pas" },
];

export interface AdvisorForm {
  partnerCount: number | null | undefined;
  publicPartners: YesNo;
  publicFunding: YesNo;
  /** The yearly amount as typed, in euros (« 30 000 », « 30 000,50 »). */
  publicFundingAmount: string;
  legalEntity: YesNo;
  sharedEmployees: YesNo;
  sharedAssets: YesNo;
  jointEconomicActivity: YesNo;
  expectedDuration: ExpectedDuration | "unknown";
  callForProjects: YesNo;
  companyPartners: YesNo;
  companyContributions: CompanyContribution[];
}

function yesNo(value: boolean | null | undefined): YesNo {
  if (value === true) return "yes";
  if (value === false) return "no";
  return "unknown";
}

function fromYesNo(value: YesNo): boolean | null {
  return value === "unknown" ? null : value === "yes";
}

/** The form showing stored answers (all « Je ne sais pas » when there are none). */
export function toForm(answers: AdvisorAnswers | null | undefined): AdvisorForm {
  const a = answers ?? {};
  return {
    partnerCount: a.partnerCount ?? null,
    publicPartners: yesNo(a.publicPartners),
    publicFunding: yesNo(a.publicFunding),
    publicFundingAmount: a.publicFundingCents === null || a.publicFundingCents === undefined ? "" : centsToInput(a.publicFundingCents),
    legalEntity: yesNo(a.legalEntity),
    sharedEmployees: yesNo(a.sharedEmployees),
    sharedAssets: yesNo(a.sharedAssets),
    jointEconomicActivity: yesNo(a.jointEconomicActivity),
    expectedDuration: a.expectedDuration ?? "unknown",
    callForProjects: yesNo(a.callForProjects),
    companyPartners: yesNo(a.companyPartners),
    companyContributions: [...(a.companyContributions ?? [])],
  };
}

/** Whether the amount field is on screen: hidden (and its text ignored) once the funding is answered « Non ». */
export function amountAsked(form: AdvisorForm): boolean {
  return form.publicFunding !== "no";
}

/**
 * The answers the form holds, and the French message of each field it cannot read (an amount that is not one, or
 * over the cap); such a field is sent as no answer, so the recommendation still follows the rest. A hidden field
 * (the amount once the funding is « Non ») is neither sent nor checked.
 */
export function toAnswers(form: AdvisorForm): { answers: AdvisorAnswers; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const asked = amountAsked(form);
  const amountProblem = asked ? fundingAmountError(form.publicFundingAmount) : null;
  if (amountProblem !== null) errors["publicFundingCents"] = amountProblem;
  const cents = asked && amountProblem === null ? inputToCents(form.publicFundingAmount) : null;
  const count = form.partnerCount;
  return {
    answers: {
      partnerCount: typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : null,
      publicPartners: fromYesNo(form.publicPartners),
      publicFunding: fromYesNo(form.publicFunding),
      publicFundingCents: cents === undefined ? null : cents,
      legalEntity: fromYesNo(form.legalEntity),
      sharedEmployees: fromYesNo(form.sharedEmployees),
      sharedAssets: fromYesNo(form.sharedAssets),
      jointEconomicActivity: fromYesNo(form.jointEconomicActivity),
      expectedDuration: form.expectedDuration === "unknown" ? null : form.expectedDuration,
      callForProjects: fromYesNo(form.callForProjects),
      companyPartners: fromYesNo(form.companyPartners),
      companyContributions: [...form.companyContributions],
    },
    errors,
  };
}

/** « Un accord de consortium existe déjà pour cette alliance. »: each kind with its article, for the warning. */
export const KIND_WITH_ARTICLE: Record<DocumentKind, string> = {
  partnership_agreement: "Une convention de partenariat",
  partnership_charter: "Une charte partenariale",
  consortium_agreement: "Un accord de consortium",
};

/** The alliance's documents of `kind`, the most recently changed first (empty when there is none). */
export function documentsOfKind<T extends { kind: DocumentKind; updatedAt: string }>(documents: T[], kind: DocumentKind): T[] {
  return documents.filter((d) => d.kind === kind).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
