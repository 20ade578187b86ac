// Step 4 of the guide on the example alliance: create a partnership agreement, leave an
// optional clause out, rewrite a clause, export the PDF and check its text, then freeze
// the version by sending it to review.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const TITLE = 'Convention de mutualisation 2026';
const EDITED = 'Texte modifié pour le test de bout en bout.';
const PDF_FILE = 'convention-de-mutualisation-2026-v1.pdf';
const DOCX_FILE = 'convention-de-mutualisation-2026-v1.docx';
/** The private folder where « Ouvrir pour imprimer » writes the PDF it hands to the system viewer (Linux). */
const PRINT_DIR = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'fr.allia.desktop', 'impression');
const printed = () => (existsSync(PRINT_DIR) ? readdirSync(PRINT_DIR).filter((name) => name.endsWith('.pdf')) : []);

const workspace = makeWorkspace();
const driver = useDriver(workspace);

describe('les documents contractuels', () => {
  const app = appSession();

  step(app, "crée le coffre et charge l'exemple", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.shown('documents-empty');
  });

  step(app, 'crée une convention de partenariat', async () => {
    const ui = page(app.browser);
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.waitForCount('document-item', 1);
    assert.equal((await ui.withText('document-item', TITLE)).length, 1);
    await ui.shown('document-preview');
    assert.match(await ui.text('document-status'), /Version 1/);
  });

  step(app, 'retire la clause de confidentialité', async () => {
    const ui = page(app.browser);
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes('Confidentialité'), {
      timeoutMsg: 'the preview should include the confidentiality clause by default',
    });
    await ui.click('clause-toggle-confidentialite');
    await app.browser.waitUntil(async () => !(await ui.text('document-preview')).includes('Confidentialité'), {
      timeoutMsg: 'the preview should no longer include the confidentiality clause',
    });
    // Disabled while it saves, the box gets the keyboard focus back once saved (WCAG 2.4.3).
    await app.browser.waitUntil(
      async () => (await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'clause-toggle-confidentialite',
      { timeoutMsg: 'focus should stay on the clause box after ticking it' },
    );
    const row = ui.el('clause-toggle-confidentialite').$('./ancestor::li[@data-testid="clause-row"]');
    assert.ok(await row.isExisting(), 'the clause is still listed');
    assert.doesNotMatch(await row.getText(), /Article \d+/, 'a clause left out has no article number');
  });

  step(app, "réécrit l'objet de la convention", async () => {
    const ui = page(app.browser);
    await ui.click('clause-edit-objet');
    // The clause editor (ClauseEditor.svelte) holds text and chips: select all, delete, type the new text.
    await ui.click('clause-text');
    await app.browser.keys(['Control', 'a']);
    await app.browser.keys('Backspace');
    await app.browser.$('[data-testid="clause-text"]').addValue(`La présente convention a pour objet la mutualisation de moyens. ${EDITED}`);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes(EDITED), {
      timeoutMsg: 'the preview should show the edited clause',
    });
    await ui.shown('clause-reset-objet');
    await screenshot(app.browser, 'documents-convention');
  });

  step(app, 'exporte le PDF', async () => {
    const ui = page(app.browser);
    const pdf = join(workspace.saveDir, PDF_FILE);
    await ui.click('document-export-pdf');
    await ui.shown('document-exported');
    await app.browser.waitUntil(() => existsSync(pdf) && statSync(pdf).size > 0, { timeoutMsg: `${pdf} was not written` });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // pdftotext may break lines inside long sentences: compare with spaces squashed.
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [TITLE, EDITED, 'Maison des Solidarités du Val de Brenne', 'Page 1 /']) {
      assert.ok(flat.includes(expected), `the PDF should contain « ${expected} »`);
    }
    assert.ok(!flat.includes('Confidentialité'), 'the PDF should not contain the removed clause');
  });

  step(app, 'fige la version en la passant en relecture', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await ui.shown('document-frozen');
    assert.match(await ui.text('document-frozen'), /Toute modification crée la version 2/);
  });

  step(app, 'exporte la version figée en Word', async () => {
    const ui = page(app.browser);
    await ui.click('document-export-docx');
    await ui.shown('document-exported');
    const docx = join(workspace.saveDir, DOCX_FILE);
    assert.ok(existsSync(docx), `${docx} was written`);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK', 'a DOCX is a zip');
  });

  step(app, "prépare le PDF pour l'impression", async () => {
    const ui = page(app.browser);
    const before = new Set(printed());
    await ui.click('document-print');
    let file;
    await app.browser.waitUntil(() => (file = printed().find((name) => !before.has(name))) !== undefined, {
      timeoutMsg: `a new PDF should be written in ${PRINT_DIR} for the PDF viewer`,
    });
    // A random name: nothing in the cache says what the contract is.
    assert.match(file, /^[0-9a-f]{32}\.pdf$/);
    const printFile = join(PRINT_DIR, file);
    const text = execFileSync('pdftotext', ['-layout', printFile, '-'], { encoding: 'utf8' });
    assert.ok(text.includes(TITLE));
    // A machine without a PDF viewer (CI) says so in plain French instead of failing silently.
    if (await ui.isShown('document-error')) {
      assert.match(await ui.text('document-error'), /lecteur de PDF/);
    }
  });

  step(app, 'enregistre une signature sur la version prête à signer', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    // The example leaves « [à compléter] » blanks: « Prêt à signer » asks first (workspace.test.mjs covers it).
    await ui.shown('confirm-ready');
    await ui.click('confirm-ready');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Prêt à signer'), {
      timeoutMsg: 'the status should read « Prêt à signer »',
    });
    const [name] = await app.browser.$$('[data-testid="signature-name"]');
    await name.clearValue();
    await name.addValue('Claire Martin');
    await ui.fillDate('signature-date', '2026-12-03');
    const [save] = await app.browser.$$('[data-testid="signature-save"]');
    await save.click();
    await ui.shown('document-signatures');
    assert.match(await ui.text('document-signatures'), /signé par Claire Martin le 3 décembre 2026/);
  });

  step(app, '« Marquer signé » attend la signature de chaque partie', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await ui.shown('document-error');
    assert.match(await ui.text('document-error'), /signature de chaque partie enregistrée/);
    assert.match(await ui.text('document-status'), /Prêt à signer/);
  });

  step(app, 'une modification après gel crée la version 2', async () => {
    const ui = page(app.browser);
    await ui.fill('document-settings-title', `${TITLE} (révisée)`);
    await ui.click('document-settings-save');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Version 2 — Brouillon'), {
      timeoutMsg: 'a change to a frozen version should start version 2 as a draft',
    });
  });
});
