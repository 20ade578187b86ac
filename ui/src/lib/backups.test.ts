import { describe, expect, it } from "vitest";
import type { BackupEntry, BackupPreview } from "$lib/api/bindings";
import {
  backupTitle,
  formatDateTime,
  formatSize,
  joinFrench,
  previewSentence,
  reasonLabel,
  reasonPhrase,
} from "./backups";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

const entry: BackupEntry = {
  fileName: "allia-20261130-130500-verrouillage.allia-sauvegarde",
  createdAt: "2026-11-30T13:05:00+00:00",
  reason: "au verrouillage",
  kind: "verrouillage",
  size: 48_000,
};

function preview(alliances: string[], partners: number, documents: number): BackupPreview {
  return { backup: entry, alliances, partners, documents, sameVault: true };
}

describe("formatDateTime", () => {
  it("writes the local date and time the French way", () => {
    expect(formatDateTime("2026-11-30T13:05:00Z", "Europe/Paris")).toBe(`30 novembre 2026 à${NBSP}14${NBSP}h${NBSP}05`);
    expect(formatDateTime("2026-07-14T07:09:00Z", "Europe/Paris")).toBe(`14 juillet 2026 à${NBSP}9${NBSP}h${NBSP}09`);
  });

  it("writes the first of the month as « 1er » and midnight as 0 h", () => {
    expect(formatDateTime("2026-04-30T22:00:00Z", "Europe/Paris")).toBe(`1er mai 2026 à${NBSP}0${NBSP}h${NBSP}00`);
  });

  it("uses the time zone of the day, not of the UTC date", () => {
    // 23:30 UTC on 31 December is already the next year in Paris.
    expect(formatDateTime("2026-12-31T23:30:00Z", "Europe/Paris")).toBe(`1er janvier 2027 à${NBSP}0${NBSP}h${NBSP}30`);
    expect(formatDateTime("2026-12-31T23:30:00Z", "America/Martinique")).toBe(`31 décembre 2026 à${NBSP}19${NBSP}h${NBSP}30`);
  });

  it("gives back what it cannot read", () => {
    expect(formatDateTime("hier")).toBe("hier");
  });

  it("titles a backup by its date", () => {
    expect(backupTitle(entry, "Europe/Paris")).toBe(`Sauvegarde du 30 novembre 2026 à${NBSP}14${NBSP}h${NBSP}05`);
  });
});

describe("reasons", () => {
  it("follows the date with the circumstance", () => {
    expect(reasonPhrase("au verrouillage")).toBe("faite au verrouillage");
    expect(reasonPhrase("à la fermeture d’Allia")).toBe("faite à la fermeture d’Allia");
    expect(reasonPhrase("avant une restauration")).toBe("faite avant une restauration");
    expect(reasonPhrase("sauvegarde")).toBeNull();
  });

  it("capitalises for a list cell", () => {
    expect(reasonLabel("à la demande")).toBe("À la demande");
  });
});

describe("previewSentence", () => {
  it("names the alliances and counts the rest", () => {
    expect(joinFrench(["a", "b", "c"])).toBe("a, b et c");
    expect(previewSentence(preview(["Val de Brenne", "Pentes"], 5, 1))).toBe(
      `Cette sauvegarde contient 2${NBSP}alliances («${NNBSP}Val de Brenne${NNBSP}» et «${NNBSP}Pentes${NNBSP}»), ` +
        `5${NBSP}partenaires et 1${NBSP}document.`,
    );
  });

  it("says « aucun » for what is empty, singular for one", () => {
    expect(previewSentence(preview([], 0, 0))).toBe(
      "Cette sauvegarde ne contient aucune alliance, aucun partenaire ni aucun document.",
    );
    expect(previewSentence(preview(["Seule"], 1, 2))).toBe(
      `Cette sauvegarde contient 1${NBSP}alliance («${NNBSP}Seule${NNBSP}»), 1${NBSP}partenaire et 2${NBSP}documents.`,
    );
    expect(previewSentence(preview(["Seule"], 3, 0))).toBe(
      `Cette sauvegarde contient 1${NBSP}alliance («${NNBSP}Seule${NNBSP}»), 3${NBSP}partenaires et aucun document.`,
    );
  });

  it("shortens a long list of alliances", () => {
    const names = ["A", "B", "C", "D", "E", "F", "G"];
    const sentence = previewSentence(preview(names, 0, 0));
    expect(sentence).toContain(`7${NBSP}alliances (`);
    expect(sentence).toContain(`«${NNBSP}E${NNBSP}» et 2${NBSP}autres)`);
    expect(sentence).not.toContain("F");
  });
});

describe("formatSize", () => {
  it("uses French units", () => {
    expect(formatSize(1)).toBe(`1${NBSP}octet`);
    expect(formatSize(512)).toBe(`512${NBSP}octets`);
    expect(formatSize(48 * 1024)).toBe(`48${NBSP}Ko`);
    expect(formatSize(1.25 * 1024 * 1024)).toBe(`1,3${NBSP}Mo`);
  });
});
