// The vault's life in the real app: first run, recovery kit, profile, an alliance
// with partners, a refused SIRET, lock / wrong passphrase / unlock, then a relaunch
// on the same data directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, squash } from './ui.mjs';

const PASSPHRASE = 'girafe violette sous la pluie de Lyon';
const WRONG_PASSPHRASE = 'girafe violette sous la pluie de Brest';
/** Where the app writes the recovery kit when ALLIA_E2E_SAVE_DIR is set (no dialog). */
const KIT_FILE = 'allia-kit-de-recuperation.pdf';
const PROFILE = {
  name: 'Les Amis du Quartier',
  rna: 'W691234567',
  siret: '73282932000074',
  representativeName: 'Claire Martin',
  representativeRole: 'Présidente',
};
const ALLIANCE = 'Alliance test e2e';
const PARTNERS = [
  { name: 'Centre social des Pentes' },
  { name: 'Mairie du 1er arrondissement', actorType: 'Collectivité territoriale' },
];
const BAD_PARTNER = { name: 'Entreprise au SIRET erroné', siret: '12345678901234' };

const workspace = makeWorkspace();
const driver = useDriver(workspace);

const alnum = (text) => squash(text).replace(/[^0-9a-z]/g, '');

async function unlock(ui, passphrase) {
  await ui.fill('unlock-passphrase', passphrase);
  await ui.click('unlock-submit');
}

/** Opens the alliance, whatever the app shows after unlocking (the alliance, a list, a switcher). */
async function openAlliance(browser, ui, name) {
  await browser.waitUntil(
    async () =>
      (await ui.isShown('nav-area-partenaires')) ||
      (await ui.isShown('alliance-switcher')) ||
      (await ui.withText('alliance-item', name)).length > 0,
    { timeoutMsg: 'no alliance to open after unlocking' },
  );
  if (await ui.isShown('nav-area-partenaires')) {
    if (!(await ui.isShown('alliance-switcher'))) return;
    if ((await ui.el('alliance-switcher').getText()).includes(name)) return;
  }
  if ((await ui.withText('alliance-item', name)).length === 0 && (await ui.isShown('alliance-switcher'))) {
    if ((await ui.el('alliance-switcher').getTagName()).toLowerCase() === 'select') {
      await ui.choose('alliance-switcher', name);
      await ui.shown('nav-area-partenaires');
      return;
    }
    await ui.click('alliance-switcher');
  }
  await ui.clickText('alliance-item', name);
  await ui.shown('nav-area-partenaires');
}

async function expectPartners(ui) {
  await ui.click('nav-area-partenaires');
  await ui.waitForCount('partner-row', PARTNERS.length);
  for (const partner of PARTNERS) {
    assert.equal((await ui.withText('partner-row', partner.name)).length, 1, `one row for « ${partner.name} »`);
  }
}

async function expectProfile(browser, ui) {
  await ui.click('settings-menu');
  await ui.click('menu-profile');
  for (const [field, expected] of Object.entries(PROFILE)) {
    let seen;
    await browser.waitUntil(async () => squash((seen = await ui.value(`profile-${field}`))) === squash(expected), {
      timeoutMsg: `profile-${field}: expected « ${expected} », saw « ${seen} »`,
    });
  }
}

async function unlockWithPassphrase(app) {
  const ui = page(app.browser);
  await unlock(ui, PASSPHRASE);
  await ui.waitForGone('unlock-passphrase');
  await ui.shown('lock-button');
}

/** The alliance, its two partners and the profile, as entered before locking. */
async function expectEverythingSaved(app) {
  const ui = page(app.browser);
  await openAlliance(app.browser, ui, ALLIANCE);
  await expectPartners(ui);
  await expectProfile(app.browser, ui);
}

