// « Modèle de partenariat » against a mocked IPC (jsdom): the questionnaire's answers reach the vault as allia-core
// reads them (amount in cents, « Je ne sais pas » as no answer), the recommendation shown is the one the core
// returns for the answers as they change (never computed here), with its reasons, contradictions and company
// category, the orientation notice is there, and « Créer ce document » drafts the matching document.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AdvisorAnswers, Catalog, Recommendation } from "$lib/api/bindings";
import { onAnnouncement } from "$lib/announce";
import { catalogContext } from "$lib/catalog";
import { provideNavigation, type Destination } from "$lib/navigation";
import { setDraftStore } from "$lib/unsaved";
import ModeleView from "./ModeleView.svelte";
import { AMOUNT_TOO_LARGE, toAnswers, toForm } from "./advisor-form";

const N = "\u202f";

const catalog = {
  documentKinds: [
    { value: "partnership_agreement", label: "Convention de partenariat", help: null },
    { value: "partnership_charter", label: "Charte partenariale", help: null },
    { value: "consortium_agreement", label: "Accord de consortium", help: null },
  ],
  cooperationForms: [
    { value: "partnership_agreement", label: "Convention de partenariat", help: "Un accord écrit." },
    { value: "information_sharing", label: "Partage d’informations", help: "Échanger." },
  ],
  companyPartnershipKinds: [],
  expectedDurations: [
    { value: "one_off", label: "Ponctuelle", help: null },
    { value: "project", label: "Le temps d’un projet", help: null },
    { value: "lasting", label: "Durable", help: null },
  ],
  companyContributions: [
    { value: "funding", label: "Un soutien financier", help: null },
    { value: "skills", label: "Du mécénat de compétences", help: null },
  ],
} as unknown as Catalog;

const alliance = { id: "a1", draft: { name: "Alliance" } } as never;

/** What the fake core recommends: a convention when public funding is answered, else information sharing. */
function fakeRecommend(answers: AdvisorAnswers): Recommendation | null {
  const answered = Object.values(answers).some((v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (!answered) return null;
  if (answers.publicFunding) {
    return {
      form: "partnership_agreement",
      label: "Convention de partenariat",
      documentKind: "partnership_agreement",
      reasons: ["Un financement public se formalise par une convention."],
      alternatives: [{ form: "partnership_charter", label: "Charte partenariale", documentKind: "partnership_charter", reason: "Pour un cadre éthique." }],
      contradictions: answers.legalEntity === false && answers.sharedEmployees ? [{ fields: ["legalEntity", "sharedEmployees"], message: "Un salarié a un seul employeur." }] : [],
      company: answers.companyPartners ? { kind: "patronage", label: "Mécénat", reason: "L’entreprise soutient le projet." } : null,
    };
  }
  return {
    form: "information_sharing",
    label: "Partage d’informations",
    documentKind: null,
    reasons: ["Rien ne demande d’engagement formel."],
    alternatives: [],
    contradictions: [],
    company: null,
  };
}

/** The fake vault; `documents` are the alliance's documents `document_list` returns. */
function vault(documents: { id: string; kind: string; updatedAt: string }[] = []) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === "model_advisor_get") return null;
    if (cmd === "model_advisor_recommend") return fakeRecommend(args.answers as AdvisorAnswers);
    if (cmd === "model_advisor_save") {
      return { id: "m1", allianceId: "a1", createdAt: "2026-12-01T10:00:00Z", updatedAt: "2026-12-01T10:00:00Z", answers: args.answers };
    }
    if (cmd === "document_list") return documents;
    if (cmd === "document_create") return { id: "d1", allianceId: "a1", kind: args.kind };
    return null;
  });
  return calls;
}

