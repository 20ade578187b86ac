// The measurement form: a dated value (for a rate, its numerator and denominator, the value then computed by the
// vault), a comment and a source.
import { nullable } from "$lib/forms";
import { NOT_A_NUMBER, numberToField, readNumber } from "./numbers";
import type { Measurement, MeasurementDraft } from "./types";

export interface MeasurementForm {
  date: string | null;
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  source: string;
}

export function emptyMeasurementForm(date: string | null = null): MeasurementForm {
  return { date, value: "", numerator: "", denominator: "", comment: "", source: "" };
}

export function measurementToForm(m: Measurement): MeasurementForm {
  const d = m.draft;
  return {
    date: d.date,
    value: numberToField(d.value),
    numerator: numberToField(d.numerator),
    denominator: numberToField(d.denominator),
    comment: d.comment ?? "",
    source: d.source ?? "",
  };
}

/** Problems found before sending: the date, and the figures the indicator asks for (a rate: both terms). */
export function measurementFormProblems(form: MeasurementForm, rate: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.date) problems["date"] = "Indiquez la date de la mesure.";
  const fields = rate ? (["numerator", "denominator"] as const) : (["value"] as const);
  for (const field of fields) {
    const value = readNumber(form[field]);
    if (value === null) {
      problems[field] =
        field === "numerator"
          ? "Indiquez le numérateur du taux."
          : field === "denominator"
            ? "Indiquez le dénominateur du taux."
            : "Indiquez la valeur mesurée.";
    } else if (Number.isNaN(value)) problems[field] = NOT_A_NUMBER;
  }
  return problems;
}

/** The rate a numerator and a denominator give, in %, or null while they do not. */
export function rateOf(form: MeasurementForm): number | null {
  const n = readNumber(form.numerator);
  const d = readNumber(form.denominator);
  if (n === null || d === null || Number.isNaN(n) || Number.isNaN(d) || d <= 0) return null;
  return (100 * n) / d;
}

/** The draft sent to the vault, or null while the form has problems. */
export function formToMeasurementDraft(form: MeasurementForm, indicatorId: string, rate: boolean): MeasurementDraft | null {
  if (Object.keys(measurementFormProblems(form, rate)).length > 0) return null;
  return {
    indicatorId,
    date: form.date ?? "",
    value: rate ? (rateOf(form) ?? 0) : (readNumber(form.value) ?? 0),
    numerator: rate ? readNumber(form.numerator) : null,
    denominator: rate ? readNumber(form.denominator) : null,
    comment: nullable(form.comment),
    source: nullable(form.source),
  };
}
