// Identities are explicit, never inferred from names (issue 10, item 3), in the real app. The association
// « Comité des fêtes » of Saunay imports rw-04, whose partners include another « Comité des fêtes » (Villedômer,
// another RNA, another president): the convention's preview names both, with both representatives. A partner typed
// with the same RNA as an existing one is not saved before the side-by-side question; the profile added as a partner
// carries the « Notre association » link.

import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'cigogne distraite sur le clocher de Saunay';
/** The shared sample rw-04, kept with the documents' tests (crates/allia-docs/tests/data/cases). */
const SAMPLE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'crates',
  'allia-docs',
  'tests',
  'data',
  'cases',
  'rw-04-homonymes.json',
);
const workspace = makeWorkspace();
const chosenFile = join(workspace.root, 'rw-04-homonymes.json');
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;

useDriver(workspace);

describe('des homonymes restent deux organisations', () => {
  const app = appSession();

  step(app, 'crée le coffre et le profil du Comité des fêtes de Saunay', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    await ui.fill('profile-name', 'Comité des fêtes');
    await ui.fill('profile-legalForm', 'Association loi 1901');
    await ui.fill('profile-rna', 'W372011111');
    await ui.fill('profile-postalCode', '37110');
    await ui.fill('profile-city', 'Saunay');
    await ui.fill('profile-representativeName', 'Gisèle Royer');
    await ui.fill('profile-representativeRole', 'Présidente');
    await ui.click('profile-save');
    await ui.shown('profile-saved');
  });

  step(app, 'importe rw-04 : le Comité des fêtes de Villedômer est un partenaire', async () => {
    const ui = page(app.browser);
    copyFileSync(SAMPLE, chosenFile);
    await ui.click('import-alliance');
    await ui.waitForCount('alliance-item', 1);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 6);
    const homonyms = await ui.withText('partner-row', 'Comité des fêtes');
    assert.equal(homonyms.length, 1, 'the homonym is a partner of its own');
    assert.match(await homonyms[0].getText(), /Villedômer/);
    assert.equal(await ui.count('partner-own-badge'), 0, 'no partner is linked to the association');
  });

  step(app, 'la convention nomme les deux comités, avec leurs deux représentants', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention du Val de Brenne');
    await ui.click('document-create');
    await ui.shown('document-preview');
    let preview = '';
    await app.browser.waitUntil(
      async () => {
        preview = (await ui.text('document-preview')).replace(/\s+/g, ' ');
        return preview.includes('Patrick Texier') && preview.includes('Gisèle Royer');
      },
      { timeoutMsg: `both representatives should be in the preview (saw « ${preview.slice(0, 400)} »)` },
    );
    for (const expected of ['Saunay', 'Villedômer', 'W372011111', 'W372022222']) {
      assert.ok(preview.includes(expected), `the preview should contain « ${expected} »`);
    }
    assert.ok(preview.split('Patrick Texier').length - 1 >= 2, 'Patrick Texier is a party and signs');
    assert.ok(preview.split('Gisèle Royer').length - 1 >= 2, 'Gisèle Royer is a party and signs');
  });

  step(app, 'un partenaire au même numéro RNA : la question côte à côte, rien n’est enregistré', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 6);
    await ui.click('add-partner');
    await ui.shown('partner-panel');
    await ui.fill('partner-name', 'Comité des fêtes de Villedômer');
    await ui.fill('partner-rna', 'W372022222');
    await ui.fill('partner-city', 'Villedômer');
    await ui.click('partner-save');
    await ui.shown('lookalike-dialog');
    assert.match(await ui.text('lookalike-reason'), /même numéro RNA/);
    const pair = await ui.text('lookalike-pair');
    assert.match(pair, /Comité des fêtes de Villedômer/);
    assert.match(pair, /Patrick Texier/, 'the recorded partner’s representative is shown');
    assert.equal(await ui.count('lookalike-own'), 0, 'the profile is not among them');
    await screenshot(app.browser, 'identity-lookalike');
    await ui.click('lookalike-cancel');
    // Counted rather than watched: the closing dialog leaves the page while it is looked at.
    await ui.waitForCount('lookalike-dialog', 0);
    await ui.shown('partner-panel');
    await ui.click('partner-cancel');
    await ui.click('confirm-discard');
    await ui.waitForGone('partner-panel');
    assert.equal(await ui.count('partner-row'), 6, 'nothing was saved');
  });

  step(app, 'notre association ajoutée comme partenaire porte le lien « Notre association »', async () => {
    const ui = page(app.browser);
    await ui.click('add-own-partner');
    await ui.shown('partner-panel');
    assert.equal(await ui.value('partner-name'), 'Comité des fêtes');
    assert.ok(await app.browser.$('[data-testid="partner-own"]').isSelected(), 'the link is set');
    await ui.click('partner-save');
    await ui.waitForGone('partner-panel');
    await ui.waitForCount('partner-row', 7);
    await ui.waitForCount('partner-own-badge', 1);
    assert.equal(await ui.count('add-own-partner'), 0, 'one per alliance: the action is gone');
    await ui.openRow('partner-row', 'Notre association');
    await ui.shown('partner-own-line');
    await app.browser.keys('Escape');
  });
});
