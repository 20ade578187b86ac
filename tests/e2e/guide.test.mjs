// The guide panel and the « Construire » areas' layout (issue 11, items 9 and 11, and a new user's trial) in the real
// app at 1280×800: every area of « Construire » shows its guide text in « Pourquoi ? » and « Comment ? », with no
// bullet split across the panel's two columns; the SWOT's selects show their whole text; the dossier's figures
// reflow into cards beside the open guide, every button in sight; the recommended model is beside the
// questionnaire, or, in a narrower window, named in a bar that brings it into view; exporting an empty dossier asks
// first. Pictures go to docs/screenshots/ with `cargo xtask screenshots` (ALLIA_SCREENSHOTS_DIR).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'héron patient au bord de la Creuse';

/** The areas of « Construire », each with the title of its guide text. */
const AREAS = [
  { id: 'alliance', title: 'Construire une alliance en 5 étapes' },
  { id: 'diagnostic', title: 'Étape 1\u00a0: Réaliser le diagnostic interne' },
  { id: 'projet', title: 'Étape 2\u00a0: Formaliser le projet' },
  { id: 'partenaires', title: 'Étape 3\u00a0: Choisir les bons partenaires' },
  { id: 'modele', title: 'Choisir le bon modèle de partenariat' },
  { id: 'documents', title: 'Étape 4\u00a0: Formaliser contractuellement' },
];

const workspace = makeWorkspace();
useDriver(workspace);

/** The guide panel as shown: its title, its parts' texts, and the list items drawn in more than one piece. */
function readGuide(browser) {
  return browser.execute(() => {
    const panel = document.querySelector('[data-testid="guide-panel"]');
    const part = (id) => panel?.querySelector(`[data-testid="${id}"]`);
    return {
      title: panel?.querySelector('h2')?.textContent ?? '',
      parts: [...(panel?.querySelectorAll('h3') ?? [])].map((h) => h.textContent),
      why: part('guide-why')?.textContent.trim() ?? '',
      how: part('guide-how')?.textContent.trim() ?? '',
      twoColumnLists: panel?.querySelectorAll('.two-columns').length ?? 0,
      // A bullet split across two columns is drawn as two boxes.
      split: [...(panel?.querySelectorAll('li') ?? [])]
        .filter((li) => li.getClientRects().length > 1)
        .map((li) => li.textContent.trim()),
    };
  });
}

/** The selects of a SWOT quadrant narrower than their own content (their text cut). */
function clippedSelects(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="swot-"] select')]
      .filter((select) => select.getClientRects().length > 0)
      .map((select) => {
        const shown = select.getBoundingClientRect().width;
        const saved = select.getAttribute('style');
        select.style.cssText = 'flex: none; width: auto; max-width: none; min-width: 0;';
        const natural = select.getBoundingClientRect().width;
        if (saved === null) select.removeAttribute('style');
        else select.setAttribute('style', saved);
        return { testid: select.dataset.testid, shown, natural };
      })
      .filter(({ shown, natural }) => shown + 1 < natural),
  );
}

/** Whether the element's box lies inside the window and the content column. */
function inSight(browser, selector) {
  return browser.execute((sel) => {
    const element = document.querySelector(sel);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const column = document.querySelector('#main-content').getBoundingClientRect();
    return box.height > 0 && box.top >= column.top && box.bottom <= column.bottom && box.left >= column.left && box.right <= column.right;
  }, selector);
}

/**
 * Scrolls the content column so that `selector` is at its top, and the window's frame back in place (WebDriver's
 * scrollIntoView also scrolls the page itself, which leaves a band in the pictures).
 */
async function scrollContentTo(browser, selector) {
  await browser.execute((sel) => {
    const column = document.querySelector('#main-content');
    const element = sel === null ? null : document.querySelector(sel);
    if (element) column.scrollTop += element.getBoundingClientRect().top - column.getBoundingClientRect().top;
    document.scrollingElement.scrollTop = 0;
    document.scrollingElement.scrollLeft = 0;
  }, selector);
}

async function guideOpen(ui) {
  if (!(await ui.isShown('guide-panel'))) await ui.click('guide-toggle');
  await ui.shown('guide-panel');
}

