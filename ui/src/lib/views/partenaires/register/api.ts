// The actor register's commands as its screens use them: each resolves to its result or rejects with the vault's
// `ApiError` (French message, field errors). A thin layer over the generated `commands`, so that the screens' tests
// mock one module.
import {
  commands,
  type ActorPipelineStatus,
  type CriterionDraft,
  type ExchangeEntry,
  type ExchangeEntryDraft,
  type Interaction,
  type InteractionDraft,
  type PartnerDraft,
  type PartnerRole,
  type RegisterActor,
  type ScoringCriterion,
  type ScoringMatrix,
} from "$lib/api/bindings";
import { call } from "$lib/api/client";

export type {
  CandidateScores,
  CriterionDraft,
  ExchangeEntry,
  ExchangeEntryDraft,
  FieldError,
  Interaction,
  InteractionDraft,
  RankedCandidate,
  RegisterActor,
  ScoringCriterion,
  ScoringMatrix,
} from "$lib/api/bindings";

export const registerApi = {
  actors: (allianceId: string): Promise<RegisterActor[]> => call(commands.actorList(allianceId)),
  createActor: (allianceId: string, draft: PartnerDraft): Promise<RegisterActor> => call(commands.actorCreate(allianceId, draft)),
  updateActor: (id: string, draft: PartnerDraft): Promise<RegisterActor> => call(commands.actorUpdate(id, draft)),
  moveActor: (id: string, to: ActorPipelineStatus, reason: string | null): Promise<RegisterActor> =>
    call(commands.actorMove(id, to, reason)),
  promoteActor: (id: string, role: PartnerRole): Promise<RegisterActor> => call(commands.actorPromote(id, role)),
  deleteActor: async (id: string): Promise<void> => {
    await call(commands.actorDelete(id));
  },
  interactions: (allianceId: string): Promise<Interaction[]> => call(commands.interactionList(allianceId)),
  addInteraction: (allianceId: string, draft: InteractionDraft): Promise<Interaction> =>
    call(commands.interactionAdd(allianceId, draft)),
  deleteInteraction: async (id: string): Promise<void> => {
    await call(commands.interactionDelete(id));
  },
  exchanges: (actorId: string): Promise<ExchangeEntry[]> => call(commands.exchangeList(actorId)),
  addExchange: (actorId: string, draft: ExchangeEntryDraft): Promise<ExchangeEntry> => call(commands.exchangeAdd(actorId, draft)),
  updateExchange: (id: string, draft: ExchangeEntryDraft): Promise<ExchangeEntry> => call(commands.exchangeUpdate(id, draft)),
  deleteExchange: async (id: string): Promise<void> => {
    await call(commands.exchangeDelete(id));
  },
  matrix: (allianceId: string): Promise<ScoringMatrix> => call(commands.scoringMatrix(allianceId)),
  setScore: async (actorId: string, criterionId: string, score: number): Promise<void> => {
    await call(commands.scoreSet(actorId, criterionId, score));
  },
  clearScore: async (actorId: string, criterionId: string): Promise<void> => {
    await call(commands.scoreClear(actorId, criterionId));
  },
  addCriterion: (allianceId: string, draft: CriterionDraft): Promise<ScoringCriterion[]> => call(commands.criterionAdd(allianceId, draft)),
  updateCriterion: (id: string, draft: CriterionDraft): Promise<ScoringCriterion[]> => call(commands.criterionUpdate(id, draft)),
  removeCriterion: (id: string): Promise<ScoringCriterion[]> => call(commands.criterionRemove(id)),
};
