// A file with unknown fields AND a problem, in the real app (sample rw-16: partner 2 is Belgian with a French RNA
// number, and two fields this version does not know): « Importer une alliance… » refuses it and its notice names
// the unknown fields together with the problem, so that the person learns at once all that is wrong. Nothing is
// imported.

import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'héron songeur au bord de la Brenne';
/** The shared sample rw-16, kept with allia-core's tests (crates/allia-core/tests/data/cases). */
const SAMPLE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'crates',
  'allia-core',
  'tests',
  'data',
  'cases',
  'rw-16-champs-inconnus.json',
);
const workspace = makeWorkspace();
const chosenFile = join(workspace.root, 'rw-16-champs-inconnus.json');
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;

useDriver(workspace);

describe('import d’un fichier aux champs inconnus et à corriger', () => {
  const app = appSession();

  step(app, 'crée le coffre', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.shown('import-alliance');
  });

  step(app, 'le refus nomme les champs inconnus avec le problème', async () => {
    const ui = page(app.browser);
    copyFileSync(SAMPLE, chosenFile);
    await ui.click('import-alliance');
    const notice = await app.browser.$('[data-testid="side-error"]');
    await notice.waitForDisplayed({ timeoutMsg: 'the refusal should be shown' });
    // webdriverio's element list maps asynchronously.
    const items = await notice.$$('li').map((item) => item.getText());
    for (const expected of [
      /^champ inconnu\s*: alliance, durationMonths \(alliance\.durationMonths\)$/,
      /^champ inconnu\s*: partenaire 2, contributionCents \(partners\.2\.contributionCents\)$/,
      /^partenaire 2, numéro RNA\s*: Le numéro RNA ne concerne que les associations établies en France/,
    ]) {
      assert.ok(
        items.some((item) => expected.test(item)),
        `${expected} listed (saw ${JSON.stringify(items)})`,
      );
    }
    assert.equal(await ui.count('alliance-item'), 0, 'nothing imported');
  });
});
