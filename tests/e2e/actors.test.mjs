// Step 3 of the guide in the real app (issue 11, items 3–6): « Choisir les bons partenaires ». Three actors of the
// territory go into the register with their place on the map; one interaction links two of them and a meeting goes
// into the proximity log; the three are scored on the five default criteria and the ranking shown is the vault's,
// with its tie; the best is shortlisted (« Retenir »), promoted to partner as « Chef de file », and then shows in
// « Partenaires » and as a party of a new convention, while the others do not.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'martin-pêcheur au bord du Cher';
const ALLIANCE = 'Alliance des quartiers nord de Tours';
const MISSION = 'Mission locale de Touraine';
const REGIE = 'Régie de quartier du Sanitas';
const JOURNAL = 'La Gazette de Tours';
/** Spaces of any kind as one plain space. */
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
useDriver(workspace);

/** Picks an option of a select far down the panel: scrolled to the middle first, clear of the sticky buttons. */
async function pick(ui, id, label) {
  await (await ui.shown(id)).scrollIntoView({ block: 'center' });
  await ui.choose(id, label);
}

/** Adds an actor from the register with its category and levels (influence, interest, nuisance). */
async function addActor(ui, name, category, [influence, interest, nuisance]) {
  await ui.click('add-actor');
  await ui.shown('partner-panel');
  await ui.fill('partner-name', name);
  await pick(ui, 'actor-category', category);
  await pick(ui, 'actor-influence', String(influence));
  await pick(ui, 'actor-interest', String(interest));
  await pick(ui, 'actor-nuisance', String(nuisance));
  await ui.click('partner-save');
  await ui.waitForGone('partner-panel');
}

/** The inputs of the matrix's row for `name`, in the criteria's order. */
async function scoreCells(browser, name) {
  for (const row of await browser.$$(tid('matrix-row'))) {
    if ((await row.$('th .row-link').getText()).trim() === name) return row.$$(tid('score-cell'));
  }
  throw new Error(`no row « ${name} » in the matrix`);
}

/** Types one score per criterion in `name`'s row, each saved as the cell is left. */
async function score(browser, name, scores) {
  const cells = await scoreCells(browser, name);
  assert.equal(cells.length, scores.length, `one score per criterion for « ${name} »`);
  for (const [index, value] of scores.entries()) {
    // Centred sideways too: at the scroll box's edge a cell sits under the sticky « Candidat » column, which would
    // take the click. The keys go where the focus is: it is checked first.
    await browser.waitUntil(
      async () => {
        await cells[index].scrollIntoView({ block: 'center', inline: 'center' });
        await cells[index].click();
        return browser.execute((cell) => document.activeElement === cell, cells[index]);
      },
      { timeoutMsg: `« ${name} » criterion ${index + 1} should take the focus` },
    );
    await browser.keys(['Control', 'a']);
    await browser.keys([String(value), 'Tab']);
    await browser.waitUntil(async () => (await cells[index].getValue()) === String(value), {
      timeoutMsg: `« ${name} » criterion ${index + 1} should hold ${value}`,
    });
  }
}

/** The texts of a table row's cells. */
async function cells(row) {
  const texts = [];
  for (const cell of await row.$$('td')) texts.push(plain(await cell.getText()));
  return texts;
}

async function rankingLines(ui, browser) {
  await ui.shown('ranking');
  const texts = [];
  for (const line of await browser.$$(tid('ranking-line'))) texts.push(plain(await line.getText()));
  return texts;
}

/** Waits until the tab `id` is the selected one (the view may still be showing the previous state). */
async function selected(browser, ui, id) {
  await browser.waitUntil(async () => (await ui.el(id).getAttribute('aria-selected')) === 'true', {
    timeoutMsg: `« ${id} » should be the selected tab`,
  });
}

