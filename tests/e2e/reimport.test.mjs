// Re-importing an alliance file in the real app (issue 10, item 5): the demo alliance is exported, the file changed
// as a partner would (a partner added, the alliance renamed, a partner's city changed) and imported back. The app
// recognises the alliance by its id: it previews the differences and offers « Mettre à jour l’alliance » or
// « Importer comme copie ». The update keeps ONE alliance with the new partner; the copy makes a second one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre pensive au bord de la Vienne';
/** The file name the app suggests for the demo alliance (its name, as a slug). */
const FILE_NAME = 'service-partagé-du-val-de-brenne.alliance.json';
const NEW_PARTNER = 'Ressourcerie du Blanc';
const NEW_NAME = 'Service partagé du Val de Brenne 2027';

const workspace = makeWorkspace();
const exported = join(workspace.saveDir, FILE_NAME);
const changed = join(workspace.root, 'modifie.alliance.json');
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = changed;

useDriver(workspace);

describe("réimport d'une alliance modifiée par un partenaire", () => {
  const app = appSession();

  step(app, "crée le coffre, charge l'exemple et l'exporte", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.shown('nav-area-alliance');
    await ui.click('nav-area-alliance');
    await ui.click('alliance-export');
    await ui.shown('alliance-exported');
    assert.ok(existsSync(exported), `${exported} was written`);
  });

  step(app, 'le fichier modifié montre ses différences avant tout import', async () => {
    const ui = page(app.browser);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(file.format, 2);
    file.alliance.name = NEW_NAME;
    file.partners[0].organisation.city = 'Argenton-sur-Creuse';
    const added = structuredClone(file.partners[0]);
    added.id = '0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f';
    added.ownAssociation = false;
    added.organisation = { name: NEW_PARTNER, city: 'Le Blanc' };
    file.partners.push(added);
    writeFileSync(changed, JSON.stringify(file, null, 2));

    await ui.click('import-alliance');
    await ui.shown('import-existing-step');
    const added_ = await ui.text('diff-partner-added');
    assert.match(added_, new RegExp(NEW_PARTNER));
    assert.match(await ui.text('diff-partner-changed'), /Argenton-sur-Creuse/);
    assert.equal((await ui.withText('diff-field', NEW_NAME)).length, 1, 'the new name, old → new');
    assert.equal(await ui.count('alliance-item'), 1, 'nothing imported yet');
    await screenshot(app.browser, 'reimport-preview');
  });

  step(app, '« Mettre à jour l’alliance » : une seule alliance, avec le nouveau partenaire', async () => {
    const ui = page(app.browser);
    await ui.click('import-update');
    await ui.waitForGone('import-flow');
    await ui.waitForCount('alliance-item', 1);
    assert.equal((await ui.withText('alliance-item', NEW_NAME)).length, 1);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 6);
    assert.equal((await ui.withText('partner-row', NEW_PARTNER)).length, 1);
  });

  step(app, '« Importer comme copie » : une deuxième alliance', async () => {
    const ui = page(app.browser);
    await ui.click('import-alliance');
    await ui.shown('import-existing-step');
    await ui.shown('diff-nothing');
    await ui.click('import-copy');
    await ui.waitForGone('import-flow');
    await ui.waitForCount('alliance-item', 2);
  });

  step(app, '« Annuler » n’importe rien', async () => {
    const ui = page(app.browser);
    await ui.click('import-alliance');
    await ui.shown('import-existing-step');
    await ui.click('import-cancel');
    await ui.waitForGone('import-flow');
    assert.equal(await ui.count('alliance-item'), 2);
    // Focus back on the button that opened the dialog, not dropped to the page.
    await app.browser.waitUntil(
      async () =>
        (await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'import-alliance',
      { timeout: 5000, timeoutMsg: 'focus should return to « Importer une alliance… » after « Annuler »' },
    );
  });
});
