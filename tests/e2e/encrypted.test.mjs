// Encrypted exchange and the demo loaded once per vault, in the real app: « Charger l’exemple » on a vault that
// already has the demo opens it (renamed, not a new copy); « Exporter chiffré… » asks the passphrase twice with its
// strength and the advice to give it by another channel, refuses a weak or mistyped one, then writes an age file
// (armored) where the save dialog says, with nothing of the alliance readable in it; « Importer une alliance… » on
// that file asks its passphrase, refuses a wrong one without importing anything, and opens it with the right one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'castor appliqué sur les bords du Cher';
const FILE_PASSPHRASE = 'cerf-volant orange au-dessus de Tours';
const RENAMED = 'Service partagé du Val de Brenne (essai)';
/** The file name the app suggests for the renamed demo alliance (its name, as a slug). */
const FILE_NAME = 'service-partagé-du-val-de-brenne-essai.alliance.age';

const workspace = makeWorkspace();
const written = join(workspace.saveDir, FILE_NAME);
// « Importer une alliance… » opens this file instead of showing the dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = written;
const driver = useDriver(workspace);

describe('échange chiffré et exemple chargé une fois', () => {
  const app = appSession();

  step(app, "charge l'exemple, le renomme, puis « Charger l'exemple » le rouvre sans copie", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-alliance');
    await ui.fill('alliance-name', RENAMED);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');

    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await ui.loadDemo(RENAMED);
    // Opened at its home area, as it now is.
    await app.browser.waitUntil(async () => (await ui.isShown('alliance-name')) && (await ui.value('alliance-name')) === RENAMED, {
      timeoutMsg: 'the demo should open, renamed',
    });
    await ui.waitForCount('alliance-item', 1);
    assert.equal((await ui.withText('alliance-item', RENAMED)).length, 1);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
  });

  step(app, 'refuse une phrase de passe faible ou mal recopiée', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    await ui.click('alliance-export-encrypted');
    await ui.shown('encrypted-export');
    assert.match(
      await ui.text('encrypted-export-advice'),
      /par un autre canal \(téléphone, SMS\), jamais dans le même e-mail que le fichier\./,
    );

    await ui.fill('encrypted-export-passphrase', 'brenne');
    await ui.fill('encrypted-export-confirmation', 'brenne');
    await ui.click('encrypted-export-submit');
    assert.match(await ui.text('error-passphrase'), /^Au moins 10 caractères/);
    assert.equal(existsSync(written), false);

    await ui.fill('encrypted-export-passphrase', FILE_PASSPHRASE);
    await app.browser.waitUntil(async () => /Bonne|Excellente/.test(await ui.text('passphrase-strength')), {
      timeoutMsg: 'the strength should say the passphrase is good',
    });
    await ui.fill('encrypted-export-confirmation', `${FILE_PASSPHRASE}s`);
    await ui.click('encrypted-export-submit');
    assert.equal(await ui.text('error-confirmation'), 'Les deux phrases de passe ne sont pas identiques.');
    assert.equal(existsSync(written), false);

    await ui.click('encrypted-export-cancel');
    await ui.waitForGone('encrypted-export');
  });

  step(app, 'exporte le fichier chiffré : un fichier age illisible sans la phrase de passe', async () => {
    const ui = page(app.browser);
    await ui.click('alliance-export-encrypted');
    await ui.fill('encrypted-export-passphrase', FILE_PASSPHRASE);
    await ui.fill('encrypted-export-confirmation', FILE_PASSPHRASE);
    await app.browser.waitUntil(async () => /Bonne|Excellente/.test(await ui.text('passphrase-strength')));
    await screenshot(app.browser, 'exporter-chiffre');
    await ui.click('encrypted-export-submit');
    await ui.shown('alliance-exported-encrypted');
    await ui.waitForGone('encrypted-export');
    assert.match(await ui.text('alliance-exported-encrypted'), /Fichier d’alliance chiffré enregistré/);

    assert.ok(existsSync(written), `${written} was written`);
    const text = readFileSync(written, 'utf8');
    assert.ok(text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----'), text.slice(0, 60));
    assert.ok(text.trimEnd().endsWith('-----END AGE ENCRYPTED FILE-----'));
    assert.equal(text.includes('Brenne'), false, 'nothing of the alliance is readable');
  });

  step(app, 'importe le fichier chiffré : une phrase de passe fausse est refusée, la bonne l’ouvre', async () => {
    const ui = page(app.browser);
    await ui.click('import-alliance');
    await ui.shown('import-passphrase-step');
    await ui.fill('import-passphrase', 'cerf-volant orange au-dessus de Blois');
    await ui.click('import-passphrase-submit');
    assert.equal(await ui.text('error-passphrase'), 'Phrase de passe incorrecte pour ce fichier chiffré.');
    await screenshot(app.browser, 'importer-chiffre-phrase-fausse');
    await ui.waitForCount('alliance-item', 1);

    await ui.fill('import-passphrase', FILE_PASSPHRASE);
    await ui.click('import-passphrase-submit');
    // The vault already holds this alliance (same id): a copy is asked for here.
    await ui.shown('import-existing-step');
    await ui.click('import-copy');
    await ui.waitForGone('import-flow');
    await ui.waitForCount('alliance-item', 2);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
  });
});
