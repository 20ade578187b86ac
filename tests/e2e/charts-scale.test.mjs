// The actor register's screens at scale (issue 11, « Scale »): a vault made by the command line with `allia demo
// --scale 300` (300 actors, 1 000 interactions), opened in the real app. « Registre », « Carte », « Réseau » and
// « Sélection » each open (first time, then a second time) and the window still answers right after; the time from
// the tab's click to the view's first frame is printed for docs/benchmarks.md (recorded, not asserted).
//
// Timing is measured inside the page (`performance.now()` around the tab's click, a MutationObserver for the view's
// content, then one requestAnimationFrame so the frame holding it is painted): no webdriver round trip is counted.
// Ready means: « Registre » its table's rows, « Sélection » the scoring matrix's rows, « Carte » and « Réseau » the
// chart's first frame (ECharts' `rendered`, shown as `data-first-paint-ms`).
//
// The command line: $ALLIA_CLI, else $CARGO_TARGET_DIR/debug/allia (default target /var/tmp/allia-target). `cargo
// xtask test` builds it with the app before the end-to-end step and sets ALLIA_CLI to it; by hand: `cargo build -p
// allia-cli`. The spec is skipped, saying so, only when that binary is absent.
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
/** A window held by a long task answers seconds late; a round trip above this fails the spec (the 200 ms aim is printed). */
const HELD_MS = 1_000;

const workspace = makeWorkspace();
if (existsSync(CLI)) {
  const env = { ...process.env, ALLIA_PASSPHRASE: PASSPHRASE };
  execFileSync(CLI, ['init', '--vault', workspace.dataDir], { env, stdio: 'ignore' });
  execFileSync(CLI, ['demo', '--vault', workspace.dataDir, '--scale', '300'], { env, stdio: 'ignore' });
}
useDriver(workspace);

/** What makes each view « open »: a selector inside its tab panel, and how many of it to expect at least. */
const VIEWS = {
  registre: { ready: '[data-testid="partner-tabpanel-registre"] [data-testid="actor-row"]', label: 'Registre' },
  carte: { ready: '[data-testid="actor-map"][data-first-paint-ms]', label: 'Carte' },
  reseau: { ready: '[data-testid="actor-network"][data-first-paint-ms]', label: 'Réseau' },
  selection: { ready: '[data-testid="partner-tabpanel-selection"] [data-testid="matrix-row"]', label: 'Sélection' },
};

/**
 * Clicks the tab inside the page and resolves with the milliseconds until the frame after `ready` appears, and the
 * count of `ready` elements then; -1 when it never appears within 30 s.
 */
async function openTimed(browser, tab) {
  const { ready } = VIEWS[tab];
  return browser.executeAsync(
    (trigger, readySel, done) => {
      const started = performance.now();
      let finished = false;
      const finish = (ms, count) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        clearTimeout(timer);
        done({ ms, count });
      };
      const check = () => {
        const found = document.querySelectorAll(readySel);
        if (found.length === 0) return;
        observer.disconnect();
        requestAnimationFrame(() => finish(performance.now() - started, found.length));
      };
      const observer = new MutationObserver(check);
      const timer = setTimeout(() => finish(-1, 0), 30_000);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      document.querySelector(trigger).click();
      check();
    },
    `[data-testid="partner-tab-${tab}"]`,
    ready,
  );
}

/** How long the page takes to answer a trivial script through the driver, right after a view opened. */
async function roundTrip(browser) {
  const started = Date.now();
  await browser.execute(() => 1);
  return Date.now() - started;
}

const figures = [];

async function measure(app, tab, opening) {
  const { ms, count } = await openTimed(app.browser, tab);
  const rt = await roundTrip(app.browser);
  const { label } = VIEWS[tab];
  assert.ok(ms >= 0, `« ${label} » should open (${opening} ouverture)`);
  assert.ok(count > 0, `« ${label} » should show its content`);
  assert.ok(rt < HELD_MS, `the window should answer after « ${label} » opens (${rt} ms)`);
  figures.push({ label, opening, ms, rt });
  console.log(
    `# ${label}, ${opening} ouverture, 300 acteurs : ${Math.round(ms)} ms du clic au premier dessin (cible 300 ms ; ` +
      `${count} éléments ; aller-retour d’un script juste après : ${rt} ms, cible 200 ms)`,
  );
}

describe('le registre des acteurs à grande échelle', { skip: !existsSync(CLI) && `no command line at ${CLI}: cargo build -p allia-cli` }, () => {
  const app = appSession();

  step(app, 'ouvre le coffre de 300 acteurs', async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
    if (!(await ui.isShown('nav-area-partenaires'))) await ui.click('alliance-item');
    await ui.click('nav-area-partenaires');
    await ui.click('partner-tab-partenaires');
    await ui.shown('partner-tabpanel-partenaires');
    console.log(`# charge de la machine au départ (1, 5, 15 min) : ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  });

  for (const opening of ['première', 'seconde']) {
    step(app, `les quatre vues, ${opening} ouverture`, async () => {
      for (const tab of ['registre', 'carte', 'reseau', 'selection']) await measure(app, tab, opening);
    });
  }

  step(app, 'les vues disent ce qu’elles montrent', async () => {
    const ui = page(app.browser);
    await ui.click('partner-tab-carte');
    await ui.shown('actor-map');
    assert.match(await ui.text('actor-map-summary'), /^\d+\s+acteurs placés/);
    await ui.click('partner-tab-reseau');
    await ui.shown('actor-network');
    assert.match(await ui.text('actor-network-summary'), /^\d[\d\s\u00a0\u202f]*\s+interactions entre \d+\s+acteurs/);
    await ui.shown('network-large-note');
    const chart = await app.browser.$(tid('actor-network'));
    console.log(`# réseau : premier dessin de l’instance ECharts ${await chart.getAttribute('data-first-paint-ms')} ms après sa demande`);
    console.log(`# charge de la machine à la fin (1, 5, 15 min) : ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    assert.equal(figures.length, 8);
  });
});
