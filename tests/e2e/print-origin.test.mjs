// A frozen version's print that came with an alliance file is said to be received, not checked: the alliance
// file is not authenticated. The builder's note gives the print's short SHA-256 fingerprint on both sides, so the
// sender and the receiver can compare them.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'héron cendré sur les bords de la Creuse';
/** The file name the app suggests for the demo alliance (its name, as a slug). */
const FILE_NAME = 'service-partagé-du-val-de-brenne.alliance.json';

const workspace = makeWorkspace();
const exported = join(workspace.saveDir, FILE_NAME);
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = exported;

useDriver(workspace);

const plain = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();
const FINGERPRINT = /empreinte SHA-256 : ([0-9a-f]{4}…[0-9a-f]{4})/;

describe('une impression reçue avec le fichier de l’alliance est dite reçue', () => {
  const app = appSession();
  let fingerprint = '';

  step(app, 'figée ici : la note donne l’empreinte de l’impression', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention envoyée');
    await ui.click('document-create');
    await ui.shown('document-preview');
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'), {
      timeoutMsg: 'the status should read « En relecture »',
    });
    const note = await ui.shown('frozen-print-note');
    await app.browser.waitUntil(async () => FINGERPRINT.test(plain(await note.getText())), {
      timeoutMsg: 'the note should show the print’s fingerprint',
    });
    const text = plain(await note.getText());
    assert.match(text, /l’export reproduit à l’identique le document figé/);
    fingerprint = FINGERPRINT.exec(text)[1];
  });

  step(app, 'importée comme copie : « PDF reçu », la même empreinte, à comparer', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    await ui.click('alliance-export');
    await ui.shown('alliance-exported');
    assert.ok(existsSync(exported), `${exported} was written`);
    await ui.click('import-alliance');
    await ui.shown('import-existing-step');
    await ui.click('import-copy');
    await ui.waitForCount('alliance-item', 2);
    const items = await app.browser.$$('[data-testid="alliance-item"]');
    await items[items.length - 1].click();
    await ui.click('nav-area-documents');
    await ui.waitForCount('document-item', 1);
    await (await app.browser.$$('[data-testid="document-item"]'))[0].click();
    const note = await ui.shown('frozen-print-note');
    await app.browser.waitUntil(async () => plain(await note.getText()).includes('PDF reçu'), {
      timeoutMsg: 'the copy’s note should say the PDF was received',
    });
    const text = plain(await note.getText());
    assert.match(text, /PDF reçu avec le fichier de l’alliance \(empreinte SHA-256 : [0-9a-f]{4}…[0-9a-f]{4}\) : l’export le reproduit tel qu’il a été reçu\. Comparez l’empreinte avec celle de l’expéditeur\./);
    assert.equal(FINGERPRINT.exec(text)[1], fingerprint, 'the same print, the same fingerprint');
    assert.ok(!text.includes('à l’identique'), text);
  });
});
