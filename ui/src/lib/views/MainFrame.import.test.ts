// « Importer une alliance… » refused: every problem of the file is shown, with its place, as a list in the error above
// the content (jsdom, mocked IPC answering as the shell does).
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppError, Catalog } from "$lib/api/bindings";
import MainFrame from "./MainFrame.svelte";
import { LATER_CATALOG_LISTS } from "../api/catalog-fixture";

const catalog: Catalog = {
  actorTypes: [],
  partnerRoles: [],
  allianceStatuses: [],
  documentKinds: [],
  documentStatuses: [],
  legalForms: [],
  contributionNatures: [],
  paymentScheduleKinds: [],
  publicFunderActorTypes: [],
  ...LATER_CATALOG_LISTS,
};

/** What `alliance_import_choose` answers for a file with two problems (src-tauri `AppError::import_refused`). */
const refusal: AppError = {
  code: "validation",
  message:
    "Ce fichier d’alliance contient des informations à corriger\u00a0:\n" +
    "partenaire 3, SIRET\u00a0: Ce numéro SIRET n’est pas valide.\n" +
    "profil, IBAN\u00a0: Cet IBAN n’est pas valide.",
  field: "partners.3.siret",
  fieldErrors: [
    { field: "partners.3.siret", message: "Ce numéro SIRET n’est pas valide." },
    { field: "profile.bank.iban", message: "Cet IBAN n’est pas valide." },
  ],
};

describe("MainFrame, import refused", () => {
  beforeEach(() => {
    mockWindows("main");
    mockIPC((cmd) => {
      if (cmd === "catalog") return catalog;
      if (cmd === "alliance_list") return [];
      // A plain object thrown is the command's error, as Tauri rejects with it.
      if (cmd === "alliance_import_choose") throw refusal;
      return null;
    });
  });

  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it("lists each problem with its place", async () => {
    render(MainFrame, {
      props: {
        notice: null,
        onDismissNotice: vi.fn(),
        onLock: vi.fn(),
        onAutoLockChanged: vi.fn(),
        onRestored: vi.fn(),
        onNewRecoveryKey: vi.fn(),
      },
    });
    await screen.findByTestId("empty-alliances");
    await fireEvent.click(screen.getByTestId("import-alliance"));

    const alert = await screen.findByTestId("side-error");
    expect(alert).toHaveAttribute("role", "alert");
    expect(alert).toHaveTextContent("Ce fichier d’alliance contient des informations à corriger");
    const items = within(within(alert).getByRole("list")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "partenaire 3, SIRET\u00a0: Ce numéro SIRET n’est pas valide.",
      "profil, IBAN\u00a0: Cet IBAN n’est pas valide.",
    ]);
  });
});
