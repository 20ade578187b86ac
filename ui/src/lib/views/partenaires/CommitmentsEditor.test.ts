// « Engagements et apports » against a mocked IPC (jsdom): amounts typed the French way go to the vault in cents, the
// vault's refusal of instalments that do not add up shows at the schedule and goes once they are fixed, an amount
// that is not one is refused at its field without calling the vault, « Répartir » fills the instalments allia-core
// proposes, and the budget line shows for a public funder.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { Catalog, CommitmentsDraft, FormDraftKey, PartyCommitments } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { flushDrafts, setDraftStore } from "$lib/unsaved";
import CommitmentsEditor from "./CommitmentsEditor.svelte";
import { errorSubject, remainingCents, toDraft, toForm } from "./commitments-form";

const N = "\u202f";

const catalog = {
  contributionNatures: [
    { value: "subsidy", label: "Subvention", help: null },
    { value: "financial_sponsorship", label: "Mécénat financier", help: null },
    { value: "membership_fee", label: "Cotisation", help: null },
    { value: "cost_sharing", label: "Participation aux frais", help: null },
  ],
  paymentScheduleKinds: [
    { value: "at_signature", label: "À la signature", help: null },
    { value: "on_receipts", label: "Sur justificatifs", help: null },
    { value: "instalments", label: "Échéancier", help: null },
  ],
  publicFunderActorTypes: ["local_authority", "state"],
} as unknown as Catalog;

function stored(draft: CommitmentsDraft, partnerId: string | null = "p1"): PartyCommitments {
  return { id: "c1", allianceId: "a1", partnerId, createdAt: "2026-11-30T10:00:00Z", updatedAt: "2026-11-30T10:00:00Z", draft };
}

/** The vault's refusal of instalments short of their contribution, as allia-core words it. */
const SHORT = `Les versements totalisent 25${N}000,00${N}€ pour une contribution de 30${N}000,00${N}€\u00a0: il manque 5${N}000,00${N}€.`;

function vault(records: PartyCommitments[] = []) {
  const calls: { cmd: string; payload: Record<string, unknown> }[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, payload: args });
    if (cmd === "commitments_list") return records;
    if (cmd === "commitments_set") {
      const draft = args.draft as CommitmentsDraft;
      const contribution = draft.financial?.[0];
      const schedule = contribution?.schedule;
      if (schedule?.kind === "instalments") {
        const sum = schedule.instalments.reduce((total, row) => total + row.amountCents, 0);
        if (sum !== contribution?.amountCents) {
          return Promise.reject({
            code: "validation",
            message: SHORT,
            field: "financial.0.schedule",
            fieldErrors: [{ field: "financial.0.schedule", message: SHORT }],
          });
        }
      }
      return stored(draft, args.partnerId as string | null);
    }
    if (cmd === "commitments_propose_split") {
      const count = args.count as number;
      const amount = (args.contribution as { amountCents: number }).amountCents;
      return Array.from({ length: count }, (_, i) => ({
        date: null,
        amountCents: Math.floor(amount / count) + (i < amount % count ? 1 : 0),
      }));
    }
    return null;
  });
  return calls;
}

function renderEditor(props: Partial<{ partnerId: string | null; publicFunder: boolean; resume: string | null }> = {}) {
  return render(CommitmentsEditor, {
    props: { allianceId: "a1", partnerId: "p1", publicFunder: true, ...props },
    context: catalogContext(catalog),
  });
}

