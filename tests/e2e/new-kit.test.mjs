// A new recovery kit from Paramètres, in the real app: the passphrase checked first, an
// automatic backup made, a new key shown once; then the old kit no longer opens the vault
// (« Phrase de passe oubliée ? » refuses it) and the new one does.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'héron patient au bord du canal de Nantes';
const RECOVERED_PASSPHRASE = 'loutre discrète sous le pont de Saumur';

const workspace = makeWorkspace();
const backupsDir = join(workspace.dataDir, 'backups');

const automaticBackups = () =>
  existsSync(backupsDir) ? readdirSync(backupsDir).filter((name) => name.endsWith('.allia-sauvegarde')) : [];

/** Letters and digits only: keys compare whatever their grouping. */
const alnum = (text) => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

const driver = useDriver(workspace);

describe('un nouveau kit de récupération depuis Paramètres', () => {
  const app = appSession();
  let oldKey;
  let newKey;

  step(app, 'crée le coffre et note la clé de récupération', async () => {
    const ui = page(app.browser);
    oldKey = await ui.createVault(PASSPHRASE);
    assert.ok(alnum(oldKey).length >= 16, `a recovery key is shown (saw « ${oldKey} »)`);
  });

  step(app, 'Paramètres › Kit de récupération : une phrase de passe fausse est dite sur le champ', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await ui.scrollToTop('settings-new-kit');
    // Without a window manager the window may open lower than the screen's 800 px: bring it
    // back whole so the card's button shows in the documentation's picture.
    const rect = await app.browser.getWindowRect();
    if (rect.y + rect.height > 800) await app.browser.setWindowRect(rect.x, Math.max(0, 800 - rect.height) / 2, null, null);
    const card = await ui.text('settings-new-kit');
    assert.match(card, /Kit de récupération/);
    assert.match(card, /l’ancien n’ouvrira plus le coffre \(il ouvre encore les sauvegardes faites avant\)/);
    await screenshot(app.browser, 'parametres-nouveau-kit');

    await ui.fill('new-kit-passphrase', 'pas la bonne phrase du tout');
    await ui.click('new-kit-submit');
    await ui.shown('confirm-new-kit');
    await ui.click('confirm-new-kit');
    const error = await ui.shown('error-passphrase');
    assert.match(await error.getText(), /incorrecte/);
    assert.ok(await ui.isShown('settings-new-kit'), 'the settings stay on screen');
  });

  step(app, 'avec la bonne phrase de passe : une sauvegarde, puis la nouvelle clé, différente', async () => {
    const ui = page(app.browser);
    const backupsBefore = automaticBackups().length;
    await ui.fill('new-kit-passphrase', PASSPHRASE);
    await ui.click('new-kit-submit');
    await ui.shown('confirm-new-kit');
    await ui.click('confirm-new-kit');

    newKey = await ui.text('recovery-key');
    assert.ok(alnum(newKey).length >= 16, `a new recovery key is shown (saw « ${newKey} »)`);
    assert.notEqual(alnum(newKey), alnum(oldKey), 'the new key differs from the old one');
    const heading = await app.browser.$('h1').getText();
    assert.equal(heading.trim(), 'Votre nouvelle clé de récupération');
    assert.match(await ui.text('recovery-key-renewed'), /L’ancien kit n’ouvre plus le coffre/);
    assert.ok(automaticBackups().length > backupsBefore, 'an automatic backup was made before the new key');

    await ui.check('recovery-confirm');
    await ui.click('recovery-continue');
    await ui.waitForGone('recovery-key');
    assert.match(await ui.text('main-notice'), /Nouveau kit de récupération créé\s:\sl’ancien n’ouvre plus le coffre\./);
    // Back where the new key was asked for: Paramètres.
    await ui.shown('settings-new-kit');
  });

  step(app, 'verrouille ; « Phrase de passe oubliée ? » refuse l’ancienne clé', async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await ui.shown('unlock-passphrase');
    await ui.click('forgot-passphrase');
    await ui.fill('recover-key', oldKey);
    await ui.fill('recover-passphrase', RECOVERED_PASSPHRASE);
    await ui.fill('recover-confirmation', RECOVERED_PASSPHRASE);
    await ui.click('recover-submit');
    let said = '';
    await app.browser.waitUntil(
      async () => {
        for (const id of ['error-recoveryKey', 'recover-error']) {
          if (await ui.isShown(id)) said = await ui.text(id);
        }
        return said.includes('ne correspond pas');
      },
      { timeoutMsg: `the old key should be refused with « ne correspond pas » (saw « ${said} »)` },
    );
    assert.ok(await ui.isShown('recover-key'), 'still on the recovery form');
  });

  step(app, 'la nouvelle clé rouvre le coffre', async () => {
    const ui = page(app.browser);
    await ui.fill('recover-key', newKey);
    await ui.fill('recover-passphrase', RECOVERED_PASSPHRASE);
    await ui.fill('recover-confirmation', RECOVERED_PASSPHRASE);
    await ui.click('recover-submit');
    // The vault opens where it was locked: Paramètres.
    await ui.shown('settings-new-kit');
    assert.match(await ui.text('main-notice'), /phrase de passe a été changée/);
  });
});
