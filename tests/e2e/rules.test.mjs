// A country deduced on import is never silent (issue 9): sample rw-14, a format-1 file whose Belgian partner has no
// country field and writes its city « Tournai (Belgique) », is not imported at once: the last step of « Importer une
// alliance… » lists « À vérifier après l’import » with the partner, the city as written and the country deduced, then
// « Importer l’alliance » imports it.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import { fileURLToPath } from 'node:url';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre pensive au bord de la Vienne';
const SAMPLE = fileURLToPath(
  new URL('../../crates/allia-cli/tests/data/cases/rw-14-partenaire-belge.json', import.meta.url),
);

const workspace = makeWorkspace();
const file = join(workspace.root, 'partenaire-belge.alliance.json');
copyFileSync(SAMPLE, file);
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = file;

useDriver(workspace);

/** Text with its no-break spaces as plain spaces. */
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('pays déduit de la ville à l’import', () => {
  const app = appSession();

  step(app, 'le pays déduit est listé avant l’import, puis l’alliance est importée', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('import-alliance');
    await ui.shown('import-confirm-step');
    await ui.shown('import-notices');
    const notice = plain(await ui.text('import-notice'));
    assert.match(notice, /Maison du Hainaut solidaire ASBL/);
    assert.match(notice, /partenaire 6/);
    assert.match(notice, /Pays déduit de la ville « Tournai \(Belgique\) » : Belgique \(ville enregistrée : Tournai\)\./);
    await screenshot(app.browser, 'import-pays-deduit');
    await ui.click('import-confirm');
    await ui.waitForGone('import-flow');
    await ui.waitForCount('alliance-item', 1);
    await ui.click('nav-area-partenaires');
    assert.equal((await ui.withText('partner-row', 'Maison du Hainaut solidaire ASBL')).length, 1);
  });
});
