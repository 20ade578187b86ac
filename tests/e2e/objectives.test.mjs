// « Objectifs » (issue 12, items 1, 2 and 8) in the real app, on the demo alliance, with today fixed at 15/11/2025 so
// that the guide's example (« … avant juillet 2026 … au 1er décembre 2025 ») is not past: the tree shows the demo's
// strategic objectives with their operational objectives and five SMART letters; the vision is saved; a strategic
// objective is added and moved up from the keyboard; its form and the operational one, opened and closed from the
// keyboard, keep the focus (first field, then back to the button that opened it; Escape asks before dropping changes);
// a horizon year in the past is refused next to its field; the guide's SMART example, entered with its fields, gets five
// green letters, and without its deadline only « Temporellement défini » fails; it is saved into the tree; deleting a
// strategic objective names the operational objectives that go with it, and deleting one that an indicator measures
// asks what becomes of it (moved to another objective, then deleted). Screenshots of the tree and of the SMART panel.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'loutre attentive sur les berges de la Vienne';
const STRATEGIC = 'Professionnaliser les fonctions support';
const EXAMPLE =
  'Réduire de 15 % les coûts administratifs des 5 associations membres de l’alliance avant juillet 2026 en mutualisant les fonctions comptabilité, RH et communication via la création d’un service partagé opérationnel au 1er décembre 2025';
const LETTERS = ['specific', 'measurable', 'achievable', 'realistic', 'time_bound'];

const workspace = makeWorkspace();
useDriver(workspace, { env: { ALLIA_E2E_TODAY: '2025-11-15' } });

/** The SMART panel's letters as { criterion: passed }, read in one go in the page. */
async function panelLetters(browser) {
  return browser.execute((selector) => {
    const out = {};
    for (const el of document.querySelectorAll(selector)) {
      out[el.getAttribute('data-testid').replace('smart-letter-', '')] = el.getAttribute('data-passed') === 'true';
    }
    return out;
  }, `${tid('smart-panel-letters')} [data-testid^="smart-letter-"]`);
}

/**
 * Leaves the field being typed in before a click, as the date helper does: WebKitWebDriver's synthetic click, sent
 * while a text field has focus, saw the button move between its mousedown and mouseup (the click then fell on the form).
 */
async function leaveField(browser) {
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
}

/** The strategic objectives' titles in the order shown. */
async function strategicTitles(browser) {
  return browser.execute(
    (selector) => Array.from(document.querySelectorAll(selector), (el) => el.textContent.replace(/^\s*\d+\.\s*/, '').trim()),
    tid('strategic-item-title'),
  );
}

/** The card of the strategic objective titled `title`. */
async function card(browser, title) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const item of await browser.$$(tid('strategic-item'))) {
        const heading = await item.$(tid('strategic-item-title'));
        if ((await heading.isExisting()) && (await heading.getText()).includes(title)) {
          found = item;
          return true;
        }
      }
      return false;
    },
    { timeoutMsg: `no strategic objective « ${title} »` },
  );
  return found;
}