describe('le guide et la mise en page des rubriques « Construire »', () => {
  const app = appSession();

  step(app, 'chaque rubrique montre son « Pourquoi ? » et son « Comment ? », sans puce coupée', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await app.browser.setWindowRect(0, 0, 1280, 800);
    for (const area of AREAS) {
      await ui.click(`nav-area-${area.id}`);
      await guideOpen(ui);
      const guide = await readGuide(app.browser);
      assert.equal(guide.title, area.title, area.id);
      assert.deepEqual(guide.parts, ['Pourquoi\u202f?', 'Comment\u202f?'], area.id);
      assert.ok(guide.why.length > 80, `${area.id}: « Pourquoi ? » says little: ${guide.why}`);
      assert.ok(guide.how.length > 80, `${area.id}: « Comment ? » says little: ${guide.how}`);
      assert.deepEqual(guide.split, [], `${area.id}: bullets split across columns`);
      if (area.id === 'partenaires') {
        assert.match(guide.why, /Les fondations\u00a0: financement de l’expérimentation/);
        assert.ok(guide.twoColumnLists >= 1, 'the actors’ categories in two columns');
        // The panel scrolled to its lists, for the picture.
        await app.browser.execute(() => {
          const panel = document.querySelector('aside[aria-label="Guide"]');
          const how = document.querySelector('[data-testid="guide-how"]');
          panel.scrollTop += how.getBoundingClientRect().top - panel.getBoundingClientRect().top;
        });
      }
      if (['diagnostic', 'projet', 'partenaires', 'modele'].includes(area.id)) await screenshot(app.browser, `guide-${area.id}`);
    }
  });

  step(app, 'les listes de la matrice MOFF montrent tout leur texte', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-diagnostic');
    await ui.shown('swot-strengths');
    // The guide open (one quadrant a row), then closed (two quadrants a row, each narrower).
    assert.deepEqual(await clippedSelects(app.browser), []);
    await ui.click('guide-toggle');
    await ui.shown('swot-strengths');
    assert.deepEqual(await clippedSelects(app.browser), []);
    await scrollContentTo(app.browser, '#swot-title');
    await screenshot(app.browser, 'diagnostic-selects');
    await ui.click('guide-toggle');
  });

  step(app, 'les chiffres clés se présentent en fiches à côté du guide, chaque bouton en vue', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-projet');
    await guideOpen(ui);
    await ui.shown('figures-table');
    const wrap = await app.browser.execute(() => {
      const element = document.querySelector('.table-wrap');
      return { scroll: element.scrollWidth, width: element.clientWidth };
    });
    assert.ok(wrap.scroll <= wrap.width + 1, `the figures scroll sideways: ${JSON.stringify(wrap)}`);
    const edits = await app.browser.$$(tid('figure-edit'));
    assert.ok(edits.length >= 4);
    for (const edit of edits) {
      await edit.scrollIntoView({ block: 'center' });
      assert.ok(await edit.isClickable(), 'a figure’s « Modifier » is out of reach');
    }
    // Scrolling to a button moved the content column only, never the window's frame (a band under it).
    assert.equal(await app.browser.execute(() => document.querySelector('.frame').scrollTop), 0);
    await scrollContentTo(app.browser, '#figures-title');
    await screenshot(app.browser, 'projet-figures-guide');
  });

  step(app, 'la recommandation reste en vue à côté du questionnaire, ou dans un bandeau', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-modele');
    await guideOpen(ui);
    await ui.shown('advisor-form-label');
    // 1280×800 with the guide open: side by side, the recommendation in sight at the top, and still after a scroll.
    assert.ok(await inSight(app.browser, tid('advisor-form-label')), 'the recommendation should be in sight');
    await app.browser.execute(() => {
      const content = document.querySelector('#main-content');
      content.scrollTop = content.scrollHeight / 2;
    });
    assert.ok(await inSight(app.browser, tid('advisor-form-label')), 'the recommendation should stay in sight');
    // In sight, no bar (the view measures as the column scrolls).
    await app.browser.pause(200);
    assert.equal(await ui.isShown('advisor-peek'), false);
    await screenshot(app.browser, 'modele-guide');

    // Narrower: the questionnaire takes the column, the recommendation below it is named in a bar at the foot.
    await app.browser.setWindowRect(0, 0, 900, 800);
    await scrollContentTo(app.browser, '[data-testid="advisor-disclaimer"]');
    const peek = await ui.shown('advisor-peek');
    assert.equal(await ui.text('advisor-peek-label'), await ui.text('advisor-form-label'));
    assert.ok(await inSight(app.browser, tid('advisor-peek')), 'the bar should be in sight');
    await screenshot(app.browser, 'modele-peek');
    await ui.click('advisor-peek-show');
    await app.browser.waitUntil(() => inSight(app.browser, '#advisor-result-title'), {
      timeoutMsg: '« Voir la recommandation » should bring it into view',
    });
    assert.equal(await app.browser.execute(() => document.activeElement?.id), 'advisor-result-title');
    // Only the content column moved: the window's frame did not.
    assert.equal(await app.browser.execute(() => document.scrollingElement.scrollTop), 0);
    await screenshot(app.browser, 'modele-peek-shown');
    await ui.waitForGone('advisor-peek');
    assert.ok(peek);
    await app.browser.setWindowRect(0, 0, 1280, 800);
  });

  step(app, 'exporter un dossier vide demande d’abord', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', 'Alliance sans dossier');
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await ui.click('nav-area-projet');
    await ui.shown('dossier-empty');
    const before = readdirSync(workspace.saveDir).length;
    await ui.click('dossier-export-pdf');
    await ui.shown('dossier-export-confirm');
    const question = await app.browser.execute(() => document.querySelector('[role="alertdialog"]')?.textContent ?? '');
    assert.match(question, /Exporter un dossier vide/);
    assert.match(question, /Rien n’est encore rédigé ni chiffré/);
    await ui.click('confirm-cancel');
    await ui.waitForGone('dossier-export-confirm');
    assert.equal(await ui.isShown('dossier-exported'), false);
    assert.equal(readdirSync(workspace.saveDir).length, before);
  });
});
