// « Évaluation » (issue 12, items 3–5) in the real app, on the demo alliance: a new indicator, with no measurement, is
// « Pas encore mesuré »; a measurement added to it draws its chart and changes its status; a gap analysis is recorded
// with its decision; the report's PDF and its DOCX for Word hold them; the overview lists the demo's indicators, each with its status in words, and a demo indicator's
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

/** Resizes the window and waits for the page to see it. */
async function resize(browser, width, height) {
  await browser.setWindowRect(0, 0, width, height);
  await browser.waitUntil(async () => {
    const seen = await browser.execute(() => document.documentElement.clientWidth);
    return seen <= width && seen > width - 40;
  }, {
    timeoutMsg: `the window did not become ${width} px wide`,
  });
  await browser.pause(300);
}

/** Opens (or closes) the guide beside the content when the window is wide enough for it. */
async function guideBeside(browser, ui, open) {
  if ((await ui.isShown('guide-panel')) !== open && (await ui.isShown('guide-toggle'))) await ui.click('guide-toggle');
  await browser.pause(300);
}

/**
 * The texts the chart draws (axis values, the points' labels, « Aujourd’hui »), each with its box, and the chart's
 * box: every label must lie inside the chart and cover no other.
 */
async function chartTexts(browser) {
  return browser.execute((sel) => {
    const chart = document.querySelector(sel);
    const box = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('svg text')]
      .filter((t) => t.textContent.trim() !== '' && getComputedStyle(t).display !== 'none' && t.getAttribute('opacity') !== '0')
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
    return { box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, texts };
  }, tid('indicator-chart'));
}

function assertLabelsFit({ box, texts }, where) {
  assert.ok(texts.some((t) => t.text === 'Cible'), `${where}: the target is labelled on the chart`);
  for (const t of texts) {
    assert.ok(
      t.left >= box.left - 1 && t.right <= box.right + 1 && t.top >= box.top - 1 && t.bottom <= box.bottom + 1,
      `${where}: « ${t.text} » runs out of the chart (${JSON.stringify(t)} in ${JSON.stringify(box)})`,
    );
  }
  // Two texts overlap when their boxes share more than a pixel each way (the same text drawn twice excepted).
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) {
      const same = a.text === b.text && Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      assert.ok(same || w <= 1 || h <= 1, `${where}: « ${a.text} » and « ${b.text} » overlap (${JSON.stringify([a, b])})`);
    }
  }
}

/** The tabs: each one's top and whether the list shows them all without scrolling. */
async function tabsLayout(browser) {
  return browser.execute((sel) => {
    const list = document.querySelector(sel);
    const tabs = [...list.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top));
    return { tops: tabs, fits: list.scrollWidth <= list.clientWidth + 1 };
  }, tid('evaluation-tabs'));
}

/** The overview's rows' heights and whether the table (or the page) overflows sideways. */
async function overviewLayout(browser) {
  return browser.execute((rowSel, tableSel) => {
    const table = document.querySelector(tableSel);
    const wrap = table.parentElement;
    return {
      heights: [...document.querySelectorAll(rowSel)].map((r) => Math.round(r.getBoundingClientRect().height)),
      tableOverflows: wrap.scrollWidth > wrap.clientWidth + 1,
      pageOverflows: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    };
  }, tid('evaluation-overview-row'), tid('evaluation-overview-table'));
}

