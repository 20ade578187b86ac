//! The actor register (Partenaires: Registre, Carte, Réseau, Sélection, an actor's
//! Échanges): actors at any status, the links between them, each one's proximity log, the
//! scoring criteria and scores with the matrix and its ranking. Thin wrappers over the
//! store; every rule is allia-core's. An actor comes with its quadrant and the moves its
//! status allows (`RegisterActor`), computed in allia-core, never in the screens.

use allia_core::actors::{
    ActorPipelineStatus, ActorScore, CriterionDraft, ExchangeEntry, ExchangeEntryDraft,
    Interaction, InteractionDraft, RegisterActor, ScoringCriterion, ScoringMatrix,
};
use allia_core::{PartnerDraft, PartnerRole};

// An exchange dated after today is refused (allia-core's proximity rule).
use crate::clock::today;

store_commands! {
    /// Every actor of the alliance, partners included, in the order they were added,
    /// each with its quadrant (`null` until influence and interest are assessed) and
    /// the statuses it may move to.
    fn actor_list(alliance_id: String) -> Vec<RegisterActor> =
        |store| store.actors(&alliance_id);
    /// One actor, whatever its status.
    fn actor_get(id: String) -> RegisterActor = |store| store.actor(&id);
    /// Adds an actor at the status its draft says (`draft.pipeline`); « Écarté » needs
    /// its reason.
    fn actor_create(alliance_id: String, draft: PartnerDraft) -> RegisterActor =
        |store| store.create_actor(&alliance_id, &draft);
    /// Rewrites an actor's fields and map assessment; its status stays (see
    /// `actor_move`, `actor_promote`).
    fn actor_update(id: String, draft: PartnerDraft) -> RegisterActor =
        |store| store.update_actor(&id, &draft);
    /// Moves an actor to `to` by the pipeline's rule; `reason` is read for « Écarté ».
    /// « Engagé » is refused (`validation` on `status`): it takes `actor_promote`, with
    /// the role chosen.
    /// Leaving « Engagé » is refused (`precondition`) while a contract that is no
    /// longer a draft names the actor, or while it has commitments.
    fn actor_move(id: String, to: ActorPipelineStatus, reason: Option<String>) -> RegisterActor =
        |store| store.move_actor(&id, to, reason.as_deref());
    /// Makes an actor a partner (« Engagé ») with `role`, nothing retyped: the only way
    /// to « Engagé » (offered when `canPromote`: any status but « Écarté »).
    fn actor_promote(id: String, role: PartnerRole) -> RegisterActor =
        |store| store.promote_actor(&id, role);
    /// Deletes an actor with its links, log and scores; refused (`precondition`, the
    /// document named) while a contract that is no longer a draft names it.
    fn actor_delete(id: String) -> () = |store| store.delete_actor(&id);

    /// The links between the alliance's actors, in the order they were added.
    fn interaction_list(alliance_id: String) -> Vec<Interaction> =
        |store| store.interactions(&alliance_id);
    /// Adds a link « from <kind> to »; the same link twice is refused on `kind`.
    fn interaction_add(alliance_id: String, draft: InteractionDraft) -> Interaction =
        |store| store.add_interaction(&alliance_id, &draft);
    /// Rewrites a link (kind, note, actors).
    fn interaction_update(id: String, draft: InteractionDraft) -> Interaction =
        |store| store.update_interaction(&id, &draft);
    fn interaction_delete(id: String) -> () = |store| store.delete_interaction(&id);

    /// One actor's proximity log, the latest exchange first.
    fn exchange_list(actor_id: String) -> Vec<ExchangeEntry> =
        |store| store.exchanges(&actor_id);
    /// Writes an exchange in an actor's log; a date after today is refused on `date`.
    fn exchange_add(actor_id: String, draft: ExchangeEntryDraft) -> ExchangeEntry =
        |store| store.add_exchange(&actor_id, &draft, today());
    fn exchange_update(id: String, draft: ExchangeEntryDraft) -> ExchangeEntry =
        |store| store.update_exchange(&id, &draft, today());
    fn exchange_delete(id: String) -> () = |store| store.delete_exchange(&id);

    /// The alliance's criteria in column order (the five defaults on first read).
    fn criteria_list(alliance_id: String) -> Vec<ScoringCriterion> =
        |store| store.criteria(&alliance_id);
    /// Adds a criterion at the end; returns every criterion.
    fn criterion_add(alliance_id: String, draft: CriterionDraft) -> Vec<ScoringCriterion> =
        |store| store.add_criterion(&alliance_id, &draft);
    /// Renames and reweights a criterion; returns every criterion.
    fn criterion_update(id: String, draft: CriterionDraft) -> Vec<ScoringCriterion> =
        |store| store.update_criterion(&id, &draft);
    /// Removes a criterion and its scores (never the last one); returns those left.
    fn criterion_remove(id: String) -> Vec<ScoringCriterion> =
        |store| store.remove_criterion(&id);
    /// Puts the criteria in the order of `criterion_ids` (each id once).
    fn criteria_reorder(alliance_id: String, criterion_ids: Vec<String>) -> Vec<ScoringCriterion> =
        |store| store.reorder_criteria(&alliance_id, &criterion_ids);

    /// Gives an actor a score 0 to 5 on a criterion (over 5 is refused on `score`).
    fn score_set(actor_id: String, criterion_id: String, score: u32) -> ActorScore =
        |store| store.set_score(&actor_id, &criterion_id, score);
    /// Empties an actor's cell for a criterion.
    fn score_clear(actor_id: String, criterion_id: String) -> () =
        |store| store.clear_score(&actor_id, &criterion_id);
    /// The scoring matrix: criteria, candidates (neither « Écarté » nor « Engagé »)
    /// with their scores, the ranking or why it cannot rank (`rankingErrors`, a missing
    /// score named by its cell `scores.<actor id>.<criterion id>`), and the shortlist.
    fn scoring_matrix(alliance_id: String) -> ScoringMatrix =
        |store| store.scoring_matrix(&alliance_id);
}
