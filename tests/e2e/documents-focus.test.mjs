// Focus and announcements in the document workspace (issue 8, items 2 and 8), in the real app:
// - « Créer » puts focus on the new document's heading, and « Document « … » ouvert. » is announced;
// - « Exporter en PDF », « Imprimer » and a refused « Marquer signé » leave focus on their button (never the page);
// - a step (« Passer en relecture », « Marquer prêt à signer » confirmed) moves focus to the new next step's button,
//   and « Statut : … » is announced once;
// - « Réglages enregistrés. » goes at the first key typed in the date; a decimal number of copies and an empty title
//   are both flagged at once, the form's notice beside « Enregistrer », focus on the title;
// - an « À vérifier » link scrolls its clause to the top of the visible area, just under the sticky action bar;
// - a double-click on « Marquer prêt à signer quand même » takes one step, and its second click lands nowhere.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const TITLE = 'Convention de mutualisation du matériel';

const workspace = makeWorkspace();
useDriver(workspace);

/** What has focus: its test id, id and tag. */
function focused(browser) {
  return browser.execute(() => {
    const active = document.activeElement;
    return { testid: active?.getAttribute('data-testid') ?? null, id: active?.id ?? '', tag: active?.tagName ?? null };
  });
}

async function waitForFocus(browser, expected, what) {
  let seen;
  await browser
    .waitUntil(
      async () => {
        seen = await focused(browser);
        return seen.testid === expected || seen.id === expected;
      },
      { timeout: 5000 },
    )
    .catch(() => assert.fail(`${what}: focus should be on « ${expected} », it is on ${JSON.stringify(seen)}`));
}

