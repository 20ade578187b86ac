// Annexes a person adds to a convention (issue 9, item 3): « Statuts » with a PDF picked in the open dialog
// (ALLIA_E2E_OPEN_FILE), the exported PDF read back with poppler (the document's pages, then the annex's, the
// page numbers continuing), and « Paraphes » ticked and still ticked once the document is opened again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'castor studieux sur les bords de la Loire';
const TITLE = 'Convention avec annexes';
const PDF_FILE = 'convention-avec-annexes-v1.pdf';
const ANNEX_FILE = 'statuts-e2e.pdf';

/**
 * A real PDF of `pages` A4 pages, each saying « <label> page N », written by hand with its cross-reference table
 * (what a person's statuts would be, scanned or exported).
 */
function handMadePdf(label, pages) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (let n = 1; n <= pages; n += 1) {
    const page = 4 + 2 * (n - 1);
    const content = `BT /F1 24 Tf 72 700 Td (${label} page ${n}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const workspace = makeWorkspace();
const annexPath = join(workspace.root, ANNEX_FILE);
writeFileSync(annexPath, handMadePdf('Statuts signes', 2));
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = annexPath;

useDriver(workspace);

const pdfPath = join(workspace.saveDir, PDF_FILE);

function pageCount(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  assert.ok(match, `pdfinfo gives a page count: ${info}`);
  return Number(match[1]);
}

function pageText(pdf, n) {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function exportPdf(app) {
  const ui = page(app.browser);
  if (existsSync(pdfPath)) rmSync(pdfPath);
  await ui.click('document-export-pdf');
  await ui.shown('document-exported');
  await app.browser.waitUntil(() => existsSync(pdfPath) && statSync(pdfPath).size > 0, { timeoutMsg: `${pdfPath} was not written` });
}

describe('annexes ajoutées à une convention', () => {
  const app = appSession();
  /** The document's own pages, before any annex. */
  let own = 0;
  /** The document's pages with the annex listed (its PDF appended after them). */
  let documentPages = 0;

  step(app, "crée le coffre, charge l'exemple et une convention", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.shown('document-preview');
    await exportPdf(app);
    own = pageCount(pdfPath);
    assert.ok(own >= 2, `the convention has pages (${own})`);
  });

  step(app, 'ajoute l’annexe « Statuts » et lui joint un PDF de deux pages', async () => {
    const ui = page(app.browser);
    const input = await ui.shown('annex-new-title');
    await input.scrollIntoView({ block: 'center' });
    await ui.fill('annex-new-title', 'Statuts');
    await ui.click('annex-add');
    await app.browser.waitUntil(async () => (await ui.value('annex-title')) === 'Statuts', {
      timeoutMsg: 'the annex « Statuts » should be listed',
    });
    // A file that is not a PDF is refused at the annex, in French, and nothing is attached.
    writeFileSync(annexPath, 'Ceci n’est pas un PDF.');
    await ui.click('annex-attach');
    const refusal = await ui.shown('error-annex-file');
    assert.equal((await refusal.getText()).replace(/\s+/g, ' '), 'Ce fichier n’est pas un PDF : choisissez un fichier PDF (.pdf).');
    assert.match(await ui.text('annex-file'), /Aucun PDF joint/);
    // The real one. (The annex was saved with the settings before the first try.)
    writeFileSync(annexPath, handMadePdf('Statuts signes', 2));
    await ui.click('annex-attach');
    await ui.waitForGone('error-annex-file');
    await app.browser.waitUntil(async () => (await ui.text('annex-file')).includes(ANNEX_FILE), {
      timeoutMsg: 'the attached file should be shown with its name',
    });
    assert.match(await ui.text('annex-file'), /statuts-e2e\.pdf — 2\s+pages/);
    await ui.shown('annex-detach');
    await screenshot(app.browser, 'annexes-statuts');
  });

  step(app, 'exporte le PDF : les pages de l’annexe suivent, numérotées à la suite', async () => {
    await exportPdf(app);
    const total = pageCount(pdfPath);
    // The document may have grown by the annex's own heading page (« Annexe N — Statuts »): what it prints is
    // the document's; the last two pages are the attached PDF's.
    assert.ok(total >= own + 2, `the document (${own} pages at least), then the annex's two (${total} in all)`);
    const mine = total - 2;
    documentPages = mine;
    assert.ok(pageText(pdfPath, 1).includes(`Page 1 / ${total}`), 'the document counts the annex pages');
    const last = pageText(pdfPath, mine);
    assert.ok(last.includes(`Page ${mine} / ${total}`) && !last.includes('Statuts signes'), `the document's last page: ${last}`);
    const first = pageText(pdfPath, mine + 1);
    assert.ok(first.includes('Statuts signes page 1'), `the annex itself: ${first}`);
    assert.ok(first.includes(`Statuts — Page ${mine + 1} / ${total}`), `the annex's footer: ${first}`);
    const second = pageText(pdfPath, total);
    assert.ok(second.includes('Statuts signes page 2') && second.includes(`Statuts — Page ${total} / ${total}`), second);
  });

  step(app, 'coche « Paraphes » et l’enregistre', async () => {
    const ui = page(app.browser);
    const box = await ui.shown('document-settings-initials');
    await box.scrollIntoView({ block: 'center' });
    await ui.check('document-settings-initials');
    await ui.click('document-settings-save');
    await ui.shown('document-settings-saved');
    // Opened again from the list: still ticked, and the annex still has its PDF.
    await ui.click('nav-area-alliance');
    await ui.click('nav-area-documents');
    await ui.clickText('document-item', TITLE);
    const again = await ui.shown('document-settings-initials');
    await app.browser.waitUntil(async () => again.isSelected(), { timeoutMsg: '« Paraphes » should stay ticked' });
    await app.browser.waitUntil(async () => (await ui.text('annex-file')).includes(ANNEX_FILE), {
      timeoutMsg: 'the annex should still have its PDF',
    });
  });

  step(app, 'retire le PDF de l’annexe', async () => {
    const ui = page(app.browser);
    await ui.click('annex-detach');
    await app.browser.waitUntil(async () => (await ui.text('annex-file')).includes('Aucun PDF joint'), {
      timeoutMsg: 'the annex should have no PDF any more',
    });
    await exportPdf(app);
    assert.equal(pageCount(pdfPath), documentPages, 'without its PDF, the document alone');
  });
});
