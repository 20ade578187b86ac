// The « Durée et signature de la convention » part of the alliance form: the alliance's agreement terms as form
// fields and back, and a duration in months said in words. The rules (1 to 120 months, a notice shorter than the
// duration…) live in allia-core; this only carries the values.
import type { AgreementTerms } from "$lib/api/bindings";
import { NBSP } from "$lib/format";
import { nullable } from "$lib/forms";

/** The terms as the form holds them: numbers from NumberField (null when empty), texts as typed. */
export interface TermsForm {
  durationMonths: number | null;
  tacitRenewal: boolean;
  noticeMonths: number | null;
  signaturePlace: string;
  signatureDate: string | null;
  copies: number | null;
  court: string;
}

/** The form's fields for stored terms (none stored: every field empty, no renewal). */
export function termsToForm(terms: AgreementTerms | null | undefined): TermsForm {
  return {
    durationMonths: terms?.durationMonths ?? null,
    tacitRenewal: terms?.tacitRenewal ?? false,
    noticeMonths: terms?.noticeMonths ?? null,
    signaturePlace: terms?.signaturePlace ?? "",
    signatureDate: terms?.signatureDate ?? null,
    copies: terms?.copies ?? null,
    court: terms?.court ?? "",
  };
}

/** The largest whole number the vault's month and copy counts (u32) can receive. */
const U32_MAX = 4_294_967_295;

/**
 * A number field's value as the vault receives it: null when empty; a whole number from 0 up as it is; anything
 * else (negative, decimal, too large) as the largest count, which allia-core refuses with the field's own message
 * (« Indiquez un préavis de 0 à 24 mois. »), so nothing typed is quietly changed into another value.
 */
export function termNumber(value: number | null | undefined): number | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return Number.isInteger(value) && value >= 0 && value <= U32_MAX ? value : U32_MAX;
}

/** The terms to save from the form's fields. */
export function formToTerms(form: TermsForm): AgreementTerms {
  return {
    durationMonths: termNumber(form.durationMonths),
    tacitRenewal: form.tacitRenewal,
    noticeMonths: termNumber(form.noticeMonths),
    signaturePlace: nullable(form.signaturePlace),
    signatureDate: form.signatureDate,
    copies: termNumber(form.copies),
    court: nullable(form.court),
  };
}

/**
 * A duration in months said in years and months, as a person reads it next to the field: 36 → « 3 ans »,
 * 18 → « 1 an et 6 mois », 5 → « 5 mois ». Empty for no duration or a number that is not a whole count of months.
 */
export function durationInWords(months: number | null | undefined): string {
  if (months === null || months === undefined || !Number.isInteger(months) || months <= 0) return "";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const yearText = years === 0 ? "" : `${years}${NBSP}${years === 1 ? "an" : "ans"}`;
  const monthText = rest === 0 ? "" : `${rest}${NBSP}mois`;
  return [yearText, monthText].filter((part) => part !== "").join(" et ");
}
