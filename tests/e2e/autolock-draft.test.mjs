// Nothing lost to auto-lock (issue 8, item 6), in the real app with the auto-lock shortened to a few seconds
// (ALLIA_E2E_AUTOLOCK_SECONDS, an `e2e-hooks` build only): a warning shows before the lock and « Je suis là »
// holds it off; typing a new partner's name then leaving the app alone locks it at the set delay, not later; after
// unlock the person is back on the same alliance, area and scroll position, and « Reprendre la saisie » gives the
// typed name back. A saved form leaves no draft behind.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const DEMO = 'Service partagé du Val de Brenne';
const TYPED = 'Épicerie solidaire des Quokkas';
/** The shortened delay; Rust warns at half of it (under two minutes) and checks every 5 s. */
const DELAY_S = 24;
const TICK_S = 5;
/** The window reports activity to Rust at most this often (ui/src/lib/activity.ts). */
const PING_S = 20;

const workspace = makeWorkspace();
useDriver(workspace, { env: { ALLIA_E2E_AUTOLOCK_SECONDS: String(DELAY_S) } });

/** The content column's scroll, in pixels. */
async function contentScroll(browser) {
  return browser.execute(() => document.getElementById('main-content')?.scrollTop ?? -1);
}

/** The data-testid of the focused element (reading it is not activity for the auto-lock). */
async function focusedTestid(browser) {
  return browser.execute(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
}

describe('verrouillage automatique sans perte de saisie', () => {
  const app = appSession();
  let scrolled = 0;

  step(app, "crée le coffre et ouvre les partenaires de l'exemple", async () => {
    const ui = page(app.browser);
    // The smallest window Allia allows: it fits the virtual screen, so screenshots show it whole.
    await app.browser.setWindowSize(900, 600);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
  });

  step(app, "prévient avant le verrouillage ; « Je suis là » le repousse", async () => {
    const ui = page(app.browser);
    const banner = await ui.shown('lock-soon', (DELAY_S / 2 + TICK_S + 5) * 1000);
    assert.match(await banner.getText(), /Le coffre se verrouille dans/);
    // The warning is in a polite live region.
    const region = await app.browser.$(tid('lock-soon-region'));
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    await screenshot(app.browser, 'verrouillage-bientot');
    const answeredAt = Date.now();
    await ui.click('lock-soon-here');
    await ui.waitForGone('lock-soon');
    // Past the moment the lock would have come without the answer: still open.
    const wouldHaveLocked = DELAY_S / 2 + TICK_S + 2;
    await new Promise((resolve) => setTimeout(resolve, wouldHaveLocked * 1000 - (Date.now() - answeredAt)));
    assert.ok(await ui.isShown('lock-button'), 'still unlocked after « Je suis là »');
  });

  step(app, 'garde la saisie et la place au verrouillage, sans le retarder', async () => {
    const ui = page(app.browser);
    await ui.click('add-partner');
    await ui.fill('partner-name', TYPED);
    // Somewhere down the partner list, under the panel (clicking « Ajouter » scrolled it into view): at 900 × 600
    // the list is taller than the window. Scrolling an element is not activity for the auto-lock.
    scrolled = await app.browser.execute(() => {
      const content = document.getElementById('main-content');
      if (!content) return -1;
      content.scrollTop = Math.min(200, content.scrollHeight - content.clientHeight);
      content.dispatchEvent(new Event('scroll'));
      return content.scrollTop;
    });
    assert.ok(scrolled > 0, `the content should scroll at 900 × 600 (got ${scrolled})`);
    const typedAt = Date.now();
    // Nothing more. Rust warns (and the forms write their drafts), then locks at the set delay after the last
    // activity it heard of; the window reports activity at most every 20 s (activity.ts), so that moment may come
    // up to 20 s after the last keystroke. Drafts must not count as activity: the lock comes the warning's lead
    // after the warning, not a whole delay later.
    await ui.shown('lock-soon', (DELAY_S + TICK_S + PING_S + 5) * 1000);
    const warnedAt = Date.now();
    // Over the open partner panel, not under its dimmed overlay, and the keyboard is on « Je suis là ».
    const onTop = await app.browser.execute(() => {
      const button = document.querySelector('[data-testid="lock-soon-here"]');
      const rect = button.getBoundingClientRect();
      return document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === button;
    });
    assert.ok(onTop, '« Je suis là » is above the partner panel and its overlay');
    await app.browser.waitUntil(async () => (await focusedTestid(app.browser)) === 'lock-soon-here', {
      timeout: 2_000,
      timeoutMsg: 'the keyboard should be on « Je suis là » while the warning shows',
    });
    await screenshot(app.browser, 'verrouillage-bientot-panneau');
    // Rust warns again when activity reaches it late (the typing, reported at the end of the window's 20-s interval):
    // the lock is measured from the last warning, which the warning carries (`data-warned-at`).
    let lastWarning = warnedAt;
    await app.browser.waitUntil(
      async () => {
        const seen = await app.browser.execute(() => ({
          warnedAt: Number(document.querySelector('[data-testid="lock-soon"]')?.getAttribute('data-warned-at') ?? 0),
          locked: document.querySelector('[data-testid="unlock-passphrase"]') !== null,
        }));
        lastWarning = Math.max(lastWarning, seen.warnedAt);
        return seen.locked;
      },
      { timeout: (DELAY_S + PING_S + TICK_S + 10) * 1000, interval: 500, timeoutMsg: 'the vault did not lock' },
    );
    await ui.shown('unlock-passphrase');
    const afterWarning = (Date.now() - lastWarning) / 1000;
    assert.ok(
      afterWarning <= DELAY_S / 2 + TICK_S + 3,
      `locked ${afterWarning.toFixed(1)} s after the warning: writing the drafts must not postpone the lock`,
    );
    const afterTyping = (Date.now() - typedAt) / 1000;
    assert.ok(afterTyping <= DELAY_S + TICK_S + PING_S + 4, `locked ${afterTyping.toFixed(1)} s after the last keystroke`);
    assert.match(await app.browser.$('body').getText(), /verrouillé automatiquement/);
  });

  step(app, 'au déverrouillage : même alliance, même rubrique, même défilement, saisie proposée', async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('draft-banner');
    // At 900 × 600 the top bar scrolls away with the content (scrolled back down here): its text, not what shows.
    assert.equal(await app.browser.execute(() => document.querySelector('[data-testid="alliance-title"]')?.textContent), DEMO);
    const area = await app.browser.$(tid('nav-area-partenaires'));
    assert.equal(await area.getAttribute('aria-current'), 'page', 'back on « Partenaires »');
    assert.match(await ui.text('draft-banner'), /dans la fiche d’un nouveau partenaire, tapée le \d/);
    // Focus on the offer, the first thing to answer (not left on the page).
    await app.browser.waitUntil(async () => (await focusedTestid(app.browser)) === 'draft-resume', {
      timeout: 3_000,
      timeoutMsg: 'focus should be on « Reprendre la saisie » after unlock',
    });
    await app.browser.waitUntil(async () => Math.abs((await contentScroll(app.browser)) - scrolled) <= 2, {
      timeout: 5_000,
      timeoutMsg: `the content should be scrolled back to ${scrolled}`,
    });
    // Scrolled back, and still the offer is in view (it stays at the top of the content while unanswered).
    const bannerTop = await app.browser.execute(() => {
      const banner = document.querySelector('[data-testid="draft-banner"]');
      const content = document.getElementById('main-content');
      return banner && content ? banner.getBoundingClientRect().top - content.getBoundingClientRect().top : -1;
    });
    assert.ok(bannerTop >= 0 && bannerTop < 50, `the draft offer should be in view (at ${bannerTop} px)`);
    await screenshot(app.browser, 'saisie-gardee');
  });

  step(app, '« Reprendre la saisie » rend le nom tapé, et l’enregistrer ne laisse pas de brouillon', async () => {
    const ui = page(app.browser);
    await ui.click('draft-resume');
    await ui.waitForGone('draft-banner');
    assert.equal(await ui.value('partner-name'), TYPED);
    // Back in the field that was being typed in.
    await app.browser.waitUntil(async () => (await focusedTestid(app.browser)) === 'partner-name', {
      timeout: 3_000,
      timeoutMsg: 'focus should be back in the partner\'s name after « Reprendre la saisie »',
    });
    await ui.click('partner-save');
    await ui.waitForCount('partner-row', 6);
    assert.equal((await ui.withText('partner-row', TYPED)).length, 1);
    // Locked by hand and opened again: no draft is offered any more.
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.waitForCount('partner-row', 6);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await ui.isShown('draft-banner'), false, 'a saved form leaves no draft');
  });
});

