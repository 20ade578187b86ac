// « Objectifs » against a mocked IPC (jsdom): the tree shows each operational objective's five letters with the
// reason of a failed one; the SMART panel asks the checker as the person types; deleting a strategic objective that
// has indicators names its operational objectives and sends the fate chosen.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Catalog, ObjectivesOverview, SmartCheck } from "$lib/api/bindings";
import { catalogContext } from "$lib/catalog";
import { loadKeptDrafts, setDraftStore } from "$lib/unsaved";
import ObjectifsView from "./ObjectifsView.svelte";

const catalog = {
  scoringLimits: { scoreMax: 5, weightMax: 100, criteriaMax: 12 },
  cooperationDimensions: [
    { value: "pooling", label: "Mutualisation", help: null },
    { value: "joint_activity", label: "Activité commune", help: null },
    { value: "funding", label: "Financement", help: null },
    { value: "communication", label: "Communication", help: null },
    { value: "other", label: "Autre dimension", help: null },
  ],
  smartCriteria: [
    { value: "specific", label: "Spécifique", help: null },
    { value: "measurable", label: "Mesurable", help: null },
    { value: "achievable", label: "Atteignable", help: null },
    { value: "realistic", label: "Réaliste", help: null },
    { value: "time_bound", label: "Temporellement défini", help: null },
  ],
  smartLimits: "Ce contrôle vérifie la forme de l’objectif, pas la pertinence de sa cible.",
  defaultPriorityCriteria: [{ id: "need_urgency", name: "Urgence du besoin", weight: 1 }],
} as unknown as Catalog;

const alliance = { id: "a1", draft: { name: "Alliance" } } as never;

function check(failing: Record<string, string> = {}): SmartCheck {
  const letters = (["specific", "measurable", "achievable", "realistic", "time_bound"] as const).map((criterion) => ({
    criterion,
    passed: !(criterion in failing),
    reason: failing[criterion] ?? null,
  }));
  return { letters, passed: letters.every((l) => l.passed) };
}

const overview: ObjectivesOverview = {
  frame: { vision: "Un service partagé en 2030", horizonYear: 2030, priorityCriteria: [{ id: "need_urgency", name: "Urgence du besoin", weight: 1 }] },
  strategic: [
    {
      objective: { id: "s1", allianceId: "a1", position: 0, createdAt: "", updatedAt: "", draft: { title: "Mutualiser les fonctions support", priorityScores: { need_urgency: 4 } } },
      gaps: [],
      indicatorCount: 1,
      operational: [
        {
          objective: {
            id: "o1",
            allianceId: "a1",
            position: 0,
            createdAt: "",
            updatedAt: "",
            draft: {
              strategicObjectiveId: "s1",
              wording: "Réduire de 15 % les coûts administratifs",
              dimension: "pooling",
              partnerIds: ["p1"],
              targetValue: 15,
              unit: "%",
              ownerPartnerId: "p1",
              dueDate: null,
            },
          },
          smart: check({ time_bound: "Temporellement défini\u00a0: pas d’échéance" }),
          indicatorCount: 2,
        },
      ],
    },
    {
      objective: { id: "s2", allianceId: "a1", position: 1, createdAt: "", updatedAt: "", draft: { title: "Diversifier les financements" } },
      gaps: [],
      indicatorCount: 0,
      operational: [],
    },
  ],
  priority: { ranking: [{ id: "s1", name: "Mutualiser les fonctions support", scoreX100: 8000, rank: 1, tied: false }], problems: [{ field: "scores.s2.need_urgency", message: "« Diversifier les financements » n’a pas de note sur « Urgence du besoin »." }] },
};

const partners = [{ id: "p1", allianceId: "a1", createdAt: "", updatedAt: "", draft: { organisation: { name: "Les Amis du Quartier" } } }];

let calls: { cmd: string; args: Record<string, unknown> }[] = [];

beforeEach(() => {
  calls = [];
  setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => [] });
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    if (cmd === "objectives_overview") return overview;
    if (cmd === "partner_list") return partners;
    if (cmd === "smart_check") return check({ measurable: "Mesurable\u00a0: aucune valeur cible chiffrée" });
    return null;
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
  setDraftStore(null);
});

