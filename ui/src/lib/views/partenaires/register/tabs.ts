// The tabs of « Partenaires »: the partners of today, then the actor register seen as a table, a map, a network and
// the scoring matrix (guide step 3, « Choisir les bons partenaires »). The tab chosen is remembered, per alliance,
// while the app runs (not in the vault: it is where the person left the screen, not data).

/** The tabs, in the order they show. */
export const PARTNER_TABS = [
  { id: "partenaires", label: "Partenaires" },
  { id: "registre", label: "Registre" },
  { id: "carte", label: "Carte" },
  { id: "reseau", label: "Réseau" },
  { id: "selection", label: "Sélection" },
] as const;

export type PartnerTab = (typeof PARTNER_TABS)[number]["id"];

/** The tab a new visit opens on: today's list, so that nothing changes for someone who only follows partners. */
export const DEFAULT_TAB: PartnerTab = "partenaires";

const remembered = new Map<string, PartnerTab>();

/** Whether `value` names a tab (a bits-ui value is a plain string). */
export function isPartnerTab(value: string): value is PartnerTab {
  return PARTNER_TABS.some((tab) => tab.id === value);
}

/** The tab last chosen in this alliance since the app started, or the default. */
export function rememberedTab(allianceId: string): PartnerTab {
  return remembered.get(allianceId) ?? DEFAULT_TAB;
}

/** Remembers the tab chosen in this alliance until the app quits. */
export function rememberTab(allianceId: string, tab: PartnerTab): void {
  remembered.set(allianceId, tab);
}

/** For tests: forgets every choice. */
export function forgetTabs(): void {
  remembered.clear();
}

/**
 * The kept-draft key (`FormDraftKey.form`) of a new actor typed in the register, apart from a new partner's
 * `partner:new`: after a lock, « Reprendre la saisie » reopens it in the register as an actor at « Identifié ».
 */
export const NEW_ACTOR_DRAFT = "actor:new";