const RENAMED = 'Service partagé du Val de Brenne et de la Claise';

describe('saisie gardée quand Allia se ferme', () => {
  const app = appSession();

  step(app, "tape un nouveau nom d'alliance, puis Allia se ferme sans l'enregistrer", async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.click('nav-area-alliance');
    await ui.fill('alliance-name', RENAMED);
    // The draft is written a moment after the last change (1.5 s).
    await new Promise((resolve) => setTimeout(resolve, 3000));
  });
});

describe('au lancement suivant', () => {
  const app = appSession();

  step(app, 'ouvre là où la saisie a été gardée et la rend', async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('draft-banner');
    assert.match(await ui.text('draft-banner'), /dans le formulaire de l’alliance «\s?Service partagé du Val de Brenne\s?», tapée le/);
    const area = await app.browser.$(tid('nav-area-alliance'));
    assert.equal(await area.getAttribute('aria-current'), 'page', 'opened on « Alliance », where the name was typed');
    assert.equal(await ui.value('alliance-name'), DEMO, 'nothing changes before « Reprendre la saisie »');
    await ui.click('draft-resume');
    await ui.waitForGone('draft-banner');
    assert.equal(await ui.value('alliance-name'), RENAMED);
    await app.browser.waitUntil(async () => (await focusedTestid(app.browser)) === 'alliance-name', {
      timeout: 3_000,
      timeoutMsg: 'focus should be back in the alliance\'s name after « Reprendre la saisie »',
    });
    // Thrown away: « Alliance » still bears the saved name, and no draft is left.
    await ui.click('nav-area-partenaires');
    await ui.click('confirm-leave');
    await ui.click('nav-area-alliance');
    assert.equal(await ui.value('alliance-name'), DEMO);
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('alliance-name');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await ui.isShown('draft-banner'), false, 'a discarded input leaves no draft');
    // Without a draft, focus is on the content after unlock, not on the page.
    assert.equal(await app.browser.execute(() => document.activeElement?.id), 'main-content');
  });
});
