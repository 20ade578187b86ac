// Drives the whole UI against an in-memory fake of the Tauri commands (jsdom, mocked IPC).
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alliance, AppError, Catalog, Partner, PartnerDraft } from "$lib/api/bindings";
import App from "./App.svelte";

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
};

class CommandError {
  constructor(readonly error: AppError) {}
}

function fakeBackend() {
  const state = {
    exists: false,
    unlocked: false,
    alliances: [] as Alliance[],
    partners: [] as Partner[],
  };
  const now = "2026-11-26T10:00:00Z";
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    vault_status: () => ({ exists: state.exists, unlocked: state.unlocked }),
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
      state.exists = true;
      state.unlocked = true;
      return { recoveryKey: "7Q2M-K9XD-ABCD" };
    },
    vault_unlock: (args) => {
      if (args["passphrase"] !== "bonne phrase") {
        throw new CommandError({ code: "wrong_passphrase", message: "Phrase de passe incorrecte", field: null, fieldErrors: [] });
      }
      state.unlocked = true;
      return null;
    },
    vault_lock: () => {
      state.unlocked = false;
      return null;
    },
    settings_get: () => ({ autoLockMinutes: 10 }),
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
    partner_create: (args) => {
      const draft = args["draft"] as PartnerDraft;
      if (draft.organisation.siret !== null && !/^\d{9}(\d{5})?$/.test(draft.organisation.siret)) {
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
    mockIPC((cmd, payload) => {
      const handler = backend.handlers[cmd];
      if (handler === undefined) return null;
      try {
        return handler((payload ?? {}) as Record<string, unknown>);
      } catch (error) {
        if (error instanceof CommandError) return Promise.reject(error.error);
        throw error;
      }
    });
  });

  afterEach(() => {
    clearMocks();
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
    const next = screen.getByTestId("recovery-continue");
    expect(next).toBeDisabled();
    await fireEvent.click(screen.getByTestId("recovery-confirm"));
    expect(next).toBeEnabled();
    await fireEvent.click(next);

    expect(await screen.findByTestId("empty-alliances")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key")).toBeNull();
    expect(screen.queryByTestId("nav-area-partenaires")).toBeNull();
  });

  it("rejects a wrong passphrase, then loads the example and lists its partners", async () => {
    backend.state.exists = true;
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

  it("keeps the partner panel open with the input when the server refuses it", async () => {
    backend.state.exists = true;
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
  });

  it("deletes a partner after confirmation", async () => {
    backend.state.exists = true;
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
  });
});