function show() {
  return render(ObjectifsView, { props: { alliance }, context: catalogContext(catalog) });
}

describe("ObjectifsView", () => {
  it("shows the tree with each letter and the reason of a failed one, in words", async () => {
    show();
    const item = await screen.findByTestId("operational-item");
    expect(within(item).getAllByText("Les Amis du Quartier", { selector: "dd" })).toHaveLength(2);
    expect(within(item).getByTestId("operational-target").textContent).toBe("15\u202f%");
    const letter = within(item).getByTestId("smart-letter-time_bound");
    expect(letter.dataset["passed"]).toBe("false");
    expect(letter.textContent).toContain("T\u00a0✗");
    expect(within(item).getByTestId("smart-letter-specific").textContent).toContain("S\u00a0✓");
    expect(within(item).getByTestId("smart-reason").textContent).toBe("✗ Temporellement défini\u00a0: pas d’échéance");
    expect(screen.getByTestId("operational-dimension").textContent).toContain("Mutualisation");
    expect(screen.getByTestId("priority-rank").textContent).toContain("1er");
    expect(screen.getByTestId("priority-problems").textContent).toContain("Diversifier les financements");
  });

  it("checks the operational objective as it is typed, with the checker's limits", async () => {
    show();
    const [add] = await screen.findAllByTestId("operational-add");
    await fireEvent.click(add!);
    expect(screen.getByTestId("smart-limits").textContent).toBe(catalog.smartLimits);
    await fireEvent.input(screen.getByTestId("op-wording"), { target: { value: "Réduire les coûts" } });
    await waitFor(() => expect(screen.getByTestId("smart-summary").textContent).toContain("4\u00a0critères sur 5"), { timeout: 2000 });
    const asked = calls.filter((c) => c.cmd === "smart_check");
    expect(asked.at(-1)?.args["draft"]).toMatchObject({ wording: "Réduire les coûts", strategicObjectiveId: "s1" });
    expect(screen.getByTestId("smart-panel-letters").textContent).toContain("Mesurable\u00a0: aucune valeur cible chiffrée");
  });

  it("asks what becomes of the indicators, naming the operational objectives that go with it", async () => {
    show();
    const [remove] = await screen.findAllByTestId("strategic-delete");
    await fireEvent.click(remove!);
    const goes = await screen.findByTestId("objective-delete-goes-with");
    expect(goes.textContent).toContain("Réduire de 15 % les coûts administratifs");
    expect(screen.getByTestId("objective-delete-fate").textContent).toContain("3\u00a0indicateurs mesurent");
    await fireEvent.click(screen.getByTestId("objective-delete-indicators"));
    await fireEvent.click(screen.getByTestId("objective-delete-confirm"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "objective_delete")).toBe(true));
    const sent = calls.find((c) => c.cmd === "objective_delete");
    expect(sent?.args).toMatchObject({ allianceId: "a1", objective: { level: "strategic", id: "s1" }, fate: { kind: "delete" } });
  });

  it("moves the indicators to the objective chosen", async () => {
    show();
    const [remove] = await screen.findAllByTestId("operational-delete");
    await fireEvent.click(remove!);
    const target = (await screen.findByTestId("objective-delete-target")) as HTMLSelectElement;
    await fireEvent.change(target, { target: { value: "strategic:s2" } });
    await fireEvent.click(screen.getByTestId("objective-delete-confirm"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "objective_delete")).toBe(true));
    const sent = calls.find((c) => c.cmd === "objective_delete");
    expect(sent?.args).toMatchObject({ objective: { level: "operational", id: "o1" }, fate: { kind: "moveTo", to: { level: "strategic", id: "s2" } } });
  });
});