/** Every text the polite live region said since `listen` (a MutationObserver collects them in the page). */
async function listen(browser) {
  await browser.execute(() => {
    const region = document.querySelector('[data-testid="live-region"]');
    window.__said = [];
    if (region === null) return;
    new MutationObserver(() => {
      const text = region.textContent?.trim() ?? '';
      if (text !== '' && window.__said.at(-1) !== text) window.__said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

async function said(browser) {
  return browser.execute(() => window.__said ?? []);
}

async function waitForSaid(browser, expected) {
  let seen = [];
  await browser
    .waitUntil(async () => (seen = await said(browser)).includes(expected), { timeout: 5000 })
    .catch(() => assert.fail(`the live region should say « ${expected} », it said ${JSON.stringify(seen)}`));
  return seen.filter((text) => text === expected).length;
}

describe('documents : focus et annonces', () => {
  const app = appSession();

  step(app, 'crée le coffre et charge l’exemple', async () => {
    const ui = page(app.browser);
    await app.browser.setWindowSize(1200, 760);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.shown('documents-empty');
  });

  step(app, '« Créer » : focus sur le titre du document, ouverture annoncée', async () => {
    const ui = page(app.browser);
    await listen(app.browser);
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.shown('document-builder');
    await waitForFocus(app.browser, 'builder-title', 'after « Créer »');
    assert.equal(await waitForSaid(app.browser, `Document «\u00a0${TITLE}\u00a0» ouvert.`), 1);
  });

  step(app, '« Exporter en PDF » et « Imprimer » gardent le focus', async () => {
    const ui = page(app.browser);
    await ui.click('document-export-pdf');
    await ui.shown('document-exported');
    await waitForFocus(app.browser, 'document-export-pdf', 'after « Exporter en PDF »');
    await ui.click('document-print');
    await app.browser.pause(1500);
    await waitForFocus(app.browser, 'document-print', 'after « Imprimer »');
  });

  step(app, '« Réglages enregistrés. » disparaît à la première touche dans la date', async () => {
    const ui = page(app.browser);
    await ui.fill('document-settings-place', 'Tours');
    await ui.click('document-settings-save');
    await ui.shown('document-settings-saved');
    const day = await ui.shown('document-settings-date-day');
    await day.click();
    await app.browser.keys(['1']);
    await app.browser.waitUntil(async () => !(await ui.isShown('document-settings-saved')), {
      timeout: 3000,
      timeoutMsg: '« Réglages enregistrés. » should go at the first key typed in the date',
    });
    await app.browser.keys(['Backspace']);
  });

  step(app, 'exemplaires « 2,5 » et titre vide : deux erreurs à la fois, à côté de « Enregistrer »', async () => {
    const ui = page(app.browser);
    await ui.fill('document-settings-title', '   ');
    await ui.fill('document-settings-copies', '2,5');
    await ui.click('document-settings-save');
    await ui.shown('document-settings-error');
    await app.browser.waitUntil(
      async () => {
        const invalid = await app.browser.execute(() =>
          [...document.querySelectorAll('[data-testid="document-settings"] [aria-invalid="true"]')].map((element) => element.id),
        );
        return invalid.includes('document-settings-title') && invalid.includes('document-settings-copies');
      },
      { timeout: 5000, timeoutMsg: 'the empty title and the decimal copies should both be flagged at once' },
    );
    const settings = await ui.text('document-settings');
    assert.match(settings, /Saisissez un nombre entier d’exemplaires\./);
    await waitForFocus(app.browser, 'document-settings-title', 'after a refused save');
    // The notice sits right after the form's buttons (not at the top of the form, under the sticky action bar);
    // focus went to the title, which carries its own message.
    const placed = await app.browser.execute(() => {
      const notice = document.querySelector('[data-testid="document-settings-error"]');
      const actions = document.querySelector('[data-testid="document-settings-save"]')?.closest('.form-actions');
      return actions?.nextElementSibling === notice;
    });
    assert.equal(placed, true);
    await ui.fill('document-settings-title', TITLE);
    await ui.fill('document-settings-copies', '2');
    await ui.click('document-settings-save');
    await ui.shown('document-settings-saved');
  });

  step(app, '« À vérifier » : la clause en haut de la zone visible, sous la barre d’actions', async () => {
    const ui = page(app.browser);
    let link;
    await app.browser.waitUntil(
      async () => {
        // A long « À vérifier » starts folded to its heading: unfold it.
        const fold = await app.browser.$(tid('to-check-toggle'));
        if ((await fold.isExisting()) && (await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
        for (const candidate of await app.browser.$$(tid('to-check-link'))) {
          if ((await candidate.getAttribute('data-target-clause')) !== null) link = candidate;
        }
        return link !== undefined;
      },
      { timeout: 8000, timeoutMsg: 'the example document should have an « À vérifier » link to a clause' },
    );
    const clauseId = await link.getAttribute('data-target-clause');
    await link.click();
    await app.browser.pause(600);
    const where = await app.browser.execute((id) => {
      const row = document.getElementById(`clause-${id}`);
      const bar = document.querySelector('[data-testid="document-action-bar"]');
      if (!row || !bar) return null;
      let area = row.parentElement;
      while (area && !/(auto|scroll)/.test(getComputedStyle(area).overflowY)) area = area.parentElement;
      return {
        top: row.getBoundingClientRect().top,
        barBottom: bar.getBoundingClientRect().bottom,
        areaTop: area ? area.getBoundingClientRect().top : 0,
        height: window.innerHeight,
        focused: document.activeElement === row,
      };
    }, clauseId);
    assert.ok(where, 'the clause row and the action bar should be on screen');
    const visibleTop = Math.max(where.barBottom, where.areaTop);
    assert.ok(where.top >= visibleTop - 1, `the clause (top ${where.top}) should not be under the action bar (${visibleTop})`);
    assert.ok(
      where.top <= visibleTop + (where.height - visibleTop) / 3,
      `the clause (top ${where.top}) should be near the top of the visible area (from ${visibleTop}), not at its bottom edge`,
    );
    assert.equal(where.focused, true);
  });

  step(app, '« Passer en relecture » : focus sur l’étape suivante, statut annoncé', async () => {
    const ui = page(app.browser);
    await listen(app.browser);
    assert.equal(await ui.text('document-status-next'), 'Passer en relecture');
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'), {
      timeoutMsg: 'the document should be in review',
    });
    await waitForFocus(app.browser, 'document-status-next', 'after « Passer en relecture »');
    assert.equal(await waitForSaid(app.browser, 'Statut\u00a0: En relecture'), 1);
  });

  step(app, 'double-clic sur « Marquer prêt à signer quand même » : une étape, le second clic perdu', async () => {
    const ui = page(app.browser);
    await listen(app.browser);
    await ui.click('document-status-next');
    const confirm = await ui.shown('confirm-ready');
    await confirm.doubleClick();
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Prêt à signer'), {
      timeoutMsg: 'the document should be ready to sign',
    });
    await app.browser.pause(800);
    assert.match(await ui.text('document-status'), /Prêt à signer/);
    await waitForFocus(app.browser, 'document-status-next', 'after « Marquer prêt à signer quand même »');
    assert.equal(await ui.text('document-status-next'), 'Marquer signé');
    assert.equal(await waitForSaid(app.browser, 'Statut\u00a0: Prêt à signer'), 1);
  });

  step(app, '« Marquer signé » refusé : le focus reste sur le bouton, le message à côté', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await ui.shown('document-error');
    await waitForFocus(app.browser, 'document-status-next', 'after a refused « Marquer signé »');
    assert.match(await ui.text('document-status'), /Prêt à signer/);
  });
});
