// The sender of an alliance file, in the real app: an association (« Association Bêta ») imports the file of
// another (« Association Alpha »): Alpha appears among the partners, with the contribution in kind it committed,
// and Bêta's own commitments stay empty. A file whose sender's profile is invalid (a SIRET with a wrong key) is
// refused with the French message, and adds nothing.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre pensive au bord de la Vienne';
const workspace = makeWorkspace();
const chosenFile = join(workspace.root, 'alpha.alliance.json');
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;

useDriver(workspace);

/** Alpha's alliance file: Alpha is the sender, a commune funds, Alpha lends a room. */
function alphaFile(profile = {}) {
  return {
    format: 1,
    profile: { name: 'Association Alpha', rna: 'W381234567', postalCode: '38000', city: 'Grenoble', ...profile },
    alliance: { name: 'Alliance reçue d’Alpha', purpose: null, territory: null, startDate: null, status: 'active' },
    partners: [
      { organisation: { name: 'Commune de Villard-de-Lans' }, actorType: 'local_authority', role: 'funder' },
    ],
    commitments: [
      { party: 'association', draft: { inKind: [{ description: 'Salle de réunion d’Alpha', valueCents: 120000 }] } },
      {
        party: { partner: 1 },
        draft: { financial: [{ nature: 'subsidy', amountCents: 500000, schedule: { kind: 'at_signature' } }] },
      },
    ],
  };
}

describe("import du fichier d'une autre association", () => {
  const app = appSession();

  step(app, 'crée le coffre et le profil de l’association Bêta', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    await ui.fill('profile-name', 'Association Bêta');
    await ui.fill('profile-postalCode', '69003');
    await ui.fill('profile-city', 'Lyon');
    await ui.click('profile-save');
    await ui.shown('profile-saved');
  });

  step(app, 'importe le fichier d’Alpha : Alpha est un partenaire avec ses apports', async () => {
    const ui = page(app.browser);
    writeFileSync(chosenFile, JSON.stringify(alphaFile(), null, 2));
    await ui.click('import-alliance');
    await ui.waitForCount('alliance-item', 1);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 2);
    assert.equal((await ui.withText('partner-row', 'Association Alpha')).length, 1);
    assert.equal((await ui.withText('partner-row', 'Commune de Villard-de-Lans')).length, 1);
    await ui.openRow('partner-row', 'Association Alpha');
    let seen = '';
    await app.browser.waitUntil(
      async () => (seen = await ui.value('commitments-inkind-0-description')) === 'Salle de réunion d’Alpha',
      { timeoutMsg: `Alpha’s contribution in kind should be in its panel (saw « ${seen} »)` },
    );
    await app.browser.keys('Escape');
  });

  step(app, 'un fichier dont le profil de l’expéditeur est faux est refusé, en français', async () => {
    const ui = page(app.browser);
    writeFileSync(chosenFile, JSON.stringify(alphaFile({ siret: '12345678901234' }), null, 2));
    await ui.click('import-alliance');
    let message = '';
    await app.browser.waitUntil(
      async () => {
        // webdriverio's element list maps asynchronously.
        const texts = await app.browser.$$('[role="alert"]').map((a) => a.getText());
        message = texts.find((t) => t.includes('SIRET')) ?? '';
        return message !== '';
      },
      { timeoutMsg: 'the refusal should be shown' },
    );
    assert.match(message, /Ce numéro SIRET n’est pas valide/);
    assert.equal(await ui.count('alliance-item'), 1, 'nothing imported');
  });
});
