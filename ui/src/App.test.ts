// Drives the whole UI against an in-memory fake of the Tauri commands (jsdom, mocked IPC).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alliance, AppError, BackupEntry, Catalog, Partner, PartnerDraft, VaultFiles, VaultLocked } from "$lib/api/bindings";
import App from "./App.svelte";
import { LATER_CATALOG_LISTS } from "./lib/api/catalog-fixture";

const catalog: Catalog = {
  actorTypes: [
    { value: "association", label: "Association", help: "Expertise des besoins sociaux, maillage local." },
    { value: "company", label: "Entreprise", help: "Ressources financières ou humaines." },
  ],
  partnerRoles: [
    { value: "lead", label: "Chef de file", help: null },
    { value: "member", label: "Membre", help: null },
  ],
  allianceStatuses: [
    { value: "under_construction", label: "En construction", help: null },
    { value: "active", label: "Active", help: null },
    { value: "closed", label: "Close", help: null },
  ],
  documentKinds: [{ value: "partnership_agreement", label: "Convention de partenariat", help: null }],
  documentStatuses: [{ value: "draft", label: "Brouillon", help: null }],
  legalForms: ["Association loi 1901"],
  contributionNatures: [],
  paymentScheduleKinds: [],
  publicFunderActorTypes: [],
  ...LATER_CATALOG_LISTS,
};

class CommandError {
  constructor(readonly error: AppError) {}
}

