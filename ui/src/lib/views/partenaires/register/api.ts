// PROVISIONAL: the register's records and commands as the vault will send them (allia-core actors/matrix.rs,
// records.rs; allia-store actors/), until the generated bindings carry them. Replaced by re-exports of
// `$lib/api/bindings` and calls of `commands` once they land.
import type {
  ActorPipelineStatus,
  ExchangeKind,
  InteractionKind,
  MapQuadrant,
  Partner,
  PartnerDraft,
  PartnerRole,
} from "$lib/api/bindings";

export type RegisterActor = {
  actor: Partner;
  quadrant: MapQuadrant | null;
  allowedMoves: ActorPipelineStatus[];
  isPartner: boolean;
};

export type InteractionDraft = { fromActorId: string; toActorId: string; kind: InteractionKind; note?: string | null };
export type Interaction = { id: string; allianceId: string; createdAt: string; updatedAt: string; draft: InteractionDraft };

export type ExchangeEntryDraft = { date: string; kind: ExchangeKind; notes?: string | null; frictionPoints?: string[] };
export type ExchangeEntry = {
  id: string;
  allianceId: string;
  actorId: string;
  createdAt: string;
  updatedAt: string;
  draft: ExchangeEntryDraft;
};

export type ScoringCriterion = {
  id: string;
  allianceId: string;
  position: number;
  createdAt: string;
  updatedAt: string;
  name: string;
  weight: number;
};
export type CriterionDraft = { name: string; weight: number };
export type CandidateScores = { id: string; name: string; scores?: Partial<Record<string, number>> };
export type RankedCandidate = { id: string; name: string; scoreX100: number; rank: number; tied: boolean };
export type FieldError = { field: string; message: string };
export type ScoringMatrix = {
  criteria: ScoringCriterion[];
  candidates: CandidateScores[];
  ranking: RankedCandidate[];
  rankingErrors: FieldError[];
  shortlist: string[];
};

const pending = (): never => {
  throw new Error("Le registre des acteurs n’est pas encore relié au coffre.");
};

/** The register's commands, each resolving to its result or rejecting with the vault's error. */
export const registerApi = {
  actors: async (_allianceId: string): Promise<RegisterActor[]> => pending(),
  createActor: async (_allianceId: string, _draft: PartnerDraft): Promise<RegisterActor> => pending(),
  updateActor: async (_id: string, _draft: PartnerDraft): Promise<RegisterActor> => pending(),
  moveActor: async (_id: string, _to: ActorPipelineStatus, _reason: string | null): Promise<RegisterActor> => pending(),
  promoteActor: async (_id: string, _role: PartnerRole): Promise<RegisterActor> => pending(),
  deleteActor: async (_id: string): Promise<void> => pending(),
  interactions: async (_allianceId: string): Promise<Interaction[]> => pending(),
  addInteraction: async (_allianceId: string, _draft: InteractionDraft): Promise<Interaction> => pending(),
  deleteInteraction: async (_id: string): Promise<void> => pending(),
  exchanges: async (_actorId: string): Promise<ExchangeEntry[]> => pending(),
  addExchange: async (_actorId: string, _draft: ExchangeEntryDraft): Promise<ExchangeEntry> => pending(),
  updateExchange: async (_id: string, _draft: ExchangeEntryDraft): Promise<ExchangeEntry> => pending(),
  deleteExchange: async (_id: string): Promise<void> => pending(),
  matrix: async (_allianceId: string): Promise<ScoringMatrix> => pending(),
  setScore: async (_actorId: string, _criterionId: string, _score: number): Promise<void> => pending(),
  clearScore: async (_actorId: string, _criterionId: string): Promise<void> => pending(),
  addCriterion: async (_allianceId: string, _draft: CriterionDraft): Promise<ScoringCriterion[]> => pending(),
  updateCriterion: async (_id: string, _draft: CriterionDraft): Promise<ScoringCriterion[]> => pending(),
  removeCriterion: async (_id: string): Promise<ScoringCriterion[]> => pending(),
};