describe("ObjectifsView drafts", () => {
  it("offers back an operational objective and the vision kept at the lock, in their forms", async () => {
    const kept = [
      {
        key: { allianceId: "a1", area: "objectifs", form: "operational:new:s2" },
        content: JSON.stringify({ strategicObjectiveId: "s2", wording: "Créer un fonds commun", partnerIds: ["p1"], targetValue: "3" }),
        savedAt: "2026-12-01T02:00:00Z",
      },
      {
        key: { allianceId: "a1", area: "objectifs", form: "vision" },
        content: JSON.stringify({ vision: "Une alliance reconnue en 2031", horizonYear: "2031" }),
        savedAt: "2026-12-01T01:00:00Z",
      },
    ];
    setDraftStore({ save: async () => undefined, clear: async () => undefined, list: async () => kept });
    loadKeptDrafts();
    show();
    await screen.findByTestId("operational-item");
    const resume = await screen.findAllByTestId("draft-resume");
    expect(resume).toHaveLength(2);
    await fireEvent.click(resume[0]!);
    const wording = (await screen.findByTestId("op-wording")) as HTMLTextAreaElement;
    expect(wording.value).toBe("Créer un fonds commun");
    expect((screen.getByTestId("op-target") as HTMLInputElement).value).toBe("3");
    expect((screen.getByTestId("op-strategic") as HTMLSelectElement).value).toBe("s2");
    await fireEvent.click(screen.getByTestId("draft-resume"));
    await waitFor(() => expect((screen.getByTestId("vision-text") as HTMLTextAreaElement).value).toBe("Une alliance reconnue en 2031"));
    expect((screen.getByTestId("vision-horizon") as HTMLInputElement).value).toBe("2031");
  });
});

/** The element focused once the screen has settled, as `id` says. */
async function focused(id: string) {
  await waitFor(() => expect(document.activeElement?.id).toBe(id), { timeout: 2000 });
}

describe("ObjectifsView keyboard focus", () => {
  it("focuses the strategic form's first field, and gives focus back to « Modifier » on « Annuler »", async () => {
    show();
    const edit = (await screen.findAllByTestId("strategic-edit"))[0]!;
    edit.focus();
    await fireEvent.click(edit);
    const title = await screen.findByTestId("strategic-title");
    await waitFor(() => expect(document.activeElement).toBe(title));
    await fireEvent.click(screen.getByTestId("strategic-cancel"));
    await focused("strategic-s1-edit");
    expect(screen.queryByTestId("strategic-form")).toBeNull();
  });

  it("closes the strategic form on Escape, asking first when something was typed", async () => {
    show();
    await fireEvent.click((await screen.findAllByTestId("strategic-edit"))[1]!);
    const title = await screen.findByTestId("strategic-title");
    // Nothing changed: Escape closes at once.
    await fireEvent.keyDown(title, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("strategic-form")).toBeNull());
    await focused("strategic-s2-edit");

    await fireEvent.click(screen.getAllByTestId("strategic-edit")[1]!);
    await fireEvent.input(await screen.findByTestId("strategic-title"), { target: { value: "Diversifier les ressources" } });
    await fireEvent.keyDown(screen.getByTestId("strategic-title"), { key: "Escape" });
    expect((await screen.findByRole("alertdialog")).textContent).toContain("Abandonner les modifications");
    expect(screen.getByTestId("strategic-form")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("confirm-discard"));
    await waitFor(() => expect(screen.queryByTestId("strategic-form")).toBeNull());
    await focused("strategic-s2-edit");
    expect(calls.some((c) => c.cmd === "strategic_objective_update")).toBe(false);
  });

  it("gives focus back to « Modifier » once the strategic objective is saved", async () => {
    show();
    await fireEvent.click((await screen.findAllByTestId("strategic-edit"))[0]!);
    await fireEvent.input(await screen.findByTestId("strategic-title"), { target: { value: "Mutualiser les fonctions support et RH" } });
    await fireEvent.click(screen.getByTestId("strategic-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "strategic_objective_update")).toBe(true));
    await focused("strategic-s1-edit");
  });

  it("gives focus back to « Ajouter un objectif stratégique » when the new one is dropped", async () => {
    show();
    await fireEvent.click(await screen.findByTestId("strategic-add"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("strategic-title")));
    await fireEvent.keyDown(screen.getByTestId("strategic-title"), { key: "Escape" });
    await focused("strategic-add");
  });

  it("focuses the operational form's wording, and gives focus back to the button that opened it", async () => {
    show();
    const add = (await screen.findAllByTestId("operational-add"))[0]!;
    await fireEvent.click(add);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("op-wording")));
    await fireEvent.click(screen.getByTestId("op-cancel"));
    await focused("strategic-s1-operational-add");

    await fireEvent.click(screen.getByTestId("operational-edit"));
    const wording = await screen.findByTestId("op-wording");
    await waitFor(() => expect(document.activeElement).toBe(wording));
    await fireEvent.keyDown(wording, { key: "Escape" });
    await focused("operational-o1-edit");
  });

  it("focuses the gap form's partner, and gives focus back to « Noter un écart » on « Annuler » or Escape", async () => {
    show();
    const add = (await screen.findAllByTestId("strategic-gap-add"))[0]!;
    await fireEvent.click(add);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("strategic-gap-partner")));
    await fireEvent.click(screen.getByTestId("strategic-gap-cancel"));
    await focused("gaps-s1-add");

    await fireEvent.click(screen.getAllByTestId("strategic-gap-add")[0]!);
    const text = screen.getByTestId("strategic-gap-description");
    await fireEvent.input(text, { target: { value: "Voit la mutualisation comme une perte d’autonomie." } });
    await fireEvent.keyDown(text, { key: "Escape" });
    await fireEvent.click(await screen.findByTestId("confirm-discard"));
    await waitFor(() => expect(screen.queryByTestId("strategic-gap-description")).toBeNull());
    await focused("gaps-s1-add");
  });

  it("focuses a new criterion's name, and a removed one's neighbour", async () => {
    show();
    await fireEvent.click(await screen.findByTestId("priority-criterion-add"));
    await focused("criterion-name-1");
    const removes = screen.getAllByTestId("priority-criterion-remove");
    removes[1]!.focus();
    await fireEvent.click(removes[1]!);
    await waitFor(() => expect(screen.getAllByTestId("priority-criterion")).toHaveLength(1));
    await focused("priority-criteria-add");
  });
});

