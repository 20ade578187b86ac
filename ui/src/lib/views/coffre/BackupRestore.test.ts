// The restore flow of one chosen backup, against mocked commands (jsdom, mocked IPC).
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError, BackupEntry, BackupPreview } from "$lib/api/bindings";
import { formatDateTime } from "$lib/backups";
import BackupRestore from "./BackupRestore.svelte";

const entry: BackupEntry = {
  fileName: "allia-20261130-130500-verrouillage.allia-sauvegarde",
  createdAt: "2026-11-30T13:05:00+00:00",
  reason: "au verrouillage",
  kind: "verrouillage",
  size: 48_000,
};

const preview: BackupPreview = {
  backup: entry,
  alliances: ["Service partagé du Val de Brenne", "Pentes solidaires"],
  partners: 5,
  documents: 1,
  sameVault: true,
};

const wrongSecret: AppError = {
  code: "backup_wrong_secret",
  message: "Cette phrase de passe n’ouvre pas cette sauvegarde.",
  field: "secret",
  fieldErrors: [{ field: "secret", message: "Cette phrase de passe n’ouvre pas cette sauvegarde." }],
};

interface Calls {
  preview: (string | null)[];
  restore: (string | null)[];
}

/** Mocks the two commands; `previewAnswer` decides per secret. */
function mockBackend(previewAnswer: (secret: string | null) => BackupPreview | AppError, restoreAnswer?: () => Promise<null>) {
  const calls: Calls = { preview: [], restore: [] };
  mockIPC((cmd, payload) => {
    const secret = ((payload ?? {}) as { secret?: string | null }).secret ?? null;
    if (cmd === "backup_preview") {
      calls.preview.push(secret);
      const answer = previewAnswer(secret);
      return "code" in answer ? Promise.reject(answer) : answer;
    }
    if (cmd === "backup_restore") {
      calls.restore.push(secret);
      return restoreAnswer ? restoreAnswer() : null;
    }
    return null;
  });
  return calls;
}

async function confirmRestore() {
  await fireEvent.click(await screen.findByTestId("backup-restore-submit"));
  const confirm = await screen.findByTestId("confirm-restore");
  expect(screen.getByRole("alertdialog")).toHaveTextContent("sera remplacé");
  expect(screen.getByRole("alertdialog")).toHaveTextContent("avant une restauration");
  await fireEvent.click(confirm);
}

