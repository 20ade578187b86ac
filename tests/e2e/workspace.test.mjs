// The document workspace (issue 8, item 2, and the « Prêt à signer » rule of item 4): at 1280 px wide the preview
// sits beside the clauses and follows the clause clicked or edited; the action bar stays in view while the page
// scrolls; « À vérifier » links take the focus to their clause; a document with « [à compléter] » blanks becomes
// « Prêt à signer » only after a confirmation that lists them (and the shell refuses it without one).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Key } from 'webdriverio';

import { appSession, ARTIFACTS, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const TITLE = 'Convention de l’atelier partagé';
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');

const workspace = makeWorkspace();
useDriver(workspace);

/** The X screen (1280×800 under xvfb) as a PNG, cropped to the window's size from its top-left corner. */
async function capture(browser, name, width, height) {
  if (!process.env.DISPLAY) return;
  await browser.pause(400);
  mkdirSync(ARTIFACTS, { recursive: true });
  const raw = join(ARTIFACTS, `${name}-screen.png`);
  execFileSync('import', ['-window', 'root', raw], { timeout: 10_000 });
  const rect = await browser.getWindowRect();
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  if (process.env.ALLIA_KEEP_WORKSPACE_SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('convert', [raw, '-crop', `${width}x${height}+${x}+${y}`, '+repage', join(SCREENSHOTS, `${name}.png`)]);
  }
  execFileSync('convert', [raw, '-crop', `${width}x${height}+${x}+${y}`, '+repage', join(ARTIFACTS, `${name}.png`)]);
}

async function resize(browser, width, height) {
  // At the screen's corner, so a capture of the screen holds the whole window.
  await browser.setWindowRect(0, 0, width, height);
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.clientWidth)) <= width, {
    timeoutMsg: `the window did not become ${width} px wide`,
  });
  await browser.pause(300);
}

/** Where an element is on screen, and the preview box's scroll position. */
function rectOf(browser, selector) {
  return browser.execute((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  }, selector);
}

/** The clause's block in the preview is inside the visible part of the preview box. */
function previewShows(browser, clauseId) {
  return browser.execute((id) => {
    const box = document.querySelector('[data-testid="preview-scroller"]');
    const part = box?.querySelector(`[data-clause="${id}"]`);
    if (!box || !part) return false;
    const b = box.getBoundingClientRect();
    const p = part.getBoundingClientRect();
    return p.top >= b.top - 1 && p.top < b.bottom - 20;
  }, clauseId);
}

/** The shell command itself, as the page calls it (the refusal is the vault's, not the screen's). */
function setStatusDirectly(browser, status, confirmed) {
  return browser.executeAsync((status, confirmed, done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    (async () => {
      const [alliance] = await invoke('alliance_list');
      const [document] = await invoke('document_list', { allianceId: alliance.id });
      return invoke('document_set_status', { id: document.id, status, confirmed });
    })().then(
      (document) => done({ ok: true, status: document.current.status }),
      (error) => done({ ok: false, message: error?.message ?? String(error) }),
    );
  }, status, confirmed);
}

