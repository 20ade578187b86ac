// The staged import of an alliance file, against mocked commands (jsdom, mocked IPC answering as the shell does):
// the passphrase of an encrypted file, the unknown fields, a partner that looks like this association, and the
// preview of an update with « Mettre à jour l’alliance » / « Importer comme copie » / « Annuler ».
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Alliance, AllianceDiff, AppError, ImportChoices, ImportInspection, ImportReview } from "$lib/api/bindings";
import ImportFlow from "./ImportFlow.svelte";

const NBSP = "\u00a0";

const alliance: Alliance = {
  id: "6f1c1a8e-0000-4000-8000-000000000001",
  draft: { name: "Service partagé", purpose: null, territory: null, startDate: null, status: "active" },
  archived: false,
  partnerCount: 3,
  createdAt: "2026-11-30T10:00:00Z",
  updatedAt: "2026-11-30T10:00:00Z",
} as Alliance;

const diff: AllianceDiff = {
  allianceId: alliance.id,
  allianceName: "Service partagé",
  allianceFields: [{ field: "name", label: "nom", old: "Service partagé", new: "Service partagé 2027" }],
  partnersAdded: [{ id: "p3", name: "Ressourcerie du Val" }],
  partnersChanged: [
    { id: "p1", name: "Commune de Villard", fields: [{ field: "organisation.city", label: "ville", old: null, new: "Villard" }] },
  ],
  partnersRemoved: [{ id: "p2", name: "Centre social" }],
  commitments: [],
  documentsAdded: [],
  versionsAdded: [{ documentId: "d1", documentName: "Convention", number: 2, status: "Brouillon" }],
  versionsChanged: [
    {
      documentId: "d1",
      documentName: "Convention",
      number: 1,
      fields: [{ field: "settings.title", label: "titre", old: "Convention", new: "Autre" }],
      ignored: `ignorée${NBSP}: version signée`,
    },
  ],
  documentsKept: [],
  sections: [
    { section: "diagnostic", label: "Diagnostic interne", summary: `modifié (besoins, matrice${NBSP}: 1 élément ajouté)` },
  ],
};

function review(overrides: Partial<ImportReview> = {}): ImportReview {
  return {
    format: 2,
    allianceId: alliance.id,
    allianceName: "Service partagé",
    partnerCount: 3,
    documentCount: 1,
    unknownFields: [],
    ownLookalikes: [],
    existing: null,
    notices: [],
    ...overrides,
  };
}

function inspection(r: ImportReview | null, needsPassphrase = false): ImportInspection {
  return { fileName: "service.alliance.json", needsPassphrase, review: r };
}

const wrongPassphrase: AppError = {
  code: "wrong_passphrase",
  message: "Phrase de passe incorrecte pour ce fichier chiffré.",
  field: "passphrase",
  fieldErrors: [{ field: "passphrase", message: "Phrase de passe incorrecte pour ce fichier chiffré." }],
};

interface Calls {
  apply: ImportChoices[];
  inspect: (string | null)[];
  cancel: number;
}

