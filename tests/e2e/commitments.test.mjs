// « Engagements et apports » in the real app (issue 9, item 2): a commune's subsidy of 30 000 € with a schedule of
// two instalments that do not add up is refused at the schedule with allia-core's French message; corrected, it is
// saved; the panel opened again shows what the vault kept. The user's own association notes what it brings too.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'héron cendré sur la Loire à Blois';
const COMMUNE = 'Commune de Villard-de-Lans';
/** Spaces of any kind as one plain space. */
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
useDriver(workspace);

describe('engagements et apports', () => {
  const app = appSession();

  step(app, "l'exemple du guide et une commune financeur", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await ui.click('add-partner');
    await ui.fill('partner-name', COMMUNE);
    await ui.choose('partner-actorType', 'Collectivité territoriale');
    await ui.choose('partner-role', 'Financeur');
    assert.equal(await ui.isShown('commitments-after-save'), true, 'a new partner is saved before its commitments');
    await ui.click('partner-save');
    await ui.waitForCount('partner-row', 6);
  });

  step(app, 'un échéancier qui ne fait pas le compte est refusé à son champ', async () => {
    const ui = page(app.browser);
    await ui.openRow('partner-row', COMMUNE);
    await ui.shown('commitments-editor-partner');
    // The section comes after the whole partner form: a link at the top goes to it.
    await ui.click('partner-jump-commitments');
    const heading = await app.browser.execute(() => document.activeElement?.textContent?.trim());
    assert.equal(heading, 'Engagements et apports');
    await ui.click('commitments-add-financial');
    assert.equal(await ui.value('commitments-financial-0-nature'), 'subsidy');
    await ui.fill('commitments-financial-0-amount', '30 000');
    await ui.choose('commitments-financial-0-schedule', 'Échéancier');
    await ui.waitForCount('commitments-instalment', 2);
    await ui.fillDate('commitments-financial-0-instalment-0-date', '2027-03-01');
    await ui.fill('commitments-financial-0-instalment-0-amount', '10 000');
    await ui.fillDate('commitments-financial-0-instalment-1-date', '2027-09-01');
    await ui.fill('commitments-financial-0-instalment-1-amount', '15 000');
    assert.equal(plain(await ui.text('commitments-financial-0-remaining')), 'Reste à répartir : 5 000,00 €');
    // A public funder names the budget line charged.
    await ui.fill('commitments-financial-0-budget-line', 'Politique de la ville');
    await ui.click('commitments-save');
    assert.equal(
      plain(await ui.text('error-financial.0.schedule')),
      'Les versements totalisent 25 000,00 € pour une contribution de 30 000,00 € : il manque 5 000,00 €.',
    );
    assert.equal(await ui.isShown('commitments-saved'), false, 'nothing is saved');
    const focused = await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'));
    assert.equal(focused, 'commitments-financial-0-instalment-0-amount', 'focus goes to the instalments to correct');
    await screenshot(app.browser, 'engagements-echeancier-refuse');

    // Corrected, the message goes and the commitments are saved.
    await ui.fill('commitments-financial-0-instalment-1-amount', '20 000');
    await ui.waitForGone('error-financial.0.schedule');
    assert.equal(plain(await ui.text('commitments-financial-0-remaining')), 'Les versements totalisent exactement le montant.');
    await ui.click('commitments-save');
    assert.equal(plain(await ui.text('commitments-saved')), 'Engagements enregistrés.');
    await ui.scrollToTop('commitments-financial-0-budget-line');
    await screenshot(app.browser, 'engagements-echeancier-enregistre');
  });

  step(app, 'rouverte, la fiche montre ce que le coffre a gardé', async () => {
    const ui = page(app.browser);
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');
    await ui.openRow('partner-row', COMMUNE);
    await ui.shown('commitments-editor-partner');
    assert.equal(plain(await ui.value('commitments-financial-0-amount')), '30 000');
    assert.equal(await ui.value('commitments-financial-0-schedule'), 'instalments');
    assert.equal(plain(await ui.value('commitments-financial-0-instalment-0-amount')), '10 000');
    assert.equal(plain(await ui.value('commitments-financial-0-instalment-1-amount')), '20 000');
    assert.equal(await ui.text('commitments-financial-0-instalment-1-date-day'), '01');
    assert.equal(await ui.text('commitments-financial-0-instalment-1-date-month'), '09');
    assert.equal(await ui.text('commitments-financial-0-instalment-1-date-year'), '2027');
    assert.equal(await ui.value('commitments-financial-0-budget-line'), 'Politique de la ville');
    await screenshot(app.browser, 'engagements-commune');
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');
  });

  step(app, 'votre association note ce qu’elle apporte', async () => {
    const ui = page(app.browser);
    assert.equal(plain(await ui.text('own-commitments-summary')), 'Aucun engagement noté pour l’instant.');
    await ui.click('own-commitments-toggle');
    await ui.click('own-commitments-add-inkind');
    await ui.fill('own-commitments-inkind-0-description', 'Mise à disposition d’une salle de réunion');
    // What is not an amount is refused at its field, before the vault is asked.
    await ui.fill('own-commitments-inkind-0-value', 'deux mille');
    await ui.click('own-commitments-save');
    assert.equal(plain(await ui.text('error-inKind.0.valueCents')), 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.');
    await ui.fill('own-commitments-inkind-0-value', '2 400');
    await ui.waitForGone('error-inKind.0.valueCents');
    await ui.click('own-commitments-save');
    assert.equal(plain(await ui.text('own-commitments-saved')), 'Engagements enregistrés.');
    await screenshot(app.browser, 'engagements-association');
    await ui.click('own-commitments-toggle');
    assert.equal(plain(await ui.text('own-commitments-summary')), 'Enregistré : 2 400,00 € en nature.');
  });
});
