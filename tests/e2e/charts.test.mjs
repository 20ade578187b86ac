// « Carte » and « Réseau » of Partenaires in the real app (issue 11, item 3), on the demo alliance: the map names
// its four quadrants and says in words how many actors each holds; a category filter hides actors and says so;
// a click on an actor's point opens its panel; « Voir sous forme de tableau » leads to the register's table; the
// network shows its interactions by kind with their legend. Each chart's time from the tab's click to its first
// frame is printed (`data-first-paint-ms`, for docs/benchmarks.md).
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'loutre attentive sous le pont de la Brenne';
/** The demo's only actor at interest 2, influence 3. */
const CLICKED = 'Crédit Coopératif, agence de Tours';
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
useDriver(workspace);

/** Waits for the chart's first frame and returns the milliseconds it took. */
async function firstPaint(browser, id) {
  const chart = await browser.$(tid(id));
  await chart.waitForDisplayed({ timeoutMsg: `« ${id} » should show` });
  await browser.waitUntil(async () => (await chart.getAttribute('data-first-paint-ms')) !== null, {
    timeoutMsg: `« ${id} » should draw`,
  });
  return Number(await chart.getAttribute('data-first-paint-ms'));
}

describe('la carte et le réseau des acteurs', () => {
  const app = appSession();

  step(app, 'la carte place les acteurs de l’exemple dans ses quatre quadrants', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.click('partner-tab-carte');
    const ms = await firstPaint(app.browser, 'actor-map');
    console.log(`# carte : premier dessin en ${ms} ms`);
    const chart = await app.browser.$(tid('actor-map'));
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.equal(await chart.getAttribute('aria-label'), 'Carte des acteurs par niveau d’influence et intérêt');
    const summary = plain(await ui.text('actor-map-summary'));
    assert.match(summary, /^\d+ acteurs placés : \d+ à associer étroitement, \d+ à satisfaire, \d+ à informer, \d+ à surveiller\./);
    assert.equal(await chart.getAttribute('aria-describedby'), await ui.el('actor-map-summary').getAttribute('id'));
    const texts = await chart.$$('svg text').map((t) => t.getText());
    for (const quadrant of ['Associer étroitement', 'Satisfaire', 'Informer', 'Surveiller']) {
      assert.ok(texts.includes(quadrant), `the quadrant « ${quadrant} » is named on the map`);
    }
    // The picture: the guide folded, the chart in view.
    await ui.click('guide-toggle');
    await chart.scrollIntoView({ block: 'start' });
    await screenshot(app.browser, 'actor-map');
    await ui.click('guide-toggle');
  });

  step(app, 'un filtre par catégorie masque des acteurs et le dit', async () => {
    const ui = page(app.browser);
    const before = plain(await ui.text('actor-map-summary'));
    await ui.click('chart-filter-category-media');
    await app.browser.waitUntil(async () => plain(await ui.text('actor-map-summary')) !== before, {
      timeoutMsg: 'the summary should change with the filter',
    });
    assert.match(plain(await ui.text('actor-map-summary')), /1 acteur masqué par les filtres\.$/);
    await ui.click('chart-filters-reset');
    await app.browser.waitUntil(async () => plain(await ui.text('actor-map-summary')) === before);
  });

  step(app, 'un clic sur un acteur de la carte ouvre sa fiche', async () => {
    const ui = page(app.browser);
    const chart = await app.browser.$(tid('actor-map'));
    await chart.scrollIntoView({ block: 'center' });
    // Alone at its levels, the actor is drawn exactly at interest 2 × influence 3: its pixel follows from the
    // plot's margins (mapOption.ts MAP_GRID) and the axes (interest 0.5–5.5, influence 0–6).
    const grid = { left: 56, right: 24, top: 16, bottom: 52 };
    const { width, height } = await chart.getSize();
    const x = grid.left + ((2 - 0.5) / 5) * (width - grid.left - grid.right);
    const y = grid.top + ((6 - 3) / 6) * (height - grid.top - grid.bottom);
    await chart.click({ x: Math.round(x - width / 2), y: Math.round(y - height / 2) });
    await ui.shown('partner-panel');
    assert.equal(await ui.value('partner-name'), CLICKED);
    await ui.click('partner-cancel');
    await ui.waitForGone('partner-panel');
  });

  step(app, '« Voir sous forme de tableau » mène au registre', async () => {
    const ui = page(app.browser);
    await ui.click('map-show-table');
    await app.browser.waitUntil(async () => (await ui.el('partner-tab-registre').getAttribute('aria-selected')) === 'true', {
      timeoutMsg: 'the register tab should be chosen',
    });
    assert.ok((await ui.count('actor-row')) > 10, 'the register lists the demo actors');
  });

  step(app, 'le réseau montre les interactions par type, avec leur légende', async () => {
    const ui = page(app.browser);
    await ui.click('partner-tab-reseau');
    const ms = await firstPaint(app.browser, 'actor-network');
    console.log(`# réseau : premier dessin en ${ms} ms`);
    assert.match(plain(await ui.text('actor-network-summary')), /^\d+ interactions entre \d+ acteurs : /);
    const legend = await app.browser.$(tid('network-kind-legend')).$$('li').map((li) => li.getText());
    assert.deepEqual(legend.map(plain), ['Finance', 'Coopère avec', 'Est membre de', 'Est en concurrence avec', 'Conseille']);
    assert.equal(await ui.count('network-large-note'), 0, 'the demo network is drawn whole, arrows included');
    await ui.click('guide-toggle');
    await app.browser.$(tid('network-kind-legend')).scrollIntoView({ block: 'start' });
    await app.browser.pause(1500); // the force layout settles
    await screenshot(app.browser, 'actor-network');
    await ui.click('guide-toggle');
  });
});
