// The guide's example alliance in the real app: load it, rename it, archive it,
// delete it after confirmation; then change the passphrase in the settings.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { appSession, makeWorkspace, removeWorkspace, screenshot, startDriver, step } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const NEW_PASSPHRASE = 'cormoran distrait sur le quai de Brest';
const DEMO = 'Service partagé du Val de Brenne';
const RENAMED = 'Service partagé du Val de Brenne et du Loir';

const workspace = makeWorkspace();
let stopDriver;
before(async () => {
  stopDriver = await startDriver(workspace);
});
after(async () => {
  await stopDriver?.();
  removeWorkspace(workspace);
});

describe("l'exemple du guide et les réglages", () => {
  const app = appSession();

  step(app, 'crée le coffre', async () => {
    const ui = page(app.browser);
    await ui.fill('create-passphrase', PASSPHRASE);
    await ui.fill('create-confirmation', PASSPHRASE);
    await ui.click('create-submit');
    await ui.shown('recovery-key');
    await ui.check('recovery-confirm');
    await ui.click('recovery-continue');
    await ui.shown('empty-alliances');
  });

  step(app, "charge l'exemple : cinq associations", async () => {
    const ui = page(app.browser);
    await ui.click('load-demo');
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    assert.equal((await ui.withText('partner-row', 'Maison des Solidarités du Val de Brenne')).length, 1);
    assert.equal((await ui.withText('alliance-item', DEMO)).length, 1);
    await screenshot(app.browser, 'alliance-exemple-partenaires');
  });

  step(app, "renomme l'alliance", async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    assert.equal(await ui.value('alliance-name'), DEMO);
    await ui.fill('alliance-name', RENAMED);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    assert.equal((await ui.withText('alliance-item', RENAMED)).length, 1);
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
});