describe("BackupRestore", () => {
  afterEach(() => {
    clearMocks();
  });

  it("with the vault open, shows a backup of it without asking anything, then restores it", async () => {
    const calls = mockBackend(() => preview);
    const onRestored = vi.fn();
    render(BackupRestore, { entry, unlocked: true, onRestored });

    expect(screen.getByTestId("backup-date").textContent).toBe(`Sauvegarde du ${formatDateTime(entry.createdAt)}`);
    expect(screen.getByTestId("backup-reason")).toHaveTextContent("faite au verrouillage");
    const contents = await screen.findByTestId("backup-preview");
    expect(contents.textContent).toMatch(
      /^Cette sauvegarde contient 2\salliances \(«\sService partagé du Val de Brenne\s» et «\sPentes solidaires\s»\), 5\spartenaires et 1\sdocument\.$/,
    );
    expect(screen.queryByTestId("backup-secret")).toBeNull();
    expect(screen.queryByTestId("backup-passphrase-note")).toBeNull();
    expect(calls.preview).toEqual([null]);

    await confirmRestore();
    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(entry));
    expect(calls.restore).toEqual([null]);
  });

  it("asks for the secret when the vault is locked, refuses a wrong one, restores with the right one", async () => {
    const calls = mockBackend((secret) => (secret === "ancienne phrase solide" ? { ...preview, sameVault: false } : wrongSecret));
    const onRestored = vi.fn();
    render(BackupRestore, { entry, unlocked: false, onRestored });

    // Nothing is tried without a secret.
    const input = await screen.findByTestId("backup-secret");
    expect(calls.preview).toEqual([]);
    expect(screen.getByText(/en vigueur lors de la sauvegarde, ou\s+votre clé de récupération/)).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    expect(await screen.findByTestId("error-secret")).toHaveTextContent("Saisissez la phrase de passe");
    expect(calls.preview).toEqual([]);

    await fireEvent.input(input, { target: { value: "mauvaise" } });
    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    expect(await screen.findByTestId("error-secret")).toHaveTextContent("n’ouvre pas cette sauvegarde");
    expect(screen.queryByTestId("backup-restore-submit")).toBeNull();

    await fireEvent.input(screen.getByTestId("backup-secret"), { target: { value: "ancienne phrase solide" } });
    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    expect(await screen.findByTestId("backup-preview")).toHaveTextContent(/5\spartenaires/);
    const note = screen.getByTestId("backup-passphrase-note");
    expect(note).toHaveTextContent("phrase de passe en vigueur lors de cette sauvegarde");
    // Only the kit of the vault that was backed up opens it, not necessarily « votre » kit.
    expect(note).toHaveTextContent("ou avec la clé de récupération de ce coffre-là");
    expect(note).not.toHaveTextContent("votre clé");

    await confirmRestore();
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    // The restore uses the secret that opened the preview.
    expect(calls.restore).toEqual(["ancienne phrase solide"]);
    expect(calls.preview).toEqual(["mauvaise", "ancienne phrase solide"]);
  });

  it("on a computer with no vault, says the vault will be made from the backup, not replaced", async () => {
    const calls = mockBackend(() => ({ ...preview, sameVault: false }));
    render(BackupRestore, { entry, unlocked: false, hasVault: false, onRestored: vi.fn() });
    await fireEvent.input(await screen.findByTestId("backup-secret"), { target: { value: "ancienne phrase solide" } });
    await fireEvent.click(screen.getByTestId("backup-secret-submit"));
    await screen.findByTestId("backup-preview");
    await fireEvent.click(screen.getByTestId("backup-restore-submit"));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Le coffre sera recréé sur cet ordinateur avec le contenu de la sauvegarde du");
    expect(dialog).not.toHaveTextContent("avant une restauration");
    expect(calls.restore).toEqual([]);
  });

  it("asks for the secret when a backup of another vault needs it", async () => {
    const calls = mockBackend((secret) => (secret === null ? wrongSecret : preview));
    render(BackupRestore, { entry, unlocked: true, onRestored: vi.fn() });
    expect(await screen.findByTestId("backup-secret")).toBeInTheDocument();
    // Asked for, not yet an error.
    expect(screen.queryByTestId("error-secret")).toBeNull();
    expect(calls.preview).toEqual([null]);
  });

  it("says when the file is not a complete backup, and offers no restore", async () => {
    mockBackend(() => ({ code: "backup_invalid", message: "Ce fichier n’est pas une sauvegarde Allia complète.", field: null, fieldErrors: [] }));
    render(BackupRestore, { entry, unlocked: true, onRestored: vi.fn() });
    expect(await screen.findByTestId("backup-restore-error")).toHaveTextContent("pas une sauvegarde Allia complète");
    expect(screen.queryByTestId("backup-restore-submit")).toBeNull();
    expect(screen.queryByTestId("backup-preview")).toBeNull();
  });

  it("shows progress and disables the button while restoring, and the error if it fails", async () => {
    let finish: (value: null) => void = () => {};
    let fail: (error: AppError) => void = () => {};
    mockBackend(
      () => preview,
      () =>
        new Promise<null>((resolve, reject) => {
          finish = resolve;
          fail = reject;
        }),
    );
    const onBusyChange = vi.fn();
    const onRestored = vi.fn();
    render(BackupRestore, { entry, unlocked: true, onRestored, onBusyChange });

    await confirmRestore();
    expect(await screen.findByTestId("backup-restoring")).toHaveTextContent("Restauration en cours…");
    expect(screen.getByTestId("backup-restore-submit")).toBeDisabled();
    expect(onBusyChange).toHaveBeenLastCalledWith(true);

    fail({ code: "io", message: "Impossible d’écrire le fichier.", field: null, fieldErrors: [] });
    expect(await screen.findByTestId("backup-restore-error")).toHaveTextContent("Impossible d’écrire");
    expect(screen.getByTestId("backup-restore-submit")).toBeEnabled();
    expect(screen.queryByTestId("backup-restoring")).toBeNull();
    expect(onBusyChange).toHaveBeenLastCalledWith(false);
    expect(onRestored).not.toHaveBeenCalled();

    await confirmRestore();
    finish(null);
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
  });
});
