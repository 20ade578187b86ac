// « Analyse des écarts »: what each objective's indicators say about the gap between target and latest value (read
// from the progress the vault computed, never computed again here), and the analysis form (factors one per line).
import { nullable } from "$lib/forms";
import { withUnit } from "./numbers";
import { objectiveFromKey, objectiveKey } from "./objectives";
import type { GapAnalysis, GapAnalysisDraft, GapDecision, IndicatorView, ObjectiveRef } from "./types";

/** One indicator's gap, in words. */
export interface IndicatorGap {
  indicatorId: string;
  name: string;
  /** « Dernière valeur 42 % pour une cible de 60 % : reste 18 %. » or « Pas encore mesuré. » */
  text: string;
}

function sameRef(a: ObjectiveRef, b: ObjectiveRef): boolean {
  return a.level === b.level && a.id === b.id;
}

/** The gaps of the indicators that measure `objective`, in their order. */
export function objectiveGaps(indicators: IndicatorView[], objective: ObjectiveRef): IndicatorGap[] {
  return indicators
    .filter((v) => sameRef(v.indicator.draft.objective, objective))
    .map((v) => {
      const d = v.indicator.draft;
      const p = v.progress;
      let text: string;
      if (p.currentValue === null) text = "Pas encore mesuré.";
      else {
        const remaining = p.remaining ?? 0;
        const rest = remaining <= 0 ? "cible atteinte." : `reste ${withUnit(remaining, d.unit)}.`;
        text = `Dernière valeur ${withUnit(p.currentValue, d.unit)} pour une cible de ${withUnit(d.targetValue ?? 0, d.unit)}\u00a0: ${rest}`;
      }
      return { indicatorId: v.indicator.id, name: d.name, text };
    });
}

export interface GapForm {
  objective: string;
  date: string | null;
  /** One factor per line. */
  positiveFactors: string;
  negativeFactors: string;
  decision: GapDecision;
  decisionNote: string;
}

export function emptyGapForm(date: string | null = null, objective = ""): GapForm {
  return { objective, date, positiveFactors: "", negativeFactors: "", decision: "continue", decisionNote: "" };
}

export function gapToForm(g: GapAnalysis): GapForm {
  const d = g.draft;
  return {
    objective: objectiveKey(d.objective),
    date: d.date,
    positiveFactors: (d.positiveFactors ?? []).join("\n"),
    negativeFactors: (d.negativeFactors ?? []).join("\n"),
    decision: d.decision,
    decisionNote: d.decisionNote ?? "",
  };
}

/** The lines of a text area, trimmed, empty ones left out. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function gapFormProblems(form: GapForm): Record<string, string> {
  return form.date ? {} : { date: "Indiquez la date de l’analyse." };
}

/** The draft sent to the vault, or null while the form has problems. */
export function formToGapDraft(form: GapForm): GapAnalysisDraft | null {
  if (Object.keys(gapFormProblems(form)).length > 0) return null;
  return {
    objective: objectiveFromKey(form.objective),
    date: form.date ?? "",
    positiveFactors: lines(form.positiveFactors),
    negativeFactors: lines(form.negativeFactors),
    decision: form.decision,
    decisionNote: nullable(form.decisionNote),
  };
}

/**
 * The vault names a factor's error `positiveFactors.<i>` after the empty lines are dropped; the form has one text
 * area per list: each such error goes to its list, with the line it is about.
 */
export function gapFieldErrors(errors: Record<string, string>, form: GapForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^(positiveFactors|negativeFactors)\.(\d+)$/.exec(field);
    if (match) {
      const [, list = "", index = "0"] = match;
      const line = lines(form[list as "positiveFactors" | "negativeFactors"])[Number(index)];
      out[list] = line === undefined ? message : `Ligne «\u00a0${line}\u00a0»\u00a0: ${message}`;
    } else out[field] = message;
  }
  return out;
}