async function type(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

describe("CommitmentsEditor", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    setDraftStore(null);
  });

  it("says nothing about the schedule's balance while the amount is not a positive sum", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    vault();
    renderEditor();
    await fireEvent.click(await screen.findByTestId("commitments-add-financial"));
    await type("commitments-financial-0-amount", "30 000");
    const schedule = screen.getByTestId("commitments-financial-0-schedule");
    await fireEvent.change(schedule, { target: { value: "instalments" } });
    await type("commitments-financial-0-instalment-0-amount", "10 000");
    await type("commitments-financial-0-instalment-1-amount", "20 500");
    const remaining = () => screen.getByTestId("commitments-financial-0-remaining").textContent;
    expect(remaining()).toBe(`Les versements dépassent le montant de 500,00${N}€`);
    for (const wrong of ["-30 000", "0", "0,00"]) {
      await type("commitments-financial-0-amount", wrong);
      expect(remaining(), wrong).toBe("");
    }
    await type("commitments-financial-0-amount", "30 500");
    expect(remaining()).toBe("Les versements totalisent exactement le montant.");
  });

  it("refuses instalments that do not add up at the schedule, then saves them fixed, in cents", async () => {
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
    const calls = vault();
    renderEditor();
    await fireEvent.click(await screen.findByTestId("commitments-add-financial"));
    await type("commitments-financial-0-amount", "30 000");
    await type("commitments-financial-0-budget-line", "Politique de la ville");
    const schedule = screen.getByTestId("commitments-financial-0-schedule");
    await fireEvent.change(schedule, { target: { value: "instalments" } });
    await type("commitments-financial-0-instalment-0-amount", "10 000");
    await type("commitments-financial-0-instalment-1-amount", "15 000");
    expect(screen.getByTestId("commitments-financial-0-remaining").textContent).toBe(`Reste à répartir\u00a0: 5${N}000,00${N}€`);

    await fireEvent.click(screen.getByTestId("commitments-save"));
    const error = await screen.findByTestId("error-financial.0.schedule");
    expect(error.textContent).toBe(SHORT);
    expect(screen.getByTestId("commitments-error")).toHaveTextContent("Certains champs sont à corriger");
    // The instalments are what to correct: marked, described by the message, the first one focused.
    const first = screen.getByTestId("commitments-financial-0-instalment-0-amount");
    expect(first).toHaveAttribute("aria-invalid", "true");
    expect(first.getAttribute("aria-describedby")).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(screen.queryByTestId("commitments-saved")).toBeNull();

    // Editing the budget line is not about the schedule: the error stays; fixing an instalment puts it away.
    await type("commitments-financial-0-budget-line", "Politique de la ville 2027");
    expect(screen.getByTestId("error-financial.0.schedule")).toBeInTheDocument();
    await type("commitments-financial-0-instalment-1-amount", "20 000,00");
    expect(screen.queryByTestId("error-financial.0.schedule")).toBeNull();
    expect(screen.getByTestId("commitments-financial-0-remaining")).toHaveTextContent("Les versements totalisent exactement le montant.");

    await fireEvent.click(screen.getByTestId("commitments-save"));
    expect(await screen.findByTestId("commitments-saved")).toHaveTextContent("Engagements enregistrés.");
    const sets = calls.filter((c) => c.cmd === "commitments_set");
    expect(sets).toHaveLength(2);
    expect(sets[1]?.payload).toMatchObject({
      allianceId: "a1",
      partnerId: "p1",
      draft: {
        financial: [
          {
            nature: "subsidy",
            amountCents: 3_000_000,
            budgetLine: "Politique de la ville 2027",
            schedule: {
              kind: "instalments",
              instalments: [
                { date: null, amountCents: 1_000_000 },
                { date: null, amountCents: 2_000_000 },
              ],
            },
          },
        ],
        inKind: [],
      },
    });
  });

  it("refuses an amount that is not one at its field, without asking the vault", async () => {
    const calls = vault();
    renderEditor({ partnerId: null, publicFunder: false });
    await fireEvent.click(await screen.findByTestId("commitments-add-inkind"));
    await type("commitments-inkind-0-description", "Une salle de réunion");
    await type("commitments-inkind-0-value", "douze cents");
    await fireEvent.click(screen.getByTestId("commitments-save"));
    const error = await screen.findByTestId("error-inKind.0.valueCents");
    expect(error).toHaveTextContent("Saisissez un montant en euros");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("commitments-inkind-0-value")));
    expect(calls.filter((c) => c.cmd === "commitments_set")).toHaveLength(0);
  });

  it("shows what is stored, and fills the instalments « Répartir » proposes", async () => {
    const calls = vault([
      stored({
        financial: [{ nature: "financial_sponsorship", amountCents: 1_000_000, schedule: { kind: "at_signature" }, budgetLine: null }],
        inKind: [{ description: "Mécénat de compétences", valueCents: 240_050 }],
      }),
    ]);
    renderEditor({ publicFunder: false });
    expect(await screen.findByTestId("commitments-financial-0-amount")).toHaveValue(`10${N}000`);
    expect(screen.getByTestId("commitments-inkind-0-value")).toHaveValue(`2${N}400,50`);
    // Not a public funder: no budget line to name.
    expect(screen.queryByTestId("commitments-financial-0-budget-line")).toBeNull();

    await fireEvent.change(screen.getByTestId("commitments-financial-0-schedule"), { target: { value: "instalments" } });
    await type("commitments-financial-0-split-count", "3");
    const split = screen.getByTestId("commitments-financial-0-split");
    expect(split).toHaveTextContent("Répartir en 3 versements");
    await fireEvent.click(split);
    await waitFor(() => expect(screen.getByTestId("commitments-financial-0-instalment-2-amount")).toHaveValue(`3${N}333,33`));
    expect(screen.getByTestId("commitments-financial-0-instalment-0-amount")).toHaveValue(`3${N}333,34`);
    expect(screen.getByTestId("commitments-financial-0-remaining")).toHaveTextContent("Les versements totalisent exactement le montant.");
    expect(calls.find((c) => c.cmd === "commitments_propose_split")?.payload).toMatchObject({ count: 3, contribution: { amountCents: 1_000_000 } });
  });

  it("keeps unsaved input as a draft of the party, and opens with a kept one", async () => {
    const kept: [FormDraftKey, string][] = [];
    setDraftStore({ save: async (key, content) => kept.push([key, content]), clear: async () => undefined, list: async () => [] });
    vault();
    renderEditor({ partnerId: null, publicFunder: false });
    await fireEvent.click(await screen.findByTestId("commitments-add-inkind"));
    await type("commitments-inkind-0-description", "Prêt d’un minibus");
    await flushDrafts();
    expect(kept).toHaveLength(1);
    expect(kept[0]?.[0]).toEqual({ allianceId: "a1", area: "partenaires", form: "commitments:association" });
    cleanup();

    renderEditor({ partnerId: null, publicFunder: false, resume: kept[0]?.[1] ?? null });
    await waitFor(() => expect(screen.getByTestId("commitments-inkind-0-description")).toHaveValue("Prêt d’un minibus"));
  });
});