describe("advisor-form", () => {
  it("reads the form as the vault's answers, and back", () => {
    const form = toForm(null);
    expect(toAnswers(form).answers.publicFunding).toBeNull();
    form.partnerCount = 3;
    form.publicFunding = "yes";
    form.publicFundingAmount = `30${N}000,50`;
    form.legalEntity = "no";
    form.expectedDuration = "lasting";
    form.companyContributions = ["skills"];
    const { answers, errors } = toAnswers(form);
    expect(errors).toEqual({});
    expect(answers).toMatchObject({
      partnerCount: 3,
      publicFunding: true,
      publicFundingCents: 3_000_050,
      legalEntity: false,
      sharedEmployees: null,
      expectedDuration: "lasting",
      companyContributions: ["skills"],
    });
    expect(toForm(answers)).toEqual(form);
  });

  it("refuses an amount that is not one, and sends no amount meanwhile", () => {
    const form = toForm(null);
    form.publicFundingAmount = "trente mille";
    const { answers, errors } = toAnswers(form);
    expect(errors.publicFundingCents).toMatch(/montant/);
    expect(answers.publicFundingCents).toBeNull();
  });

  it("ignores the amount once the funding is answered « Non » (the field is hidden)", () => {
    for (const typed of ["beaucoup", "99999999999999", `30${N}000`]) {
      const form = toForm(null);
      form.publicFunding = "no";
      form.publicFundingAmount = typed;
      const { answers, errors } = toAnswers(form);
      expect(errors).toEqual({});
      expect(answers.publicFunding).toBe(false);
      expect(answers.publicFundingCents).toBeNull();
    }
  });

  it("says the limit for an amount too large, not the format", () => {
    expect(AMOUNT_TOO_LARGE).toBe(`Ce montant dépasse 100${N}000${N}000,00${N}€\u00a0: vérifiez-le.`);
    for (const typed of ["99999999999999", "100000001", `200${N}000${N}000`, "99999999999999999999999"]) {
      const form = toForm(null);
      form.publicFunding = "yes";
      form.publicFundingAmount = typed;
      const { answers, errors } = toAnswers(form);
      expect(errors.publicFundingCents, typed).toBe(AMOUNT_TOO_LARGE);
      expect(answers.publicFundingCents).toBeNull();
    }
    const form = toForm(null);
    form.publicFundingAmount = "100000000";
    expect(toAnswers(form).errors).toEqual({});
  });

  it("reads « 30.000 » as 30 000 € (thousands grouped by a dot)", () => {
    const form = toForm(null);
    form.publicFunding = "yes";
    form.publicFundingAmount = "30.000";
    const { answers, errors } = toAnswers(form);
    expect(errors).toEqual({});
    expect(answers.publicFundingCents).toBe(3_000_000);
    expect(toForm(answers).publicFundingAmount).toBe(`30${N}000`);
  });
});