describe('premier lancement', () => {
  const app = appSession();
  let recoveryKey;

  step(app, "affiche la création du coffre, pas le déverrouillage", async () => {
    const ui = page(app.browser);
    await ui.shown('create-passphrase');
    assert.equal(await ui.isShown('unlock-passphrase'), false);
    await ui.fill('create-passphrase', PASSPHRASE);
    await ui.shown('passphrase-strength');
    await screenshot(app.browser, 'accueil-creation-du-coffre');
  });

  step(app, 'crée le coffre avec une phrase de passe', async () => {
    const ui = page(app.browser);
    await ui.fill('create-passphrase', PASSPHRASE);
    await ui.fill('create-confirmation', PASSPHRASE);
    await ui.click('create-submit');
    recoveryKey = await ui.text('recovery-key');
    await screenshot(app.browser, 'cle-de-recuperation');
    assert.ok(alnum(recoveryKey).length >= 16, `a recovery key is shown (saw « ${recoveryKey} »)`);
  });

  step(app, 'enregistre le kit de récupération (PDF)', async () => {
    const ui = page(app.browser);
    const kit = join(workspace.saveDir, KIT_FILE);
    await ui.click('save-recovery-kit');
    await ui.shown('recovery-kit-saved');
    assert.ok(existsSync(kit), `${kit} was not written`);
    const info = execFileSync('pdfinfo', [kit], { encoding: 'utf8' });
    assert.match(info, /^Pages:\s+1$/m, 'the kit is one page');
    assert.match(info, /\(A4\)/, 'the kit is A4');
    const text = execFileSync('pdftotext', ['-layout', kit, '-'], { encoding: 'utf8' });
    assert.ok(alnum(text).includes(alnum(recoveryKey)), 'the kit holds the recovery key shown on screen');
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Kit de récupération Allia', 'Créé le', 'Phrase de passe oubliée ?', 'allia.vault.keys']) {
      assert.ok(flat.includes(expected), `the kit should contain « ${expected} »`);
    }
  });

  step(app, 'copie la clé dans le presse-papiers', async () => {
    const ui = page(app.browser);
    await ui.click('copy-recovery-key');
    await ui.shown('recovery-key-copied');
    assert.match(await ui.text('recovery-key-copied'), /vidé dans 60\s+secondes/);
    await screenshot(app.browser, 'cle-de-recuperation-copiee');
  });

  step(app, 'confirme avoir conservé la clé et continue', async () => {
    const ui = page(app.browser);
    await ui.check('recovery-confirm');
    await ui.click('recovery-continue');
    await ui.waitForGone('recovery-key');
    await ui.shown('settings-menu');
  });

  step(app, "renseigne le profil de l'association", async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    for (const [field, value] of Object.entries(PROFILE)) {
      await ui.fill(`profile-${field}`, value);
    }
    await ui.click('profile-save');
    await ui.shown('profile-saved');
  });

  step(app, 'crée une alliance', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', ALLIANCE);
    await ui.click('alliance-save');
    await ui.shown('nav-area-partenaires');
  });

  step(app, 'ajoute deux partenaires', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    for (const [index, partner] of PARTNERS.entries()) {
      await ui.click('add-partner');
      await ui.fill('partner-name', partner.name);
      if (partner.actorType) await ui.choose('partner-actorType', partner.actorType);
      await ui.click('partner-save');
      await ui.waitForCount('partner-row', index + 1);
      assert.equal((await ui.withText('partner-row', partner.name)).length, 1, `a row for « ${partner.name} »`);
    }
  });

  step(app, 'refuse un SIRET invalide, sans rien enregistrer', async () => {
    const ui = page(app.browser);
    await ui.click('add-partner');
    await ui.fill('partner-name', BAD_PARTNER.name);
    await ui.fill('partner-siret', BAD_PARTNER.siret);
    await ui.click('partner-save');
    let message;
    await app.browser.waitUntil(async () => (message = await ui.text('error-siret')).includes('SIRET'), {
      timeoutMsg: `error-siret should name the SIRET (saw « ${message} »)`,
    });
    assert.equal(await ui.count('partner-row'), PARTNERS.length);
    await screenshot(app.browser, 'partenaire-siret-invalide');

    // Close the form without saving (a cancel button if the form has one, else Escape),
    // accepting the "discard changes?" question if the UI asks it.
    if (await ui.isShown('partner-cancel')) await ui.click('partner-cancel');
    else await app.browser.keys('Escape');
    const asks = await ui.el('confirm-discard').waitForDisplayed({ timeout: 1_000 }).catch(() => false);
    if (asks) await ui.click('confirm-discard');

    await ui.waitForCount('partner-row', PARTNERS.length);
    assert.equal((await ui.withText('partner-row', BAD_PARTNER.name)).length, 0);
  });

  step(app, 'verrouille le coffre', async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await ui.shown('unlock-passphrase');
    await screenshot(app.browser, 'deverrouillage');
  });

  step(app, 'refuse une mauvaise phrase de passe', async () => {
    const ui = page(app.browser);
    await unlock(ui, WRONG_PASSPHRASE);
    let message;
    await app.browser.waitUntil(
      async () => (message = await ui.text('unlock-error')).includes('Phrase de passe incorrecte'),
      { timeoutMsg: `unlock-error should say « Phrase de passe incorrecte » (saw « ${message} »)` },
    );
    await ui.shown('unlock-passphrase');
  });

  step(app, 'déverrouille avec la bonne phrase de passe', () => unlockWithPassphrase(app));

  step(app, "retrouve l'alliance, ses deux partenaires et le profil", async () => {
    await expectEverythingSaved(app);
    await screenshot(app.browser, 'profil-association');
  });
});

describe('relance sur le même coffre', () => {
  const app = appSession();

  step(app, "affiche le déverrouillage, pas l'accueil", async () => {
    const ui = page(app.browser);
    await ui.shown('unlock-passphrase');
    assert.equal(await ui.isShown('create-passphrase'), false);
  });

  step(app, 'déverrouille', () => unlockWithPassphrase(app));

  step(app, "retrouve l'alliance, ses deux partenaires et le profil", () => expectEverythingSaved(app));
});
