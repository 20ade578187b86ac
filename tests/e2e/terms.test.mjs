// « Durée et signature de la convention » in the alliance form, in the real app (issue 9, item 2): the duration is
// said in words next to the field (« 3 ans »), the terms are saved and read back when the alliance is reopened, and
// a notice as long as the duration is refused at its field, as are a decimal or a negative count.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'salamandre pensive au bord du Cher';
const DEMO = 'Service partagé du Val de Brenne';
const OTHER = 'Alliance des jardins du Cher';
/** Spaces of any kind as one plain space. */
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
useDriver(workspace);

describe('durée et signature de la convention', () => {
  const app = appSession();

  step(app, "l'exemple du guide et une deuxième alliance", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.shown('alliance-item');
    await ui.click('new-alliance');
    await ui.fill('alliance-name', OTHER);
    await ui.click('alliance-save');
    await app.browser.waitUntil(async () => (await ui.withText('alliance-item', OTHER)).length === 1, {
      timeoutMsg: 'the new alliance should be listed',
    });
  });

  step(app, "la durée se lit en années, les conditions sont gardées à la réouverture", async () => {
    const ui = page(app.browser);
    await ui.clickText('alliance-item', DEMO);
    await ui.click('nav-area-alliance');
    assert.equal(await ui.value('alliance-name'), DEMO);
    await ui.fill('alliance-duration', '36');
    await app.browser.waitUntil(async () => plain(await app.browser.$('#alliance-duration-hint').getText()) === 'Soit 3 ans.', {
      timeoutMsg: 'the duration should read « Soit 3 ans. »',
    });
    await ui.click('alliance-tacit-renewal');
    await ui.fill('alliance-notice', '3');
    await ui.fill('alliance-signature-place', 'Lyon');
    await ui.fillDate('alliance-signature-date', '2027-03-03');
    await ui.fill('alliance-copies', '4');
    assert.equal(
      await ui.el('alliance-court').getAttribute('placeholder'),
      'tribunal judiciaire du siège du chef de file',
    );
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await screenshot(app.browser, 'alliance-duree-signature');

    // Another alliance, then this one again: what shows comes from the vault.
    await ui.clickText('alliance-item', OTHER);
    await app.browser.waitUntil(async () => (await ui.value('alliance-name')) === OTHER, {
      timeoutMsg: 'the other alliance should open',
    });
    assert.equal(await ui.value('alliance-duration'), '', 'the other alliance has no terms');
    await ui.clickText('alliance-item', DEMO);
    await app.browser.waitUntil(async () => (await ui.value('alliance-name')) === DEMO, {
      timeoutMsg: 'the demo alliance should open again',
    });
    assert.equal(await ui.value('alliance-duration'), '36');
    assert.equal(await ui.value('alliance-notice'), '3');
    assert.equal(await ui.value('alliance-signature-place'), 'Lyon');
    assert.equal(await ui.value('alliance-copies'), '4');
    assert.equal(await ui.el('alliance-tacit-renewal').isSelected(), true);
    assert.equal(await ui.text('alliance-signature-date-day'), '03');
    assert.equal(await ui.text('alliance-signature-date-month'), '03');
    assert.equal(await ui.text('alliance-signature-date-year'), '2027');
    assert.equal(plain(await app.browser.$('#alliance-duration-hint').getText()), 'Soit 3 ans.');
  });

  step(app, 'un préavis aussi long que la durée est refusé à son champ', async () => {
    const ui = page(app.browser);
    await ui.fill('alliance-duration', '6');
    await ui.fill('alliance-notice', '12');
    await ui.click('alliance-save');
    assert.equal(
      plain(await ui.text('error-noticeMonths')),
      'Le préavis doit être plus court que la durée de la convention (6 mois).',
    );
    assert.equal(await ui.isShown('alliance-saved'), false, 'nothing is saved');
    const focused = await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'));
    assert.equal(focused, 'alliance-notice', 'focus goes to the field to correct');
    // Corrected, it saves.
    await ui.fill('alliance-notice', '2');
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await ui.waitForGone('error-noticeMonths');
  });

  step(app, 'un nombre décimal ou négatif est refusé, sans rien changer en silence', async () => {
    const ui = page(app.browser);
    await ui.fill('alliance-duration', '2,5');
    await ui.click('alliance-save');
    assert.equal(await ui.text('error-durationMonths'), 'Saisissez un nombre entier de mois.');
    assert.equal(await ui.isShown('alliance-saved'), false, 'nothing is saved');
    await ui.fill('alliance-duration', '24');
    await ui.fill('alliance-notice', '-1');
    await ui.click('alliance-save');
    assert.equal(plain(await ui.text('error-noticeMonths')), 'Indiquez un préavis de 0 à 24 mois.');
    assert.equal(await ui.isShown('alliance-saved'), false, 'nothing is saved');
    await ui.fill('alliance-notice', '0');
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    assert.equal(await ui.value('alliance-notice'), '0', 'a notice of 0 months is kept');
  });
});