describe('l’espace de travail des documents', () => {
  const app = appSession();

  step(app, 'crée une convention sur l’exemple', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.shown('documents-empty');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.waitForCount('document-item', 1);
    await ui.shown('document-preview');
  });

  step(app, 'à 1280 px, l’aperçu est à côté des clauses', async () => {
    const ui = page(app.browser);
    await resize(app.browser, 1280, 800);
    await app.browser.waitUntil(
      async () => (await ui.el('document-workspace').getAttribute('data-layout')) === 'side-by-side',
      { timeoutMsg: 'the workspace should show two columns at 1280 px' },
    );
    assert.equal(await ui.isShown('preview-toggle'), false, 'no « Aperçu » toggle when both columns show');
    const clauses = await rectOf(app.browser, '.edit-column');
    const preview = await rectOf(app.browser, '.preview-column');
    assert.ok(preview.left >= clauses.right - 1, `the preview (x ${preview.left}) is right of the clauses (x ${clauses.right})`);
    assert.ok(Math.abs(preview.top - clauses.top) < 4, 'both columns start at the same height');
    // From the document in the list, « Exporter en PDF » is a few Tab presses away (it took 33).
    await app.browser.execute(() => document.querySelector('[data-testid="document-item"]').focus());
    let presses = 0;
    while (presses < 10 && (await app.browser.execute(() => document.activeElement?.dataset.testid)) !== 'document-export-pdf') {
      await app.browser.keys('Tab');
      presses += 1;
    }
    assert.ok(presses <= 4, `« Exporter en PDF » took ${presses} Tab presses`);
    // The first screen, as someone opening the document sees it.
    await app.browser.execute(() => {
      document.activeElement?.blur();
      document.getElementById('main-content').scrollTop = 0;
    });
    await capture(app.browser, 'workspace-wide', 1280, 800);
    // The first screen, page at the top: the first clause and the preview's page both start in it (issue 8).
    const starts = await app.browser.execute(() => {
      document.getElementById('main-content').scrollTop = 0;
      const top = (selector) => document.querySelector(selector).getBoundingClientRect().top;
      return { clause: top('[data-testid="clause-row"]'), preview: top('[data-testid="preview-scroller"]'), height: window.innerHeight };
    });
    assert.ok(starts.clause < starts.height - 100, `the first clause starts at y ${starts.clause}`);
    assert.ok(starts.preview < starts.height - 100, `the preview starts at y ${starts.preview}`);
  });

  step(app, 'l’aperçu suit la clause cliquée, puis celle en cours de modification', async () => {
    const ui = page(app.browser);
    const rows = await app.browser.$$('[data-testid="clause-row"]');
    assert.ok(rows.length > 6, 'the convention has many clauses');
    // A clause far down the list: clicking its title brings it into the preview.
    const target = rows[rows.length - 2];
    const id = (await target.getAttribute('id')).replace(/^clause-/, '');
    await target.$('.clause-title').click();
    await app.browser.waitUntil(() => previewShows(app.browser, id), {
      timeoutMsg: `the preview should scroll to the clicked clause « ${id} »`,
    });
    assert.ok((await app.browser.execute(() => document.querySelector('[data-testid="preview-scroller"]').scrollTop)) > 0);

    // Editing another clause (near the top) brings the preview back to it.
    await ui.click('clause-edit-objet');
    await app.browser.waitUntil(() => previewShows(app.browser, 'objet'), {
      timeoutMsg: 'the preview should scroll to the clause being edited',
    });
    const cancel = await app.browser.$('form.clause-form').$('button=Annuler');
    await cancel.click();
  });

  step(app, 'la barre d’actions reste visible en faisant défiler', async () => {
    const ui = page(app.browser);
    await app.browser.execute(() => {
      const main = document.getElementById('main-content');
      main.scrollTop = main.scrollHeight;
      const column = document.querySelector('.edit-column');
      column.scrollTop = column.scrollHeight;
    });
    await app.browser.pause(200);
    assert.ok((await app.browser.execute(() => document.getElementById('main-content').scrollTop)) > 0, 'the page scrolled');
    const bar = await rectOf(app.browser, '[data-testid="document-action-bar"]');
    const height = await app.browser.execute(() => window.innerHeight);
    assert.ok(bar.top >= 0 && bar.bottom <= height, `the action bar is in view (${bar.top}–${bar.bottom} of ${height})`);
    // The columns fit under the bar: their headings are not hidden behind it.
    for (const column of ['.edit-column', '.preview-column']) {
      const r = await rectOf(app.browser, column);
      assert.ok(r.top >= bar.bottom - 1, `${column} starts under the action bar (${r.top} ≥ ${bar.bottom})`);
      assert.ok(r.bottom <= height + 1, `${column} ends inside the window (${r.bottom} ≤ ${height})`);
    }
    // Each column scrolls on its own: scrolling the preview moves neither the page nor the clauses.
    const before = await app.browser.execute(() => [
      document.getElementById('main-content').scrollTop,
      document.querySelector('.edit-column').scrollTop,
    ]);
    const scrolled = await app.browser.execute(() => {
      const box = document.querySelector('[data-testid="preview-scroller"]');
      const from = box.scrollTop;
      box.scrollTop = from > 100 ? 0 : from + 400;
      return box.scrollTop !== from;
    });
    assert.ok(scrolled, 'the preview box scrolls');
    const after = await app.browser.execute(() => [
      document.getElementById('main-content').scrollTop,
      document.querySelector('.edit-column').scrollTop,
    ]);
    assert.deepEqual(after, before, 'the page and the clauses stay where they were');
    for (const id of ['document-export-pdf', 'document-status-next', 'document-print']) {
      const r = await rectOf(app.browser, `[data-testid="${id}"]`);
      assert.ok(r.top >= 0 && r.bottom <= height && r.height > 0, `« ${id} » is in view`);
    }
  });

  step(app, '« À vérifier » mène à sa clause', async () => {
    const ui = page(app.browser);
    await ui.shown('document-warnings');
    // Six items: « À vérifier (6) » starts folded (the clauses first); its button unfolds it.
    const fold = await ui.shown('to-check-toggle');
    if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
    assert.equal(await fold.getAttribute('aria-expanded'), 'true');
    // The items about a clause (others open the profile or a partner: documents-followups.test.mjs).
    const links = await app.browser.$$('[data-testid="to-check-link"][data-target-clause]');
    assert.ok(links.length > 0, 'the example leaves something to check or fill');
    const link = links[links.length - 1];
    const id = await link.getAttribute('data-target-clause');
    await link.click();
    await app.browser.waitUntil(
      async () => (await app.browser.execute(() => document.activeElement?.id)) === `clause-${id}`,
      { timeoutMsg: `focus should move to the clause « ${id} »` },
    );
    const row = await rectOf(app.browser, `#clause-${id}`);
    const column = await rectOf(app.browser, '.edit-column');
    assert.ok(row.top >= column.top - 1 && row.top < column.bottom, 'the clause is scrolled into view in its column');
    await app.browser.waitUntil(() => previewShows(app.browser, id), { timeoutMsg: 'the preview follows the link' });
  });

  step(app, '« Prêt à signer » avec des blancs demande une confirmation qui les liste', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'), {
      timeoutMsg: 'the status should read « En relecture »',
    });
    // The shell refuses the step without the confirmation, in French.
    const refused = await setStatusDirectly(app.browser, 'ready_to_sign', false);
    assert.equal(refused.ok, false, 'the vault should refuse « Prêt à signer » with blanks left');
    assert.match(refused.message, /Il reste .*\[à compléter\]/);

    await app.browser.waitUntil(async () => (await ui.text('document-status-next')).includes('Marquer prêt à signer'));
    await ui.click('document-status-next');
    const left = await ui.shown('ready-left');
    assert.match(await left.getText(), /\[à compléter\]/);
    await ui.click('confirm-cancel');
    await ui.waitForGone('ready-left');
    assert.match(await ui.text('document-status'), /En relecture/);

    await ui.click('document-status-next');
    await ui.click('confirm-ready');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Prêt à signer'), {
      timeoutMsg: 'with the confirmation, the document is ready to sign',
    });
  });

  step(app, 'à 900×600, une seule colonne : « Clauses | Aperçu » en haut de l’espace de travail montre l’un ou l’autre', async () => {
    const ui = page(app.browser);
    await resize(app.browser, 900, 600);
    await app.browser.waitUntil(async () => (await ui.el('document-workspace').getAttribute('data-layout')) === 'stacked', {
      timeoutMsg: 'the workspace should be one column at 900 px',
    });
    // The switch is in the first screen of the document (it was ~3,600 px down, after every clause).
    await app.browser.execute(() => document.querySelector('[data-testid="document-builder"]').scrollIntoView({ block: 'start' }));
    const toggle = await ui.shown('preview-toggle');
    const top = await app.browser.execute(() => document.querySelector('[data-testid="preview-toggle"]').getBoundingClientRect().top);
    assert.ok(top < 600, `« Aperçu » should be in the first screen (top ${top})`);
    // Until a choice, both (the preview under the clauses), neither button pressed.
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await ui.el('clauses-toggle').getAttribute('aria-pressed'), 'false');
    const clauses = await rectOf(app.browser, '.edit-column');
    const preview = await rectOf(app.browser, '.preview-column');
    assert.ok(preview.top >= clauses.bottom - 1, 'the preview comes under the clauses');
    await ui.click('preview-toggle');
    await ui.shown('document-preview');
    assert.equal(await ui.el('preview-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await app.browser.execute(() => getComputedStyle(document.querySelector('.edit-column')).display === 'none'), true, 'the preview replaces the clauses');
    // The switch right under the sticky action bar (its scroll margin), the preview under it.
    await app.browser.execute(() => document.querySelector('[data-testid="preview-toggle"]').scrollIntoView({ block: 'start' }));
    await capture(app.browser, 'workspace-narrow', 900, 600);
    await ui.click('clauses-toggle');
    assert.equal(await ui.el('clauses-toggle').getAttribute('aria-pressed'), 'true');
    await app.browser.waitUntil(async () => !(await ui.el('document-preview').isDisplayed()), {
      timeoutMsg: '« Clauses » should show the clauses again',
    });
    await ui.shown('clause-row');
    await resize(app.browser, 1200, 760);
  });

  step(app, 'menu replié (texte agrandi) : la barre d’actions reste entière sous la barre du haut', async () => {
    // Zoomed in until the sidebar folds behind « Menu » (below 860 CSS px): the content's padding is smaller there,
    // and the bar's sticky top follows it instead of tucking its top under the top bar.
    for (let press = 0; press < 4; press += 1) {
      if ((await app.browser.execute(() => document.documentElement.clientWidth)) < 860) break;
      await app.browser.keys([Key.Ctrl, '=']);
      await app.browser.pause(400);
    }
    const width = await app.browser.execute(() => document.documentElement.clientWidth);
    assert.ok(width < 860, `the page should be under 860 CSS px (is ${width})`);
    const ui = page(app.browser);
    await ui.shown('sidebar-toggle');
    await app.browser.execute(() => {
      const main = document.getElementById('main-content');
      // The column around the top bar and the content clips, but a script's scrollIntoView may have moved it.
      main.parentElement.scrollTop = 0;
      main.scrollTop = main.scrollHeight;
    });
    await app.browser.pause(300);
    const edges = await app.browser.execute(() => {
      const bar = document.querySelector('[data-testid="document-action-bar"]').getBoundingClientRect();
      const top = document.querySelector('.topbar').getBoundingClientRect();
      const main = document.getElementById('main-content');
      return { bar: bar.top, topbar: top.bottom, content: main.getBoundingClientRect().top, scrolled: main.scrollTop };
    });
    assert.ok(edges.scrolled > 0, 'the page scrolled');
    // A short window (zoomed in) puts the top bar inside the content, where it scrolls away; else it is above it.
    assert.ok(edges.topbar <= edges.content + 1, `the top bar does not cover the content (${JSON.stringify(edges)})`);
    assert.ok(Math.abs(edges.bar - edges.content) <= 1, `the bar starts at the content's top edge (${edges.bar} vs ${edges.content})`);
    await capture(app.browser, 'workspace-folded', 1200, 760);
    await app.browser.keys([Key.Ctrl, '0']);
    await app.browser.waitUntil(async () => (await app.browser.execute(() => document.documentElement.clientWidth)) > 1000, {
      timeoutMsg: 'Ctrl 0 should bring the text size back',
    });
  });
});