describe('évaluation de l’impact', () => {
  const app = appSession();

  step(app, 'ouvre l’évaluation de l’exemple', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
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

  step(app, 'le rapport d’évaluation s’exporte aussi pour Word, avec l’indicateur et la décision', async () => {
    const ui = page(app.browser);
    await ui.click('evaluation-report-export-docx');
    // The notice leaves while the report is made, then names the file: read it again until it does.
    await app.browser.waitUntil(async () => (await ui.text('evaluation-report-exported').catch(() => '')).endsWith('.docx'), {
      timeoutMsg: 'the notice should name the .docx saved',
    });
    let docx = null;
    await app.browser.waitUntil(
      () => {
        const found = readdirSync(workspace.saveDir).find((f) => f.startsWith('rapport-evaluation') && f.endsWith('.docx'));
        docx = found ? join(workspace.saveDir, found) : null;
        return docx !== null && existsSync(docx) && statSync(docx).size > 0;
      },
      { timeoutMsg: 'the evaluation report was not written for Word' },
    );
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]*>/g, ' ');
    const squeeze = (text) => text.replace(/[\s\u00a0\u202f]+/g, '');
    for (const expected of [NEW_INDICATOR, 'Ajuster l’action', 'Des formations courtes']) {
      assert.ok(squeeze(xml).includes(squeeze(expected)), `the Word report should contain « ${expected} »`);
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

  step(app, 'les libellés du graphique restent dans le cadre sans couvrir les axes, à 1280 et à 900 de large', async () => {
    const ui = page(app.browser);
    for (const [width, height] of [
      [1280, 800],
      [900, 600],
    ]) {
      await resize(app.browser, width, height);
      await guideBeside(app.browser, ui, true);
      await ui.click('evaluation-tab-ensemble');
      const count = await ui.count('evaluation-overview-open');
      for (let i = 0; i < count; i += 1) {
        await ui.click('evaluation-tab-ensemble');
        const open = (await app.browser.$$(tid('evaluation-overview-open')))[i];
        const name = (await open.getText()).trim();
        await open.click();
        await ui.shown('indicator-detail');
        await app.browser.waitUntil(async () => plain(await ui.text('indicator-detail-title')) === plain(name), {
          timeoutMsg: `« ${name} » should open`,
        });
        await firstPaint(app.browser);
        await app.browser.$(tid('indicator-chart')).scrollIntoView({ block: 'center' });
        await app.browser.pause(150);
        assertLabelsFit(await chartTexts(app.browser), `${width}×${height}, « ${name} »`);
        assert.match(plain(await ui.text('indicator-chart-legend-target')), / au \d\d\/\d\d\/\d{4}$/);
        if (i === 0) await screenshot(app.browser, `evaluation-chart-${width}x${height}`);
      }
    }
  });

  step(app, 'les onglets tiennent sur une ligne et la vue d’ensemble se replie à 900×600', async () => {
    const ui = page(app.browser);
    await resize(app.browser, 1280, 800);
    await guideBeside(app.browser, ui, true);
    await ui.click('evaluation-tab-ensemble');
    let tabs = await tabsLayout(app.browser);
    assert.equal(new Set(tabs.tops).size, 1, `at 1280 with the guide open, the tabs are on one line (${tabs.tops})`);
    assert.ok(tabs.fits, 'at 1280 with the guide open, every tab shows without scrolling');
    let table = await overviewLayout(app.browser);
    assert.ok(!table.tableOverflows && !table.pageOverflows, 'at 1280, nothing overflows sideways');
    await app.browser.$(tid('evaluation-tabs')).scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'evaluation-overview-1280x800');

    await resize(app.browser, 900, 600);
    tabs = await tabsLayout(app.browser);
    assert.equal(new Set(tabs.tops).size, 1, `at 900×600, the tabs are on one line (${tabs.tops})`);
    table = await overviewLayout(app.browser);
    assert.ok(!table.tableOverflows, 'at 900×600, the overview table has no horizontal scrollbar');
    assert.ok(!table.pageOverflows, 'at 900×600, the page does not overflow sideways');
    assert.ok(Math.max(...table.heights) <= 200, `at 900×600, an overview row stays short (${table.heights} px)`);
    // « Pourquoi ? » opens the explanation under the row, still within the window's width.
    const why = await app.browser.$(`${tid('evaluation-overview-row')} details.explanation summary`);
    if (await why.isExisting()) {
      await why.scrollIntoView({ block: 'center' });
      await why.click();
      table = await overviewLayout(app.browser);
      assert.ok(!table.tableOverflows && !table.pageOverflows, 'an explanation opened keeps the table within the window');
      await why.click();
    }
    await app.browser.$(tid('evaluation-tabs')).scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'evaluation-overview-900x600');
    await resize(app.browser, 1200, 760);
  });
});
