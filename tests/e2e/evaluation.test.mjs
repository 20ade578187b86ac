// « Évaluation » (issue 12, items 3–5) in the real app, on the demo alliance: a new indicator, with no measurement, is
// « Pas encore mesuré »; a measurement added to it draws its chart and changes its status; a gap analysis is recorded
// with its decision; the report's PDF holds them; the overview lists the demo's indicators, each with its status in words, and a demo indicator's
// chart draws its target, trajectory and a year of measurements.
// Screenshots of the overview and of an indicator's chart (`cargo xtask screenshots`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'héron patient au bord de la Creuse';
const STATUSES = ['En bonne voie', 'À surveiller', 'En retard', 'Pas encore mesuré'];
const NEW_INDICATOR = 'Bénévoles formés à l’accueil';
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
// Today fixed, so the statuses of the new indicator are the same every day.
useDriver(workspace, { env: { ALLIA_E2E_TODAY: '2026-12-01' } });

/** The statuses shown in the overview, by indicator name, read in one go in the page. */
async function overviewStatuses(browser) {
  return browser.execute(
    (rowSel, statusSel) =>
      Array.from(document.querySelectorAll(rowSel), (row) => [
        row.getAttribute('data-indicator'),
        row.querySelector(statusSel)?.textContent.replace(/^[✓!✕–]/, '').trim(),
      ]),
    tid('evaluation-overview-row'),
    tid('indicator-status'),
  );
}

/** Waits for the chart's first frame and returns the milliseconds it took. */
async function firstPaint(browser) {
  const chart = await browser.$(tid('indicator-chart'));
  await chart.waitForDisplayed({ timeoutMsg: 'the indicator chart should show' });
  await browser.waitUntil(async () => (await chart.getAttribute('data-first-paint-ms')) !== null, {
    timeoutMsg: 'the indicator chart should draw',
  });
  return Number(await chart.getAttribute('data-first-paint-ms'));
}

