// Never losing a vault, in the real app: the key file deleted and the vault reopened with
// the recovery kit; a backup saved elsewhere, then an automatic backup previewed and
// restored from Paramètres; the vault file damaged, the « endommagé » screen and the most
// recent backup restored from there; then a new computer holding only a copy of the backups
// folder, restored from the welcome screen.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';

import { appSession, makeWorkspace, removeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'castor prudent sous le pont de Blois';
const NEW_PASSPHRASE = 'mouette studieuse sur la plage de Royan';
const FIRST = 'Alliance des jardins partagés';
const SECOND = 'Alliance éphémère à effacer';
const THIRD = 'Alliance de la ressourcerie';

const workspace = makeWorkspace();
const backupsDir = join(workspace.dataDir, 'backups');
const keyFile = join(workspace.dataDir, 'allia.vault.keys');
const vaultFile = join(workspace.dataDir, 'allia.vault');
/** « Restaurer depuis… » opens this file instead of showing the dialog (inherited through tauri-driver). */
const chosenFile = join(workspace.root, 'copie.allia-sauvegarde');
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;

/** Shown once at creation, used after the key file is gone. */
let recoveryKey;

const driver = useDriver(workspace);

const automaticBackups = () =>
  existsSync(backupsDir) ? readdirSync(backupsDir).filter((name) => name.endsWith('.allia-sauvegarde')) : [];

async function createAlliance(ui, name) {
  await ui.click('new-alliance');
  await ui.fill('alliance-name', name);
  await ui.click('alliance-save');
  await ui.shown('nav-area-partenaires');
}

async function expectAlliances(browser, ui, names) {
  let seen;
  await browser.waitUntil(
    async () => {
      const items = await browser.$$('[data-testid="alliance-item"]');
      seen = [];
      for (const item of items) seen.push((await item.getText()).trim());
      return seen.length === names.length && names.every((name) => seen.some((text) => text.includes(name)));
    },
    { timeoutMsg: `expected the alliances ${JSON.stringify(names)}, saw ${JSON.stringify(seen)}` },
  );
}

async function lockAndWaitForBackup(browser, ui, before) {
  await ui.click('lock-button');
  await ui.shown('unlock-passphrase');
  // The backup is written while the unlock screen already shows.
  await browser.waitUntil(async () => automaticBackups().length > before, {
    timeoutMsg: `no new automatic backup in ${backupsDir} after locking`,
  });
}

/** Waits for the preview sentence and returns it. */
async function previewText(browser, ui) {
  let text = '';
  await browser.waitUntil(async () => (text = await ui.text('backup-preview')).startsWith('Cette sauvegarde contient'), {
    timeoutMsg: `backup-preview should describe the backup (saw « ${text} »)`,
  });
  return text;
}

/** Confirms the restore and waits for the main screen's « Sauvegarde du … restaurée. ». */
async function confirmRestore(browser, ui) {
  await ui.click('backup-restore-submit');
  await ui.shown('confirm-restore');
  await ui.click('confirm-restore');
  let notice = '';
  // An older notice (e.g. « phrase de passe changée ») may still show until the restore ends.
  await browser.waitUntil(
    async () => (await ui.isShown('main-notice')) && /^Sauvegarde du .+ restaurée\./.test((notice = await ui.text('main-notice'))),
    { timeoutMsg: `main-notice should say the backup was restored (saw « ${notice} »)` },
  );
}

describe('un coffre, une alliance, un verrouillage', () => {
  const app = appSession();

  step(app, 'crée le coffre et une alliance', async () => {
    const ui = page(app.browser);
    recoveryKey = await ui.createVault(PASSPHRASE);
    assert.ok(recoveryKey.length >= 16, 'a recovery key is shown');
    await createAlliance(ui, FIRST);
    await expectAlliances(app.browser, ui, [FIRST]);
  });

  step(app, 'verrouille : une sauvegarde automatique est faite', async () => {
    const ui = page(app.browser);
    await lockAndWaitForBackup(app.browser, ui, 0);
  });
});

describe('relance sans le fichier de clés', () => {
  before(() => {
    assert.ok(existsSync(keyFile), 'the key file exists before it is deleted');
    rmSync(keyFile);
  });
  const app = appSession();

  step(app, 'ouvre directement le formulaire du kit de récupération, avec « introuvable »', async () => {
    const ui = page(app.browser);
    await ui.shown('recover-key');
    const reason = await ui.text('recover-reason');
    assert.match(reason, /introuvable/);
    assert.match(reason, /kit de récupération/);
    assert.equal(await ui.isShown('create-passphrase'), false, 'never the welcome screen');
    assert.equal(await ui.isShown('unlock-passphrase'), false);
    await screenshot(app.browser, 'cle-introuvable');
  });

  step(app, 'rouvre le coffre avec le kit et une nouvelle phrase de passe', async () => {
    const ui = page(app.browser);
    await ui.fill('recover-key', recoveryKey);
    await ui.fill('recover-passphrase', NEW_PASSPHRASE);
    await ui.fill('recover-confirmation', NEW_PASSPHRASE);
    await ui.click('recover-submit');
    await ui.shown('lock-button');
    await expectAlliances(app.browser, ui, [FIRST]);
    assert.ok(existsSync(keyFile), 'a new key file was written');
  });

  step(app, 'sauvegarde vers un fichier choisi', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await ui.click('backup-save-as');
    const message = await ui.text('backup-saved');
    const saved = readdirSync(workspace.saveDir).filter((name) => name.endsWith('.allia-sauvegarde'));
    assert.equal(saved.length, 1, `one backup saved in ${workspace.saveDir}`);
    assert.ok(message.includes(saved[0]), `the message names the file (saw « ${message} »)`);
    copyFileSync(join(workspace.saveDir, saved[0]), chosenFile);
  });

  step(app, 'ajoute une seconde alliance', async () => {
    const ui = page(app.browser);
    await createAlliance(ui, SECOND);
    await expectAlliances(app.browser, ui, [FIRST, SECOND]);
  });

  step(app, 'montre le contenu du fichier choisi avec « Restaurer depuis… »', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await ui.click('backup-restore-from');
    const text = await previewText(app.browser, ui);
    assert.ok(text.includes(FIRST), `the preview names « ${FIRST} » (saw « ${text} »)`);
    assert.ok(!text.includes(SECOND), `the preview does not name « ${SECOND} »`);
    await ui.click('backup-chosen-close');
    await ui.waitForGone('backup-preview');
  });

  step(app, 'restaure la sauvegarde automatique après l’avoir prévisualisée', async () => {
    const ui = page(app.browser);
    await ui.shown('settings-backups');
    const items = await app.browser.$$('[data-testid="backup-item-restore"]');
    assert.ok(items.length >= 1, 'the automatic backups are listed');
    await ui.scrollToTop('settings-backups');
    await screenshot(app.browser, 'parametres-sauvegardes');
    await items[0].click();
    const text = await previewText(app.browser, ui);
    assert.ok(text.includes(FIRST), `the preview names « ${FIRST} » (saw « ${text} »)`);
    assert.ok(!text.includes(SECOND), `the preview does not name « ${SECOND} »`);
    assert.match(text, /1\s+alliance\b/);
    await screenshot(app.browser, 'restauration-apercu');
    await confirmRestore(app.browser, ui);
    await expectAlliances(app.browser, ui, [FIRST]);
  });

  step(app, 'ajoute une autre alliance, puis verrouille', async () => {
    const ui = page(app.browser);
    await createAlliance(ui, THIRD);
    await expectAlliances(app.browser, ui, [FIRST, THIRD]);
    await lockAndWaitForBackup(app.browser, ui, automaticBackups().length);
  });
});

