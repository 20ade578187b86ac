// « Modèle de partenariat » (issue 11, item 7) in the real app: the demo alliance's answers show the recommendation
// allia-core computes (a GIE for the shared service), the notice says it is an orientation, not legal advice; the
// answers changed (a call for projects answered together, no structure, shared employees) change the recommendation
// to « Accord de consortium » with the contradiction explained; the answers are saved; « Créer ce document » drafts
// the consortium agreement and opens it in Documents; a second « Créer ce document » asks first and opens the existing
// one.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'castor studieux sur la rive de la Brenne';

const workspace = makeWorkspace();
useDriver(workspace);

/** Clicks the radio `value` of the question `key` (« yes », « no », « unknown »). */
async function answer(browser, key, value) {
  const radio = browser.$(`${tid(`advisor-${key}`)} input[value="${value}"]`);
  await radio.scrollIntoView({ block: 'center' });
  await radio.click();
}

async function recommended(browser, ui, label) {
  await browser.waitUntil(async () => (await ui.isShown('advisor-form-label')) && (await ui.text('advisor-form-label')) === label, {
    timeoutMsg: `the recommendation should become « ${label} »`,
  });
}

describe('modèle de partenariat', () => {
  const app = appSession();

  step(app, 'les réponses de l’exemple recommandent un GIE', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-modele');
    assert.match(await ui.text('advisor-disclaimer'), /Une orientation, pas un conseil juridique/);
    await recommended(app.browser, ui, 'GIE (Groupement d’intérêt économique)');
    assert.match(await ui.text('advisor-reasons'), /employeur commun/);
    assert.match(await ui.text('advisor-company'), /Mécénat/);
    // A GIE has statutes Allia does not write: no document to create.
    assert.equal(await ui.isShown('advisor-create-document'), false);
  });

  step(app, 'répondre à un appel à projets sans structure recommande un accord de consortium', async () => {
    const ui = page(app.browser);
    await answer(app.browser, 'callForProjects', 'yes');
    await answer(app.browser, 'legalEntity', 'no');
    await recommended(app.browser, ui, 'Accord de consortium');
    assert.match(await ui.text('advisor-reasons'), /appel à projets/);
    // « Pas de structure » with shared employees: explained, and both questions marked.
    assert.match(await ui.text('advisor-contradictions'), /un seul employeur/);
    await ui.shown('advisor-review-legalEntity');
    await ui.shown('advisor-review-sharedEmployees');
    // An amount that is not one is refused at its field, in French, and nothing is saved.
    await ui.fill('advisor-publicFundingCents', 'beaucoup');
    await ui.click('advisor-save');
    await app.browser.waitUntil(async () => /Saisissez un montant en euros/.test(await ui.text('advisor-form')), {
      timeoutMsg: 'the amount field should say what to type',
    });
    assert.equal(await ui.isShown('advisor-saved'), false);
    await ui.fill('advisor-publicFundingCents', '18 000');
    await ui.click('advisor-save');
    await ui.shown('advisor-saved');
    // The questionnaire beside its recommendation: the guide folded for the picture.
    await ui.click('guide-toggle');
    await app.browser.$(tid('advisor-disclaimer')).scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'modele');
    await ui.click('guide-toggle');
  });

  step(app, '« Créer ce document » ouvre l’accord de consortium dans Documents', async () => {
    const ui = page(app.browser);
    await ui.click('advisor-create-document');
    await ui.waitForCount('document-item', 1);
    assert.equal((await ui.withText('document-item', 'Accord de consortium')).length, 1);
    await ui.shown('document-preview');
    // The answers were kept: back in the area, the same recommendation.
    await ui.click('nav-area-modele');
    await recommended(app.browser, ui, 'Accord de consortium');
  });

  step(app, 'un second « Créer ce document » demande d’abord et ouvre l’existant', async () => {
    const ui = page(app.browser);
    await ui.click('advisor-create-document');
    await ui.shown('advisor-existing-dialog');
    assert.match(await ui.text('advisor-existing-dialog'), /Un accord de consortium existe déjà pour cette alliance\./);
    await ui.click('advisor-open-existing');
    await ui.shown('document-preview');
    // No twin drafted.
    await ui.waitForCount('document-item', 1);
    assert.equal((await ui.withText('document-item', 'Accord de consortium')).length, 1);
  });
});
