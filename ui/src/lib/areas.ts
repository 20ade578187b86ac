// The areas of the main frame, in one place: the sidebar, the settings menu, the top bar, the content and the guide
// panel are all drawn from this list. Areas that are not built yet do not exist here.
//
// Adding an area:
//   1. its view in ui/src/lib/views/<area>/ (it takes the catalog from `useCatalog()`, the open alliance as a prop);
//   2. its guide text, « Pourquoi ? » and « Comment ? », a content file ui/src/lib/guide/content/<name>.md listed in
//      guide.ts's `GUIDE_SOURCES` (or an existing one, as « Nouvelle alliance » shares the alliance's);
//   3. one entry below (`allianceArea` for an area of the open alliance, `appArea` otherwise), whose `props` maps
//      the frame to the view's props (type-checked against the view).
// The sidebar group, the unsaved-changes guard, reopening the area when another alliance opens and the guide panel
// then follow without touching MainFrame or GuidePanel.
import type { Component } from "svelte";
import type { Alliance } from "./api/bindings";
import { type AreaGuide, GUIDES } from "./guide/guide";
import AllianceView from "./views/alliance/AllianceView.svelte";
import DiagnosticView from "./views/diagnostic/DiagnosticView.svelte";
import DocumentsView from "./views/documents/DocumentsView.svelte";
import EvaluationView from "./views/evaluation/EvaluationView.svelte";
import ProjetView from "./views/projet/ProjetView.svelte";
import ModeleView from "./views/modele/ModeleView.svelte";
import ObjectifsView from "./views/objectifs/ObjectifsView.svelte";
import PartnersView from "./views/partenaires/PartnersView.svelte";
import ProfileView from "./views/profil/ProfileView.svelte";
import SettingsView from "./views/parametres/SettingsView.svelte";

/** The guide's groups, in the sidebar's order. */
export const AREA_GROUPS = ["Construire", "Mesurer", "Piloter"] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number];

/** What the frame offers the views: the open alliance and what a view tells the frame. */
export interface Frame {
  /** The open alliance, or null when there is none. */
  readonly alliance: Alliance | null;
  /** An alliance was saved (or archived): the sidebar shows it as it is now. */
  allianceSaved(alliance: Alliance): void;
  /** A new alliance was created: it opens. */
  allianceCreated(alliance: Alliance): void;
  allianceDeleted(id: string): void;
  /** « Nouvelle alliance » was cancelled. */
  newAllianceCancelled(): void;
  /** The open alliance's partner list has this many partners. */
  partnerCountChanged(count: number): void;
  autoLockChanged(minutes: number): void;
  /** A backup was restored: everything shown must be read again. */
  restored(notice: string): void;
  /** A new recovery key was made: it is shown once. */
  newRecoveryKey(recoveryKey: string): void;
}

/** The frame as an area of the open alliance sees it: there is one. */
export interface AllianceFrame extends Frame {
  readonly alliance: Alliance;
}

interface AreaCommon<Id extends string> {
  id: Id;
  /** In the sidebar or the settings menu, and for `app` areas the top bar's title. */
  label: string;
  /** The guide panel's text while the area is shown (« Pourquoi ? », « Comment ? »). */
  guide: AreaGuide;
}

/** An area of the open alliance: listed in its sidebar group, shown again when another alliance opens. */
export interface AllianceArea<Id extends string = string> extends AreaCommon<Id> {
  scope: "alliance";
  group: AreaGroup;
  view: Component<Record<string, unknown>>;
  props: (frame: AllianceFrame) => Record<string, unknown>;
}

/** An area of the whole app (profile, settings, a new alliance): titled by its label. */
export interface AppArea<Id extends string = string> extends AreaCommon<Id> {
  scope: "app";
  /** Listed in the settings menu (`data-testid="menu-<id>"`). */
  menu: boolean;
  /** Also listed at the foot of the sidebar, under « Mon association » (`data-testid="nav-app-<id>"`). */
  sidebar?: boolean;
  view: Component<Record<string, unknown>>;
  props: (frame: Frame) => Record<string, unknown>;
}

export type AreaDefinition<Id extends string = string> = AllianceArea<Id> | AppArea<Id>;

/** An area of the open alliance; `props` gives its view its props, type-checked against the view. */
function allianceArea<const Id extends string, P extends Record<string, any>>(
  area: Omit<AllianceArea<Id>, "scope" | "view" | "props"> & { view: Component<P>; props: (frame: AllianceFrame) => P },
): AllianceArea<Id> {
  return { ...area, scope: "alliance" } as unknown as AllianceArea<Id>;
}

/** An area of the whole app; `props` gives its view its props, type-checked against the view. */
function appArea<const Id extends string, P extends Record<string, any>>(
  area: Omit<AppArea<Id>, "scope" | "view" | "props"> & { view: Component<P>; props: (frame: Frame) => P },
): AppArea<Id> {
  return { ...area, scope: "app" } as unknown as AppArea<Id>;
}