function fakeBackend() {
  const state = {
    files: "absent" as VaultFiles,
    unlocked: false,
    alliances: [] as Alliance[],
    partners: [] as Partner[],
    /** An error every unlock answers with, whatever the passphrase (damage, key file…). */
    unlockFailure: null as AppError | null,
    /** What vault_lock answers (a failed automatic backup). */
    lockFailure: null as string | null,
    backups: [] as BackupEntry[],
    /** The alliances each backup holds, by file name. */
    backupContents: {} as Record<string, Alliance[]>,
    chosenBackup: null as BackupEntry | null,
    touches: 0,
    /** How many times backup_list was asked. */
    lists: 0,
    restores: [] as (string | null)[],
    /** The key the recovery kit holds; a new kit replaces it. */
    recoveryKey: "7Q2M-K9XD-ABCD",
    /** The passphrases vault_new_recovery_key was called with. */
    newKitCalls: [] as string[],
  };
  const now = "2026-11-26T10:00:00Z";
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    vault_status: () => ({ files: state.files, unlocked: state.unlocked }),
    assess_passphrase: () => ({ score: 4, label: "Très solide", acceptable: true, message: null }),
    vault_create: (args) => {
      if (args["passphrase"] !== args["confirmation"]) {
        throw new CommandError({
          code: "validation",
          message: "Vérifiez les champs.",
          field: null,
          fieldErrors: [{ field: "confirmation", message: "Les deux phrases de passe ne sont pas identiques." }],
        });
      }
      state.files = "present";
      state.unlocked = true;
      return { recoveryKey: state.recoveryKey };
    },
    vault_unlock: (args) => {
      if (state.unlockFailure !== null) throw new CommandError(state.unlockFailure);
      if (args["passphrase"] !== "bonne phrase") {
        throw new CommandError({ code: "wrong_passphrase", message: "Phrase de passe incorrecte", field: null, fieldErrors: [] });
      }
      state.unlocked = true;
      return null;
    },
    vault_recover: (args) => {
      if (args["recoveryKey"] !== state.recoveryKey) {
        throw new CommandError({
          code: "wrong_recovery_key",
          message: "Cette clé de récupération ne correspond pas à ce coffre.",
          field: "recoveryKey",
          fieldErrors: [{ field: "recoveryKey", message: "Cette clé de récupération ne correspond pas à ce coffre." }],
        });
      }
      state.files = "present";
      state.unlocked = true;
      return null;
    },
    vault_new_recovery_key: (args) => {
      const passphrase = String(args["passphrase"]);
      state.newKitCalls.push(passphrase);
      if (!state.unlocked) throw new CommandError({ code: "vault_locked", message: "Le coffre est verrouillé.", field: null, fieldErrors: [] });
      if (passphrase !== "bonne phrase") {
        throw new CommandError({
          code: "wrong_passphrase",
          message: "Phrase de passe incorrecte.",
          field: "passphrase",
          fieldErrors: [{ field: "passphrase", message: "Phrase de passe incorrecte." }],
        });
      }
      state.recoveryKey = "N3WK-EY42-WXYZ";
      return { recoveryKey: state.recoveryKey };
    },
    vault_lock: () => {
      state.unlocked = false;
      return state.lockFailure;
    },
    vault_touch: () => {
      state.touches += 1;
      return null;
    },
    backup_list: () => {
      state.lists += 1;
      return state.backups;
    },
    backup_choose_automatic: (args) => {
      const entry = state.backups.find((backup) => backup.fileName === args["fileName"]);
      if (entry === undefined) throw new CommandError({ code: "not_found", message: "Cette sauvegarde n’existe pas (ou plus).", field: null, fieldErrors: [] });
      state.chosenBackup = entry;
      return entry;
    },
    backup_choose_file: () => null,
    backup_preview: (args) => {
      const entry = state.chosenBackup;
      if (entry === null) throw new CommandError({ code: "not_found", message: "Choisissez d’abord la sauvegarde à restaurer.", field: null, fieldErrors: [] });
      if (!state.unlocked && args["secret"] !== "bonne phrase") {
        throw new CommandError({ code: "backup_wrong_secret", message: "Cette phrase de passe n’ouvre pas cette sauvegarde.", field: "secret", fieldErrors: [] });
      }
      const alliances = state.backupContents[entry.fileName] ?? [];
      return { backup: entry, alliances: alliances.map((a) => a.draft.name), partners: 0, documents: 0, sameVault: state.unlocked };
    },
    backup_restore: (args) => {
      const entry = state.chosenBackup;
      if (entry === null) throw new CommandError({ code: "not_found", message: "Choisissez d’abord la sauvegarde à restaurer.", field: null, fieldErrors: [] });
      state.restores.push((args["secret"] as string | null) ?? null);
      state.alliances = [...(state.backupContents[entry.fileName] ?? [])];
      state.partners = [];
      state.files = "present";
      state.unlocked = true;
      return null;
    },
    settings_get: () => ({ autoLockMinutes: 10, backupKeep: 10 }),
    catalog: () => catalog,
    alliance_list: () => state.alliances,
    demo_load: () => {
      const alliance: Alliance = {
        id: "a1",
        archived: false,
        partnerCount: 1,
        createdAt: now,
        updatedAt: now,
        draft: { name: "Service partagé du Val de Brenne", purpose: null, territory: null, startDate: null, status: "active" },
      };
      state.alliances.push(alliance);
      state.partners.push({
        id: "p1",
        allianceId: "a1",
        createdAt: now,
        updatedAt: now,
        draft: {
          organisation: {
            name: "Épicerie solidaire",
            acronym: null,
            legalForm: null,
            rna: null,
            siret: null,
            street: null,
            postalCode: null,
            city: "Brenne",
            representativeName: null,
            representativeRole: null,
            email: null,
            phone: null,
          },
          actorType: "association",
          role: "lead",
          resources: null,
          resourceTags: ["alimentation"],
        },
      });
      return alliance;
    },
    partner_delete: (args) => {
      state.partners = state.partners.filter((partner) => partner.id !== args["id"]);
      return null;
    },
    partner_list: (args) => state.partners.filter((partner) => partner.allianceId === args["allianceId"]),
    // No organisation looks like another here: the side-by-side question has its own test.
    partner_lookalikes: () => [],
    partner_create: (args) => {
      const draft = args["draft"] as PartnerDraft;
      if (typeof draft.organisation.siret === "string" && !/^\d{9}(\d{5})?$/.test(draft.organisation.siret)) {
        throw new CommandError({
          code: "validation",
          message: "Vérifiez les champs.",
          field: null,
          fieldErrors: [{ field: "siret", message: "Le SIRET doit compter 9 ou 14 chiffres." }],
        });
      }
      const partner: Partner = { id: `p${state.partners.length + 1}`, allianceId: String(args["allianceId"]), createdAt: now, updatedAt: now, draft };
      state.partners.push(partner);
      return partner;
    },
  };
  return { state, handlers };
}

