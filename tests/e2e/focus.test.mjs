// Focus and announcements in the real app: focus stays on a control after a toggle, comes back to a sensible place
// after a dialog or a discarded form, each view is announced to screen readers, each save is confirmed next to
// its form (and the confirmation goes on the next edit), a refused passphrase's error goes once it is retyped.
// Every step also passes the axe-core check (harness.mjs); the first step shows that check does fail.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { axeViolations } from './axe.mjs';
import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const DEMO = 'Service partagé du Val de Brenne';
const PARTNER = 'Sport et Insertion Brenne';

const workspace = makeWorkspace();
useDriver(workspace);

/** What has focus: its data-testid, tag and text (trimmed), for messages that say where focus went. */
function focused(browser) {
  return browser.execute(() => {
    const active = document.activeElement;
    return {
      testid: active?.getAttribute('data-testid') ?? null,
      tag: active?.tagName.toLowerCase() ?? null,
      text: (active?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
    };
  });
}

/** Polls `read` until `accept` takes its value; fails with `message(last value)` after 5 s. */
async function poll(read, accept, message) {
  const deadline = Date.now() + 5_000;
  let seen = await read();
  while (!accept(seen)) {
    if (Date.now() > deadline) throw new Error(message(seen));
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await read();
  }
  return seen;
}

async function waitForFocus(browser, testid, what) {
  await poll(
    () => focused(browser),
    (seen) => seen.testid === testid,
    (seen) => `${what}: focus should be on « ${testid} », it is on ${JSON.stringify(seen)}`,
  );
}

/** The app's polite live region's text (it is visually hidden, so read from the DOM). */
async function waitForAnnouncement(browser, expected) {
  await poll(
    () => browser.execute(() => document.querySelector('[data-testid="live-region"]')?.textContent ?? null),
    (seen) => seen === expected,
    (seen) => `the live region should say « ${expected} », it says « ${seen} »`,
  );
}

describe('focus et annonces', () => {
  const app = appSession();

  step(app, 'la vérification axe-core échoue sur un écran fautif', async () => {
    const ui = page(app.browser);
    await ui.shown('create-passphrase');
    // An image with no text alternative and a button with no name: two critical violations.
    await app.browser.execute(() => {
      const trap = document.createElement('div');
      trap.id = 'axe-trap';
      trap.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"><button type="button"></button>';
      document.body.append(trap);
    });
    const violations = await axeViolations(app.browser);
    const ids = violations.map((violation) => violation.id);
    assert.ok(ids.includes('image-alt'), `axe should report image-alt, got ${ids.join(', ')}`);
    assert.ok(ids.includes('button-name'), `axe should report button-name, got ${ids.join(', ')}`);
    await assert.rejects(ui.checkAccessible('the trap'), /image-alt[\s\S]*#axe-trap|#axe-trap[\s\S]*image-alt/);
    await app.browser.execute(() => document.getElementById('axe-trap')?.remove());
  });

  step(app, 'une phrase refusée puis corrigée : plus d’erreur à côté de « Excellente »', async () => {
    const ui = page(app.browser);
    await ui.fill('create-passphrase', 'azertyuiop');
    await ui.fill('create-confirmation', 'azertyuiop');
    // The typing has reached the form once the strength is assessed.
    await app.browser.waitUntil(async () => (await ui.text('passphrase-strength')) !== '', {
      timeoutMsg: 'the strength should be assessed',
    });
    await ui.click('create-submit');
    await ui.shown('error-passphrase', 30_000);
    const refusal = await ui.text('error-passphrase');
    assert.ok(refusal.length > 0, 'the refusal is said next to the field');
    await ui.fill('create-passphrase', PASSPHRASE);
    await app.browser.waitUntil(async () => (await ui.text('passphrase-strength')) === 'Excellente', {
      timeoutMsg: 'the strength should read « Excellente »',
    });
    await ui.waitForGone('error-passphrase');
    const body = await app.browser.$('body').getText();
    assert.ok(!body.includes(refusal), `« ${refusal} » should be gone once the passphrase is retyped`);
    await ui.fill('create-confirmation', PASSPHRASE);
    await ui.click('create-submit');
    await ui.check('recovery-confirm');
    await ui.click('recovery-continue');
    await ui.shown('empty-alliances');
  });

  step(app, "charger l'exemple garde le focus sur le bouton, et annonce la vue", async () => {
    const ui = page(app.browser);
    await ui.loadDemo();
    await app.browser.waitUntil(async () => (await ui.withText('alliance-item', DEMO)).length === 1, {
      timeoutMsg: 'the example should be loaded',
    });
    await waitForFocus(app.browser, 'load-demo', 'after loading the example');
    await waitForAnnouncement(app.browser, `Alliance — ${DEMO}`);
  });

  step(app, 'changer de rubrique est annoncé', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await waitForAnnouncement(app.browser, `Partenaires — ${DEMO}`);
    await ui.click('nav-app-profile');
    await waitForAnnouncement(app.browser, 'Profil de mon association');
    await ui.click('nav-area-partenaires');
    await waitForAnnouncement(app.browser, `Partenaires — ${DEMO}`);
  });

  step(app, 'choisir dans une liste laisse le focus sur la liste', async () => {
    const ui = page(app.browser);
    const select = await ui.shown('partner-filter-actor');
    await app.browser.execute((element) => element.focus(), select);
    await ui.choose('partner-filter-actor', 'Entreprise');
    await waitForFocus(app.browser, 'partner-filter-actor', 'after choosing a filter');
    await ui.choose('partner-filter-actor', 'Tous les types');
    await ui.waitForCount('partner-row', 5);
    await waitForFocus(app.browser, 'partner-filter-actor', 'after choosing « Tous les types »');
  });

  step(app, 'fermer une confirmation rend le focus au bouton qui l’a ouverte', async () => {
    const ui = page(app.browser);
    await ui.openRow('partner-row', PARTNER);
    await ui.click('partner-delete');
    await ui.shown('confirm-cancel');
    await ui.click('confirm-cancel');
    await ui.waitForGone('confirm-cancel');
    await waitForFocus(app.browser, 'partner-delete', 'after « Annuler » in the confirmation');
  });

  step(app, 'après une suppression, le focus va sur la liste, et la suppression est confirmée', async () => {
    const ui = page(app.browser);
    await ui.click('partner-delete');
    await ui.click('confirm-delete');
    await ui.waitForCount('partner-row', 4);
    await waitForFocus(app.browser, 'partner-list', 'after deleting a partner');
    assert.match(await ui.text('partner-done'), new RegExp(`${PARTNER}\\s*: partenaire supprimé\\.`));
  });

  step(app, 'abandonner une fiche rend le focus au bouton qui l’a ouverte', async () => {
    const ui = page(app.browser);
    const name = 'Maison des Solidarités du Val de Brenne';
    await ui.openRow('partner-row', name);
    // Opening another partner starts a new edit: the last confirmation goes.
    assert.equal(await app.browser.execute(() => document.querySelector('[data-testid="partner-done"]')?.textContent), '');
    await ui.fill('partner-city', 'Loches');
    await ui.click('partner-cancel');
    await ui.click('confirm-discard');
    await ui.waitForGone('partner-panel');
    await poll(
      () => focused(app.browser),
      (seen) => seen.tag === 'button' && seen.text === name,
      (seen) => `focus should be back on the « ${name} » button, it is on ${JSON.stringify(seen)}`,
    );
  });

  step(app, 'annuler une nouvelle alliance rend le focus à « Nouvelle alliance »', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', 'Alliance abandonnée');
    await ui.click('alliance-cancel');
    await waitForFocus(app.browser, 'new-alliance', 'after « Annuler » on a new alliance');
  });

  step(app, "archiver garde le focus sur le bouton, l'enregistrement est confirmé puis effacé à la saisie suivante", async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    await ui.click('alliance-archive');
    await app.browser.waitUntil(async () => (await ui.text('alliance-archive')).includes('Désarchiver'), {
      timeoutMsg: 'the button should now offer « Désarchiver »',
    });
    await waitForFocus(app.browser, 'alliance-archive', 'after « Archiver »');
    await ui.click('alliance-archive');
    await app.browser.waitUntil(async () => (await ui.text('alliance-archive')).includes('Archiver'));

    await ui.fill('alliance-territory', 'Communauté de communes du Val de Brenne');
    await ui.click('alliance-save');
    assert.equal(await ui.text('alliance-saved'), 'Alliance enregistrée.');
    // « Enregistrer » is disabled while saving: focus comes back to it.
    await waitForFocus(app.browser, 'alliance-save', 'after saving the alliance');
    await ui.el('alliance-territory').addValue(' et du Loir');
    await ui.waitForGone('alliance-saved');
    await ui.click('alliance-save');
    await ui.shown('alliance-saved');
  });

  step(app, 'le profil et les paramètres confirment chaque enregistrement', async () => {
    const ui = page(app.browser);
    await ui.click('nav-app-profile');
    await ui.fill('profile-name', 'Association Val de Brenne Solidaire');
    await ui.click('profile-save');
    assert.equal(await ui.text('profile-saved'), 'Profil enregistré.');
    await waitForFocus(app.browser, 'profile-save', 'after saving the profile');
    await ui.el('profile-name').addValue(' 37');
    await ui.waitForGone('profile-saved');
    await ui.click('profile-save');
    await ui.shown('profile-saved');

    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await waitForAnnouncement(app.browser, 'Paramètres');
    await ui.fill('settings-autolock', '15');
    await ui.click('settings-save');
    assert.equal(await ui.text('settings-saved'), 'Paramètres enregistrés.');
    await waitForFocus(app.browser, 'settings-save', 'after saving the settings');
    await ui.el('settings-autolock').addValue('0');
    await ui.waitForGone('settings-saved');
  });

  step(app, 'créer une alliance : « Alliance créée. » sur sa page, le focus sur « Enregistrer »', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', 'Jardins partagés de Brenne');
    await ui.click('alliance-save');
    await app.browser.waitUntil(async () => (await ui.withText('alliance-item', 'Jardins partagés de Brenne')).length === 1, {
      timeoutMsg: 'the new alliance should be listed',
    });
    assert.equal(await ui.text('alliance-saved'), 'Alliance créée.');
    await waitForAnnouncement(app.browser, 'Alliance — Jardins partagés de Brenne');
    await waitForFocus(app.browser, 'alliance-save', 'after creating an alliance');
    await ui.el('alliance-purpose').addValue('Des jardins');
    await ui.waitForGone('alliance-saved');
  });

  step(app, 'une phrase de passe refusée rend le focus au champ (nouveau kit, déverrouillage)', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    // The alliance's purpose was left half typed: leave it.
    await ui.click('confirm-leave');
    await ui.fill('new-kit-passphrase', 'ce n’est pas la bonne phrase');
    await ui.click('new-kit-submit');
    await ui.click('confirm-new-kit');
    await ui.shown('error-passphrase');
    await waitForFocus(app.browser, 'new-kit-passphrase', 'after a refused passphrase for a new kit');

    await ui.click('lock-button');
    await ui.fill('unlock-passphrase', 'ce n’est pas la bonne phrase');
    await ui.click('unlock-submit');
    await ui.shown('unlock-error');
    await waitForFocus(app.browser, 'unlock-passphrase', 'after a refused unlock');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    // Typing again: the refusal is about the old text, it goes.
    await ui.waitForGone('unlock-error');
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
  });
});
