// « Projet » (issue 11, item 2) in the real app: the demo alliance's dossier de présentation (its texts and sourced
// key figures); a new alliance starts with the empty state; the social need is written and saved; two figures are
// added (a value typed the French way, « 12,5 » and « 1 250 », shown back with its unit), a figure typed wrong is
// refused next to its field, one is moved down from the keyboard and one edited; « Exporter le dossier en PDF »
// asks first (two parts are not written), then writes the PDF with the need and both figures with their sources.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'loutre appliquée au bord du Cher';
const ALLIANCE = 'Alliance du projet';

const workspace = makeWorkspace();
useDriver(workspace);

/** The figures' labels and values, in the table's order. */
async function rows(browser) {
  // Read in one go in the page: the table re-renders after each change.
  return browser.execute(
    (selector) =>
      Array.from(document.querySelectorAll(selector), (row) => [
        row.querySelector('th').textContent.trim(),
        row.querySelector('[data-testid="figure-value"]').textContent.trim(),
      ]),
    tid('figure-row'),
  );
}

async function addFigure(browser, ui, figure) {
  const before = (await rows(browser)).length;
  await ui.click('figure-add');
  await ui.fill('figure-new-label', figure.label);
  await ui.fill('figure-new-value', figure.value);
  await ui.fill('figure-new-unit', figure.unit);
  await ui.fill('figure-new-year', figure.year);
  await (await browser.$(tid('figure-new-source-kind'))).selectByAttribute('value', figure.kind);
  await ui.fill('figure-new-source', figure.source);
  if (figure.link) await ui.fill('figure-new-link', figure.link);
  await ui.click('figure-new-submit');
  await browser.waitUntil(async () => (await rows(browser)).length === before + 1, {
    timeoutMsg: `« ${figure.label} » should be added`,
  });
}

