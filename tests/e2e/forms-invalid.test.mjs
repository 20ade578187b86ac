// Every form and dialog of the app, filled the wrong way: empty, spaces only, far too long, negative or huge
// numbers, identifiers and addresses that are not, years no one means, half-typed dates, files that are not
// what they claim. Each time a French message shows next to the field or on the form, and never the
// « Une erreur inattendue… » kept for real faults.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';

import { appSession, makeWorkspace, removeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'goéland rêveur au-dessus du port de Sète';
const ALLIANCE = 'Alliance des épiceries solidaires';
const PARTNER = 'Épicerie du Vieux Marché';
const TOO_LONG = 'Très long texte. '.repeat(1_500); // 25 500 characters: over every cap

const workspace = makeWorkspace();
/** « Importer une alliance… » and « Restaurer depuis… » open this file instead of asking (e2e hooks). */
const chosenFile = join(workspace.root, 'fichier-choisi');
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;
const driver = useDriver(workspace);
const backupsDir = join(workspace.dataDir, 'backups');

/** The text the UI shows for a fault it cannot explain (ui/src/lib/api/client.ts). */
const UNEXPECTED = /inattendue/i;

/** The checks every scenario makes, bound to its app session. */
function checks(app) {
  /**
   * Sets a text at once, as a paste does: typing 25 000 keys one by one takes minutes in WebDriver, and
   * WebKitWebDriver's clearValue empties a field without the input event the form listens to.
   */
  async function paste(ui, id, text) {
    const element = await ui.shown(id);
    await app.browser.execute(
      (input, value) => {
        const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      element,
      text,
    );
  }

  /** Leaves a form the test filled the wrong way: « Quitter sans enregistrer » when the app asks. */
  async function discardIfAsked(ui) {
    const asked = await ui.el('confirm-leave').waitForDisplayed({ timeout: 1_500 }).then(() => true, () => false);
    if (asked) await ui.click('confirm-leave');
  }

  /** The texts of every message shown now: field errors, form notices and alerts. */
  async function messages(within) {
    // Read in the page at once: one WebDriver round trip instead of two per element.
    return app.browser.execute(
      (scope) =>
        Array.from(
          (scope ? document.querySelector(`[data-testid="${scope}"]`) ?? document : document).querySelectorAll(
            '[role="alert"], [data-testid^="error-"], .notice-error',
          ),
        )
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => (element.textContent ?? '').trim())
        .filter((text) => text !== ''),
      within ?? null,
    );
  }

  /**
   * Waits for a French message matching `expected` (inside the element with test id `within`, when given, so an
   * older message elsewhere does not count); fails on the unexpected-error text anywhere on the page.
   */
  async function refused(expected, what, within) {
    let seen = [];
    try {
      await app.browser.waitUntil(
        async () => {
          seen = await messages(within);
          if (seen.some((text) => UNEXPECTED.test(text))) return true;
          return seen.some((text) => expected.test(text));
        },
        { timeout: 10_000 },
      );
    } catch {
      assert.fail(`${what}: no message matching ${expected} (seen: ${JSON.stringify(seen)})`);
    }
    await noUnexpected(what);
  }

  async function noUnexpected(what) {
    const body = await app.browser.execute(() => document.body.textContent ?? '');
    assert.doesNotMatch(body, UNEXPECTED, `${what}: the page shows the unexpected-error text`);
    assert.equal(await page(app.browser).isShown('fault-notice'), false, `${what}: a fault was recorded`);
  }

  return { paste, discardIfAsked, refused, noUnexpected };
}

describe('formulaires remplis de travers', () => {
  const app = appSession();
  const { paste, discardIfAsked, refused, noUnexpected } = checks(app);

  step(app, 'création du coffre : phrase vide, espaces, trop longue, différente, trop facile', async () => {
    const ui = page(app.browser);
    // Enter in the confirmation field, as a person typing would: a click could land where the button was before
    // the strength meter, shown as the passphrase is typed, moved it down.
    const submitByKeyboard = async () => {
      await app.browser.execute(() => document.querySelector('[data-testid="create-confirmation"]')?.focus());
      await app.browser.keys('Enter');
    };
    await ui.click('create-submit');
    await refused(/caractères|phrase de passe/i, 'empty passphrase');
    await ui.fill('create-passphrase', '          ');
    await ui.fill('create-confirmation', '          ');
    await submitByKeyboard();
    await refused(/caractères|phrase de passe|facile|courte/i, 'spaces only');
    await paste(ui, 'create-passphrase', TOO_LONG);
    await paste(ui, 'create-confirmation', TOO_LONG);
    await submitByKeyboard();
    await refused(/long/i, 'passphrase far too long');
    await ui.fill('create-passphrase', PASSPHRASE);
    await ui.fill('create-confirmation', `${PASSPHRASE} bis`);
    await submitByKeyboard();
    await refused(/identique|correspond|même/i, 'confirmation differs');
    await ui.fill('create-passphrase', 'azerty');
    await ui.fill('create-confirmation', 'azerty');
    await submitByKeyboard();
    await refused(/facile|courte|deviner/i, 'weak passphrase');
    await ui.createVault(PASSPHRASE);
  });

  step(app, 'alliance : nom vide ou trop long, date impossible ou incomplète', async () => {
    const ui = page(app.browser);
    await ui.click('empty-new-alliance');
    await ui.click('alliance-save');
    await refused(/Indiquez le nom de l’alliance/, 'alliance without a name');
    await ui.fill('alliance-name', '     ');
    await ui.click('alliance-save');
    await refused(/Indiquez le nom de l’alliance/, 'alliance name of spaces');
    await paste(ui, 'alliance-name', TOO_LONG);
    await paste(ui, 'alliance-purpose', TOO_LONG);
    await paste(ui, 'alliance-territory', TOO_LONG);
    await ui.click('alliance-save');
    await refused(/trop long/, 'alliance texts far too long');
    assert.match(await ui.text('error-purpose'), /trop long/);
    assert.match(await ui.text('error-territory'), /trop long/);
    await ui.fill('alliance-name', ALLIANCE);
    await paste(ui, 'alliance-purpose', '');
    await paste(ui, 'alliance-territory', '');
    await ui.fillDate('alliance-start-date', '0001-01-15');
    await ui.click('alliance-save');
    await refused(/vérifiez l’année/, 'alliance starting in year 1');
    await ui.fillDate('alliance-start-date', '--15');
    await refused(/Date incomplète/, 'half-typed start date');
    // 31 February is refused at the field as typed, not turned into 28 February.
    await ui.fillDate('alliance-start-date', '2026-02-31');
    await refused(/Cette date n’existe pas\u202f: vérifiez le jour et le mois\./, 'start date on 31 February');
    assert.equal(await ui.text('alliance-start-date-day'), '31');
    await ui.fillDate('alliance-start-date', '2026-03-15');
    await ui.click('alliance-save');
    await app.browser.waitUntil(async () => (await ui.withText('alliance-item', ALLIANCE)).length === 1, {
      timeoutMsg: 'the alliance should be created and listed',
    });
    assert.equal(await ui.text('alliance-start-date-day'), '15');
    assert.equal(await ui.text('alliance-start-date-month'), '03');
    assert.equal(await ui.text('alliance-start-date-year'), '2026');
    await noUnexpected('alliance saved');
    // An impossible date is not sent as « no date »: « Enregistrer » holds back, the saved date stays.
    await ui.fillDate('alliance-start-date', '2026-02-31');
    await ui.click('alliance-save');
    await refused(/Cette date n’existe pas/, 'saving with 31 February');
    await app.browser.pause(500);
    assert.equal(await ui.isShown('alliance-saved'), false, 'nothing was saved');
    const stored = await app.browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke('alliance_list').then((list) => done(list.map((a) => a.draft.startDate)), (e) => done(String(e)));
    });
    assert.ok(Array.isArray(stored) && stored.includes('2026-03-15'), `the vault keeps 15 March (saw ${JSON.stringify(stored)})`);
    await ui.fillDate('alliance-start-date', '2026-03-15');
  });

  step(app, 'partenaire : nom vide, SIRET, RNA, e-mail, téléphone et code postal faux, textes trop longs', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    await ui.click('add-partner');
    await ui.click('partner-save');
    await refused(/Indiquez/, 'partner without a name');
    await ui.fill('partner-name', '   ');
    await ui.fill('partner-siret', '123 456');
    await ui.fill('partner-rna', 'X12');
    await ui.fill('partner-email', 'pas-une-adresse');
    await ui.fill('partner-phone', 'appelez-moi');
    await ui.fill('partner-postalCode', '7500');
    await paste(ui, 'partner-resources', TOO_LONG);
    await ui.click('partner-save');
    await refused(/Indiquez/, 'partner name of spaces');
    for (const field of ['siret', 'rna', 'email', 'phone', 'postalCode', 'resources']) {
      assert.ok((await ui.text(`error-${field}`)).length > 0, `a message next to « ${field} »`);
    }
    await paste(ui, 'partner-name', TOO_LONG);
    await ui.fill('partner-siret', '73282932000075'); // 14 digits, wrong check digit
    await ui.click('partner-save');
    await refused(/trop long/, 'partner name far too long');
    assert.ok((await ui.text('error-siret')).length > 0, 'a SIRET with a wrong key is refused');
    await noUnexpected('partner form');
    await ui.fill('partner-name', PARTNER);
    for (const id of ['partner-siret', 'partner-rna', 'partner-email', 'partner-phone', 'partner-postalCode']) await paste(ui, id, '');
    await paste(ui, 'partner-resources', '');
    await ui.click('partner-save');
    await ui.waitForCount('partner-row', 1);
    await noUnexpected('partner saved');
  });

  step(app, 'profil de l’association : nom vide, identifiants faux', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    await ui.click('profile-save');
    await refused(/Indiquez/, 'profile without a name');
    await paste(ui, 'profile-name', TOO_LONG);
    await ui.fill('profile-rna', 'W12');
    await ui.fill('profile-siret', '0000');
    await ui.fill('profile-email', '@@');
    await ui.click('profile-save');
    await refused(/trop long/, 'profile name far too long');
    for (const field of ['rna', 'siret', 'email']) {
      assert.ok((await ui.text(`error-${field}`)).length > 0, `a message next to « ${field} »`);
    }
    await noUnexpected('profile form');
  });

  step(app, 'paramètres : délai et sauvegardes hors limites, vides, négatifs, énormes', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await discardIfAsked(ui);
    for (const value of ['0', '-5', '99999999999', '241', '']) {
      await paste(ui, 'settings-autolock', value);
      await ui.click('settings-save');
      await refused(/minutes/, `auto-lock « ${value} »`);
    }
    await ui.fill('settings-autolock', '10');
    for (const value of ['0', '-1', '1000000', '']) {
      await paste(ui, 'settings-backup-keep', value);
      await ui.click('backup-keep-save');
      await refused(/sauvegardes/i, `backups kept « ${value} »`);
    }
    await ui.fill('settings-backup-keep', '10');
  });

  step(app, 'changement de phrase de passe : vide, fausse, différente, trop facile, trop longue', async () => {
    const ui = page(app.browser);
    await ui.click('change-submit');
    await refused(/phrase de passe/i, 'empty passphrase change');
    await ui.fill('change-current', '    ');
    await ui.fill('change-passphrase', 'cigogne bavarde sur le toit de Colmar');
    await ui.fill('change-confirmation', 'cigogne bavarde sur le toit de Colmar');
    await ui.click('change-submit');
    await refused(/phrase de passe/i, 'current passphrase of spaces');
    await ui.fill('change-current', 'pas la bonne du tout, vraiment pas');
    await ui.click('change-submit');
    await refused(/incorrecte/, 'wrong current passphrase');
    await ui.fill('change-current', PASSPHRASE);
    await ui.fill('change-confirmation', 'une autre phrase');
    await ui.click('change-submit');
    await refused(/identique|correspond|même/i, 'confirmation differs');
    await ui.fill('change-passphrase', '123456');
    await ui.fill('change-confirmation', '123456');
    await ui.click('change-submit');
    await refused(/facile|courte|deviner/i, 'weak new passphrase');
    await paste(ui, 'change-passphrase', TOO_LONG);
    await paste(ui, 'change-confirmation', TOO_LONG);
    await ui.click('change-submit');
    await refused(/long/i, 'new passphrase far too long');
    await noUnexpected('passphrase change');
  });

  step(app, 'nouveau kit de récupération : phrase vide ou fausse', async () => {
    const ui = page(app.browser);
    await ui.click('new-kit-submit');
    await refused(/phrase de passe/i, 'new kit without the passphrase', 'settings-new-kit');
    await ui.fill('new-kit-passphrase', 'ce n’est pas elle');
    await ui.click('new-kit-submit');
    await ui.click('confirm-new-kit');
    await refused(/incorrecte/, 'new kit with a wrong passphrase', 'settings-new-kit');
    await paste(ui, 'new-kit-passphrase', '');
  });

  step(app, 'restauration : un fichier qui n’est pas une sauvegarde', async () => {
    const ui = page(app.browser);
    for (const content of ['', 'ceci n’est pas une sauvegarde', Buffer.alloc(4096, 0xff)]) {
      writeFileSync(chosenFile, content);
      await ui.click('backup-restore-from');
      await refused(/sauvegarde/i, 'a broken backup file');
    }
  });

  step(app, 'import d’alliance : fichiers abîmés', async () => {
    const ui = page(app.browser);
    const broken = [
      '',
      '{ "pas du json',
      '{"format":"allia-alliance","version":1}',
      JSON.stringify({ format: 'allia-alliance', version: 99999, alliance: {} }),
      JSON.stringify({ alliance: { name: '', status: 'inconnu' }, partners: [{}] }),
      Buffer.alloc(2048, 0xfe),
    ];
    for (const content of broken) {
      writeFileSync(chosenFile, content);
      await ui.click('import-alliance');
      await refused(/alliance|fichier/i, `import of ${JSON.stringify(String(content).slice(0, 40))}`);
    }
  });

  step(app, 'document : titre vide ou trop long, exemplaires, lieu, date impossible', async () => {
    const ui = page(app.browser);
    await ui.clickText('alliance-item', ALLIANCE);
    await discardIfAsked(ui);
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await paste(ui, 'document-title', TOO_LONG);
    await ui.click('document-create');
    await refused(/trop long/, 'document title far too long');
    await ui.fill('document-title', 'Convention de test');
    await ui.click('document-create');
    await ui.shown('document-builder');

    await ui.fill('document-settings-title', '    ');
    await ui.click('document-settings-save');
    await refused(/Indiquez|titre/i, 'document title of spaces');
    await ui.fill('document-settings-title', 'Convention de test');
    for (const value of ['0', '-3', '99999999999', '1000']) {
      await paste(ui, 'document-settings-copies', value);
      await ui.click('document-settings-save');
      await refused(/exemplaire/i, `copies « ${value} »`);
    }
    await paste(ui, 'document-settings-copies', '');
    await paste(ui, 'document-settings-place', TOO_LONG);
    await ui.click('document-settings-save');
    await refused(/trop long/, 'place far too long');
    await ui.fill('document-settings-place', 'Tours');
    await ui.fillDate('document-settings-date', '0001-02-03');
    await ui.click('document-settings-save');
    await refused(/année/, 'document signed in year 1');
    await ui.fillDate('document-settings-date', '2026-02-');
    await refused(/Date incomplète/, 'half-typed document date');
    // « Effacer » empties a date for good: placeholders again, no garbage year, no message left.
    await ui.fillDate('document-settings-date', '2026-05-11');
    // The calendar opens on the field's date; the arrows move a day that wears the focus ring; Escape closes it.
    await ui.click('document-settings-date-calendar');
    await app.browser.waitUntil(async () => (await app.browser.$$('[role="grid"]')).length === 1, {
      timeoutMsg: 'the calendar should open',
    });
    await app.browser.keys(['ArrowRight']);
    const focusedDay = await app.browser.execute(() => document.activeElement?.getAttribute('aria-label') ?? '');
    assert.match(focusedDay, /mai 2026/);
    await screenshot(app.browser, 'date-calendar-focus');
    await app.browser.keys(['Escape']);
    await app.browser.waitUntil(async () => (await app.browser.$$('[role="grid"]')).length === 0, {
      timeoutMsg: 'Escape should close the calendar',
    });
    await ui.click('document-settings-date-clear');
    await app.browser.waitUntil(async () => (await ui.text('document-settings-date-year')) === 'aaaa', {
      timeoutMsg: '« Effacer » should empty the document date',
    });
    assert.equal(await ui.text('document-settings-date-day'), 'jj');
    assert.equal(await ui.text('document-settings-date-month'), 'mm');
    // The field's own message goes (the vault's, about the last save, may stay until the next one).
    for (const message of await app.browser.$$('[data-testid="error-signatureDate"]')) {
      assert.doesNotMatch(await message.getText(), /incomplète|n’existe pas/);
    }
    await ui.fillDate('document-settings-date', '');
    await ui.click('document-settings-save');
    await noUnexpected('document settings');
  });

  step(app, 'signatures : sans date, sans signataire, en l’an 1', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'));
    await ui.click('document-status-next');
    if (await ui.isShown('confirm-ready').catch(() => false)) await ui.click('confirm-ready');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Prêt à signer'), {
      timeoutMsg: 'the document should be ready to sign',
    });
    const [save] = await app.browser.$$('[data-testid="signature-save"]');
    await save.click();
    await refused(/Indiquez la date de signature/, 'signature without a date');
    const [name] = await app.browser.$$('[data-testid="signature-name"]');
    await name.clearValue();
    await name.addValue('   ');
    await ui.fillDate('signature-date', '2026-12-03');
    await save.click();
    await refused(/signataire/, 'signature without a signatory');
    await name.clearValue();
    await name.addValue('Claire Martin');
    await ui.fillDate('signature-date', '0001-12-03');
    await save.click();
    await refused(/année/, 'signature in year 1');
    await noUnexpected('signatures');
  });

  step(app, 'déverrouillage et clé de récupération : vide, fausse, mal formée', async () => {
    const ui = page(app.browser);
    await ui.click('lock-button');
    await discardIfAsked(ui);
    await ui.click('unlock-submit');
    await refused(/phrase de passe/i, 'unlock with nothing');
    await ui.fill('unlock-passphrase', '      ');
    await ui.click('unlock-submit');
    await refused(/phrase de passe/i, 'unlock with spaces');
    await paste(ui, 'unlock-passphrase', TOO_LONG);
    await ui.click('unlock-submit');
    await refused(/phrase de passe|long/i, 'unlock with a far too long text');
    await ui.click('forgot-passphrase');
    await ui.click('recover-submit');
    await refused(/clé de récupération|Indiquez/i, 'recovery with nothing');
    await ui.fill('recover-key', 'abc');
    await ui.fill('recover-passphrase', 'cigogne bavarde sur le toit de Colmar');
    await ui.fill('recover-confirmation', 'cigogne bavarde sur le toit de Colmar');
    await ui.click('recover-submit');
    await refused(/clé/i, 'malformed recovery key');
    await paste(ui, 'recover-key', TOO_LONG);
    await ui.click('recover-submit');
    await refused(/clé/i, 'recovery key far too long');
    await ui.click('recover-back');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('lock-button');
    await noUnexpected('unlocked again');
  });
});

