// Exchanging an alliance between partners: « Exporter l’alliance… » writes the alliance
// file, « Importer une alliance… » recognises it and adds it back as a copy (« Importer comme copie »).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre pensive au bord de la Vienne';
/** The file name the app suggests for the demo alliance (its name, as a slug). */
const FILE_NAME = 'service-partagé-du-val-de-brenne.alliance.json';

const workspace = makeWorkspace();
const exported = join(workspace.saveDir, FILE_NAME);
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = exported;

const driver = useDriver(workspace);

describe("échange d'une alliance entre partenaires", () => {
  const app = appSession();

  step(app, "crée le coffre et charge l'exemple", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.shown('nav-area-alliance');
  });

  step(app, "exporte l'alliance dans un fichier", async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    await ui.click('alliance-export');
    await ui.shown('alliance-exported');
    assert.ok(existsSync(exported), `${exported} was written`);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(file.alliance.name, 'Service partagé du Val de Brenne');
    // Every actor of the register travels; the partners are those at « Engagé »
    // (no `pipeline` written).
    assert.equal(file.partners.length, 17);
    assert.equal(file.partners.filter((p) => p.pipeline === undefined).length, 5);
    assert.ok(file.interactions.length > 0 && file.scores.length > 0);
  });

  step(app, "importe le fichier comme une nouvelle alliance", async () => {
    const ui = page(app.browser);
    await ui.click('import-alliance');
    // The vault already holds this alliance (same id): the copy is asked for.
    await ui.shown('import-existing-step');
    await ui.click('import-copy');
    await ui.waitForCount('alliance-item', 2);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
  });
});
