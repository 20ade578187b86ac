// The indicator form as the view handles it: every field as typed (figures as text, read the French way), the draft
// it sends, and the problems found before sending (a figure that is not a number). The vault checks the rest.
import { nullable } from "$lib/forms";
import { NOT_A_NUMBER, numberToField, readNumber } from "./numbers";
import { objectiveFromKey, objectiveKey } from "./objectives";
import type {
  AnalysisMethod,
  CollectionFrequency,
  DataSourceKind,
  Indicator,
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorDraft,
  IndicatorLevel,
} from "./types";

export interface IndicatorForm {
  /** `level:id` of the objective (objectives.ts), "" until chosen. */
  objective: string;
  name: string;
  level: IndicatorLevel;
  unit: string;
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
  baselineValue: string;
  baselineDate: string | null;
  targetValue: string;
  targetDate: string | null;
  frequency: CollectionFrequency;
  /** "" for none. */
  ownerPartnerId: string;
  ownerPerson: string;
  dataSource: DataSourceKind;
  sourceReference: string;
  method: AnalysisMethod;
  keyIndicator: boolean;
}

export function emptyIndicatorForm(): IndicatorForm {
  return {
    objective: "",
    name: "",
    level: "results",
    unit: "",
    direction: "higher_is_better",
    aggregation: "cumulative",
    baselineValue: "",
    baselineDate: null,
    targetValue: "",
    targetDate: null,
    frequency: "monthly",
    ownerPartnerId: "",
    ownerPerson: "",
    dataSource: "member_systems",
    sourceReference: "",
    method: "quantitative",
    keyIndicator: false,
  };
}

export function indicatorToForm(indicator: Indicator): IndicatorForm {
  const d = indicator.draft;
  return {
    objective: objectiveKey(d.objective),
    name: d.name,
    level: d.level,
    unit: d.unit,
    direction: d.direction,
    aggregation: d.aggregation,
    baselineValue: numberToField(d.baselineValue),
    baselineDate: d.baselineDate,
    targetValue: numberToField(d.targetValue),
    targetDate: d.targetDate,
    frequency: d.frequency,
    ownerPartnerId: d.ownerPartnerId ?? "",
    ownerPerson: d.ownerPerson ?? "",
    dataSource: d.dataSource,
    sourceReference: d.sourceReference ?? "",
    method: d.method,
    keyIndicator: d.keyIndicator ?? false,
  };
}

const DATE_REQUIRED = "Indiquez la date.";
const VALUE_REQUIRED = "Indiquez la valeur.";

/** What the form lacks before it can be sent: figures that are not numbers, missing figures and dates. */
export function indicatorFormProblems(form: IndicatorForm): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ["baselineValue", "targetValue"] as const) {
    const value = readNumber(form[field]);
    if (value === null) problems[field] = VALUE_REQUIRED;
    else if (Number.isNaN(value)) problems[field] = NOT_A_NUMBER;
  }
  if (!form.baselineDate) problems["baselineDate"] = DATE_REQUIRED;
  if (!form.targetDate) problems["targetDate"] = DATE_REQUIRED;
  return problems;
}

/** The draft sent to the vault, or null while `indicatorFormProblems` finds something. */
export function formToIndicatorDraft(form: IndicatorForm): IndicatorDraft | null {
  if (Object.keys(indicatorFormProblems(form)).length > 0) return null;
  return {
    objective: objectiveFromKey(form.objective),
    name: form.name,
    level: form.level,
    unit: form.aggregation === "rate" && form.unit.trim() === "" ? "%" : form.unit,
    direction: form.direction,
    aggregation: form.aggregation,
    baselineValue: readNumber(form.baselineValue) ?? 0,
    baselineDate: form.baselineDate ?? "",
    targetValue: readNumber(form.targetValue) ?? 0,
    targetDate: form.targetDate ?? "",
    frequency: form.frequency,
    ownerPartnerId: nullable(form.ownerPartnerId),
    ownerPerson: nullable(form.ownerPerson),
    dataSource: form.dataSource,
    sourceReference: nullable(form.sourceReference),
    method: form.method,
    keyIndicator: form.keyIndicator,
  };
}