describe('coffre endommagé', () => {
  before(() => {
    // The app has quit: flip bytes in the last page of the database.
    const wal = `${vaultFile}-wal`;
    assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the write-ahead log was folded into the vault on close');
    const bytes = readFileSync(vaultFile);
    const at = bytes.length - 2000;
    for (let i = 0; i < 16; i += 1) bytes[at + i] ^= 0xff;
    writeFileSync(vaultFile, bytes);
  });
  const app = appSession();

  step(app, 'au déverrouillage, affiche « Le coffre est endommagé » et la sauvegarde la plus récente', async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', NEW_PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('vault-damaged');
    assert.match(await ui.text('damaged-message'), /endommagé/);
    await ui.shown('backup-date');
    assert.match(await ui.text('backup-date'), /^Sauvegarde du \d/);
    await ui.shown('backup-secret');
    await ui.shown('damaged-choose-file');
    await screenshot(app.browser, 'coffre-endommage');
  });

  step(app, 'restaure la sauvegarde et retrouve les données', async () => {
    const ui = page(app.browser);
    await ui.fill('backup-secret', NEW_PASSPHRASE);
    await ui.click('backup-secret-submit');
    const text = await previewText(app.browser, ui);
    assert.ok(text.includes(FIRST) && text.includes(THIRD), `the preview names both alliances (saw « ${text} »)`);
    await confirmRestore(app.browser, ui);
    await ui.shown('lock-button');
    await expectAlliances(app.browser, ui, [FIRST, THIRD]);
  });

  step(app, 'le coffre restauré se déverrouille ensuite normalement', async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', NEW_PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
    await expectAlliances(app.browser, ui, [FIRST, THIRD]);
  });
});

