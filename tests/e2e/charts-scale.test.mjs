// The actor map and network at scale (issue 11, « Scale »): a vault made by the command line with `allia demo
// --scale 300` (300 actors, about 1 000 links), opened in the real app; « Carte » and « Réseau » each draw without
// holding the window, and their time from the tab's click to the first frame is printed for docs/benchmarks.md
// (`data-first-paint-ms`). Needs the command line built next to the app (`cargo build -p allia-cli`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'grande carte des acteurs du territoire en Touraine';
const CLI = process.env.ALLIA_CLI ?? join(process.env.CARGO_TARGET_DIR ?? '/var/tmp/allia-target', 'debug', 'allia');

const workspace = makeWorkspace();
if (existsSync(CLI)) {
  const env = { ...process.env, ALLIA_PASSPHRASE: PASSPHRASE };
  execFileSync(CLI, ['init', '--vault', workspace.dataDir], { env, stdio: 'ignore' });
  execFileSync(CLI, ['demo', '--vault', workspace.dataDir, '--scale', '300'], { env, stdio: 'ignore' });
}
useDriver(workspace);

async function firstPaint(browser, id) {
  const chart = await browser.$(tid(id));
  await chart.waitForDisplayed({ timeout: 30_000, timeoutMsg: `« ${id} » should show` });
  await browser.waitUntil(async () => (await chart.getAttribute('data-first-paint-ms')) !== null, {
    timeout: 30_000,
    timeoutMsg: `« ${id} » should draw`,
  });
  return Number(await chart.getAttribute('data-first-paint-ms'));
}

/** How long the page takes to answer a trivial script: a held window answers late. */
async function roundTrip(browser) {
  const started = Date.now();
  await browser.execute(() => 1);
  return Date.now() - started;
}

describe('la carte et le réseau à grande échelle', { skip: !existsSync(CLI) && `no command line at ${CLI}` }, () => {
  const app = appSession();

  step(app, 'ouvre le coffre de 300 acteurs', async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
    if (!(await ui.isShown('nav-area-partenaires'))) await ui.click('alliance-item');
    await ui.click('nav-area-partenaires');
  });

  step(app, 'la carte de 300 acteurs', async () => {
    const ui = page(app.browser);
    await ui.click('partner-tab-carte');
    const ms = await firstPaint(app.browser, 'actor-map');
    const rt = await roundTrip(app.browser);
    console.log(`# carte, 300 acteurs : premier dessin en ${ms} ms (aller-retour d’un script juste après : ${rt} ms)`);
    assert.match(await ui.text('actor-map-summary'), /^\d+\s+acteurs placés/);
  });

  step(app, 'le réseau de 300 acteurs et 1 000 liens', async () => {
    const ui = page(app.browser);
    await ui.click('partner-tab-reseau');
    const ms = await firstPaint(app.browser, 'actor-network');
    const rt = await roundTrip(app.browser);
    console.log(`# réseau, 300 acteurs : premier dessin en ${ms} ms (aller-retour d’un script juste après : ${rt} ms)`);
    assert.match(await ui.text('actor-network-summary'), /^\d[\d\s\u00a0\u202f]*\s+interactions entre \d+\s+acteurs/);
    await ui.shown('network-large-note');
  });

  step(app, 'rouverts, ECharts déjà chargé', async () => {
    const ui = page(app.browser);
    for (const [tab, id] of [['carte', 'actor-map'], ['reseau', 'actor-network']]) {
      await ui.click('partner-tab-registre');
      await ui.shown('actor-row');
      await ui.click(`partner-tab-${tab}`);
      const ms = await firstPaint(app.browser, id);
      console.log(`# ${tab} rouvert, 300 acteurs : premier dessin en ${ms} ms`);
    }
    console.log(`# charge de la machine (1, 5, 15 min) : ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  });
});