describe('le registre des acteurs', () => {
  const app = appSession();

  step(app, 'une nouvelle alliance, son registre vide explique à quoi il sert', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('empty-new-alliance');
    await ui.fill('alliance-name', ALLIANCE);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await ui.click('nav-area-partenaires');
    await ui.click('partner-tab-registre');
    await selected(app.browser, ui, 'partner-tab-registre');
    assert.match(await ui.text('register-empty'), /Cartographier les acteurs du territoire/);
  });

  step(app, 'trois acteurs placés sur la carte', async () => {
    const ui = page(app.browser);
    await ui.click('add-first-actor');
    await ui.shown('partner-panel');
    await ui.fill('partner-name', MISSION);
    await pick(ui, 'actor-category', 'Acteurs de l’ESS');
    await pick(ui, 'actor-influence', '4');
    await pick(ui, 'actor-interest', '5');
    await pick(ui, 'actor-nuisance', '2');
    assert.equal(await ui.count('partner-role'), 0, 'an actor has no role until it is promoted');
    await ui.click('partner-save');
    await ui.waitForGone('partner-panel');
    await ui.waitForCount('actor-row', 1);
    await addActor(ui, REGIE, 'Acteurs de l’ESS', [2, 4, 1]);
    await addActor(ui, JOURNAL, 'Médias', [3, 1, 3]);
    await ui.waitForCount('actor-row', 3);
    const [mission] = await ui.withText('actor-row', MISSION);
    assert.deepEqual(await cells(mission), [MISSION, 'Acteurs de l’ESS', 'Identifié', '4', '5', '2', 'Associer étroitement']);
    const [journal] = await ui.withText('actor-row', JOURNAL);
    assert.deepEqual((await cells(journal)).slice(1), ['Médias', 'Identifié', '3', '1', '3', 'Satisfaire']);
    // Filtered by category, the media alone.
    await ui.choose('register-filter-category', 'Médias');
    await ui.waitForCount('actor-row', 1);
    await ui.choose('register-filter-category', 'Toutes les catégories');
    await ui.waitForCount('actor-row', 3);
  });

  step(app, 'une interaction et un échange dans la fiche de l’acteur', async () => {
    const ui = page(app.browser);
    await ui.openRow('actor-row', MISSION);
    await ui.shown('actor-status');
    await ui.click('actor-link-add');
    await pick(ui, 'actor-link-kind', 'Coopère avec');
    await pick(ui, 'actor-link-other', REGIE);
    await ui.fill('actor-link-note', 'Chantiers d’insertion communs depuis 2024.');
    await ui.click('actor-link-save');
    await ui.waitForCount('actor-link', 1);
    assert.equal(plain(await ui.text('actor-link')).startsWith(`Coopère avec « ${REGIE} »`), true);

    await ui.click('actor-log-add');
    await pick(ui, 'actor-log-kind', 'Rencontre');
    await ui.fill('actor-log-notes', 'Présentation du projet à la directrice : accord de principe pour un atelier commun.');
    // One friction point per line.
    await ui.fill('actor-log-frictions', 'Calendrier des subventions');
    await app.browser.keys(['Enter']);
    await ui.el('actor-log-frictions').addValue('Partage des locaux');
    await ui.click('actor-log-save');
    await ui.waitForCount('actor-log-entry', 1);
    assert.match(plain(await ui.el('actor-log-entry').$('h4').getText()), /^Rencontre du \d/);
    const frictions = [];
    for (const item of await ui.el('actor-log-frictions-list').$$('li')) frictions.push(plain(await item.getText()));
    assert.deepEqual(frictions, ['Calendrier des subventions', 'Partage des locaux']);
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');
  });

  step(app, 'notés sur les cinq critères, le classement du coffre avec son ex æquo', async () => {
    const ui = page(app.browser);
    await ui.click('partner-tab-selection');
    await ui.waitForCount('matrix-row', 3);
    assert.equal(await ui.count('criterion-row'), 5, 'the five default criteria');
    // Missing scores: the vault says which, and ranks nothing yet.
    await app.browser.waitUntil(async () => /Il manque/.test(await ui.text('ranking-message')), {
      timeoutMsg: 'the ranking should say which score is missing',
    });
    assert.match(plain(await ui.text('ranking-message')), /Il manque la note de « Mission locale de Touraine » pour « Compatibilité stratégique »/);
    await score(app.browser, MISSION, [5, 5, 4, 4, 5]);
    await score(app.browser, REGIE, [3, 4, 4, 5, 4]);
    await score(app.browser, JOURNAL, [4, 3, 5, 4, 4]);
    await app.browser.waitUntil(async () => (await app.browser.$$(tid('ranking-line'))).length === 3, {
      timeoutMsg: 'the ranking should show once every score is in',
    });
    // (2·5 + 2·5 + 4 + 4 + 5) / 35 = 94,29 ; (2·3 + 2·4 + 4 + 5 + 4) / 35 = 77,14 = (2·4 + 2·3 + 5 + 4 + 4) / 35.
    assert.deepEqual(await rankingLines(ui, app.browser), [
      `1er ${MISSION} 94,29 / 100`,
      `2e ex æquo ${JOURNAL} 77,14 / 100`,
      `2e ex æquo ${REGIE} 77,14 / 100`,
    ]);
  });

  step(app, 'retenu puis promu chef de file, il devient partenaire', async () => {
    const ui = page(app.browser);
    await app.browser.$(`[data-testid="matrix-retain"][aria-label*="${MISSION}"]`).click();
    await app.browser.waitUntil(async () => (await ui.count('matrix-retain')) === 2, { timeoutMsg: 'one candidate shortlisted' });
    const mission = await app.browser.$(`//tr[@data-testid="matrix-row"]//button[normalize-space()="${MISSION}"]`);
    await mission.click();
    await ui.shown('actor-promote-form');
    assert.equal(await ui.value('actor-status-select'), 'retained');
    await pick(ui, 'actor-promote-role', 'Chef de file');
    await ui.click('actor-promote');
    await app.browser.waitUntil(async () => /est maintenant partenaire/.test(await ui.text('actor-panel-done')), {
      timeoutMsg: 'the promotion should be confirmed',
    });
    await ui.shown('commitments-editor-partner');
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');
    // A partner is not a candidate any more.
    await ui.waitForCount('matrix-row', 2);

    await ui.click('partner-tab-partenaires');
    await ui.waitForCount('partner-row', 1);
    const [row] = await ui.withText('partner-row', MISSION);
    assert.equal((await cells(row))[2], 'Chef de file');

    await ui.click('partner-tab-registre');
    // The register is read again after the promotion: its row says « Engagé » once it is.
    let status;
    await app.browser.waitUntil(
      async () => {
        const [registered] = await ui.withText('actor-row', MISSION);
        status = registered && (await cells(registered))[2];
        return status === 'Engagé';
      },
      { timeoutMsg: `the register should show « ${MISSION} » as « Engagé », saw « ${status} »` },
    );
  });

  step(app, 'la carte et le réseau montrent les mêmes acteurs, le tableau en est l’alternative', async () => {
    const ui = page(app.browser);
    await ui.click('partner-tab-carte');
    assert.match(plain(await ui.text('actor-map-summary')), /3/);
    await ui.click('map-show-table');
    await selected(app.browser, ui, 'partner-tab-registre');
    await ui.click('partner-tab-reseau');
    await ui.shown('actor-network-view');
    await ui.click('partner-tab-registre');
    await ui.waitForCount('actor-row', 3);
  });

  step(app, 'une nouvelle convention le nomme parmi ses parties, et lui seul', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention d’insertion 2027');
    await ui.click('document-create');
    await ui.shown('document-preview');
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes(MISSION), {
      timeoutMsg: 'the promoted actor should be a party of the convention',
    });
    const preview = await ui.text('document-preview');
    assert.equal(preview.includes(REGIE), false, 'an actor that is not a partner is no party');
    assert.equal(preview.includes(JOURNAL), false, 'an actor that is not a partner is no party');
  });

  step(app, 'un acteur supprimé après confirmation quitte le registre avec ses liens', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    await ui.click('partner-tab-registre');
    await ui.waitForCount('actor-row', 3);
    await ui.openRow('actor-row', REGIE);
    await ui.click('partner-delete');
    assert.match(plain(await ui.text('confirm-delete').catch(() => '')), /Supprimer/);
    await ui.click('confirm-delete');
    await ui.waitForGone('partner-panel');
    await ui.waitForCount('actor-row', 2);
    assert.match(plain(await ui.text('actor-done')), new RegExp(`« ${REGIE} » : acteur supprimé`));
    // WebDriver's text turns no-break spaces into spaces: the DOM's own text is read.
    const raw = await app.browser.execute(() => document.querySelector('[data-testid="actor-done"]')?.textContent ?? '');
    assert.ok(raw.includes(`«\u00a0${REGIE}\u00a0»`), 'the name is quoted with no-break spaces');
  });

  step(app, 'le registre de l’exemple, pour les captures', async () => {
    const ui = page(app.browser);
    // « Partenaires » chosen while the example loads: the example opens there, not on its home area.
    await ui.click('load-demo');
    await ui.click('nav-area-partenaires');
    await ui.waitForDemo();
    // The tab chosen is remembered per alliance: the example opens on « Partenaires », not on the register the other
    // alliance was left on.
    await ui.waitForCount('partner-row', 5);
    await selected(app.browser, ui, 'partner-tab-partenaires');
    await ui.click('partner-tab-registre');
    await app.browser.waitUntil(async () => (await ui.count('actor-row')) > 10, { timeoutMsg: 'the example has a register' });
    await ui.click('guide-toggle');
    await ui.scrollToTop('partner-tabs');
    await screenshot(app.browser, 'actor-register');
    // The table's end: the last row closed by its border along its whole width.
    await (await app.browser.$$(tid('actor-row'))).at(-1).scrollIntoView({ block: 'center' });
    await screenshot(app.browser, 'actor-register-end');
    await ui.scrollToTop('partner-tabs');

    // An actor whose log holds a friction point.
    await ui.openRow('actor-row', 'Communauté de communes du Castelrenaudais');
    await ui.waitForCount('actor-log-entry', 2);
    // Today's workshop, written first in the log, with what it revealed.
    await ui.click('actor-log-add');
    await pick(ui, 'actor-log-kind', 'Atelier');
    await ui.fill('actor-log-notes', 'Atelier avec les services de la communauté de communes sur l’ouverture du service.');
    await ui.fill('actor-log-frictions', 'Tarif pour les associations non membres');
    await app.browser.keys(['Enter']);
    await ui.el('actor-log-frictions').addValue('Délai de versement de la subvention');
    await ui.click('actor-log-save');
    await ui.waitForCount('actor-log-entry', 3);
    await ui.scrollToTop('actor-log');
    await screenshot(app.browser, 'actor-log');
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');

    await ui.click('partner-tab-selection');
    await ui.shown('scoring-matrix');
    await ui.scrollToTop('partner-tabs');
    await screenshot(app.browser, 'actor-scoring');
    await ui.click('guide-toggle');
  });

  step(app, 'la matrice garde le score, le rang et « Retenir » en vue sans défilement horizontal, même étroite', async () => {
    const ui = page(app.browser);
    const before = await app.browser.getWindowSize();
    for (const [width, height, withGuide] of [[1024, 700, false], [1280, 800, true]]) {
      await app.browser.setWindowSize(width, height);
      await app.browser.pause(300);
      // Narrow, the guide is an overlay behind another button: its panel's toggle is there only when wide enough.
      if ((await ui.count('guide-toggle')) > 0) {
        const open = (await ui.el('guide-toggle').getAttribute('aria-expanded')) === 'true';
        if (open !== withGuide) await ui.click('guide-toggle');
      } else {
        assert.equal(withGuide, false, `the guide panel can be opened at ${width}×${height}`);
      }
      await ui.shown('scoring-matrix');
      await app.browser.pause(300);
      // What is cut off by the matrix's scroll box (or the window) while it is scrolled to its start.
      const hidden = await app.browser.execute(() => {
        const table = document.querySelector('[data-testid="scoring-matrix"]');
        const scroll = table.parentElement;
        scroll.scrollLeft = 0;
        const box = scroll.getBoundingClientRect();
        const right = Math.min(box.right, document.documentElement.clientWidth);
        const out = [];
        const wanted = '[data-testid="matrix-score"], [data-testid="matrix-rank"], [data-testid="matrix-retain"], .row-link';
        for (const element of table.querySelectorAll(wanted)) {
          const rect = element.getBoundingClientRect();
          if (rect.width > 0 && (rect.left < box.left - 1 || rect.right > right + 1)) out.push(element.textContent.trim());
        }
        return out;
      });
      assert.deepEqual(hidden, [], `at ${width}×${height}${withGuide ? ' with the guide open' : ''}, nothing to scroll sideways for`);
      await ui.scrollToTop('partner-tabs');
      await screenshot(app.browser, `actor-scoring-${width}`);
    }
    await app.browser.setWindowSize(before.width, before.height);
    await app.browser.pause(300);
    if ((await ui.count('guide-toggle')) > 0 && (await ui.el('guide-toggle').getAttribute('aria-expanded')) === 'true') {
      await ui.click('guide-toggle');
    }
  });
});
