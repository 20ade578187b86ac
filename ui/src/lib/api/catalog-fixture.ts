// For tests: the catalog's lists that a test does not look at, empty, so that a test's catalog
// stays type-correct when the catalog grows (a new closed list is added here once).
import type { Catalog } from "./bindings";

/** Every list of the catalog added since issue 11, empty. Spread into a test's catalog. */
export const LATER_CATALOG_LISTS: Pick<
  Catalog,
  | "figureSourceKinds"
  | "swotQuadrants"
  | "swotImportances"
  | "cooperationForms"
  | "companyPartnershipKinds"
  | "expectedDurations"
  | "companyContributions"
  | "mapCategories"
  | "actorPipelineStatuses"
  | "mapQuadrants"
  | "levelScales"
  | "levels"
  | "interactionKinds"
  | "exchangeKinds"
  | "actorPipelineMoves"
  | "scoringLimits"
  | "smartCriteria"
  | "smartLimits"
  | "cooperationDimensions"
  | "objectiveLevels"
  | "defaultPriorityCriteria"
  | "evaluationPurposes"
  | "indicatorLevels"
  | "dataSourceKinds"
  | "analysisMethods"
  | "indicatorDirections"
  | "indicatorAggregations"
  | "collectionFrequencies"
  | "indicatorStatuses"
  | "indicatorStatusRule"
  | "gapDecisions"
> = {
  figureSourceKinds: [],
  swotQuadrants: [],
  swotImportances: [],
  cooperationForms: [],
  companyPartnershipKinds: [],
  expectedDurations: [],
  companyContributions: [],
  mapCategories: [],
  actorPipelineStatuses: [],
  mapQuadrants: [],
  levelScales: [],
  levels: [],
  interactionKinds: [],
  exchangeKinds: [],
  actorPipelineMoves: [],
  scoringLimits: { scoreMax: 5, weightMax: 100, criteriaMax: 20 },
  smartCriteria: [],
  smartLimits: "",
  cooperationDimensions: [],
  objectiveLevels: [],
  defaultPriorityCriteria: [],
  evaluationPurposes: [],
  indicatorLevels: [],
  dataSourceKinds: [],
  analysisMethods: [],
  indicatorDirections: [],
  indicatorAggregations: [],
  collectionFrequencies: [],
  indicatorStatuses: [],
  indicatorStatusRule: { text: "", onTrackTolerancePoints: 10, watchTolerancePoints: 25 },
  gapDecisions: [],
};
