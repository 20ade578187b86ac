// « A signed version never changes » (issue 9): a convention with an annex PDF moved to « En relecture » says
// above its preview that its export reproduces the frozen document; its PDF (with the annex's pages) and its DOCX
// come back byte for byte on every export; a change to the annex's file makes version 2, a draft, without the note,
// whose export carries the new file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { appSession, makeWorkspace, screenshot, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'loutre patiente au bord du canal de Nantes';
const TITLE = 'Convention figée';
const ANNEX_FILE = 'statuts-figes.pdf';

/** A real one-page PDF saying `label`, written by hand with its cross-reference table. */
function handMadePdf(label) {
  const content = `BT /F1 24 Tf 72 700 Td (${label}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
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
writeFileSync(annexPath, handMadePdf('Statuts de 2024'));
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = annexPath;

useDriver(workspace);

function text(pdf) {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('une version figée s’exporte telle qu’elle a été figée', () => {
  const app = appSession();

  /** Exports the open document in `format` ('pdf' or 'docx') and returns the file's bytes. */
  async function exportBytes(format, version) {
    const ui = page(app.browser);
    const file = join(workspace.saveDir, `convention-figée-v${version}.${format}`);
    if (existsSync(file)) rmSync(file);
    // The bar takes one action at a time: wait for the previous export to be over.
    const button = await ui.shown(`document-export-${format}`);
    await app.browser.waitUntil(async () => (await button.getAttribute('aria-disabled')) !== 'true', {
      timeoutMsg: 'the export buttons should be available again',
    });
    await ui.click(`document-export-${format}`);
    await ui.shown('document-exported');
    await app.browser.waitUntil(() => existsSync(file) && statSync(file).size > 0, { timeoutMsg: `${file} was not written` });
    const bytes = readFileSync(file);
    return { file, bytes };
  }

  step(app, 'une convention de l’exemple avec l’annexe « Statuts » et son PDF', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', TITLE);
    await ui.click('document-create');
    await ui.shown('document-preview');
    const input = await ui.shown('annex-new-title');
    await input.scrollIntoView({ block: 'center' });
    await ui.fill('annex-new-title', 'Statuts');
    await ui.click('annex-add');
    await app.browser.waitUntil(async () => (await ui.value('annex-title')) === 'Statuts', {
      timeoutMsg: 'the annex « Statuts » should be listed',
    });
    await ui.click('annex-attach');
    await app.browser.waitUntil(async () => (await ui.text('annex-file')).includes(ANNEX_FILE), {
      timeoutMsg: 'the attached file should be shown with its name',
    });
    // A draft: no note.
    assert.equal(await (await app.browser.$('[data-testid="frozen-print-note"]')).isExisting(), false);
  });

  let pdf;
  let docx;
  step(app, '« En relecture » : la note le dit, et chaque export redonne les mêmes octets', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'), {
      timeoutMsg: 'the status should read « En relecture »',
    });
    const note = await ui.shown('frozen-print-note');
    await app.browser.waitUntil(async () => /l’export reproduit à l’identique le document figé \(empreinte/.test(await note.getText()), {
      timeoutMsg: 'the note should say the export reproduces the frozen document',
    });
    const noteText = (await note.getText()).replace(/\s+/g, ' ');
    assert.match(noteText, /^Version figée le \d{1,2}(er)? \S+ \d{4} : l’export reproduit à l’identique le document figé \(empreinte SHA-256 : [0-9a-f]{4}…[0-9a-f]{4}\)\.$/);
    await note.scrollIntoView({ block: 'center' });
    await screenshot(app.browser, 'frozen-print-note');
    pdf = await exportBytes('pdf', 1);
    // The short fingerprint shown is the exported PDF's (first and last four hex digits of its SHA-256).
    const sha = createHash('sha256').update(pdf.bytes).digest('hex');
    assert.ok(noteText.includes(`${sha.slice(0, 4)}…${sha.slice(-4)}`), `${noteText} vs ${sha}`);
    assert.ok(text(pdf.file).includes('Statuts de 2024'), 'the frozen PDF carries the annex file');
    docx = await exportBytes('docx', 1);
    assert.ok(docx.bytes.subarray(0, 2).toString('latin1') === 'PK', 'a DOCX is a zip');
    const again = await exportBytes('pdf', 1);
    assert.ok(again.bytes.equals(pdf.bytes), 'the PDF comes back byte for byte');
    const docxAgain = await exportBytes('docx', 1);
    assert.ok(docxAgain.bytes.equals(docx.bytes), 'the DOCX comes back byte for byte');
  });

  step(app, 'un autre PDF pour l’annexe fait une version 2, en brouillon, qui le porte', async () => {
    const ui = page(app.browser);
    // The file is replaced by removing it (which starts version 2), then attaching the new one.
    const detach = await ui.shown('annex-detach');
    await detach.scrollIntoView({ block: 'center' });
    await detach.click();
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Version 2 — Brouillon'), {
      timeoutMsg: 'a change to a frozen version should start version 2',
    });
    await ui.waitForGone('frozen-print-note');
    writeFileSync(annexPath, handMadePdf('Statuts de 2026'));
    await ui.click('annex-attach');
    await app.browser.waitUntil(async () => (await ui.text('annex-file')).includes(ANNEX_FILE), {
      timeoutMsg: 'the new file should be attached',
    });
    const v2 = await exportBytes('pdf', 2);
    assert.ok(text(v2.file).includes('Statuts de 2026'), 'version 2 carries the new file');
    assert.ok(!v2.bytes.equals(pdf.bytes));
  });

  step(app, '« Revenir au brouillon » demande d’abord : les copies de la version 2 ne correspondraient plus', async () => {
    const ui = page(app.browser);
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Version 2 — En relecture'), {
      timeoutMsg: 'version 2 should be in review',
    });
    await ui.click('document-status-back');
    const dialog = await app.browser.$('[role="alertdialog"]');
    await dialog.waitForDisplayed({ timeoutMsg: 'going back to draft should ask first' });
    assert.match(
      (await dialog.getText()).replace(/\s+/g, ' '),
      /les copies de la « version 2 » déjà exportées ou imprimées ne correspondront plus au document dès qu’il changera\./,
    );
    await (await dialog.$('button=Annuler')).click();
    await dialog.waitForDisplayed({ reverse: true, timeoutMsg: '« Annuler » should close the dialog' });
    assert.ok((await ui.text('document-status')).includes('Version 2 — En relecture'), 'cancelled: still in review');
    await ui.click('document-status-back');
    await ui.click('confirm-return-to-draft');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('Version 2 — Brouillon'), {
      timeoutMsg: 'confirmed: version 2 should be a draft again',
    });
    await ui.waitForGone('frozen-print-note');
  });
});