describe("App", () => {
  let backend: ReturnType<typeof fakeBackend>;

  beforeEach(() => {
    backend = fakeBackend();
    mockWindows("main");
    mockIPC(
      (cmd, payload) => {
        const handler = backend.handlers[cmd];
        if (handler === undefined) return null;
        try {
          return handler((payload ?? {}) as Record<string, unknown>);
        } catch (error) {
          if (error instanceof CommandError) return Promise.reject(error.error);
          throw error;
        }
      },
      { shouldMockEvents: true },
    );
  });

  afterEach(() => {
    // Unmount first: App stops listening to events while the mocked IPC still answers.
    cleanup();
    clearMocks();
  });

  // « Partenaires » fetches the charts ahead of their first use without waiting for them:
  // they finish loading before the test environment goes away.
  afterAll(async () => {
    await Promise.all([
      import("./lib/views/partenaires/register/charts/ActorMap.svelte"),
      import("./lib/views/partenaires/register/charts/ActorNetwork.svelte"),
    ]);
  });

  it("creates the vault, shows the recovery key once, then the empty alliance state", async () => {
    render(App);
    expect(await screen.findByRole("heading", { name: "Bienvenue dans Allia" })).toBeInTheDocument();

    await fireEvent.input(screen.getByTestId("create-passphrase"), { target: { value: "cheval agrafe batterie" } });
    await fireEvent.input(screen.getByTestId("create-confirmation"), { target: { value: "autre chose" } });
    await fireEvent.click(screen.getByTestId("create-submit"));
    expect(await screen.findByTestId("error-confirmation")).toHaveTextContent("ne sont pas identiques");

    await fireEvent.input(screen.getByTestId("create-confirmation"), { target: { value: "cheval agrafe batterie" } });
    await fireEvent.click(screen.getByTestId("create-submit"));

    expect(await screen.findByTestId("recovery-key")).toHaveTextContent("7Q2M-K9XD-ABCD");
    // Closing the window now loses the key: said right under it.
    const warning = screen.getByTestId("recovery-key-warning");
    expect(warning).toHaveTextContent("Cette clé ne sera plus jamais affichée.");
    expect(warning).toHaveTextContent("Si vous fermez Allia maintenant sans l’avoir enregistrée ou notée, vous ne pourrez plus la retrouver.");
    expect(screen.getByTestId("recovery-key").nextElementSibling).toBe(warning);
    const next = screen.getByTestId("recovery-continue");
    expect(next).toBeDisabled();
    await fireEvent.click(screen.getByTestId("recovery-confirm"));
    expect(next).toBeEnabled();
    await fireEvent.click(next);

    expect(await screen.findByTestId("empty-alliances")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key")).toBeNull();
    expect(screen.queryByTestId("nav-area-partenaires")).toBeNull();

    // The association's profile is in the sidebar even before any alliance exists.
    await fireEvent.click(screen.getByTestId("nav-app-profile"));
    expect(await screen.findByTestId("profile-save")).toBeInTheDocument();
    expect(screen.getByTestId("alliance-title")).toHaveTextContent("Profil de mon association");
    expect(screen.getByTestId("nav-app-profile")).toHaveAttribute("aria-current", "page");
  });

  it("rejects a wrong passphrase, then loads the example and lists its partners", async () => {
    backend.state.files = "present";
    render(App);

    await fireEvent.input(await screen.findByTestId("unlock-passphrase"), { target: { value: "mauvaise" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("Phrase de passe incorrecte");

    await fireEvent.input(screen.getByTestId("unlock-passphrase"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));

    await fireEvent.click(await screen.findByTestId("load-demo"));
    const item = await screen.findByTestId("alliance-item");
    expect(item).toHaveTextContent("Service partagé du Val de Brenne");
    await waitFor(() => expect(document.title).toBe("Allia — Service partagé du Val de Brenne"));

    await fireEvent.click(screen.getByTestId("nav-area-partenaires"));
    const rows = await screen.findAllByTestId("partner-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("Épicerie solidaire");
    expect(rows[0]).toHaveTextContent("Association");
    expect(rows[0]).toHaveTextContent("Chef de file");
  });

  it("opens the example in the area picked while it loads, and says it is loading", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.state.alliances.push(alliance("a0", "Alliance des quartiers nord"));
    const demoLoad = backend.handlers["demo_load"];
    let finish: () => void = () => undefined;
    backend.handlers["demo_load"] = (args) =>
      new Promise((resolve) => {
        finish = () => resolve(demoLoad?.(args));
      });
    render(App);

    const load = await screen.findByTestId("load-demo");
    await fireEvent.click(load);
    await waitFor(() => expect(load).toHaveAttribute("aria-busy", "true"));
    expect(load).toHaveTextContent("Chargement de l’exemple…");
    expect(load).toBeDisabled();
    await fireEvent.click(screen.getByTestId("nav-area-partenaires"));
    finish();

    const rows = await screen.findAllByTestId("partner-row");
    expect(rows[0]).toHaveTextContent("Épicerie solidaire");
    expect(screen.getByTestId("nav-area-partenaires")).toHaveAttribute("aria-current", "page");
    expect(load).toHaveTextContent("Charger l’exemple");
    expect(load).toHaveAttribute("aria-busy", "false");
  });

  it("opens the example on its home area when nothing was picked while it loaded", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.state.alliances.push(alliance("a0", "Alliance des quartiers nord"));
    render(App);

    await fireEvent.click(await screen.findByTestId("nav-area-partenaires"));
    await fireEvent.click(screen.getByTestId("load-demo"));
    await waitFor(() => expect(screen.getByTestId("nav-area-alliance")).toHaveAttribute("aria-current", "page"));
    expect(await screen.findByTestId("alliance-name")).toHaveValue("Service partagé du Val de Brenne");
  });

  it("keeps the partner panel open with the input when the server refuses it", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.handlers["demo_load"]?.({});
    render(App);

    await fireEvent.click(await screen.findByTestId("nav-area-partenaires"));
    await fireEvent.click(await screen.findByTestId("add-partner"));
    await fireEvent.input(await screen.findByTestId("partner-name"), { target: { value: "Banque alimentaire" } });
    await fireEvent.input(screen.getByTestId("partner-siret"), { target: { value: "123" } });
    await fireEvent.click(screen.getByTestId("partner-save"));

    expect(await screen.findByTestId("error-siret")).toHaveTextContent("9 ou 14 chiffres");
    expect(screen.getByTestId("partner-name")).toHaveValue("Banque alimentaire");

    await fireEvent.input(screen.getByTestId("partner-siret"), { target: { value: "12345678901234" } });
    await fireEvent.input(screen.getByTestId("partner-tags"), { target: { value: "logistique, dons" } });
    await fireEvent.click(screen.getByTestId("partner-save"));

    await waitFor(() => expect(screen.getAllByTestId("partner-row")).toHaveLength(2));
    expect(screen.queryByTestId("partner-panel")).toBeNull();
    expect(backend.state.partners[1]?.draft.resourceTags).toEqual(["logistique", "dons"]);
    // Said once it is done, in a live region.
    expect(screen.getByTestId("partner-done").textContent).toBe("Banque alimentaire\u00a0: partenaire enregistré.");
    expect(screen.getByTestId("partner-done")).toHaveAttribute("role", "status");
  });

  it("deletes a partner after confirmation", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.handlers["demo_load"]?.({});
    render(App);

    await fireEvent.click(await screen.findByTestId("nav-area-partenaires"));
    const [row] = await screen.findAllByTestId("partner-row");
    if (row === undefined) throw new Error("no partner row");
    await fireEvent.click(row);
    await fireEvent.click(await screen.findByTestId("partner-delete"));
    expect(await screen.findByText(/Le partenaire «\sÉpicerie solidaire\s» sera retiré/)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("confirm-delete"));

    expect(await screen.findByTestId("partners-empty")).toBeInTheDocument();
    expect(backend.state.partners).toHaveLength(0);
    expect(screen.getByTestId("partner-done").textContent).toBe("Épicerie solidaire\u00a0: partenaire supprimé.");
  });
  function alliance(id: string, name: string): Alliance {
    return { id, archived: false, partnerCount: 0, createdAt: "2026-11-26T10:00:00Z", updatedAt: "2026-11-26T10:00:00Z", draft: { name, purpose: null, territory: null, startDate: null, status: "active" } };
  }

  function backup(fileName: string, createdAt: string, alliances: Alliance[], kind = "verrouillage"): BackupEntry {
    const reason = kind === "avant-restauration" ? "avant une restauration" : "au verrouillage";
    const entry: BackupEntry = { fileName, createdAt, reason, kind, size: 40_960 };
    backend.state.backups.push(entry);
    backend.state.backupContents[fileName] = alliances;
    return entry;
  }

  it("opens on the recovery form when the key file is missing, then recovers with the kit", async () => {
    backend.state.files = "key_file_missing";
    backend.state.alliances.push(alliance("a1", "Alliance sauvée"));
    render(App);

    expect(await screen.findByTestId("recover-reason")).toHaveTextContent("est introuvable");
    expect(screen.getByTestId("recover-reason")).toHaveTextContent("utilisez votre kit de récupération");
    expect(screen.queryByTestId("unlock-passphrase")).toBeNull();

    await fireEvent.input(screen.getByTestId("recover-key"), { target: { value: "7Q2M-K9XD-ABCD" } });
    await fireEvent.input(screen.getByTestId("recover-passphrase"), { target: { value: "nouvelle phrase solide" } });
    await fireEvent.input(screen.getByTestId("recover-confirmation"), { target: { value: "nouvelle phrase solide" } });
    await fireEvent.click(screen.getByTestId("recover-submit"));

    expect(await screen.findByTestId("alliance-item")).toHaveTextContent("Alliance sauvée");
    expect(screen.getByTestId("main-notice")).toHaveTextContent("phrase de passe a été changée");
  });

  it("forgets the recovery form's fields when the person goes back from it", async () => {
    backend.state.files = "present";
    render(App);

    await fireEvent.click(await screen.findByTestId("forgot-passphrase"));
    await fireEvent.input(await screen.findByTestId("recover-key"), { target: { value: "7Q2M-FAUX-0000" } });
    await fireEvent.input(screen.getByTestId("recover-passphrase"), { target: { value: "nouvelle phrase solide" } });
    await fireEvent.input(screen.getByTestId("recover-confirmation"), { target: { value: "nouvelle phrase solide" } });
    await fireEvent.click(screen.getByTestId("recover-submit"));
    expect(await screen.findByTestId("error-recoveryKey")).toHaveTextContent("ne correspond pas à ce coffre");

    await fireEvent.click(screen.getByTestId("recover-back"));
    expect(await screen.findByTestId("unlock-passphrase")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("forgot-passphrase"));

    // Nothing typed before shows again, above all not the recovery key; nor the old error.
    expect(await screen.findByTestId("recover-key")).toHaveValue("");
    expect(screen.getByTestId("recover-passphrase")).toHaveValue("");
    expect(screen.getByTestId("recover-confirmation")).toHaveValue("");
    expect(screen.queryByTestId("error-recoveryKey")).toBeNull();
  });

  it("switches to the recovery form when the unlock finds the key file damaged", async () => {
    backend.state.files = "present";
    backend.state.unlockFailure = {
      code: "key_file_damaged",
      message: "Le fichier de clés du coffre (allia.vault.keys) est endommagé ou a été modifié. Utilisez votre kit de récupération.",
      field: null,
      fieldErrors: [],
    };
    render(App);

    await fireEvent.input(await screen.findByTestId("unlock-passphrase"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));

    expect(await screen.findByTestId("recover-reason")).toHaveTextContent("endommagé ou a été modifié");
    expect(screen.getByTestId("recover-key")).toBeInTheDocument();
    expect(screen.queryByTestId("unlock-error")).toBeNull();
  });

  it("shows « Le coffre est endommagé », offers the latest backup and restores it", async () => {
    backend.state.files = "present";
    backend.state.unlockFailure = {
      code: "vault_damaged",
      message: "Le coffre est endommagé : Allia ne peut plus le lire sans risque.",
      field: null,
      fieldErrors: [],
    };
    const latest = backup("allia-20261130-130500-verrouillage.allia-sauvegarde", "2026-11-30T13:05:00Z", [alliance("a1", "Alliance d’hier")]);
    backup("allia-20261101-090000-verrouillage.allia-sauvegarde", "2026-11-01T09:00:00Z", []);
    render(App);

    await fireEvent.input(await screen.findByTestId("unlock-passphrase"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));

    expect(await screen.findByRole("heading", { name: "Le coffre est endommagé" })).toBeInTheDocument();
    expect(screen.getByTestId("damaged-message")).toHaveTextContent("ne peut plus le lire");
    // The most recent backup is chosen first; the other one is listed.
    expect(await screen.findByText("La sauvegarde la plus récente")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toEqual(latest);
    expect(screen.getAllByTestId("backup-item")).toHaveLength(1);
    expect(screen.getByTestId("damaged-choose-file")).toBeInTheDocument();

    // The vault is locked: the backup asks for its secret.
    await fireEvent.input(await screen.findByTestId("backup-secret"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    expect(await screen.findByTestId("backup-preview")).toHaveTextContent("Alliance d’hier");
    await fireEvent.click(screen.getByTestId("backup-restore-submit"));
    await fireEvent.click(await screen.findByTestId("confirm-restore"));

    expect(await screen.findByTestId("alliance-item")).toHaveTextContent("Alliance d’hier");
    expect(screen.getByTestId("main-notice").textContent).toMatch(/^Sauvegarde du 30 novembre 2026 à\s\d{1,2}\sh\s05 restaurée\./);
    expect(backend.state.restores).toEqual(["bonne phrase"]);
  });

  it("offers the other backups when the database is missing", async () => {
    backend.state.files = "database_missing";
    const latest = backup("allia-20261130-130500-verrouillage.allia-sauvegarde", "2026-11-30T13:05:00Z", []);
    const older = backup("allia-20261101-090000-verrouillage.allia-sauvegarde", "2026-11-01T09:00:00Z", [alliance("a1", "Alliance du mois dernier")]);
    render(App);

    expect(await screen.findByText("La sauvegarde la plus récente")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toEqual(latest);
    expect(screen.getByTestId("damaged-message")).toHaveTextContent("allia.vault");
    // No way back to a passphrase form: there is no database to unlock.
    expect(screen.queryByTestId("damaged-back")).toBeNull();

    const [item] = screen.getAllByTestId("backup-item");
    expect(item).toHaveTextContent(/^1er novembre 2026/);
    expect(item).toHaveTextContent("Au verrouillage");
    await fireEvent.click(screen.getByTestId("backup-item-restore"));
    expect(await screen.findByText("Sauvegarde choisie")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toEqual(older);
    // The latest one is now among the others.
    expect(screen.getAllByTestId("backup-item")[0]).toHaveTextContent(/^30 novembre 2026/);

    await fireEvent.input(await screen.findByTestId("backup-secret"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    expect(await screen.findByTestId("backup-preview")).toHaveTextContent("Alliance du mois dernier");
  });

  it("never offers first a copy kept before an earlier restore, but still lists it", async () => {
    backend.state.files = "database_missing";
    backup("allia-20261201-080000-avant-restauration.allia-sauvegarde", "2026-12-01T08:00:00Z", [], "avant-restauration");
    const latest = backup("allia-20261130-130500-verrouillage.allia-sauvegarde", "2026-11-30T13:05:00Z", [alliance("a1", "Alliance d’hier")]);
    backup("allia-20261101-090000-verrouillage.allia-sauvegarde", "2026-11-01T09:00:00Z", []);
    render(App);

    expect(await screen.findByText("La sauvegarde la plus récente")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toEqual(latest);
    expect(screen.getByTestId("backup-date").textContent).toMatch(/^Sauvegarde du 30 novembre 2026/);
    const items = screen.getAllByTestId("backup-item");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/^1er décembre 2026/);
    expect(items[0]).toHaveTextContent("Avant une restauration");
    expect(items[1]).toHaveTextContent(/^1er novembre 2026/);
  });

  it("lets the person choose when only copies kept before a restore remain", async () => {
    backend.state.files = "database_missing";
    const only = backup("allia-20261201-080000-avant-restauration.allia-sauvegarde", "2026-12-01T08:00:00Z", [], "avant-restauration");
    render(App);

    expect(await screen.findByTestId("damaged-only-before-restore")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toBeNull();
    expect(screen.queryByTestId("backup-restore")).toBeNull();
    await fireEvent.click(screen.getByTestId("backup-item-restore"));
    expect(await screen.findByText("Sauvegarde choisie")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toEqual(only);
  });

  it("restores a backup from the welcome screen when there is no vault", async () => {
    const latest = backup("allia-20261130-130500-verrouillage.allia-sauvegarde", "2026-11-30T13:05:00Z", [alliance("a1", "Alliance retrouvée")]);
    backup("allia-20261101-090000-verrouillage.allia-sauvegarde", "2026-11-01T09:00:00Z", []);
    render(App);

    expect(await screen.findByRole("heading", { name: "Bienvenue dans Allia" })).toBeInTheDocument();
    // backup_list answers without a vault: the welcome screen says backups are here.
    expect(await screen.findByTestId("welcome-backups-found")).toHaveTextContent("Des sauvegardes d’Allia se trouvent");
    // Offered above the creation form, where it is seen first.
    expect(screen.getByTestId("welcome-restore").compareDocumentPosition(screen.getByTestId("create-passphrase"))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    await fireEvent.click(screen.getByTestId("welcome-restore"));

    expect(await screen.findByRole("heading", { name: "Restaurer une sauvegarde" })).toBeInTheDocument();
    expect(await screen.findByText("La sauvegarde la plus récente")).toBeInTheDocument();
    expect(backend.state.chosenBackup).toEqual(latest);
    expect(screen.getAllByTestId("backup-item")).toHaveLength(1);
    expect(screen.getByTestId("damaged-choose-file")).toHaveTextContent("Choisir une sauvegarde…");
    expect(screen.queryByTestId("damaged-message")).toBeNull();

    // Back to the welcome screen, then in again.
    await fireEvent.click(screen.getByTestId("restore-back"));
    expect(await screen.findByTestId("create-passphrase")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("welcome-restore"));

    await fireEvent.input(await screen.findByTestId("backup-secret"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    expect(await screen.findByTestId("backup-preview")).toHaveTextContent("Alliance retrouvée");
    expect(screen.getByTestId("backup-passphrase-note")).toHaveTextContent("la clé de récupération de ce coffre-là");
    await fireEvent.click(screen.getByTestId("backup-restore-submit"));
    await fireEvent.click(await screen.findByTestId("confirm-restore"));

    expect(await screen.findByTestId("alliance-item")).toHaveTextContent("Alliance retrouvée");
    expect(screen.getByTestId("main-notice").textContent).toMatch(
      /^Sauvegarde du 30 novembre 2026 à\s\d{1,2}\sh\s05 restaurée\. Le coffre s’ouvre désormais avec la phrase de passe en vigueur lors de cette sauvegarde\./,
    );
    expect(backend.state.restores).toEqual(["bonne phrase"]);
  });

  it("offers the restore on the welcome screen without the hint when no backup is there", async () => {
    render(App);
    expect(await screen.findByTestId("welcome-restore")).toHaveTextContent("Restaurer une sauvegarde…");
    await waitFor(() => expect(backend.state.lists).toBe(1));
    expect(screen.queryByTestId("welcome-backups-found")).toBeNull();
    // Without backups, creating a vault comes first; the restore waits below the form.
    expect(screen.getByTestId("welcome-restore").compareDocumentPosition(screen.getByTestId("create-passphrase"))).toBe(
      Node.DOCUMENT_POSITION_PRECEDING,
    );
    await fireEvent.click(screen.getByTestId("welcome-restore"));
    expect(await screen.findByTestId("damaged-no-backup")).toBeInTheDocument();
    expect(screen.getByTestId("restore-back")).toBeEnabled();
  });

  it("says so when the database is missing and no backup exists", async () => {
    backend.state.files = "database_missing";
    render(App);
    expect(await screen.findByTestId("damaged-no-backup")).toHaveTextContent("Aucune sauvegarde automatique");
    expect(screen.getByTestId("damaged-message")).toHaveTextContent("allia.vault");
    expect(screen.getByTestId("damaged-choose-file")).toBeEnabled();
    expect(screen.queryByTestId("backup-restore")).toBeNull();
  });

  it("restores an automatic backup from Paramètres and shows what the main screen now holds", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.state.alliances.push(alliance("a1", "Première alliance"), alliance("a2", "Seconde alliance"));
    backup("allia-20261130-130500-verrouillage.allia-sauvegarde", "2026-11-30T13:05:00Z", [alliance("a1", "Première alliance")]);
    render(App);

    await waitFor(() => expect(screen.getAllByTestId("alliance-item")).toHaveLength(2));
    await fireEvent.click(screen.getByTestId("settings-menu"));
    await fireEvent.click(await screen.findByTestId("menu-settings"));
    expect(await screen.findByTestId("settings-backup-keep")).toHaveValue(10);
    await fireEvent.click(await screen.findByTestId("backup-item-restore"));

    // A backup of the open vault: no secret asked.
    expect(await screen.findByTestId("backup-preview")).toHaveTextContent("Première alliance");
    expect(screen.queryByTestId("backup-secret")).toBeNull();
    await fireEvent.click(screen.getByTestId("backup-restore-submit"));
    await fireEvent.click(await screen.findByTestId("confirm-restore"));

    expect(await screen.findByTestId("main-notice")).toHaveTextContent("restaurée");
    await waitFor(() => expect(screen.getAllByTestId("alliance-item")).toHaveLength(1));
    expect(screen.getByTestId("alliance-item")).toHaveTextContent("Première alliance");
    expect(backend.state.restores).toEqual([null]);
  });

  it("makes a new recovery kit from Paramètres, shows the new key once, then says the old kit is void", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.state.alliances.push(alliance("a1", "Première alliance"));
    render(App);

    await screen.findByTestId("alliance-item");
    await fireEvent.click(screen.getByTestId("settings-menu"));
    await fireEvent.click(await screen.findByTestId("menu-settings"));
    const card = await screen.findByTestId("settings-new-kit");
    expect(card).toHaveTextContent("Kit de récupération");

    // A wrong passphrase: said on the field, the settings stay.
    await fireEvent.input(screen.getByTestId("new-kit-passphrase"), { target: { value: "mauvaise" } });
    await fireEvent.click(screen.getByTestId("new-kit-submit"));
    await fireEvent.click(await screen.findByTestId("confirm-new-kit"));
    expect(await screen.findByTestId("error-passphrase")).toHaveTextContent("Phrase de passe incorrecte.");
    expect(backend.state.recoveryKey).toBe("7Q2M-K9XD-ABCD");

    await fireEvent.input(screen.getByTestId("new-kit-passphrase"), { target: { value: "bonne phrase" } });
    await fireEvent.click(screen.getByTestId("new-kit-submit"));
    await fireEvent.click(await screen.findByTestId("confirm-new-kit"));

    expect(await screen.findByRole("heading", { name: "Votre nouvelle clé de récupération" })).toBeInTheDocument();
    expect(screen.getByTestId("recovery-key")).toHaveTextContent("N3WK-EY42-WXYZ");
    expect(screen.getByTestId("recovery-key-renewed")).toHaveTextContent("L’ancien kit n’ouvre plus le coffre");
    expect(screen.getByTestId("recovery-key-warning")).toHaveTextContent("Cette clé ne sera plus jamais affichée.");
    expect(screen.queryByTestId("alliance-item")).toBeNull();
    expect(backend.state.newKitCalls).toEqual(["mauvaise", "bonne phrase"]);

    // Activity on this screen reaches Rust, whose timer locks the vault here too.
    const touches = backend.state.touches;
    await fireEvent.keyDown(window, { key: "a" });
    await waitFor(() => expect(backend.state.touches).toBe(touches + 1));

    await fireEvent.click(screen.getByTestId("recovery-confirm"));
    await fireEvent.click(screen.getByTestId("recovery-continue"));
    expect((await screen.findByTestId("main-notice")).textContent).toContain(
      "Nouveau kit de récupération créé\u00a0: l’ancien n’ouvre plus le coffre.",
    );
    expect(await screen.findByTestId("alliance-item")).toHaveTextContent("Première alliance");
    expect(screen.queryByTestId("recovery-key")).toBeNull();
  });

  it("keeps the first recovery key's title after creating a vault", async () => {
    render(App);
    await fireEvent.input(await screen.findByTestId("create-passphrase"), { target: { value: "cheval agrafe batterie" } });
    await fireEvent.input(screen.getByTestId("create-confirmation"), { target: { value: "cheval agrafe batterie" } });
    await fireEvent.click(screen.getByTestId("create-submit"));
    expect(await screen.findByRole("heading", { name: "Votre clé de récupération" })).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key-renewed")).toBeNull();
    await fireEvent.click(screen.getByTestId("recovery-confirm"));
    await fireEvent.click(screen.getByTestId("recovery-continue"));
    await screen.findByTestId("empty-alliances");
    expect(screen.queryByTestId("main-notice")).toBeNull();
  });

  it("goes to the unlock screen with Rust's notice when Rust locks the vault", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    render(App);
    await screen.findByTestId("empty-alliances");

    const payload: VaultLocked = { cause: "inactivity", message: "Allia a été verrouillé automatiquement après 10\u00a0minutes sans activité." };
    backend.state.unlocked = false;
    await emit("vault-locked", payload);

    expect(await screen.findByTestId("unlock-passphrase")).toBeInTheDocument();
    expect(screen.getByText(/verrouillé automatiquement après 10\sminutes/)).toBeInTheDocument();
    expect(screen.queryByTestId("empty-alliances")).toBeNull();
  });

  it("drops the recovery key when Rust locks the vault on the recovery-key screen", async () => {
    render(App);
    await fireEvent.input(await screen.findByTestId("create-passphrase"), { target: { value: "cheval agrafe batterie" } });
    await fireEvent.input(screen.getByTestId("create-confirmation"), { target: { value: "cheval agrafe batterie" } });
    await fireEvent.click(screen.getByTestId("create-submit"));
    await screen.findByTestId("recovery-key");

    // Activity on this screen reaches Rust.
    await fireEvent.keyDown(window, { key: "a" });
    await waitFor(() => expect(backend.state.touches).toBe(1));

    backend.state.unlocked = false;
    await emit("vault-locked", { cause: "sleep", message: "Allia a été verrouillé pendant la mise en veille de l’ordinateur." } satisfies VaultLocked);
    expect(await screen.findByText(/pendant la mise en veille/)).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key")).toBeNull();
  });

  it("shows a failed automatic backup on the unlock screen after locking", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backend.state.lockFailure = "La sauvegarde automatique a échoué : disque plein.";
    render(App);
    await fireEvent.click(await screen.findByTestId("lock-button"));
    expect(await screen.findByText(/La sauvegarde automatique a échoué/)).toBeInTheDocument();
    expect(screen.getByTestId("unlock-passphrase")).toBeInTheDocument();
  });

  it("leaves the main screen for the backups when a command meets a damaged page", async () => {
    backend.state.files = "present";
    backend.state.unlocked = true;
    backup("allia-20261130-130500-verrouillage.allia-sauvegarde", "2026-11-30T13:05:00Z", []);
    render(App);
    await screen.findByTestId("empty-alliances");

    let locks = 0;
    const lockHandler = backend.handlers["vault_lock"];
    backend.handlers["vault_lock"] = (args) => {
      locks += 1;
      return lockHandler?.(args) ?? null;
    };
    backend.handlers["demo_load"] = () => {
      throw new CommandError({
        code: "vault_damaged",
        message: "Le coffre est endommagé : Allia ne peut plus le lire sans risque.",
        field: null,
        fieldErrors: [],
      });
    };
    await fireEvent.click(await screen.findByTestId("empty-load-demo"));

    expect(await screen.findByRole("heading", { name: "Le coffre est endommagé" })).toBeInTheDocument();
    expect(screen.getByTestId("damaged-message")).toHaveTextContent("ne peut plus le lire");
    expect(await screen.findByText("La sauvegarde la plus récente")).toBeInTheDocument();
    await waitFor(() => expect(locks).toBe(1));
    expect(screen.queryByTestId("empty-alliances")).toBeNull();
  });
});
