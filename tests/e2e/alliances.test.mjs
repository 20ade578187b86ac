// The guide's example alliance in the real app: load it, edit and remove a partner,
// rename the alliance (asking before leaving unsaved changes), archive it, delete it
// after confirmation; then change the passphrase, and reset it with the recovery key.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const NEW_PASSPHRASE = 'cormoran distrait sur le quai de Brest';
const DEMO = 'Service partagé du Val de Brenne';
const RENAMED = 'Service partagé du Val de Brenne et du Loir';
const RECOVERED_PASSPHRASE = 'pélican songeur devant la gare de Dijon';

const workspace = makeWorkspace();
const driver = useDriver(workspace);

describe("l'exemple du guide et les réglages", () => {
  const app = appSession();
  let recoveryKey;

  step(app, 'crée le coffre', async () => {
    const ui = page(app.browser);
    recoveryKey = await ui.createVault(PASSPHRASE);
    await screenshot(app.browser, 'aucune-alliance');
  });

  step(app, "charge l'exemple : cinq associations", async () => {
    const ui = page(app.browser);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    assert.equal((await ui.withText('partner-row', 'Maison des Solidarités du Val de Brenne')).length, 1);
    assert.equal((await ui.withText('alliance-item', DEMO)).length, 1);
    assert.equal(await app.browser.getTitle(), `Allia — ${DEMO}`, 'the window title names the open alliance');
    await screenshot(app.browser, 'alliance-exemple-partenaires');
  });

  step(app, 'modifie puis retire un partenaire', async () => {
    const ui = page(app.browser);
    await ui.openRow('partner-row', 'Sport et Insertion Brenne');
    await ui.fill('partner-city', 'Château-Renault');
    await ui.click('partner-save');
    await app.browser.waitUntil(
      async () => (await ui.withText('partner-row', 'Sport et Insertion Brenne'))[0]?.getText().then((t) => t.includes('Château-Renault')),
      { timeoutMsg: 'the row should show the new city' },
    );
    await ui.openRow('partner-row', 'Sport et Insertion Brenne');
    await ui.click('partner-delete');
    await ui.click('confirm-delete');
    await ui.waitForCount('partner-row', 4);
    assert.equal((await ui.withText('partner-row', 'Sport et Insertion Brenne')).length, 0);
  });

  step(app, "renomme l'alliance", async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    assert.equal(await ui.value('alliance-name'), DEMO);
    await ui.fill('alliance-name', RENAMED);
    // Leaving with unsaved changes asks first; staying keeps what was typed.
    await ui.click('nav-area-partenaires');
    await ui.shown('confirm-leave');
    await ui.click('confirm-cancel');
    assert.equal(await ui.value('alliance-name'), RENAMED);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    assert.equal((await ui.withText('alliance-item', RENAMED)).length, 1);
    await screenshot(app.browser, 'alliance-fiche');
  });

  step(app, "refuse un nom d'alliance vide", async () => {
    const ui = page(app.browser);
    await ui.fill('alliance-name', '   ');
    await ui.click('alliance-save');
    assert.match(await ui.text('error-name'), /Indiquez le nom de l.alliance/);
    await ui.fill('alliance-name', RENAMED);
  });

  step(app, "archive l'alliance", async () => {
    const ui = page(app.browser);
    await ui.click('alliance-archive');
    await app.browser.waitUntil(async () => (await ui.text('alliance-archive')).includes('Désarchiver'), {
      timeoutMsg: 'the archive button should now offer « Désarchiver »',
    });
  });

  step(app, "supprime l'alliance après confirmation", async () => {
    const ui = page(app.browser);
    await ui.click('alliance-delete');
    await ui.shown('confirm-delete');
    await ui.click('confirm-delete');
    await ui.shown('empty-alliances');
    assert.equal(await ui.count('alliance-item'), 0);
  });

  step(app, 'change la phrase de passe', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await ui.fill('change-current', 'pas la bonne phrase du tout');
    await ui.fill('change-passphrase', NEW_PASSPHRASE);
    await ui.fill('change-confirmation', NEW_PASSPHRASE);
    await ui.click('change-submit');
    assert.match(await ui.text('error-current'), /Phrase de passe incorrecte/);
    await ui.fill('change-current', PASSPHRASE);
    await ui.click('change-submit');
    await ui.shown('change-success');
    await screenshot(app.browser, 'parametres');
  });

  step(app, "l'ancienne phrase ne fonctionne plus, la nouvelle oui", async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    assert.match(await ui.text('unlock-error'), /Phrase de passe incorrecte/);
    await ui.fill('unlock-passphrase', NEW_PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
  });

  step(app, 'la clé de récupération rouvre le coffre avec une nouvelle phrase', async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await ui.click('forgot-passphrase');
    await ui.fill('recover-key', '0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000');
    await ui.fill('recover-passphrase', RECOVERED_PASSPHRASE);
    await ui.fill('recover-confirmation', RECOVERED_PASSPHRASE);
    await ui.click('recover-submit');
    assert.match(await ui.text('error-recoveryKey'), /ne correspond pas/);
    await screenshot(app.browser, 'phrase-oubliee');
    await ui.fill('recover-key', recoveryKey.toLowerCase());
    await ui.click('recover-submit');
    await ui.shown('lock-button');
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', RECOVERED_PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
  });

  step(app, 'se verrouille seul après le délai choisi sans activité', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await ui.fill('settings-autolock', '1');
    await ui.click('settings-save');
    await ui.shown('settings-saved');
    // One minute without input: the vault locks itself.
    await ui.el('unlock-passphrase').waitForDisplayed({
      timeout: 100_000,
      interval: 2_000,
      timeoutMsg: 'the vault should lock itself after one idle minute',
    });
    assert.equal(await ui.isShown('lock-button'), false);
  });
});
