// Identities beyond the French registers in the real app (issue 9, item 4): a Belgian partner (country, postal code
// 7500, its BCE number, a Belgian IBAN refused with its field error until its key is right) and an Alsace-Moselle
// association's profile (Strasbourg, 67000, registered at the tribunal judiciaire: volume and folio) are saved,
// reopened and shown as typed (numbers in their stored form).
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'mouette espiègle sur la digue de Tournai';
const BELGIAN = 'Maison du Hainaut solidaire ASBL';
const ALSATIAN = 'Cercle des amis de l’Ill';

const workspace = makeWorkspace();
useDriver(workspace);

describe('identités hors des registres français', () => {
  const app = appSession();

  step(app, 'un partenaire belge : pays, code postal à 4 chiffres, numéro BCE, IBAN vérifié', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await ui.click('add-partner');
    await ui.fill('partner-name', BELGIAN);
    // A French partner sees neither the foreign registration nor the Alsace-Moselle register.
    assert.equal(await ui.value('partner-country'), 'France');
    assert.equal(await ui.isShown('partner-foreign-section'), false);
    assert.equal(await ui.isShown('partner-local-section'), false);
    await ui.fill('partner-street', 'Rue de la Tannerie 18');
    await ui.fill('partner-postalCode', '7500');
    await ui.fill('partner-city', 'Tournai');
    await ui.fill('partner-country', 'Belgique');
    await ui.shown('partner-foreign-section');
    assert.equal(await ui.isShown('partner-rna'), false, 'no RNA abroad');
    await ui.fill('partner-foreignRegister', 'BCE');
    await ui.fill('partner-foreignNumber', '0456.789.123');
    await ui.click('partner-bank-toggle');
    // Two digits swapped: the mod-97 key catches it, next to the field.
    await ui.fill('partner-iban', 'BE68 5390 0754 7043');
    await ui.click('partner-save');
    assert.match(await ui.text('error-iban'), /clé de contrôle/);
    assert.equal(await ui.el('partner-iban').getAttribute('aria-invalid'), 'true');
    await ui.fill('partner-iban', 'BE68 5390 0754 7034');
    await ui.click('partner-save');
    await ui.waitForCount('partner-row', 6);

    await ui.openRow('partner-row', BELGIAN);
    assert.equal(await ui.value('partner-country'), 'Belgique');
    assert.equal(await ui.value('partner-postalCode'), '7500');
    assert.equal(await ui.value('partner-city'), 'Tournai');
    assert.equal(await ui.value('partner-foreignRegister'), 'BCE');
    assert.equal(await ui.value('partner-foreignNumber'), '0456.789.123');
    // Stored without spaces, shown by groups of four; the bank details open by themselves since they hold something.
    assert.equal(await ui.value('partner-iban'), 'BE68 5390 0754 7034');
    await ui.scrollToTop('partner-foreign-section');
    await screenshot(app.browser, 'partenaire-belge');
    await app.browser.keys('Escape');
  });

  step(app, 'une association d’Alsace-Moselle : registre du tribunal judiciaire, volume et folio', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    await ui.fill('profile-name', ALSATIAN);
    await ui.fill('profile-legalForm', 'Association de droit local (Alsace-Moselle)');
    await ui.fill('profile-street', '3 quai des Bateliers');
    await ui.fill('profile-postalCode', '67000');
    await ui.fill('profile-city', 'Strasbourg');
    await ui.shown('profile-local-section');
    assert.equal(await ui.isShown('profile-foreign-section'), false);
    await ui.fill('profile-localCourt', 'Strasbourg');
    await ui.fill('profile-localVolume', '84');
    await ui.click('profile-save');
    assert.equal(await ui.text('error-folio'), 'Indiquez le folio du registre.');
    await ui.fill('profile-localFolio', '127');
    await ui.click('profile-save');
    await ui.shown('profile-saved');

    // Elsewhere and back: the profile is read again from the vault.
    await ui.click('nav-area-partenaires');
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    assert.equal(await ui.value('profile-name'), ALSATIAN);
    assert.equal(await ui.value('profile-postalCode'), '67000');
    assert.equal(await ui.value('profile-country'), 'France');
    assert.equal(await ui.value('profile-localCourt'), 'Strasbourg');
    assert.equal(await ui.value('profile-localVolume'), '84');
    assert.equal(await ui.value('profile-localFolio'), '127');
    await ui.scrollToTop('profile-local-section');
    await screenshot(app.browser, 'profil-alsace-moselle');
  });
});
