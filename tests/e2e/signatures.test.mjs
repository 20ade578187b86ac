// Signatures on the example alliance's convention: each party's signature is confirmed next to its form with
// focus kept on its save button; a missing date sends focus to the date field; once « Signé », the signatures
// are listed read-only and the vault refuses any change (issue 8: a signed contract is protected).
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const TITLE = 'Convention signée 2026';

const workspace = makeWorkspace();
const driver = useDriver(workspace);

/** The data-testid of the focused element, or of its nearest ancestor that has one. */
async function focusedTestId(browser) {
  return browser.execute(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

describe('les signatures d’un document', () => {
  const app = appSession();

  /** Moves the open document's current version to « Prêt à signer », confirming the blanks left. */
  async function toReadyToSign(ui) {
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'));
    await ui.click('document-status-next');
    await ui.shown('confirm-ready');
    await ui.click('confirm-ready');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Prêt à signer'), {
      timeoutMsg: 'the status should read « Prêt à signer »',
    });
  }

  /** Signs every party that has a form, as `Signataire N` on 3 December 2026. */
  async function signAll(ui) {
    const count = (await app.browser.$$('[data-testid="signature-save"]')).length;
    for (let index = 0; index < count; index += 1) {
      const name = (await app.browser.$$('[data-testid="signature-name"]'))[index];
      await name.clearValue();
      await name.addValue(`Signataire ${index + 1}`);
      await ui.fillDate('signature-date', '2026-12-03', index);
      await (await app.browser.$$('[data-testid="signature-save"]'))[index].click();
      await app.browser.waitUntil(
        async () => (await (await app.browser.$$('[data-testid="signature-saved"]'))[index].getText()) === `Signature de Signataire ${index + 1} enregistrée.`,
        { timeoutMsg: `the signature of party ${index + 1} should be confirmed next to its form` },
      );
      await app.browser.waitUntil(async () => (await focusedTestId(app.browser)) === 'signature-save', {
        timeoutMsg: 'focus should stay on the save button',
      });
    }
    return count;
  }

  step(app, 'prépare une convention prête à signer sur l’exemple, sans profil', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.shown('document-status');
    await toReadyToSign(ui);
  });

  step(app, 'une partie encore « à compléter » ne signe pas, et « Marquer signé » reste refusé', async () => {
    const ui = page(app.browser);
    await ui.shown('signature-placeholder');
    assert.match(await ui.text('signature-placeholder'), /Complétez d’abord le profil de votre association/);
    assert.ok((await signAll(ui)) >= 1, 'the partners sign');
    await ui.click('document-status-next');
    await ui.shown('document-error');
    assert.match(await ui.text('document-error'), /Complétez d’abord le profil de votre association/);
    assert.match(await ui.text('document-status'), /Prêt à signer/);
    await ui.click('signature-open-profile');
    await app.browser.waitUntil(async () => (await app.browser.$('[data-testid="nav-app-profile"]').getAttribute('aria-current')) === 'page', {
      timeoutMsg: 'the profile area should open',
    });
  });

  step(app, 'le profil complété, une version 2 se prépare à la signature', async () => {
    const ui = page(app.browser);
    await ui.fill('profile-name', 'Association Val de Brenne Solidaire');
    await ui.click('profile-save');
    await ui.shown('profile-saved');
    await ui.click('nav-area-documents');
    if (!(await ui.isShown('document-settings-title').catch(() => false))) {
      await (await ui.withText('document-item', TITLE))[0].click();
    }
    // The frozen version keeps the data it was frozen with: a change makes version 2, with the profile.
    await ui.fill('document-settings-title', `${TITLE} (v2)`);
    await ui.click('document-settings-save');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Version 2 — Brouillon'), {
      timeoutMsg: 'a change should start version 2',
    });
    await toReadyToSign(ui);
    assert.equal((await app.browser.$$('[data-testid="signature-placeholder"]')).length, 0);
  });

  step(app, 'sans date, le focus va au champ de date', async () => {
    const ui = page(app.browser);
    const [save] = await app.browser.$$('[data-testid="signature-save"]');
    await save.click();
    await ui.shown('error-signedOn');
    await app.browser.waitUntil(async () => (await focusedTestId(app.browser))?.startsWith('signature-date') === true, {
      timeoutMsg: 'focus should go to the missing date',
    });
  });

  step(app, 'chaque signature est confirmée à côté de son formulaire', async () => {
    const ui = page(app.browser);
    assert.ok((await signAll(ui)) >= 2, 'the convention has at least two parties');
  });

  step(app, 'une fois signé, les signatures se lisent sans se modifier', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Signé'), {
      timeoutMsg: 'the status should read « Signé »',
    });
    await ui.shown('signatures-read-only');
    assert.match(await ui.text('signatures-read-only'), /ses signatures ne se modifient plus/);
    assert.match(await ui.text('signatures-read-only'), /une version 3 sera créée/);
    assert.match(await ui.text('document-signatures'), /signé par Signataire 1 le 3 décembre 2026/);
    assert.equal((await app.browser.$$('[data-testid="signature-save"]')).length, 0, 'no form to change a signature');
    assert.equal((await app.browser.$$('[data-testid="signature-name"]')).length, 0);
    assert.match(await ui.text('document-status'), /Version 2 — Signé/);
    await screenshot(app.browser, 'signatures-signed');
  });
});
