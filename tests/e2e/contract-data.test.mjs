// The data of a real convention in the document preview (issue 9, items 2 and 3): a commune's subsidy of
// 30 000 € paid in two instalments makes the financial article list it with its schedule and budget line, brings
// the clause the law requires above 23 000 €, and the generated annexes follow the signatures: « Annexe 1 —
// Engagements financiers et apports en nature » and « Annexe 2 — Calendrier des versements », listed with their
// numbers in the last article « Annexes ».
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre attentive au bord du Cher';
const COMMUNE = 'Commune de Montrichard';
/** Spaces of any kind as one plain space. */
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
useDriver(workspace);

describe('les données d’une convention dans l’aperçu', () => {
  const app = appSession();

  step(app, 'une commune financeur et sa subvention en deux versements', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await ui.click('add-partner');
    await ui.fill('partner-name', COMMUNE);
    await ui.choose('partner-actorType', 'Collectivité territoriale');
    await ui.choose('partner-role', 'Financeur');
    await ui.click('partner-save');
    await ui.waitForCount('partner-row', 6);
    await ui.openRow('partner-row', COMMUNE);
    await ui.shown('commitments-editor-partner');
    await ui.click('partner-jump-commitments');
    await ui.click('commitments-add-financial');
    await ui.fill('commitments-financial-0-amount', '30 000');
    await ui.choose('commitments-financial-0-schedule', 'Échéancier');
    await ui.waitForCount('commitments-instalment', 2);
    await ui.fillDate('commitments-financial-0-instalment-0-date', '2027-03-01');
    await ui.fill('commitments-financial-0-instalment-0-amount', '15 000');
    await ui.fillDate('commitments-financial-0-instalment-1-date', '2027-09-01');
    await ui.fill('commitments-financial-0-instalment-1-amount', '15 000');
    await ui.fill('commitments-financial-0-budget-line', 'Politique de la ville');
    await ui.click('commitments-save');
    assert.equal(plain(await ui.text('commitments-saved')), 'Engagements enregistrés.');
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');
  });

  step(app, 'l’aperçu de la convention montre l’article financier et les annexes', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention avec la commune');
    await ui.click('document-create');
    await ui.shown('document-preview');
    const text = plain(await ui.text('document-preview'));
    for (const phrase of [
      'une subvention de 30 000,00 € (imputation budgétaire : Politique de la ville), versée en deux fois : 15 000,00 € le 1er mars 2027 et 15 000,00 € le 1er septembre 2027',
      'Cadre légal de la subvention',
      'd’un montant de 30 000,00 €, dépasse le seuil de 23 000,00 €',
      'Annexe 1 — Engagements financiers et apports en nature ;',
      'Annexe 2 — Calendrier des versements.',
      'Total général',
    ]) {
      assert.ok(text.includes(phrase), `« ${phrase} » in the preview: ${text.slice(0, 400)}…`);
    }
    // The annexes come after the signatures.
    assert.ok(text.lastIndexOf('Annexe 1 — Engagements financiers') > text.indexOf('Fait à'), 'annexes after the signatures');
    await app.browser.execute(() => {
      const headings = [...document.querySelectorAll('[data-testid="document-preview"] h3')];
      headings.find((h) => h.textContent?.startsWith('Annexe 1'))?.scrollIntoView({ block: 'start' });
    });
    await screenshot(app.browser, 'apercu-annexe-engagements');
  });
});