describe("ModeleView", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
  });

  it("shows the core's recommendation as the answers change, and saves them", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
    expect(screen.getByTestId("advisor-disclaimer").textContent).toContain("Une orientation, pas un conseil juridique");
    expect(await screen.findByTestId("advisor-empty")).toBeInTheDocument();

    const fieldset = screen.getByTestId("advisor-publicFunding");
    await fireEvent.click(fieldset.querySelector('input[value="yes"]') as HTMLInputElement);
    await waitFor(() => expect(screen.getByTestId("advisor-form-label").textContent).toBe("Convention de partenariat"));
    expect(screen.getByTestId("advisor-reasons").textContent).toContain("financement public");
    expect(screen.getByTestId("advisor-alternatives").textContent).toContain("Charte partenariale");
    expect(screen.getByTestId("advisor-create-document")).toBeInTheDocument();

    // A contradiction and the company category, as the core words them.
    await fireEvent.click(screen.getByTestId("advisor-legalEntity").querySelector('input[value="no"]') as HTMLInputElement);
    await fireEvent.click(screen.getByTestId("advisor-sharedEmployees").querySelector('input[value="yes"]') as HTMLInputElement);
    await fireEvent.click(screen.getByTestId("advisor-companyPartners").querySelector('input[value="yes"]') as HTMLInputElement);
    await waitFor(() => expect(screen.getByTestId("advisor-contradictions").textContent).toContain("un seul employeur"));
    expect(screen.getByTestId("advisor-company").textContent).toContain("Mécénat");
    // The questions the contradiction names are marked.
    expect(screen.getByTestId("advisor-review-legalEntity").textContent).toBe("À revoir");
    expect(screen.getByTestId("advisor-review-sharedEmployees")).toBeInTheDocument();
    expect(screen.queryByTestId("advisor-review-publicFunding")).toBeNull();

    await fireEvent.input(screen.getByTestId("advisor-publicFundingCents"), { target: { value: `45${N}000` } });
    await fireEvent.click(screen.getByTestId("advisor-save"));
    await waitFor(() => expect(screen.getByTestId("advisor-saved").textContent).toBe("Réponses enregistrées."));
    const saved = calls.find((c) => c.cmd === "model_advisor_save");
    expect(saved?.args.answers).toMatchObject({
      publicFunding: true,
      publicFundingCents: 4_500_000,
      legalEntity: false,
      sharedEmployees: true,
      companyPartners: true,
      callForProjects: null,
    });
  });

  it("out of sight, the recommendation is named in a bar that brings it into view, and its changes are said", async () => {
    // A narrow column 600 px high: the recommendation's title far below the questionnaire, out of sight.
    const place = { headTop: 900 };
    const rects = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const box = (top: number, height: number) => ({ top, bottom: top + height, height, left: 0, right: 600, width: 600, x: 0, y: top }) as DOMRect;
      if (this.dataset["column"] !== undefined) return box(0, 600);
      if (this.classList.contains("result-head")) return box(place.headTop, 80);
      return box(0, 0);
    });
    const heard: string[] = [];
    const stop = onAnnouncement((message) => heard.push(message));
    try {
      setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
      vault();
      // Inside a column that scrolls, as in the main frame.
      const column = document.body.appendChild(document.createElement("div"));
      column.style.overflowY = "auto";
      column.dataset["column"] = "";
      render(ModeleView, { props: { alliance }, context: catalogContext(catalog), target: column });
      await screen.findByTestId("advisor-empty");
      expect(screen.queryByTestId("advisor-peek")).toBeNull();

      await fireEvent.click(screen.getByTestId("advisor-legalEntity").querySelector('input[value="no"]') as HTMLInputElement);
      expect((await screen.findByTestId("advisor-peek-label")).textContent).toBe("Partage d’informations");
      await fireEvent.click(screen.getByTestId("advisor-publicFunding").querySelector('input[value="yes"]') as HTMLInputElement);
      await waitFor(() => expect(screen.getByTestId("advisor-peek-label").textContent).toBe("Convention de partenariat"));
      expect(heard).toContain("Modèle recommandé\u00a0: Convention de partenariat.");

      await fireEvent.click(screen.getByTestId("advisor-peek-show"));
      const title = screen.getByRole("heading", { name: "Modèle recommandé" });
      // Brought up in its column, with the focus.
      expect(title).toHaveFocus();
      // In sight as the column scrolls: the bar goes.
      place.headTop = 16;
      await fireEvent.scroll(column);
      await waitFor(() => expect(screen.queryByTestId("advisor-peek")).toBeNull());
    } finally {
      stop();
      rects.mockRestore();
    }
  });

  it("refuses an amount that is not one at its field, without saving", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("advisor-empty");
    await fireEvent.input(screen.getByTestId("advisor-publicFundingCents"), { target: { value: "beaucoup" } });
    await fireEvent.click(screen.getByTestId("advisor-save"));
    expect(await screen.findByText(/Saisissez un montant en euros/)).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === "model_advisor_save")).toBe(false);
  });

  it("saves the answers when a wrong amount was typed then the funding switched to « Non »", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("advisor-empty");
    const fieldset = screen.getByTestId("advisor-publicFunding");
    await fireEvent.click(fieldset.querySelector('input[value="yes"]') as HTMLInputElement);
    await fireEvent.input(screen.getByTestId("advisor-publicFundingCents"), { target: { value: "beaucoup" } });
    expect(await screen.findByText(/Saisissez un montant en euros/)).toBeInTheDocument();
    await fireEvent.click(fieldset.querySelector('input[value="no"]') as HTMLInputElement);
    await waitFor(() => expect(screen.queryByTestId("advisor-publicFundingCents")).toBeNull());
    await fireEvent.click(screen.getByTestId("advisor-save"));
    await waitFor(() => expect(screen.getByTestId("advisor-saved").textContent).toBe("Réponses enregistrées."));
    const saved = calls.find((c) => c.cmd === "model_advisor_save");
    expect(saved?.args.answers).toMatchObject({ publicFunding: false, publicFundingCents: null });
  });

  it("shows a too-large amount's limit at its field and focuses it when saving", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("advisor-empty");
    await fireEvent.click(screen.getByTestId("advisor-publicFunding").querySelector('input[value="yes"]') as HTMLInputElement);
    const amount = screen.getByTestId("advisor-publicFundingCents");
    await fireEvent.input(amount, { target: { value: "99999999999999" } });
    await fireEvent.click(screen.getByTestId("advisor-save"));
    expect(await screen.findByText(/Ce montant dépasse 100/)).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.cmd === "model_advisor_save")).toBe(false);
  });

  it("« Créer ce document » with an amount that cannot be saved shows it at its field, and stays", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    const went: Destination[] = [];
    const stop = provideNavigation((destination) => went.push(destination));
    render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("advisor-empty");
    await fireEvent.click(screen.getByTestId("advisor-publicFunding").querySelector('input[value="yes"]') as HTMLInputElement);
    const amount = screen.getByTestId("advisor-publicFundingCents");
    await fireEvent.input(amount, { target: { value: "beaucoup" } });
    await fireEvent.click(await screen.findByTestId("advisor-create-document"));
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(screen.getByText(/Saisissez un montant en euros/)).toBeInTheDocument();
    expect(went).toHaveLength(0);
    expect(calls.some((c) => c.cmd === "document_create" || c.cmd === "model_advisor_save")).toBe(false);
    stop();
  });

  it("« Créer ce document » drafts the matching document and opens it in Documents", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    const went: Destination[] = [];
    const stop = provideNavigation((destination) => went.push(destination));
    render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
    await screen.findByTestId("advisor-empty");
    await fireEvent.click(screen.getByTestId("advisor-publicFunding").querySelector('input[value="yes"]') as HTMLInputElement);
    await fireEvent.click(await screen.findByTestId("advisor-create-document"));
    await waitFor(() => expect(went).toHaveLength(1));
    expect(went[0]).toMatchObject({ area: "documents", record: "d1" });
    const created = calls.find((c) => c.cmd === "document_create");
    expect(created?.args).toMatchObject({ allianceId: "a1", kind: "partnership_agreement", settings: { title: "Convention de partenariat" } });
    // The answers were saved before leaving.
    expect(calls.some((c) => c.cmd === "model_advisor_save")).toBe(true);
    stop();
  });

  describe("« Créer ce document » when the alliance already has one of that kind", () => {
    const earlier = [
      { id: "old", kind: "partnership_agreement", updatedAt: "2026-11-01T10:00:00Z" },
      { id: "newer", kind: "partnership_agreement", updatedAt: "2026-11-20T10:00:00Z" },
      { id: "other", kind: "consortium_agreement", updatedAt: "2026-11-25T10:00:00Z" },
    ];

    async function askTwice(): Promise<{ calls: ReturnType<typeof vault>; went: Destination[]; stop: () => void }> {
      setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
      const calls = vault(earlier);
      const went: Destination[] = [];
      const stop = provideNavigation((destination) => went.push(destination));
      render(ModeleView, { props: { alliance }, context: catalogContext(catalog) });
      await screen.findByTestId("advisor-empty");
      await fireEvent.click(screen.getByTestId("advisor-publicFunding").querySelector('input[value="yes"]') as HTMLInputElement);
      await fireEvent.click(await screen.findByTestId("advisor-create-document"));
      expect((await screen.findByTestId("advisor-existing-dialog")).textContent).toContain(
        "Une convention de partenariat existe déjà pour cette alliance.",
      );
      return { calls, went, stop };
    }

    it("asks, and « Ouvrir l’existant » opens the latest of that kind without drafting", async () => {
      const { calls, went, stop } = await askTwice();
      await fireEvent.click(screen.getByTestId("advisor-open-existing"));
      await waitFor(() => expect(went).toHaveLength(1));
      expect(went[0]).toMatchObject({ area: "documents", record: "newer" });
      expect(calls.some((c) => c.cmd === "document_create")).toBe(false);
      stop();
    });

    it("« En créer un autre » drafts a new one all the same", async () => {
      const { calls, went, stop } = await askTwice();
      await fireEvent.click(screen.getByTestId("advisor-create-another"));
      await waitFor(() => expect(went).toHaveLength(1));
      expect(went[0]).toMatchObject({ area: "documents", record: "d1" });
      expect(calls.filter((c) => c.cmd === "document_create")).toHaveLength(1);
      stop();
    });

    it("« Annuler » does nothing", async () => {
      const { calls, went, stop } = await askTwice();
      await fireEvent.click(screen.getByTestId("advisor-existing-cancel"));
      await waitFor(() => expect(screen.queryByTestId("advisor-existing-dialog")).toBeNull());
      expect(went).toHaveLength(0);
      expect(calls.some((c) => c.cmd === "document_create")).toBe(false);
      stop();
    });
  });
});
