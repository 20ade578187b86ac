// The commitments editor's form: what the fields hold (amounts as typed text), to and from the vault's
// `CommitmentsDraft` (amounts in cents). The rules (amounts above zero, instalments adding up exactly) are
// allia-core's: this only reads what was typed, and refuses at its field a text that is not an amount.

import type {
  CommitmentsDraft,
  ContributionNature,
  FinancialContribution,
  Instalment,
  PaymentSchedule,
  PaymentScheduleKind,
} from "$lib/api/bindings";
import { amountError, centsToInput, inputToCents } from "./money";

export interface InstalmentForm {
  /** "YYYY-MM-DD", or null while not typed. */
  date: string | null;
  amount: string;
}

export interface FinancialForm {
  nature: ContributionNature;
  amount: string;
  scheduleKind: PaymentScheduleKind;
  /** Kept while another kind is chosen, so switching back to « Échéancier » loses nothing. */
  instalments: InstalmentForm[];
  budgetLine: string;
}

export interface InKindForm {
  description: string;
  value: string;
}

export interface CommitmentsForm {
  financial: FinancialForm[];
  inKind: InKindForm[];
}

export function emptyFinancial(): FinancialForm {
  return { nature: "subsidy", amount: "", scheduleKind: "at_signature", instalments: [], budgetLine: "" };
}

export function emptyInstalment(): InstalmentForm {
  return { date: null, amount: "" };
}

export function emptyInKind(): InKindForm {
  return { description: "", value: "" };
}

export function instalmentsToForm(instalments: Instalment[]): InstalmentForm[] {
  return instalments.map((instalment) => ({ date: instalment.date ?? null, amount: centsToInput(instalment.amountCents) }));
}

export function toForm(draft: CommitmentsDraft | null | undefined): CommitmentsForm {
  return {
    financial: (draft?.financial ?? []).map((contribution) => {
      const schedule = contribution.schedule ?? { kind: "at_signature" };
      return {
        nature: contribution.nature,
        amount: centsToInput(contribution.amountCents),
        scheduleKind: schedule.kind,
        instalments: schedule.kind === "instalments" ? instalmentsToForm(schedule.instalments) : [],
        budgetLine: contribution.budgetLine ?? "",
      };
    }),
    inKind: (draft?.inKind ?? []).map((item) => ({ description: item.description, value: centsToInput(item.valueCents) })),
  };
}

/** Cents of an amount field: 0 for empty or unreadable (the vault refuses 0 with its own message). */
function cents(text: string): number {
  return inputToCents(text) ?? 0;
}

function schedule(form: FinancialForm): PaymentSchedule {
  switch (form.scheduleKind) {
    case "instalments":
      return {
        kind: "instalments",
        instalments: form.instalments.map((row) => ({ date: row.date, amountCents: cents(row.amount) })),
      };
    case "on_receipts":
      return { kind: "on_receipts" };
    default:
      return { kind: "at_signature" };
  }
}

/** The contribution as the vault receives it. */
export function financialToDraft(form: FinancialForm): FinancialContribution {
  const budgetLine = form.budgetLine.trim();
  return {
    nature: form.nature,
    amountCents: cents(form.amount),
    schedule: schedule(form),
    budgetLine: budgetLine === "" ? null : form.budgetLine,
  };
}

export function toDraft(form: CommitmentsForm): CommitmentsDraft {
  return {
    financial: form.financial.map(financialToDraft),
    inKind: form.inKind.map((item) => ({ description: item.description, valueCents: cents(item.value) })),
  };
}

/**
 * The amount fields whose text is not an amount, keyed by their field name in the vault's errors
 * (`financial.0.amountCents`, `financial.0.schedule.instalments.1.amountCents`, `inKind.2.valueCents`).
 */