describe("the commitments form", () => {
  it("goes to the vault's draft and back unchanged", () => {
    const draft: CommitmentsDraft = {
      financial: [
        {
          nature: "subsidy",
          amountCents: 1_250_050,
          schedule: { kind: "instalments", instalments: [{ date: "2027-01-15", amountCents: 1_250_050 }] },
          budgetLine: "Programme 163",
        },
      ],
      inKind: [{ description: "Salle", valueCents: 0 }],
    };
    expect(toDraft(toForm(draft))).toEqual(draft);
  });

  it("says what is left to spread, and nothing while an amount is unreadable", () => {
    const form = toForm({
      financial: [{ nature: "subsidy", amountCents: 1_250_000, schedule: { kind: "instalments", instalments: [{ date: null, amountCents: 1_200_000 }] } }],
    });
    const [contribution] = form.financial;
    if (contribution === undefined) throw new Error("one contribution");
    expect(remainingCents(contribution)).toBe(50_000);
    contribution.instalments.push({ date: null, amount: "1 000" });
    expect(remainingCents(contribution)).toBe(-50_000);
    contribution.instalments.push({ date: null, amount: "mille" });
    expect(remainingCents(contribution)).toBeNull();
  });

  it("ties an error to what it is about", () => {
    const form = toForm({
      financial: [{ nature: "subsidy", amountCents: 100, schedule: { kind: "instalments", instalments: [{ date: null, amountCents: 50 }] } }],
    });
    const before = errorSubject(form, "financial.0.schedule");
    const contribution = form.financial[0];
    if (contribution === undefined) throw new Error("one contribution");
    contribution.budgetLine = "Autre";
    expect(errorSubject(form, "financial.0.schedule")).toBe(before);
    const row = contribution.instalments[0];
    if (row === undefined) throw new Error("one instalment");
    row.amount = "1";
    expect(errorSubject(form, "financial.0.schedule")).not.toBe(before);
  });
});
