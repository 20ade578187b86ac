// The document workspace, continued (issue 8, items 2, 6 and 8), in the real app with the auto-lock shortened to a
// few seconds (ALLIA_E2E_AUTOLOCK_SECONDS, an `e2e-hooks` build only):
// - « À vérifier » items about data kept elsewhere are links too: the association's profile opens at its first
//   field, a partner without a representative opens in its panel with the focus on « Nom du représentant »;
// - a clause's text being edited when the vault locks is offered back after unlock (« Reprendre la saisie »), in
//   its document and its clause; saving it says so in the clause's row and focus goes back to its
//   « Modifier le texte »;
// - the document's settings being typed are kept the same way, and their save is confirmed until the next edit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { Key } from 'webdriverio';

import { appSession, ARTIFACTS, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const TITLE = 'Convention du tiers-lieu';
const TYPED = 'Texte ajouté avant le verrouillage';
const PLACE = 'Château-Renault';
/** The shortened delay, long enough that its warning (at half of it) does not come while steps keep acting on a busy machine, and covers no button; Rust warns at half of it and checks every 5 s; the window reports activity every 20 s. */
const DELAY_S = 40;
const TICK_S = 5;
const PING_S = 20;

const workspace = makeWorkspace();
useDriver(workspace, { env: { ALLIA_E2E_AUTOLOCK_SECONDS: String(DELAY_S) } });

/** The window as the person sees it, in the test artifacts (`<name>.png`). */
async function capture(browser, name) {
  if (!process.env.DISPLAY) return;
  await browser.pause(400);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  execFileSync('import', ['-window', 'root', file], { timeout: 10_000 });
  const { x, y, width, height } = await browser.getWindowRect();
  execFileSync('convert', [file, '-crop', `${width}x${height}+${Math.max(0, x)}+${Math.max(0, y)}`, '+repage', file], {
    timeout: 10_000,
  });
}

function activeId(browser) {
  return browser.execute(() => document.activeElement?.id ?? '');
}

/** The « À vérifier » link that opens `area` (`profile`, `partenaires`). */
async function linkTo(browser, area) {
  let link;
  await browser.waitUntil(
    async () => {
      // A long « À vérifier » starts folded to its heading: unfold it.
      const fold = await browser.$(tid('to-check-toggle'));
      if ((await fold.isExisting()) && (await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
      for (const candidate of await browser.$$(tid('to-check-link'))) {
        if ((await candidate.getAttribute('data-target-area')) === area) link = candidate;
      }
      return link !== undefined;
    },
    { timeoutMsg: `no « À vérifier » link to « ${area} »` },
  );
  return link;
}

async function openDocument(ui) {
  await ui.click('nav-area-documents');
  await ui.clickText('document-item', TITLE);
  await ui.shown('document-warnings');
}

describe('documents : liens vers les autres rubriques, saisie gardée au verrouillage', () => {
  const app = appSession();

  step(app, 'crée le coffre, charge l’exemple et retire le représentant d’un partenaire', async () => {
    const ui = page(app.browser);
    await app.browser.setWindowSize(1200, 760);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    const [row] = await app.browser.$$(tid('partner-row'));
    await row.$('button').click();
    await ui.shown('partner-panel');
    // Emptied from the keyboard (clearing by WebDriver sends no input event to the form).
    // The panel puts the focus on its first field a few frames after it opens: click until the field keeps it.
    const field = await ui.shown('partner-representativeName');
    await app.browser.waitUntil(
      async () => {
        await field.click();
        await app.browser.pause(300);
        return app.browser.execute(
          () => document.activeElement?.getAttribute('data-testid') === 'partner-representativeName',
        );
      },
      { timeout: 15_000, interval: 0, timeoutMsg: '« Nom du représentant » should keep the focus' },
    );
    await app.browser.keys([Key.Ctrl, 'a']);
    await app.browser.keys([Key.Ctrl]);
    await app.browser.keys('Backspace');
    await app.browser.waitUntil(async () => (await ui.value('partner-representativeName')) === '', {
      timeoutMsg: '« Nom du représentant » should be empty',
    });
    await ui.click('partner-save');
    await ui.waitForGone('partner-panel');
  });

  step(app, 'crée une convention : « À vérifier » nomme le profil et ce partenaire', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.shown('document-warnings');
    const profile = await linkTo(app.browser, 'profile');
    assert.match(await profile.getText(), /profil de votre association.*\(Profil de mon association\)/s);
    const partner = await linkTo(app.browser, 'partenaires');
    assert.match(await partner.getText(), /représentant.*\(Partenaires\)/s);
    assert.ok(await partner.getAttribute('data-target-record'), 'the link names the stored partner');
    await app.browser.execute(() => document.querySelector('[data-testid="document-warnings"]')?.scrollIntoView({ block: 'start' }));
    await capture(app.browser, 'a-verifier-liens');
  });

  step(app, 'le lien du profil ouvre « Profil de mon association », sur son premier champ', async () => {
    const ui = page(app.browser);
    await (await linkTo(app.browser, 'profile')).click();
    await app.browser.waitUntil(async () => (await app.browser.$(tid('nav-app-profile')).getAttribute('aria-current')) === 'page', {
      timeoutMsg: 'the profile area should open',
    });
    await app.browser.waitUntil(async () => (await activeId(app.browser)) === 'profile-name', {
      timeoutMsg: 'focus should be in the profile’s name field',
    });
    await ui.checkAccessible('profile reached from « À vérifier »');
  });

  step(app, 'le lien du partenaire ouvre sa fiche, sur « Nom du représentant »', async () => {
    const ui = page(app.browser);
    await openDocument(ui);
    const link = await linkTo(app.browser, 'partenaires');
    await link.click();
    await ui.shown('partner-panel');
    assert.equal(await (await app.browser.$(tid('nav-area-partenaires'))).getAttribute('aria-current'), 'page');
    await app.browser.waitUntil(async () => (await activeId(app.browser)) === 'partner-representativeName', {
      timeoutMsg: 'focus should be on the partner’s representative field',
    });
    await capture(app.browser, 'a-verifier-partenaire');
    await ui.fill('partner-representativeName', 'Jeanne Martin');
    await ui.click('partner-save');
    await ui.waitForGone('partner-panel');
    // Fixed where it belongs: the document no longer lists it.
    await openDocument(ui);
    await app.browser.pause(500);
    for (const candidate of await app.browser.$$(tid('to-check-link'))) {
      assert.notEqual(await candidate.getAttribute('data-target-area'), 'partenaires', 'the partner item is gone');
    }
  });

  step(app, 'une clause en cours de modification est gardée au verrouillage', async () => {
    const ui = page(app.browser);
    await ui.click('clause-edit-objet');
    const editor = await ui.shown('clause-text');
    await editor.click();
    await app.browser.keys(['Control', 'End']);
    await app.browser.keys(['Control']);
    await editor.addValue(` ${TYPED}`);
    // Nothing more: the lock comes at the set delay after the last activity the window reported (at most every
    // 20 s, so a warning may show and go before it: autolock-draft.test.mjs checks its timing).
    await ui.shown('unlock-passphrase', (DELAY_S + TICK_S + PING_S + 10) * 1000);
  });

  step(app, 'au déverrouillage : « Reprendre la saisie » rouvre le document et la clause avec le texte', async () => {
    const ui = page(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    const banner = await ui.shown('draft-banner');
    assert.match(await banner.getText(), new RegExp(TITLE));
    await capture(app.browser, 'clause-gardee');
    await ui.click('draft-resume');
    await ui.waitForGone('draft-banner');
    const editor = await ui.shown('clause-text');
    assert.match(await editor.getText(), new RegExp(TYPED));
    const row = editor.$('./ancestor::li[@data-testid="clause-row"]');
    assert.equal(await row.getAttribute('id'), 'clause-objet');
  });

  step(app, 'enregistrer la clause le confirme dans sa ligne, le focus revient sur « Modifier le texte »', async () => {
    const ui = page(app.browser);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    const saved = await ui.shown('clause-saved');
    assert.match(await saved.getText(), /Texte de l’article .* enregistré\./);
    await app.browser.waitUntil(async () => (await app.browser.execute(() => document.activeElement?.dataset.testid)) === 'clause-edit-objet', {
      timeoutMsg: 'focus should be back on the clause’s « Modifier le texte »',
    });
    // In view, and not under the sticky action bar.
    const place = await app.browser.execute(() => {
      const button = document.activeElement.getBoundingClientRect();
      const bar = document.querySelector('[data-testid="document-action-bar"]').getBoundingClientRect();
      return { button: button.top, bar: bar.bottom, bottom: button.bottom, height: window.innerHeight };
    });
    assert.ok(place.button >= place.bar - 1 && place.bottom <= place.height, `the button is in view below the bar (${JSON.stringify(place)})`);
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes(TYPED), {
      timeoutMsg: 'the preview shows the saved text',
    });
    await capture(app.browser, 'clause-enregistree');
    // Saved: locked by hand and opened again, no draft is offered.
    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('new-document');
    await app.browser.pause(1000);
    assert.equal(await ui.isShown('draft-banner'), false, 'a saved clause leaves no draft');
  });

  step(app, 'les réglages du document en cours de saisie sont gardés aussi, puis enregistrés et confirmés', async () => {
    const ui = page(app.browser);
    await ui.clickText('document-item', TITLE);
    const place = await ui.shown('document-settings-place');
    await place.scrollIntoView({ block: 'center' });
    await ui.fill('document-settings-place', PLACE);
    await ui.shown('unlock-passphrase', (DELAY_S + TICK_S + PING_S + 10) * 1000);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    const banner = await ui.shown('draft-banner');
    assert.match(await banner.getText(), /Réglages du document/);
    await ui.click('draft-resume');
    await ui.waitForGone('draft-banner');
    assert.equal(await ui.value('document-settings-place'), PLACE);
    await ui.click('document-settings-save');
    const saved = await ui.shown('document-settings-saved');
    assert.equal(await saved.getText(), 'Réglages enregistrés.');
    // The next edit clears it.
    await (await ui.shown('document-settings-place')).addValue(' centre');
    await ui.waitForGone('document-settings-saved');
  });
});