export function unreadableAmounts(form: CommitmentsForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (field: string, text: string) => {
    const error = amountError(text);
    if (error !== null) errors[field] = error;
  };
  form.financial.forEach((contribution, i) => {
    check(`financial.${i}.amountCents`, contribution.amount);
    if (contribution.scheduleKind !== "instalments") return;
    contribution.instalments.forEach((row, j) => check(`financial.${i}.schedule.instalments.${j}.amountCents`, row.amount));
  });
  form.inKind.forEach((item, i) => check(`inKind.${i}.valueCents`, item.value));
  return errors;
}

/**
 * What is left to spread over the instalments of a contribution, in cents (negative: the instalments exceed it), or
 * null while the amount or an instalment cannot be read.
 */
export function remainingCents(form: FinancialForm): number | null {
  const total = inputToCents(form.amount);
  if (total === undefined || total === null) return null;
  let spread = 0;
  for (const row of form.instalments) {
    const amount = inputToCents(row.amount);
    if (amount === undefined) return null;
    spread += amount ?? 0;
  }
  return total - spread;
}

/** Money and value in kind of a saved draft, in cents (for the summary of the own association's card). */
export function totals(draft: CommitmentsDraft | null | undefined): { financial: number; inKind: number } {
  return {
    financial: (draft?.financial ?? []).reduce((sum, item) => sum + item.amountCents, 0),
    inKind: (draft?.inKind ?? []).reduce((sum, item) => sum + item.valueCents, 0),
  };
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function rows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null) : [];
}

/**
 * A form read back from a kept draft (JSON written by this or another version of the screen): every row gets each
 * field with its type, unknown natures and kinds fall back to the defaults.
 */
export function normalizeForm(value: CommitmentsForm): CommitmentsForm {
  const natures: ContributionNature[] = ["subsidy", "financial_sponsorship", "membership_fee", "cost_sharing"];
  const kinds: PaymentScheduleKind[] = ["at_signature", "on_receipts", "instalments"];
  return {
    financial: rows(value.financial).map((row) => ({
      nature: natures.includes(row.nature as ContributionNature) ? (row.nature as ContributionNature) : "subsidy",
      amount: text(row.amount),
      scheduleKind: kinds.includes(row.scheduleKind as PaymentScheduleKind) ? (row.scheduleKind as PaymentScheduleKind) : "at_signature",
      instalments: rows(row.instalments).map((instalment) => ({
        date: typeof instalment.date === "string" && instalment.date !== "" ? instalment.date : null,
        amount: text(instalment.amount),
      })),
      budgetLine: text(row.budgetLine),
    })),
    inKind: rows(value.inKind).map((row) => ({ description: text(row.description), value: text(row.value) })),
  };
}

/**
 * What an error named `field` is about, as text: the error stands while this stays the same, and goes when the
 * person edits it (`financial.0.schedule` is about the amount and the instalments together). A change in the number
 * of rows changes every subject (the indexes no longer name the same rows).
 */
export function errorSubject(form: CommitmentsForm, field: string): string {
  const shape = `${form.financial.length}/${form.financial.map((f) => f.instalments.length).join(",")}/${form.inKind.length}`;
  const parts = field.split(".");
  const at = (index: string | undefined) => Number(index);
  let subject: unknown = form;
  if (parts[0] === "financial" && parts.length >= 3) {
    const contribution = form.financial[at(parts[1])];
    const rest = parts.slice(2).join(".");
    if (contribution === undefined) subject = null;
    else if (rest === "amountCents") subject = contribution.amount;
    else if (rest === "budgetLine") subject = contribution.budgetLine;
    else if (rest === "nature") subject = contribution.nature;
    else if (rest === "schedule") {
      subject = [contribution.amount, contribution.scheduleKind, contribution.instalments.map((row) => row.amount)];
    } else if (parts[2] === "schedule" && parts[3] === "instalments") {
      const row = contribution.instalments[at(parts[4])];
      subject = row === undefined ? null : parts[5] === "date" ? row.date : row.amount;
    }
  } else if (parts[0] === "inKind" && parts.length >= 3) {
    const item = form.inKind[at(parts[1])];
    subject = item === undefined ? null : parts[2] === "description" ? item.description : item.value;
  }
  return `${shape}|${JSON.stringify(subject)}`;
}