describe('restauration sur un ordinateur sans coffre : secret vide, faux, trop long', () => {
  // A fresh data folder holding only the automatic backups made above (at the lock of the last step).
  const fresh = makeWorkspace();
  before(async () => {
    await driver.stop();
    assert.ok(existsSync(backupsDir) && readdirSync(backupsDir).length > 0, 'the lock above left an automatic backup');
    cpSync(backupsDir, join(fresh.dataDir, 'backups'), { recursive: true });
    await driver.restart(fresh);
  });
  after(() => removeWorkspace(fresh));
  const app = appSession();
  const { paste, refused } = checks(app);

  step(app, 'la phrase de la sauvegarde : vide, espaces, fausse, trop longue', async () => {
    const ui = page(app.browser);
    await ui.click('welcome-restore');
    await ui.shown('backup-secret');
    await ui.click('backup-secret-submit');
    await refused(/Saisissez la phrase de passe ou la clé de récupération/, 'no secret', 'restore-backup');
    await ui.fill('backup-secret', '     ');
    await ui.click('backup-secret-submit');
    await refused(/Saisissez la phrase de passe ou la clé de récupération/, 'a secret of spaces', 'restore-backup');
    await ui.fill('backup-secret', 'ce n’est pas la bonne phrase');
    await ui.click('backup-secret-submit');
    await refused(/phrase de passe|clé de récupération/i, 'a wrong secret', 'restore-backup');
    await paste(ui, 'backup-secret', TOO_LONG);
    await ui.click('backup-secret-submit');
    await refused(/phrase de passe|clé de récupération|long/i, 'a secret far too long', 'restore-backup');
  });

  step(app, 'un autre fichier qui n’est pas une sauvegarde', async () => {
    const ui = page(app.browser);
    writeFileSync(chosenFile, 'pas une sauvegarde');
    await ui.click('damaged-choose-file');
    await refused(/sauvegarde/i, 'a broken backup file from the welcome screen', 'restore-backup');
  });
});
