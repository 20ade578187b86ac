// « Évaluation »'s CSV exchange (issue 12, item 7) in the real app, on the demo alliance: the measurements exported
// for a French spreadsheet (byte-order mark, « ; », decimal comma, JJ/MM/AAAA); a file with one bad line shows its
// line-numbered error and imports nothing; the same file corrected imports its two measurements, the export then has
// two more lines, and choosing the file again finds nothing new to import.
// Screenshot of the preview with its error (`cargo xtask screenshots`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'martin-pêcheur attentif sur la Gartempe';
/** The file name the app suggests for the demo alliance's measurements. */
const EXPORTED = 'mesures-service-partagé-du-val-de-brenne.csv';
const HEADER = 'Indicateur;Identifiant de l’indicateur;Unité;Date;Valeur;Numérateur;Dénominateur;Commentaire;Source';
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const workspace = makeWorkspace();
const exported = join(workspace.saveDir, EXPORTED);
// The file « chosen » in the open dialog: the app reads this path (fixed at launch); the steps write it.
const chosen = join(workspace.root, 'mesures-saisies.csv');
process.env.ALLIA_E2E_OPEN_FILE = chosen;
useDriver(workspace, { env: { ALLIA_E2E_TODAY: '2026-12-01' } });

/** The exported measurements: the bytes, and the lines split into cells (quoted cells are not expected here). */
function readExport() {
  assert.ok(existsSync(exported), `${exported} was written`);
  const bytes = readFileSync(exported);
  const text = bytes.toString('utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
  return { bytes, text, lines, rows: lines.slice(1).map((line) => line.split(';')) };
}

/** Exports the measurements again (the previous file removed first) and reads them once written whole. */
async function exportMeasurements(browser, ui) {
  rmSync(exported, { force: true });
  await ui.click('csv-export-measurements');
  await browser.waitUntil(() => existsSync(exported) && readFileSync(exported, 'utf8').endsWith('\r\n'), {
    timeoutMsg: `${exported} should be written`,
  });
  await ui.shown('csv-exported');
  return readExport();
}

describe('échange CSV des mesures', () => {
  const app = appSession();
  let first;

  step(app, 'ouvre l’évaluation de l’exemple et son échange CSV', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-evaluation');
    await ui.shown('evaluation-tabs');
    // The exchange sits in one of the view's tabs: open them in turn until it shows.
    const tabs = await app.browser.$$('[data-testid^="evaluation-tab-"]');
    for (const tab of tabs) {
      if (await ui.isShown('csv-exchange')) break;
      await tab.click();
    }
    await ui.shown('csv-exchange');
  });

  step(app, 'exporte les mesures pour un tableur français', async () => {
    const ui = page(app.browser);
    first = await exportMeasurements(app.browser, ui);
    assert.deepEqual([...first.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    assert.equal(first.lines[0], HEADER);
    assert.ok(first.rows.length >= 12, `a year of measurements at least (${first.rows.length})`);
    for (const cells of first.rows) assert.equal(cells.length, 9, cells.join(';'));
    for (const [, , , date] of first.rows) assert.match(date, /^\d{2}\/\d{2}\/\d{4}$/);
    assert.ok(
      first.rows.some(([, , , , value]) => /^-?\d+,\d+$/.test(value)),
      'a figure with a decimal comma',
    );
    assert.ok(first.rows.every(([, , , , value]) => !value.includes('.')), 'no decimal point');
    assert.match(plain(await ui.text('csv-exported')), /^Mesures enregistrées : .*\.csv$/);
  });

  step(app, 'exporte le tableau des indicateurs avec leur statut', async () => {
    const ui = page(app.browser);
    const path = join(workspace.saveDir, 'indicateurs-service-partagé-du-val-de-brenne.csv');
    await ui.click('csv-export-indicators');
    await app.browser.waitUntil(() => existsSync(path) && readFileSync(path, 'utf8').endsWith('\r\n'), {
      timeoutMsg: `${path} should be written`,
    });
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
    assert.ok(lines[0].startsWith('Indicateur;Identifiant de l’indicateur;Objectif;Niveau;Unité;Sens;Agrégation;'));
    assert.ok(lines[0].endsWith(';Statut;Fréquence de collecte;Responsable;Source des données;Référence de la source;Méthode d’analyse'));
    const indicators = new Set(first.rows.map(([, id]) => id));
    assert.ok(lines.length - 1 >= indicators.size, 'every measured indicator has its line');
    for (const line of lines.slice(1)) {
      assert.match(line, /;(En bonne voie|À surveiller|En retard|Pas encore mesuré);/, line);
      assert.match(line, /;\d{2}\/\d{2}\/\d{4};/, line);
    }
    assert.match(plain(await ui.text('csv-exported')), /^Indicateurs enregistrés : .*\.csv$/);
  });

  /** Two new lines for an indicator that is not a rate, on days the demo has no measurement of it. */
  function newLines() {
    const [name, id, unit] = first.rows.find(([, , , , , numerator]) => numerator === '');
    const taken = new Set(first.rows.filter((cells) => cells[1] === id).map((cells) => cells[3]));
    const days = ['17/06/2026', '17/07/2026', '19/06/2026', '19/07/2026'].filter((day) => !taken.has(day));
    return [
      `${name};${id};${unit};${days[0]};12,5;;;Saisie dans le tableur;Feuille de suivi`,
      `${name};;${unit};${days[1]};13;;;;`,
    ];
  }

  step(app, 'un fichier avec une ligne fausse montre l’erreur et n’importe rien', async () => {
    const ui = page(app.browser);
    const [good, second] = newLines();
    const bad = second.replace(/;\d{2}\/\d{2}\/2026;/, ';31/02/2026;');
    writeFileSync(chosen, `\uFEFF${HEADER}\r\n${good}\r\n${bad}\r\n`);
    await ui.click('csv-import-choose');
    await ui.shown('csv-errors');
    const errors = await app.browser.$$(tid('csv-error'));
    assert.equal(errors.length, 1);
    assert.equal(plain(await errors[0].getText()), 'Ligne 3, colonne « Date » : « 31/02/2026 » : ce jour n’existe pas.');
    assert.equal(plain(await ui.text('csv-nothing-imported')), 'Aucune mesure n’a été importée.');
    assert.equal(await ui.isShown('csv-import-confirm'), false, 'no import offered');
    assert.equal(await ui.count('csv-preview-row'), 2);
    await (await ui.shown('csv-preview')).scrollIntoView({ block: 'center' });
    await screenshot(app.browser, 'evaluation-csv-errors');
    const again = await exportMeasurements(app.browser, ui);
    assert.equal(again.rows.length, first.rows.length, 'nothing was imported');
  });

  step(app, 'le fichier corrigé importe ses deux mesures', async () => {
    const ui = page(app.browser);
    const [good, second] = newLines();
    writeFileSync(chosen, `\uFEFF${HEADER}\r\n${good}\r\n${second}\r\n`);
    await ui.click('csv-import-choose');
    const confirm = await ui.shown('csv-import-confirm');
    assert.equal(plain(await confirm.getText()), 'Importer 2 mesures');
    assert.equal(await ui.isShown('csv-errors'), false);
    await ui.click('csv-import-confirm');
    await ui.click('csv-import-go');
    await ui.shown('csv-imported');
    assert.equal(plain(await ui.text('csv-imported')), '2 mesures importées.');
    const after = await exportMeasurements(app.browser, ui);
    assert.equal(after.rows.length, first.rows.length + 2);
    assert.ok(after.text.includes(';12,5;;;Saisie dans le tableur;Feuille de suivi'), 'the imported figure, as written');
  });

  step(app, 'le même fichier choisi à nouveau n’a rien de nouveau à importer', async () => {
    const ui = page(app.browser);
    await ui.click('csv-import-choose');
    assert.equal(
      plain(await ui.text('csv-nothing-new')),
      'Aucune nouvelle mesure : toutes celles de ce fichier sont déjà enregistrées.',
    );
    assert.equal(await ui.isShown('csv-errors'), false);
    assert.equal(await ui.isShown('csv-import-confirm'), false);
  });
});