describe("ObjectifsView priority criteria errors", () => {
  it("puts a weight's error next to the weight, and only the weight is marked", async () => {
    show();
    const weight = await screen.findByTestId("priority-criterion-weight");
    await fireEvent.input(weight, { target: { value: "150" } });
    await fireEvent.click(screen.getByTestId("priority-criteria-save"));
    const error = await screen.findByTestId("priority-criterion-weight-error");
    expect(error.textContent).toBe("Un poids va de 0 à 100\u00a0: un nombre entier.");
    expect(weight.getAttribute("aria-invalid")).toBe("true");
    expect(weight.getAttribute("aria-describedby")).toBe(error.id);
    const name = screen.getByTestId("priority-criterion-name");
    expect(name.getAttribute("aria-invalid")).toBe("false");
    expect(screen.queryByTestId("priority-criterion-name-error")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(weight));
    expect(calls.some((c) => c.cmd === "objectives_frame_save")).toBe(false);
    // Edited, its message goes.
    await fireEvent.input(weight, { target: { value: "2" } });
    expect(screen.queryByTestId("priority-criterion-weight-error")).toBeNull();
  });

  it("puts the vault's name error next to the name, and a message about no row at the foot", async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      if (cmd === "objectives_overview") return overview;
      if (cmd === "partner_list") return partners;
      if (cmd === "objectives_frame_save")
        return Promise.reject({
          code: "validation",
          message: "Certaines informations sont à corriger.",
          field: null,
          fieldErrors: [
            { field: "priorityCriteria.criteria.1.name", message: "Indiquez le nom du critère." },
            { field: "horizonYear", message: "L’horizon de la vision doit être entre 2026 et 2036." },
          ],
        });
      return null;
    });
    show();
    const name = await screen.findByTestId("priority-criterion-name");
    await fireEvent.input(name, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("priority-criteria-save"));
    const error = await screen.findByTestId("priority-criterion-name-error");
    expect(error.textContent).toBe("Indiquez le nom du critère.");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("priority-criterion-weight").getAttribute("aria-invalid")).toBe("false");
    expect(screen.getByTestId("priority-criteria-error").textContent).toBe("L’horizon de la vision doit être entre 2026 et 2036.");
  });
});