describe('objectifs', () => {
  const app = appSession();

  step(app, 'l’exemple montre l’arbre des objectifs avec leurs lettres SMART', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-objectifs');
    await ui.shown('objectives-tree');
    await app.browser.waitUntil(async () => (await ui.count('strategic-item')) >= 3, {
      timeoutMsg: 'the demo has three strategic objectives',
    });
    assert.ok((await ui.count('operational-item')) >= 6, 'the demo has six operational objectives or more');
    // Every letter says it in a sign and in words, not in colour alone.
    const letters = await app.browser.$$(`${tid('operational-smart')} [data-testid^="smart-letter-"]`);
    for (const letter of letters.slice(0, 5)) assert.match(await letter.getText(), /^[SMART]\s*[✓✗]$/);
    // The demo's guide example passes all five as of 15/11/2025.
    const example = await app.browser.$(`[data-testid="operational-item"][aria-label^="Réduire de 15"]`);
    assert.ok(await example.isExisting(), 'the demo carries the guide’s SMART example');
    const passed = await example.$$(`[data-testid^="smart-letter-"][data-passed="true"]`);
    assert.equal(passed.length, 5);
    // The tree for the picture: the first strategic objective's operational objectives, by dimension, at the top.
    // The guide folded away for the picture (it is open beside the content at this size).
    await ui.click('guide-toggle');
    await ui.scrollToTop('operational-dimension');
    await screenshot(app.browser, 'objectifs-arbre');
    await ui.click('guide-toggle');
  });

  step(app, 'enregistre la vision et son année d’horizon', async () => {
    const ui = page(app.browser);
    await ui.fill('vision-horizon', '2031');
    await ui.click('vision-save');
    await ui.shown('vision-saved');
    // A year that is not one is told next to the field, in French.
    await ui.fill('vision-horizon', '20');
    await ui.click('vision-save');
    assert.match(await ui.text('error-horizonYear'), /année/i);
    // A year already past is refused by the app (today is 15/11/2025), next to the field, and nothing is saved.
    await ui.fill('vision-horizon', '2019');
    await ui.click('vision-save');
    await app.browser.waitUntil(async () => /entre 2026 et 2035/.test(await ui.text('error-horizonYear')), {
      timeoutMsg: 'a horizon in the past should be refused next to the field',
    });
    assert.equal(await app.browser.$(tid('vision-horizon')).getAttribute('aria-invalid'), 'true');
    await ui.fill('vision-horizon', '2031');
    await ui.click('vision-save');
    await ui.shown('vision-saved');
  });

  step(app, 'ajoute un objectif stratégique et le remonte au clavier', async () => {
    const ui = page(app.browser);
    const before = (await strategicTitles(app.browser)).length;
    await ui.click('strategic-add');
    // Without a title: refused next to the field, in French.
    // The form opened on its title: Enter there sends it, as a keyboard user does.
    await app.browser.waitUntil(
      async () => (await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'strategic-title',
      { timeoutMsg: 'the new strategic objective’s form should focus its title' },
    );
    await app.browser.keys('Enter');
    assert.match(await ui.text('error-title'), /Indiquez l’intitulé/);
    await ui.fill('strategic-title', STRATEGIC);
    await ui.fill('strategic-impacts', 'Des coûts administratifs en baisse\nPlus de temps pour les publics');
    const scores = await app.browser.$$(tid('strategic-score'));
    for (const [i, input] of scores.entries()) await input.setValue(String((i % 5) + 1));
    await leaveField(app.browser);
    await ui.click('strategic-save');
    await app.browser.waitUntil(async () => (await strategicTitles(app.browser)).length === before + 1, {
      timeoutMsg: 'the strategic objective should be added',
    });
    assert.equal((await strategicTitles(app.browser)).at(-1), STRATEGIC);

    const up = await (await card(app.browser, STRATEGIC)).$(tid('strategic-up'));
    await up.scrollIntoView({ block: 'center' });
    await app.browser.execute((el) => el.focus(), up);
    await app.browser.keys('Enter');
    await app.browser.waitUntil(async () => (await strategicTitles(app.browser)).at(-2) === STRATEGIC, {
      timeoutMsg: 'the strategic objective should move up one place',
    });
    // The ranking lists it once scored on every criterion.
    await app.browser.waitUntil(async () => (await ui.text('priority-ranking')).includes(STRATEGIC), {
      timeoutMsg: 'the new objective should be ranked',
    });
  });

  step(app, 'au clavier, ouvrir puis fermer un formulaire garde le focus', async () => {
    const ui = page(app.browser);
    /** Enter pressed on `element` (focused first), as a keyboard user does. */
    const press = async (element, key = 'Enter') => {
      await element.scrollIntoView({ block: 'center' });
      await app.browser.execute((el) => el.focus(), element);
      await app.browser.keys(key);
    };
    const active = () => app.browser.execute(() => ({ id: document.activeElement?.id ?? '', testid: document.activeElement?.getAttribute('data-testid') ?? '' }));
    const strategicId = (await (await card(app.browser, STRATEGIC)).getAttribute('id')).replace(/^strategic-/, '');

    // « Modifier »: the form opens on its first field; « Annuler » gives focus back to « Modifier ».
    await press(await (await card(app.browser, STRATEGIC)).$(tid('strategic-edit')));
    await app.browser.waitUntil(async () => (await active()).testid === 'strategic-title', { timeoutMsg: 'the form should focus its title' });
    await press(await app.browser.$(`#strategic-${strategicId} ${tid('strategic-cancel')}`));
    await app.browser.waitUntil(async () => (await active()).id === `strategic-${strategicId}-edit`, {
      timeoutMsg: '« Annuler » should give focus back to « Modifier »',
    });
    // Escape closes it too; with something typed it asks first.
    await app.browser.keys('Enter');
    await app.browser.waitUntil(async () => (await active()).testid === 'strategic-title', { timeoutMsg: 'the form should open again' });
    await app.browser.keys(' plus');
    await app.browser.keys('Escape');
    await ui.shown('confirm-discard');
    await ui.click('confirm-discard');
    await ui.waitForGone('strategic-form');
    await app.browser.waitUntil(async () => (await active()).id === `strategic-${strategicId}-edit`, {
      timeoutMsg: 'Escape should give focus back to « Modifier »',
    });
    assert.ok(!(await strategicTitles(app.browser)).includes(`${STRATEGIC} plus`), 'nothing typed was saved');

    // « Ajouter un objectif opérationnel »: its wording gets focus; Escape gives it back to the button.
    await press(await (await card(app.browser, STRATEGIC)).$(tid('operational-add')));
    await app.browser.waitUntil(async () => (await active()).testid === 'op-wording', { timeoutMsg: 'the operational form should focus its wording' });
    await app.browser.keys('Escape');
    await ui.waitForGone('operational-form');
    await app.browser.waitUntil(async () => (await active()).id === `strategic-${strategicId}-operational-add`, {
      timeoutMsg: 'Escape should give focus back to « Ajouter un objectif opérationnel »',
    });
  });

  step(app, 'l’exemple du guide passe les cinq lettres, et sans échéance seul « Temporellement défini » échoue', async () => {
    const ui = page(app.browser);
    const add = await (await card(app.browser, STRATEGIC)).$(tid('operational-add'));
    await add.scrollIntoView({ block: 'center' });
    await add.click();
    await ui.shown('operational-form');
    // Nothing written: the wording and the partners are asked for next to their fields.
    await leaveField(app.browser);
    await ui.click('op-save');
    assert.match(await ui.text('error-wording'), /formulation/);
    assert.match(await ui.text('error-partnerIds'), /partenaire/);
    await ui.fill('op-wording', EXAMPLE);
    await ui.fill('op-target', '15');
    await ui.fill('op-unit', '%');
    await ui.fill('op-scope', 'les 5 associations membres de l’alliance');
    for (const box of await app.browser.$$(tid('op-partner'))) {
      if (!(await box.isSelected())) await box.click();
    }
    const owner = await ui.shown('op-owner-partner');
    await owner.selectByIndex(1);
    await ui.fill('op-owner-person', 'Claire Moreau');
    await ui.fillDate('op-start', '2025-12-01');
    await ui.fillDate('op-due', '2026-06-30');
    await app.browser.waitUntil(async () => Object.values(await panelLetters(app.browser)).filter(Boolean).length === 5, {
      timeoutMsg: 'the guide’s example should pass the five letters',
    });
    assert.equal(await ui.text('smart-summary'), 'Les cinq critères sont remplis.');
    assert.ok((await ui.text('smart-limits')).length > 40, 'the checker says what it cannot judge');
    // The form and its SMART panel beside it (the guide folded away).
    await ui.click('guide-toggle');
    await ui.scrollToTop('op-wording');
    await screenshot(app.browser, 'objectifs-panneau-smart');
    await ui.click('guide-toggle');

    await ui.fillDate('op-due', '');
    await app.browser.waitUntil(async () => (await panelLetters(app.browser)).time_bound === false, {
      timeoutMsg: 'without its deadline « Temporellement défini » should fail',
    });
    const letters = await panelLetters(app.browser);
    assert.deepEqual(
      LETTERS.filter((l) => !letters[l]),
      ['time_bound'],
      'only « Temporellement défini » fails',
    );
    const reason = await app.browser.$(`${tid('smart-panel-letters')} ${tid('smart-letter-time_bound')}`).getText();
    assert.match(reason, /Temporellement défini\s*:\s*pas d’échéance/);

    await ui.fillDate('op-due', '2026-06-30');
    await app.browser.waitUntil(async () => Object.values(await panelLetters(app.browser)).filter(Boolean).length === 5, {
      timeoutMsg: 'the deadline back, five letters again',
    });
    await leaveField(app.browser);
    await ui.click('op-save');
    await ui.waitForGone('operational-form');
    const saved = await (await card(app.browser, STRATEGIC)).$$(tid('operational-item'));
    assert.equal(saved.length, 1);
    assert.equal((await saved[0].$$(`[data-testid^="smart-letter-"][data-passed="true"]`)).length, 5);
    assert.match(await saved[0].$(tid('operational-target')).getText(), /15\s*%/);
  });

  step(app, 'supprimer un objectif stratégique nomme ses objectifs opérationnels', async () => {
    const ui = page(app.browser);
    // A demo objective: the dialog lists what would go with it; « Annuler » keeps everything.
    const [first] = await strategicTitles(app.browser);
    const demo = await card(app.browser, first);
    const wordings = await demo.$$(tid('operational-wording')).map((el) => el.getText());
    assert.ok(wordings.length > 0, 'the first demo objective has operational objectives');
    const remove = await demo.$(tid('strategic-delete'));
    await remove.scrollIntoView({ block: 'center' });
    await remove.click();
    const goes = await ui.text('objective-delete-goes-with');
    for (const wording of wordings) assert.ok(goes.includes(wording.trim()), `the dialog names « ${wording} »`);
    await ui.click('confirm-cancel');
    await ui.waitForGone('objective-delete-goes-with');
    assert.equal((await strategicTitles(app.browser))[0], first);
  });

  step(app, 'supprimer un objectif mesuré par un indicateur demande ce qu’il devient', async () => {
    const ui = page(app.browser);
    // An indicator on the guide's example, recorded through the app's own command (the « Évaluation » area's).
    const example = (await (await card(app.browser, STRATEGIC)).$$(tid('operational-item')))[0];
    const operationalId = (await example.getAttribute('id')).replace(/^operational-/, '');
    const added = await app.browser.executeAsync((id, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      invoke('alliance_list')
        .then((alliances) =>
          invoke('indicator_add', {
            allianceId: alliances[0].id,
            draft: {
              objective: { level: 'operational', id },
              name: 'Coûts administratifs des associations membres',
              level: 'results',
              unit: '%',
              direction: 'lower_is_better',
              aggregation: 'cumulative',
              baselineValue: 100,
              baselineDate: '2025-12-01',
              targetValue: 85,
              targetDate: '2026-06-30',
              frequency: 'monthly',
              dataSource: 'member_systems',
              method: 'quantitative',
            },
          }),
        )
        .then(() => done('ok'), (error) => done(JSON.stringify(error)));
    }, operationalId);
    assert.equal(added, 'ok');
    // The area read again: the objective now counts its indicator.
    await ui.click('nav-area-alliance');
    await ui.click('nav-area-objectifs');
    const measured = await app.browser.$(`#operational-${operationalId}`);
    await measured.waitForExist({ timeoutMsg: 'the example should be shown again' });
    assert.equal(await measured.getAttribute('data-indicators'), '1');

    const remove = await measured.$(tid('operational-delete'));
    await remove.scrollIntoView({ block: 'center' });
    await remove.click();
    assert.match(await ui.text('objective-delete-fate'), /Un indicateur mesure cet objectif/);
    const target = await ui.shown('objective-delete-target');
    const strategicId = (await (await card(app.browser, STRATEGIC)).getAttribute('id')).replace(/^strategic-/, '');
    await target.selectByAttribute('value', `strategic:${strategicId}`);
    await ui.click('objective-delete-confirm');
    await app.browser.waitUntil(async () => !(await app.browser.$(`#operational-${operationalId}`).isExisting()), {
      timeoutMsg: 'the operational objective should be deleted',
    });
    // Moved, not lost: the strategic objective now carries it.
    await app.browser.waitUntil(async () => (await (await card(app.browser, STRATEGIC)).getAttribute('data-indicators')) === '1', {
      timeoutMsg: 'the indicator should move to the strategic objective',
    });

    // The strategic objective itself, with its indicator deleted with it.
    const before = (await strategicTitles(app.browser)).length;
    await (await card(app.browser, STRATEGIC)).$(tid('strategic-delete')).click();
    await ui.shown('objective-delete-fate');
    await ui.click('objective-delete-indicators');
    await ui.click('objective-delete-confirm');
    await app.browser.waitUntil(async () => (await strategicTitles(app.browser)).length === before - 1, {
      timeoutMsg: 'the strategic objective should be deleted',
    });
    assert.ok(!(await strategicTitles(app.browser)).includes(STRATEGIC));
  });
});