describe('nouvel ordinateur : il ne reste que les sauvegardes', () => {
  // A fresh data folder holding only a copy of the backups made above: no vault, no key file.
  const fresh = makeWorkspace();
  before(async () => {
    assert.ok(automaticBackups().length > 0, 'the earlier scenarios left automatic backups');
    await driver.stop();
    cpSync(backupsDir, join(fresh.dataDir, 'backups'), { recursive: true });
    // The app learns its data folder from the driver's environment: start a new driver.
    await driver.restart(fresh);
  });
  after(() => removeWorkspace(fresh));
  const app = appSession();

  step(app, 'l’accueil signale les sauvegardes et propose « Restaurer une sauvegarde… »', async () => {
    const ui = page(app.browser);
    await ui.shown('create-passphrase');
    await ui.shown('welcome-backups-found');
    await ui.click('welcome-restore');
    await ui.shown('restore-backup');
    assert.match(await ui.text('backup-date'), /^Sauvegarde du \d/);
    await ui.shown('backup-secret');
    await ui.shown('damaged-choose-file');
    await ui.shown('restore-back');
    assert.equal(existsSync(join(fresh.dataDir, 'allia.vault')), false, 'nothing is created before the restore');
    await screenshot(app.browser, 'accueil-restauration');
  });

  step(app, 'restaure avec la phrase de passe de la sauvegarde et retrouve les alliances', async () => {
    const ui = page(app.browser);
    await ui.fill('backup-secret', NEW_PASSPHRASE);
    await ui.click('backup-secret-submit');
    const text = await previewText(app.browser, ui);
    assert.ok(text.includes(FIRST) && text.includes(THIRD), `the preview names both alliances (saw « ${text} »)`);
    await confirmRestore(app.browser, ui);
    assert.match(await ui.text('main-notice'), /s’ouvre désormais avec la phrase de passe en vigueur lors de cette sauvegarde/);
    await ui.shown('lock-button');
    await expectAlliances(app.browser, ui, [FIRST, THIRD]);
    assert.ok(existsSync(join(fresh.dataDir, 'allia.vault')), 'the vault was installed');
  });

  step(app, 'le coffre restauré se déverrouille avec cette phrase de passe', async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', NEW_PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
    await expectAlliances(app.browser, ui, [FIRST, THIRD]);
  });
});