function mockBackend(afterPassphrase?: ImportInspection): Calls {
  const calls: Calls = { apply: [], inspect: [], cancel: 0 };
  mockIPC((cmd, payload) => {
    const args = payload as Record<string, unknown>;
    if (cmd === "alliance_import_apply") {
      calls.apply.push(args.choices as ImportChoices);
      return alliance;
    }
    if (cmd === "alliance_import_inspect") {
      const given = (args.passphrase as string | null) ?? null;
      calls.inspect.push(given);
      if (given !== "la bonne phrase") throw wrongPassphrase;
      return afterPassphrase;
    }
    if (cmd === "alliance_import_cancel") {
      calls.cancel += 1;
      return null;
    }
    return null;
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("ImportFlow", () => {
  it("lists the country it deduced from a city before importing", async () => {
    const calls = mockBackend();
    const onImported = vi.fn();
    const message = `Pays déduit de la ville «${NBSP}Tournai (Belgique)${NBSP}»${NBSP}: Belgique (ville enregistrée${NBSP}: Tournai).`;
    const notices = [{ place: "partenaire 6", organisation: "Maison du Hainaut solidaire ASBL", message }];
    render(ImportFlow, { props: { inspection: inspection(review({ notices })), onImported, onCancelled: vi.fn() } });

    const step = await screen.findByTestId("import-confirm-step");
    expect(within(step).getByTestId("import-notices")).toHaveTextContent("À vérifier après l’import");
    const notice = within(step).getByTestId("import-notice");
    expect(notice.textContent).toBe(`Maison du Hainaut solidaire ASBL (partenaire 6)${NBSP}: ${message}`);

    await fireEvent.click(screen.getByRole("button", { name: "Importer l’alliance" }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(alliance, "new"));
    expect(calls.apply).toEqual([{ mode: "new", dropUnknown: true, ownAssociation: [] }]);
  });

  it("shows no notice list when nothing was deduced", async () => {
    mockBackend();
    render(ImportFlow, { props: { inspection: inspection(review()), onImported: vi.fn(), onCancelled: vi.fn() } });
    await screen.findByTestId("import-confirm-step");
    expect(screen.queryByTestId("import-notices")).toBeNull();
  });

  it("previews an update and applies it", async () => {
    const calls = mockBackend();
    const onImported = vi.fn();
    render(ImportFlow, { props: { inspection: inspection(review({ existing: diff })), onImported, onCancelled: vi.fn() } });

    const flow = await screen.findByTestId("import-existing-step");
    expect(screen.getByRole("dialog")).toHaveTextContent("Cette alliance est déjà dans le coffre");
    expect(within(flow).getByTestId("diff-partner-added")).toHaveTextContent("Ajouté : Ressourcerie du Val");
    expect(within(flow).getByTestId("diff-partner-removed")).toHaveTextContent("Centre social");
    expect(within(flow).getByTestId("diff-partner-changed")).toHaveTextContent("ville : (vide) → « Villard »");
    expect(within(flow).getByTestId("diff-version-added")).toHaveTextContent("Convention, version 2 (Brouillon)");
    expect(within(flow).getByTestId("diff-version-ignored").textContent).toBe(`ignorée${NBSP}: version signée`);
    expect(within(flow).getAllByTestId("diff-field")[0]).toHaveTextContent("Service partagé 2027");
    expect(within(flow).getByTestId("diff-section").textContent).toBe(
      `Diagnostic interne${NBSP}: modifié (besoins, matrice${NBSP}: 1 élément ajouté)`,
    );

    await fireEvent.click(screen.getByRole("button", { name: "Mettre à jour l’alliance" }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(alliance, "update"));
    expect(calls.apply).toEqual([{ mode: "update", dropUnknown: true, ownAssociation: [] }]);
  });

  it("imports as a copy, or cancels and forgets the file", async () => {
    const calls = mockBackend();
    const onImported = vi.fn();
    const onCancelled = vi.fn();
    render(ImportFlow, { props: { inspection: inspection(review({ existing: diff })), onImported, onCancelled } });
    await fireEvent.click(await screen.findByRole("button", { name: "Importer comme copie" }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(alliance, "copy"));
    expect(calls.apply[0]?.mode).toBe("copy");

    cleanup();
    render(ImportFlow, { props: { inspection: inspection(review({ existing: diff })), onImported, onCancelled } });
    await fireEvent.click(await screen.findByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(onCancelled).toHaveBeenCalled());
    expect(calls.cancel).toBe(1);
    expect(calls.apply).toHaveLength(1);
  });

  it("asks the passphrase, then lists unknown fields, then asks about a lookalike of the association", async () => {
    const own = { name: "Comité des fêtes", city: "Saunay", rna: "W372000001" };
    const opened = inspection(
      review({
        unknownFields: [{ path: "partners.2.contributionCents", place: "partenaire 2, contributionCents" }],
        ownLookalikes: [
          {
            partnerId: "p9",
            partner: { ...own, rna: "W372000001" } as never,
            own: own as never,
            suspicion: { reason: "sameRna", label: "même numéro RNA" },
          },
        ],
      }),
    );
    const calls = mockBackend(opened);
    const onImported = vi.fn();
    render(ImportFlow, { props: { inspection: inspection(null, true), onImported, onCancelled: vi.fn() } });

    await screen.findByTestId("import-passphrase-step");
    await fireEvent.input(screen.getByTestId("import-passphrase"), { target: { value: "une autre" } });
    await fireEvent.click(screen.getByRole("button", { name: "Ouvrir le fichier" }));
    expect(await screen.findByText("Phrase de passe incorrecte pour ce fichier chiffré.")).toBeInTheDocument();

    await fireEvent.input(screen.getByTestId("import-passphrase"), { target: { value: "la bonne phrase" } });
    await fireEvent.click(screen.getByRole("button", { name: "Ouvrir le fichier" }));
    const unknown = await screen.findByTestId("import-unknown-step");
    expect(within(unknown).getByTestId("import-unknown-field").textContent?.replace(/[ \n\t]+/g, " ").trim()).toBe(
      `Partenaire${NBSP}2 — contributionCents`,
    );
    // Focus on the step's heading, not on the choice that drops the fields.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("import-unknown-heading")));
    expect(calls.inspect).toEqual(["une autre", "la bonne phrase"]);

    await fireEvent.click(screen.getByRole("button", { name: "Continuer sans ces informations" }));
    const ownStep = await screen.findByTestId("import-own-step");
    expect(within(ownStep).getByTestId("lookalike-file")).toHaveTextContent("Comité des fêtes");
    expect(within(ownStep).getByTestId("lookalike-own")).toHaveTextContent("Saunay");
    const next = screen.getByRole("button", { name: "Continuer" });
    expect(next).toBeDisabled();
    await fireEvent.click(screen.getByRole("radio", { name: "C’est notre association" }));
    expect(next).toBeEnabled();
    await fireEvent.click(next);

    await fireEvent.click(await screen.findByRole("button", { name: "Importer l’alliance" }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(alliance, "new"));
    expect(calls.apply).toEqual([{ mode: "new", dropUnknown: true, ownAssociation: ["p9"] }]);
  });

  it("opens the unknown-fields step on its heading, not on « Continuer sans ces informations »", async () => {
    mockBackend();
    render(ImportFlow, {
      props: {
        inspection: inspection(
          review({
            unknownFields: [
              { path: "partners.2.organisation.nickname", place: "partenaire 2, organisation.nickname" },
              { path: "alliance.durationMonths", place: "alliance, durationMonths" },
            ],
          }),
        ),
        onImported: vi.fn(),
        onCancelled: vi.fn(),
      },
    });
    const heading = await screen.findByTestId("import-unknown-heading");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.activeElement).not.toBe(screen.getByTestId("import-drop-unknown"));
    const items = screen.getAllByTestId("import-unknown-field").map((li) => li.textContent?.replace(/[ \n\t]+/g, " ").trim());
    expect(items).toEqual([`Partenaire${NBSP}2 — organisation.nickname`, "Alliance — durationMonths"]);
  });

  describe("focus after closing", () => {
    function opener(): { button: HTMLButtonElement; main: HTMLElement } {
      const main = document.createElement("main");
      main.id = "main-content";
      main.tabIndex = -1;
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.testid = "import-alliance";
      button.textContent = "Importer une alliance…";
      document.body.append(button, main);
      button.focus();
      return { button, main };
    }

    afterEach(() => {
      document.body.innerHTML = "";
    });

    it("goes back to « Importer une alliance… » after « Annuler »", async () => {
      mockBackend();
      const { button } = opener();
      const onCancelled = vi.fn(() => view.unmount());
      const view = render(ImportFlow, { props: { inspection: inspection(review({ existing: diff })), onImported: vi.fn(), onCancelled } });
      const cancel = await screen.findByRole("button", { name: "Annuler" });
      cancel.focus();
      await fireEvent.click(cancel);
      await waitFor(() => expect(onCancelled).toHaveBeenCalled());
      await waitFor(() => expect(document.activeElement).toBe(button));
    });

    it("goes back to the opener after an update, and to the main content when the opener is gone", async () => {
      mockBackend();
      const { button, main } = opener();
      const onImported = vi.fn(() => view.unmount());
      const view = render(ImportFlow, { props: { inspection: inspection(review({ existing: diff })), onImported, onCancelled: vi.fn() } });
      const update = await screen.findByRole("button", { name: "Mettre à jour l’alliance" });
      update.focus();
      await fireEvent.click(update);
      await waitFor(() => expect(onImported).toHaveBeenCalled());
      await waitFor(() => expect(document.activeElement).toBe(button));

      const gone = opener();
      const onCopied = vi.fn(() => {
        again.unmount();
        gone.button.remove();
        button.remove();
      });
      const again = render(ImportFlow, {
        props: { inspection: inspection(review({ existing: diff })), onImported: onCopied, onCancelled: vi.fn() },
      });
      const copy = await screen.findByRole("button", { name: "Importer comme copie" });
      copy.focus();
      await fireEvent.click(copy);
      await waitFor(() => expect(onCopied).toHaveBeenCalled());
      await waitFor(() => expect([main, gone.main]).toContain(document.activeElement));
    });
  });
});