describe('évaluation de l’impact', () => {
  const app = appSession();

  step(app, 'ouvre l’évaluation de l’exemple', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('load-demo');
    await ui.click('nav-area-evaluation');
    await ui.shown('evaluation-tabs');
    // One tab's panel at a time: the others are hidden, not stacked below it.
    for (const tab of ['demarche', 'ecarts', 'indicateurs', 'ensemble']) {
      await ui.click(`evaluation-tab-${tab}`);
      await app.browser.waitUntil(
        async () => {
          const shown = await app.browser.execute(() =>
            [...document.querySelectorAll('[data-testid^="evaluation-tabpanel-"]')]
              .filter((panel) => getComputedStyle(panel).display !== 'none')
              .map((panel) => panel.getAttribute('data-testid')),
          );
          return shown.length === 1 && shown[0] === `evaluation-tabpanel-${tab}`;
        },
        { timeoutMsg: `only the panel of « ${tab} » should show` },
      );
    }
  });

  step(app, 'un nouvel indicateur sans mesure est « Pas encore mesuré »', async () => {
    const ui = page(app.browser);
    await ui.click('evaluation-tab-indicateurs');
    await ui.click('indicator-new');
    await ui.shown('indicator-form');
    // The first objective offered (a strategic objective of the demo).
    await (await ui.shown('indicator-objective')).selectByIndex(1);
    await ui.fill('indicator-name', NEW_INDICATOR);
    await ui.fill('indicator-unit', 'bénévoles');
    await ui.fill('indicator-baseline-value', '4');
    await ui.fillDate('indicator-baseline-date', '2026-01-01');
    await ui.fill('indicator-target-value', '24');
    await ui.fillDate('indicator-target-date', '2026-12-31');
    await ui.click('indicator-save');
    await ui.waitForGone('indicator-form');
    await app.browser.waitUntil(async () => plain(await ui.text('indicator-detail-title')) === NEW_INDICATOR, {
      timeoutMsg: 'the new indicator should open',
    });
    assert.equal(plain(await ui.text('indicator-detail-status')).replace(/^–/, '').trim(), 'Pas encore mesuré');
    await ui.shown('measurements-empty');
  });

  step(app, 'une mesure ajoutée trace le graphique et change le statut', async () => {
    const ui = page(app.browser);
    await ui.fillDate('measurement-date', '2026-11-01');
    await ui.fill('measurement-value', '23');
    await ui.fill('measurement-source', 'Feuille d’émargement des formations');
    await ui.click('measurement-save');
    await ui.shown('measurement-done');
    await ui.waitForCount('measurement-row', 1);
    let status;
    await app.browser.waitUntil(
      async () => (status = plain(await ui.text('indicator-detail-status')).replace(/^[✓!✕–]/, '').trim()) !== 'Pas encore mesuré',
      { timeoutMsg: 'the status should change once measured' },
    );
    assert.ok(STATUSES.slice(0, 3).includes(status), `a measured indicator is on track, to watch or late (« ${status} »)`);
    console.log(`# « ${NEW_INDICATOR} » après sa première mesure : ${status}`);
    assert.match(plain(await ui.text('indicator-chart-summary')), /1 mesure, la dernière le 01\/11\/2026 : 23 bénévoles\.$/);
    await firstPaint(app.browser);
    // The overview says it too.
    await ui.click('evaluation-tab-ensemble');
    const row = (await overviewStatuses(app.browser)).find(([name]) => name === NEW_INDICATOR);
    assert.equal(row?.[1], status);
  });

  step(app, 'une analyse des écarts est enregistrée avec sa décision', async () => {
    const ui = page(app.browser);
    await ui.click('evaluation-tab-ecarts');
    await ui.shown('gap-form');
    const before = await ui.count('gap-row');
    await (await ui.shown('gap-objective')).selectByIndex(1);
    await ui.shown('gap-indicators');
    await ui.fillDate('gap-date', '2026-11-30');
    await ui.fill('gap-positive', 'Des formations courtes\nUn tutorat entre bénévoles');
    await ui.fill('gap-negative', 'Peu de créneaux le soir');
    await ui.choose('gap-decision', 'Ajuster l’action');
    await ui.fill('gap-note', 'Ajouter deux sessions en soirée.');
    await ui.click('gap-save');
    await ui.shown('gap-done');
    await app.browser.waitUntil(async () => (await ui.count('gap-row')) > before, { timeoutMsg: 'the analysis should be listed' });
    const rows = await app.browser.$$(tid('gap-row')).map(async (row) => plain(await row.getText()));
    assert.ok(
      rows.some((text) => /^30 novembre 2026 .*Décision : Ajuster l’action\. Ajouter deux sessions en soirée\./.test(text)),
      `the analysis is listed with its decision: ${rows.join(' | ')}`,
    );
  });
  step(app, 'le rapport d’évaluation s’exporte en PDF avec l’indicateur, son statut et la décision', async () => {
    const ui = page(app.browser);
    await ui.click('evaluation-report-export');
    await ui.shown('evaluation-report-exported');
    let pdf = null;
    await app.browser.waitUntil(
      () => {
        const found = readdirSync(workspace.saveDir).find((f) => f.startsWith('rapport-evaluation') && f.endsWith('.pdf'));
        pdf = found ? join(workspace.saveDir, found) : null;
        return pdf !== null && existsSync(pdf) && statSync(pdf).size > 0;
      },
      { timeoutMsg: 'the evaluation report was not written' },
    );
    // Compared without spaces and hyphens: the typesetter wraps and hyphenates narrow table cells.
    const squeeze = (text) => text.replace(/[\s\u00ad\u2010-]+/g, '');
    const flat = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const expected of [NEW_INDICATOR, 'Ajuster l’action', 'Des formations courtes']) {
      assert.ok(flat.includes(squeeze(expected)), `the report should contain « ${expected} »`);
    }
  });

  step(app, 'la vue d’ensemble montre les indicateurs de l’exemple avec leur statut en toutes lettres', async () => {
    const ui = page(app.browser);
    await ui.click('evaluation-tab-ensemble');
    await ui.shown('evaluation-overview-table');
    const statuses = await overviewStatuses(app.browser);
    assert.ok(statuses.length - 1 >= 8, `the demo has 8 indicators or more, besides the one added (${statuses.length - 1})`);
    for (const [name, status] of statuses) assert.ok(STATUSES.includes(status), `${name}: « ${status} »`);
    assert.ok(new Set(statuses.map(([, s]) => s)).size >= 2, 'the demo has indicators on track and late');
    assert.match(plain(await ui.text('evaluation-overview-counts')), /^\d+ indicateurs :/);
    await ui.click('guide-toggle');
    await app.browser.$('#evaluation-overview-title').scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'evaluation-overview');
    await ui.click('guide-toggle');
  });

  step(app, 'le graphique d’un indicateur de l’exemple trace la cible, la trajectoire et les mesures', async () => {
    const ui = page(app.browser);
    // The demo's first indicator (the one added above is last).
    const [first] = await app.browser.$$(tid('evaluation-overview-open'));
    const name = (await first.getText()).trim();
    await first.click();
    await ui.shown('indicator-detail');
    const ms = await firstPaint(app.browser);
    console.log(`# graphique « ${name} » : premier dessin en ${ms} ms`);
    const chart = await app.browser.$(tid('indicator-chart'));
    assert.equal(await chart.getAttribute('role'), 'img');
    const texts = await chart.$$('svg text').map((t) => t.getText());
    assert.ok(texts.some((t) => /^Cible/.test(t)), 'the target is labelled on the chart');
    assert.match(plain(await ui.text('indicator-chart-legend')), /Trajectoire prévue \(tirets\)/);
    assert.match(plain(await ui.text('indicator-chart-summary')), /^De .+ à une cible de .+ mesures?, la dernière le \d\d\/\d\d\/\d{4} :/);
    assert.ok((await ui.count('measurement-row')) >= 6, 'a year of monthly measurements is listed');
    await ui.click('guide-toggle');
    await app.browser.$('#indicator-detail-title').scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'evaluation-chart');
    await ui.click('guide-toggle');
  });

});
