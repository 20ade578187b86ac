// « Diagnostic » (issue 11, item 1) in the real app: the demo alliance's matrix (3–4 items per quadrant, needs
// written); a new alliance starts empty with the guide's prompts in each quadrant; the needs are written and saved;
// one item per quadrant is added; an item is moved up from the keyboard (focus, Enter) and to another quadrant with
// « Déplacer vers… »; one is deleted after its confirmation; « Exporter en PDF » writes the one-page PDF with every
// item in it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'castor studieux sur la rive de la Brenne';
const ALLIANCE = 'Alliance du diagnostic';

const workspace = makeWorkspace();
useDriver(workspace);

/** The texts of a quadrant's items, in the order shown. */
async function texts(browser, quadrant) {
  // Read in one go in the page: the list re-renders after each change (no stale elements half-way).
  return browser.execute(
    (selector) => Array.from(document.querySelectorAll(selector), (el) => el.textContent.trim()),
    `${tid(`swot-${quadrant}`)} ${tid('swot-item-text')}`,
  );
}

async function add(browser, ui, quadrant, text) {
  const before = (await texts(browser, quadrant)).length;
  await ui.fill(`swot-${quadrant}-new`, text);
  await ui.click(`swot-${quadrant}-add`);
  await browser.waitUntil(async () => (await texts(browser, quadrant)).length === before + 1, {
    timeoutMsg: `« ${text} » should be added to ${quadrant}`,
  });
}

describe('diagnostic interne', () => {
  const app = appSession();

  step(app, 'l’exemple montre une matrice remplie et ses besoins', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-diagnostic');
    await ui.shown('swot-strengths');
    for (const quadrant of ['strengths', 'weaknesses', 'opportunities', 'threats']) {
      const count = (await texts(app.browser, quadrant)).length;
      assert.ok(count >= 3 && count <= 4, `${quadrant}: ${count} items`);
    }
    assert.match(await ui.value('diagnostic-priorities'), /accompagnement des publics/);
    // The importance is written, not only coloured.
    assert.match(await ui.text('swot-item-importance'), /Majeure|Importante|Secondaire/);
    await ui.click('guide-toggle');
    // The matrix for the picture: its title at the top of the content.
    await app.browser.$('#swot-title').scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'diagnostic');
    await ui.click('guide-toggle');
  });

  step(app, 'une nouvelle alliance commence vide, avec les pistes du guide', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', ALLIANCE);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await ui.click('nav-area-diagnostic');
    await ui.shown('diagnostic-empty');
    assert.match(await ui.text('swot-strengths-hint'), /expertise, moyens, réseau, légitimité/i);
    assert.match(await ui.text('swot-threats-hint'), /concurrence, évolutions réglementaires/i);
  });

  step(app, 'écrit les besoins et un élément par quadrant', async () => {
    const ui = page(app.browser);
    await ui.fill('diagnostic-priorities', 'Mutualiser la comptabilité');
    await ui.fill('diagnostic-expectations', 'Réduire nos coûts administratifs');
    await ui.click('diagnostic-needs-save');
    await ui.shown('diagnostic-needs-saved');
    // Nothing typed: refused next to the quadrant's field, in French.
    await ui.click('swot-weaknesses-add');
    await app.browser.waitUntil(async () => /Indiquez le texte de l’élément/.test(await ui.text('swot-weaknesses')), {
      timeoutMsg: 'an empty item should be refused with its message',
    });
    await add(app.browser, ui, 'strengths', 'Réseau de bénévoles');
    await add(app.browser, ui, 'weaknesses', 'Pas de comptable');
    await add(app.browser, ui, 'opportunities', 'Appel à projets FDVA');
    await add(app.browser, ui, 'threats', 'Baisse des subventions');
    await add(app.browser, ui, 'strengths', 'Locaux en centre-bourg');
    assert.deepEqual(await texts(app.browser, 'strengths'), ['Réseau de bénévoles', 'Locaux en centre-bourg']);
    assert.equal(await ui.isShown('diagnostic-empty'), false);
  });

  step(app, 'remonte un élément au clavier et en déplace un vers un autre quadrant', async () => {
    const ui = page(app.browser);
    const up = (await app.browser.$$(`${tid('swot-strengths')} ${tid('swot-up')}`))[1];
    await up.scrollIntoView({ block: 'center' });
    // The keyboard path: focus the button, then Enter.
    await app.browser.execute((el) => el.focus(), up);
    await app.browser.keys('Enter');
    await app.browser.waitUntil(async () => (await texts(app.browser, 'strengths'))[0] === 'Locaux en centre-bourg', {
      timeoutMsg: 'the second strength should move up',
    });
    // Moved again after a reload of the area: the order is the vault's.
    await ui.click('nav-area-alliance');
    await ui.click('nav-area-diagnostic');
    await ui.shown('swot-strengths');
    assert.deepEqual(await texts(app.browser, 'strengths'), ['Locaux en centre-bourg', 'Réseau de bénévoles']);

    // « Déplacer vers… » (a native select, operable from the keyboard): a strength becomes an opportunity.
    const select = (await app.browser.$$(`${tid('swot-strengths')} ${tid('swot-move-to')}`))[0];
    await select.selectByAttribute('value', 'opportunities');
    await app.browser.waitUntil(async () => (await texts(app.browser, 'opportunities')).includes('Locaux en centre-bourg'), {
      timeoutMsg: 'the strength should move to the opportunities',
    });
    assert.deepEqual(await texts(app.browser, 'strengths'), ['Réseau de bénévoles']);
    assert.deepEqual(await texts(app.browser, 'opportunities'), ['Appel à projets FDVA', 'Locaux en centre-bourg']);
  });

  step(app, 'supprime un élément après confirmation', async () => {
    const ui = page(app.browser);
    // « Supprimer » is offered once the item is opened with « Modifier ».
    const edit = (await app.browser.$$(`${tid('swot-opportunities')} ${tid('swot-edit')}`))[1];
    await edit.click();
    await ui.click('swot-delete');
    await ui.click('swot-delete-confirm');
    await app.browser.waitUntil(async () => (await texts(app.browser, 'opportunities')).length === 1, {
      timeoutMsg: 'the item should be deleted',
    });
  });

  step(app, 'exporte le diagnostic en PDF', async () => {
    const ui = page(app.browser);
    await ui.click('diagnostic-export-pdf');
    await ui.shown('diagnostic-exported');
    let pdf = null;
    await app.browser.waitUntil(
      () => {
        const found = readdirSync(workspace.saveDir).find((f) => f.startsWith('diagnostic-interne') && f.endsWith('.pdf'));
        pdf = found ? join(workspace.saveDir, found) : null;
        return pdf !== null && existsSync(pdf) && statSync(pdf).size > 0;
      },
      { timeoutMsg: 'the diagnostic PDF was not written' },
    );
    const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Diagnostic interne',
      ALLIANCE,
      'Mutualiser la comptabilité',
      'Réseau de bénévoles',
      'Pas de comptable',
      'Appel à projets FDVA',
      'Baisse des subventions',
    ]) {
      assert.ok(flat.includes(expected), `the PDF should contain « ${expected} »`);
    }
    const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(pages, /Pages:\s+1\b/);
  });
});
