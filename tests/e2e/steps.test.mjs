// The sidebar's five steps of « Construire une alliance » (issue 11, item 8) in the real app: a new alliance has
// step 1 « Pas commencée »; one SWOT item added in « Diagnostic » makes it « En cours » without reopening anything;
// focusing the step shows what is still missing (the other quadrants, the needs), Escape hides it; the demo
// alliance shows its first two steps « Terminée ».
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { ARTIFACTS, appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'martin-pêcheur sur les bords du Loir';
const ALLIANCE = 'Alliance des cinq étapes';

const workspace = makeWorkspace();
useDriver(workspace);

/** A step's status as data and as the words shown. */
async function stepState(browser, id) {
  const item = await browser.$(tid(`step-${id}`));
  await item.waitForExist();
  return { status: await item.getAttribute('data-status'), text: await item.getText() };
}

describe('étapes de l’alliance', () => {
  const app = appSession();

  step(app, 'une nouvelle alliance a ses cinq étapes « Pas commencée »', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', ALLIANCE);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await ui.shown('alliance-steps');
    for (const id of ['diagnostic', 'project', 'partners', 'contract', 'collaboration']) {
      const { status, text } = await stepState(app.browser, id);
      assert.equal(status, 'not_started', id);
      assert.match(text, /Pas commencée/, id);
    }
    // The button's name is its text: the step, then its status.
    const first = await app.browser.$(`${tid('step-diagnostic')} button`);
    assert.match(await first.getText(), /1\. Réaliser le diagnostic interne[\s\S]*Pas commencée/);
  });

  step(app, 'un élément ajouté au diagnostic met l’étape 1 « En cours »', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-diagnostic');
    await ui.shown('diagnostic-empty');
    await ui.fill('swot-weaknesses-new', 'Pas de comptable');
    await ui.click('swot-weaknesses-add');
    await app.browser.waitUntil(async () => (await stepState(app.browser, 'diagnostic')).status === 'in_progress', {
      timeoutMsg: 'step 1 should become « En cours » after the first SWOT item',
    });
    assert.match((await stepState(app.browser, 'diagnostic')).text, /En cours/);
    assert.equal((await stepState(app.browser, 'project')).status, 'not_started');
  });

  step(app, 'le focus sur l’étape dit ce qui manque, Échap le cache', async () => {
    const button = await app.browser.$(`${tid('step-diagnostic')} button`);
    await button.scrollIntoView({ block: 'center' });
    await app.browser.execute((el) => el.focus(), button);
    const tip = await app.browser.$(tid('step-tip-diagnostic'));
    await tip.waitForDisplayed({ timeoutMsg: 'the tooltip should show on focus' });
    const text = await tip.getText();
    assert.match(text, /Ce qui manque/);
    assert.match(text, /Ajoutez au moins une force\./);
    assert.match(text, /Écrivez vos priorités stratégiques\./);
    assert.doesNotMatch(text, /faiblesse/, 'the weakness is there');
    // The sidebar with the tooltip, to look at.
    mkdirSync(ARTIFACTS, { recursive: true });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(ARTIFACTS, 'steps-sidebar.png'));
    await app.browser.keys('Escape');
    await tip.waitForDisplayed({ reverse: true, timeoutMsg: 'Escape should hide the tooltip' });
  });

  step(app, 'l’exemple a ses deux premières étapes terminées', async () => {
    const ui = page(app.browser);
    await ui.loadDemo();
    await app.browser.waitUntil(async () => (await stepState(app.browser, 'diagnostic')).status === 'done', {
      timeoutMsg: 'the demo alliance has a full diagnostic',
    });
    assert.match((await stepState(app.browser, 'diagnostic')).text, /Terminée/);
    assert.equal((await stepState(app.browser, 'project')).status, 'done');
    await (await app.browser.$(tid('alliance-steps'))).scrollIntoView({ block: 'start' });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(ARTIFACTS, 'steps-demo.png'));
  });
});
