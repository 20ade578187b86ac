// « Désignation dans les contrats » in the real app (issue 9, item 1): a partner's designation is proposed from its
// name, changed next to the name with a live example sentence, saved, and the convention's preview names the partner
// with the new article and agreements (« Le Sport et Insertion Brenne …, représenté par …, ci-après dénommé … »,
// « Engagements du Sport et Insertion Brenne »).
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'héron songeur sur les bords de la Brenne';
const PARTNER = 'Sport et Insertion Brenne';
/** Spaces of any kind as one plain space. */
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
useDriver(workspace);

describe('désignation des parties dans les contrats', () => {
  const app = appSession();

  step(app, "l'exemple du guide et une convention", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.shown('documents-empty');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention du service partagé');
    await ui.click('document-create');
    await ui.shown('document-preview');
    await app.browser.waitUntil(async () => plain(await ui.text('document-preview')).includes(`Engagements de ${PARTNER}`), {
      timeoutMsg: 'a proper name without article: « Engagements de Sport et Insertion Brenne »',
    });
  });

  step(app, "l'article « le » choisi à côté du nom, avec la phrase d'exemple", async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await ui.openRow('partner-row', PARTNER);
    // The proposal: a proper name, no article, feminine like « l’association ».
    await app.browser.waitUntil(async () => (await ui.value('partner-designation-short-name')) === 'SIB', {
      timeoutMsg: 'the proposal should arrive: the acronym as the short name',
    });
    assert.equal(await ui.value('partner-designation-article'), 'none', '« aucun (nom propre) »');
    assert.equal(await ui.value('partner-designation-gender'), 'feminine');
    // The section at the top of the panel's scrolling area, clear of its sticky action bar.
    await ui.scrollToTop('partner-designation-section');
    await ui.choose('partner-designation-article', 'le');
    await ui.choose('partner-designation-gender', 'masculin');
    await app.browser.waitUntil(
      async () => plain(await ui.text('partner-designation-example')).includes(`Le ${PARTNER}, représenté par`),
      { timeoutMsg: 'the example sentence should follow the choice' },
    );
    await ui.scrollToTop('partner-designation-section');
    await screenshot(app.browser, 'designation-partenaire');
    await ui.click('partner-save');
    // Reopened: the designation comes back from the vault as chosen.
    await ui.openRow('partner-row', PARTNER);
    await app.browser.waitUntil(async () => (await ui.value('partner-designation-article')) === 'le', {
      timeoutMsg: 'the saved article should be « le »',
    });
    assert.equal(await ui.value('partner-designation-gender'), 'masculine');
    await app.browser.keys('Escape');
  });

  step(app, "l'aperçu de la convention suit la désignation", async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.waitForCount('document-item', 1);
    await ui.clickText('document-item', 'Convention du service partagé');
    await ui.shown('document-preview');
    await app.browser.waitUntil(async () => plain(await ui.text('document-preview')).includes(`Engagements du ${PARTNER}`), {
      timeoutMsg: 'the preview should say « Engagements du Sport et Insertion Brenne »',
    });
    const preview = plain(await ui.text('document-preview'));
    assert.match(preview, /Le Sport et Insertion Brenne, association loi 1901, .*représenté par Nadia Roux/);
    assert.match(preview, /ci-après dénommé « SIB »/);
  });
});
