// An alliance file with several problems, in the real app: « Importer une alliance… » refuses it and names each
// problem with its place in the file (« partenaire 3, SIRET : … », « profil, IBAN : … ») as a list in the error
// above the content, since no form shows the file's fields. Nothing is imported.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre pensive au bord de la Vienne';
const workspace = makeWorkspace();
const chosenFile = join(workspace.root, 'fautes.alliance.json');
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;

useDriver(workspace);

/** A file whose third partner's SIRET has a wrong key and whose sender's IBAN has a wrong check. */
function fileWithTwoProblems() {
  return {
    format: 1,
    profile: {
      name: 'Association Alpha',
      postalCode: '38000',
      city: 'Grenoble',
      bank: { iban: 'FR76 3000 6000 0112 3456 7890 180' },
    },
    alliance: { name: 'Alliance à corriger', purpose: null, territory: null, startDate: null, status: 'active' },
    partners: [
      { organisation: { name: 'Commune de Villard-de-Lans' }, actorType: 'local_authority', role: 'funder' },
      { organisation: { name: 'Association Gamma' }, actorType: 'association', role: 'member' },
      { organisation: { name: 'Entreprise Delta', siret: '12345678901234' }, actorType: 'company', role: 'member' },
    ],
    commitments: [],
  };
}

describe("import d'un fichier d'alliance à corriger", () => {
  const app = appSession();

  step(app, 'crée le coffre', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.shown('import-alliance');
  });

  step(app, 'le refus nomme chaque problème et sa place dans le fichier, en liste', async () => {
    const ui = page(app.browser);
    writeFileSync(chosenFile, JSON.stringify(fileWithTwoProblems(), null, 2));
    await ui.click('import-alliance');
    const notice = await app.browser.$('[data-testid="side-error"]');
    await notice.waitForDisplayed({ timeoutMsg: 'the refusal should be shown' });
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match(await notice.$('p').getText(), /^Ce fichier d’alliance contient des informations à corriger/);
    // webdriverio's element list maps asynchronously.
    const items = await notice.$$('li').map((item) => item.getText());
    assert.equal(items.length, 2, `two problems listed (saw ${JSON.stringify(items)})`);
    assert.ok(
      items.some((item) => /^partenaire 3, SIRET\s*: Ce numéro SIRET n’est pas valide/.test(item)),
      `partner 3's SIRET is named (saw ${JSON.stringify(items)})`,
    );
    assert.ok(
      items.some((item) => /^profil, IBAN\s*: Cet IBAN n’est pas valide/.test(item)),
      `the sender's IBAN is named (saw ${JSON.stringify(items)})`,
    );
    assert.equal(await ui.count('alliance-item'), 0, 'nothing imported');
  });
});