const DEFINED = [
  allianceArea({
    id: "alliance",
    label: "Alliance",
    group: "Construire",
    view: AllianceView,
    props: (frame) => ({
      alliance: frame.alliance,
      onSaved: frame.allianceSaved,
      onCancel: () => {},
      onDeleted: frame.allianceDeleted,
    }),
    guide: GUIDES.alliance,
  }),
  allianceArea({
    id: "diagnostic",
    label: "Diagnostic",
    group: "Construire",
    view: DiagnosticView,
    props: (frame) => ({ alliance: frame.alliance }),
    guide: GUIDES.diagnostic,
  }),
  allianceArea({
    id: "projet",
    label: "Projet",
    group: "Construire",
    view: ProjetView,
    props: (frame) => ({ alliance: frame.alliance }),
    guide: GUIDES.projet,
  }),
  allianceArea({
    id: "partenaires",
    label: "Partenaires",
    group: "Construire",
    view: PartnersView,
    props: (frame) => ({ alliance: frame.alliance, onCountChanged: frame.partnerCountChanged }),
    guide: GUIDES.partenaires,
  }),
  allianceArea({
    id: "modele",
    label: "Modèle de partenariat",
    group: "Construire",
    view: ModeleView,
    props: (frame) => ({ alliance: frame.alliance }),
    guide: GUIDES.modele,
  }),
  allianceArea({
    id: "documents",
    label: "Documents",
    group: "Construire",
    view: DocumentsView,
    props: (frame) => ({ alliance: frame.alliance }),
    guide: GUIDES.documents,
  }),
  allianceArea({
    id: "objectifs",
    label: "Objectifs",
    group: "Mesurer",
    view: ObjectifsView,
    props: (frame) => ({ alliance: frame.alliance }),
    guide: GUIDES.objectifs,
  }),
  allianceArea({
    id: "evaluation",
    label: "Évaluation",
    group: "Mesurer",
    view: EvaluationView,
    props: (frame) => ({ alliance: frame.alliance }),
    guide: GUIDES.evaluation,
  }),
  appArea({
    id: "new-alliance",
    label: "Nouvelle alliance",
    menu: false,
    view: AllianceView,
    props: (frame) => ({
      alliance: null,
      onSaved: frame.allianceCreated,
      onCancel: frame.newAllianceCancelled,
      onDeleted: () => {},
    }),
    guide: GUIDES.alliance,
  }),
  appArea({
    id: "profile",
    label: "Profil de mon association",
    menu: true,
    // Every contract names the association from it: in reach, not only under « Réglages ».
    sidebar: true,
    view: ProfileView,
    props: () => ({}),
    guide: GUIDES.profile,
  }),
  appArea({
    id: "settings",
    label: "Paramètres",
    menu: true,
    view: SettingsView,
    props: (frame) => ({
      onAutoLockSaved: frame.autoLockChanged,
      onRestored: frame.restored,
      onNewRecoveryKey: frame.newRecoveryKey,
    }),
    guide: GUIDES.settings,
  }),
] as const;

export type AreaId = (typeof DEFINED)[number]["id"];

/** Every area, in the order the sidebar and the menu list them. */
export const AREAS: readonly AreaDefinition<AreaId>[] = DEFINED;

/** The area shown when an alliance opens or the frame starts. */
export const HOME_AREA: AreaId = "alliance";

/** Whether `id` names a registered area (an id kept from before, or sent by a view through `navigate`). */
export function isAreaId(id: string): id is AreaId {
  return AREAS.some((area) => area.id === id);
}

/** The area with this id. */
export function areaById(id: AreaId): AreaDefinition<AreaId> {
  const area = AREAS.find((candidate) => candidate.id === id);
  if (area === undefined) throw new Error(`Unknown area: ${id}`);
  return area;
}

/** The sidebar: each group of the guide with its areas, groups without a built area left out. */
export function sidebarGroups(): { label: AreaGroup; areas: AllianceArea<AreaId>[] }[] {
  return AREA_GROUPS.map((label) => ({
    label,
    areas: AREAS.filter((area): area is AllianceArea<AreaId> => area.scope === "alliance" && area.group === label),
  })).filter((group) => group.areas.length > 0);
}

/** The app areas listed at the foot of the sidebar, with or without an open alliance. */
export function sidebarAppAreas(): AppArea<AreaId>[] {
  return AREAS.filter((area): area is AppArea<AreaId> => area.scope === "app" && area.sidebar === true);
}

/** The settings menu's entries. */
export function menuAreas(): AppArea<AreaId>[] {
  return AREAS.filter((area): area is AppArea<AreaId> => area.scope === "app" && area.menu);
}