describe('formaliser le projet', () => {
  const app = appSession();

  step(app, 'l’exemple montre un dossier rédigé et ses chiffres sourcés', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-projet');
    await ui.shown('figures-table');
    const shown = await rows(app.browser);
    assert.ok(shown.length >= 4, `${shown.length} figures`);
    assert.match(await ui.value('dossier-social-need'), /Val de Brenne/);
    assert.ok(
      shown.some(([, value]) => value === '23\u202f480 habitants'),
      JSON.stringify(shown),
    );
    // The figures table for the picture, the guide folded away.
    await ui.click('guide-toggle');
    await app.browser.$('#figures-title').scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'projet');
    await ui.click('guide-toggle');
  });

  step(app, 'une nouvelle alliance commence vide et dit quoi faire', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', ALLIANCE);
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
    await ui.click('nav-area-projet');
    await ui.shown('dossier-empty');
    assert.match(await ui.text('dossier-empty'), /besoin social/);
    await ui.shown('figures-empty');
  });

  step(app, 'écrit le besoin social et l’enregistre', async () => {
    const ui = page(app.browser);
    await ui.fill('dossier-social-need', 'Les familles monoparentales du quartier manquent de solutions de garde.');
    await ui.fill('dossier-key-actors', 'Les familles elles-mêmes, la Ville et la CAF.');
    await ui.click('dossier-save');
    await ui.shown('dossier-saved');
  });

  step(app, 'ajoute deux chiffres clés, en refuse un mal saisi, en déplace un et en modifie un', async () => {
    const ui = page(app.browser);
    await addFigure(app.browser, ui, {
      label: 'Taux de pauvreté du quartier',
      value: '38,5',
      unit: '%',
      year: '2021',
      kind: 'insee',
      source: 'Filosofi, IRIS Les Tilleuls',
      link: 'https://www.insee.fr/fr/statistiques',
    });
    await addFigure(app.browser, ui, {
      label: 'Familles monoparentales suivies',
      value: '1 250',
      unit: 'familles',
      year: '2025',
      kind: 'own_survey',
      source: 'Questionnaire auprès des familles accueillies',
    });
    assert.deepEqual(await rows(app.browser), [
      ['Taux de pauvreté du quartier', '38,5\u202f%'],
      ['Familles monoparentales suivies', '1\u202f250 familles'],
    ]);
    assert.equal(await ui.isShown('dossier-empty'), false);

    // Typed wrong: the errors show next to their fields, nothing is added.
    await ui.click('figure-add');
    await ui.fill('figure-new-label', 'Habitants');
    await ui.fill('figure-new-value', 'beaucoup');
    await ui.fill('figure-new-year', '21');
    await ui.fill('figure-new-source', 'Recensement');
    // No type of source is preselected: the form asks for one before anything is sent.
    await ui.click('figure-new-submit');
    await ui.shown('error-sourceKind');
    assert.match(await ui.text('error-sourceKind'), /Choisissez le type de source/);
    await (await app.browser.$(tid('figure-new-source-kind'))).selectByAttribute('value', 'insee');
    await ui.click('figure-new-submit');
    await ui.shown('error-value');
    assert.match(await ui.text('error-value'), /n’est pas un nombre/);
    await ui.shown('error-year');
    await ui.click('figure-new-cancel');
    assert.equal((await rows(app.browser)).length, 2);

    // Down from the keyboard: focus, then Enter.
    const down = (await app.browser.$$(tid('figure-down')))[0];
    await app.browser.execute((el) => el.focus(), down);
    await app.browser.keys('Enter');
    await app.browser.waitUntil(async () => (await rows(app.browser))[0][0] === 'Familles monoparentales suivies', {
      timeoutMsg: 'the first figure should move down',
    });

    // Edited: its value as shown comes back in the form, the French way.
    await (await app.browser.$$(tid('figure-edit')))[0].click();
    assert.equal(await ui.value('figure-edit-value'), '1\u202f250');
    await ui.fill('figure-edit-value', '1 310');
    await ui.click('figure-edit-submit');
    await app.browser.waitUntil(async () => (await rows(app.browser))[0][1] === '1\u202f310 familles', {
      timeoutMsg: 'the edited value should show',
    });

    // The order is the vault's: it survives leaving the area.
    await ui.click('nav-area-alliance');
    await ui.click('nav-area-projet');
    await ui.shown('figures-table');
    assert.deepEqual(
      (await rows(app.browser)).map(([label]) => label),
      ['Familles monoparentales suivies', 'Taux de pauvreté du quartier'],
    );
  });

  step(app, 'exporte le dossier en PDF', async () => {
    const ui = page(app.browser);
    await ui.click('dossier-export-pdf');
    // Two parts are not written: the export says which, and goes on once confirmed.
    const asked = await ui.shown('dossier-export-confirm');
    const question = await app.browser.execute(() => document.querySelector('[role="alertdialog"]')?.textContent ?? '');
    assert.match(question, /Exporter un dossier incomplet/);
    assert.match(question, /la nécessité d’une réponse collective et l’argumentaire du projet\./);
    await asked.click();
    await ui.shown('dossier-exported');
    let pdf = null;
    await app.browser.waitUntil(
      () => {
        const found = readdirSync(workspace.saveDir).find((f) => f.startsWith('dossier-de-presentation') && f.endsWith('.pdf'));
        pdf = found ? join(workspace.saveDir, found) : null;
        return pdf !== null && existsSync(pdf) && statSync(pdf).size > 0;
      },
      { timeoutMsg: 'the dossier PDF was not written' },
    );
    const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Dossier de présentation du projet',
      ALLIANCE,
      'Les familles monoparentales du quartier manquent de solutions de garde.',
      'Chiffres clés',
      'INSEE',
      'Filosofi, IRIS Les Tilleuls',
      'Enquête propre',
      'Questionnaire auprès des familles accueillies',
      '2021',
      '2025',
    ]) {
      assert.ok(flat.includes(expected), `the PDF should contain « ${expected} »: ${flat}`);
    }
    const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(pages, /Pages:\s+[2-9]\b/);
  });
});
