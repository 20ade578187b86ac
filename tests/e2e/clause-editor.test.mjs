// The clause editor for people (issue 8, item 3), on the example alliance's charter: the clause's data shows as
// labelled chips and no template code is on the page; text typed, a chip moved and another deleted are saved,
// then « Texte modifié », « Rétablir le texte du modèle » and the preview follow; template code typed is text and
// prints as typed; an empty mandatory clause is refused at the clause with its reason, and nothing is saved; bold and
// list items show as formatting; the text shows with French typography; « Annuler », another clause's « Modifier le
// texte » and « Rétablir » ask before throwing a text away; the « Insérer une donnée » list fits its card.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { ARTIFACTS, appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'hérisson turquoise au marché de Nantes';
const ADDED = 'Phrase ajoutée pendant l’essai.';
const BROKEN = 'Texte cassé';
const REPLACED = 'Un préambule réécrit en entier, sans aucune donnée.';
/** Template code, markup and an HTML entity typed as text: printed exactly as typed. */
const CODE = 'Code {{ 7 * 6 }}, {% for %} et {# note #}, **seul, Dupont &amp; fils.';

const workspace = makeWorkspace();
useDriver(workspace);

/** The chips' texts in the open editor, in order. */
async function chips(browser) {
  return browser.execute(
    // Short labels are written with no-break spaces (never cut): read with plain spaces.
    (selector) => [...document.querySelectorAll(`${selector} .chip`)].map((chip) => chip.textContent.replace(/\u00a0/g, ' ')),
    tid('clause-text'),
  );
}

/** The open editor's chip that reads `text`. */
async function chipNamed(browser, text) {
  for (const chip of await browser.$$(`${tid('clause-text')} .chip`)) {
    if ((await chip.getText()).replace(/\u00a0/g, ' ') === text) return chip;
  }
  throw new Error(`no chip « ${text} » in the editor`);
}

/** The open editor's text as shown (chips included), one line per paragraph. */
async function editorText(browser) {
  return browser.execute(
    (selector) => [...document.querySelectorAll(`${selector} p`)].map((p) => p.textContent).join('\n'),
    tid('clause-text'),
  );
}

/** The template code a page must never show: `{{`, `{%`, `{#`, or a context path such as `alliance.name`. */
const TEMPLATE_CODE = /\{\{|\{%|\{#|\b(alliance|party|lead|governance|review)\.[a-z_]+/;

describe('l’éditeur de clause sans code de modèle', () => {
  const app = appSession();

  step(app, 'crée le coffre, charge l’exemple et crée une charte', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-documents');
    // The guide closed leaves room for the clauses and the preview side by side.
    if ((await ui.text('guide-toggle')).includes('Masquer')) await ui.click('guide-toggle');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Charte partenariale');
    await ui.click('document-create');
    await ui.waitForCount('document-item', 1);
    await ui.shown('document-preview');
    await ui.shown('clause-edit-preambule');
  });

  step(app, 'ouvre le préambule : des étiquettes, aucun code de modèle', async () => {
    const ui = page(app.browser);
    await ui.click('clause-edit-preambule');
    await ui.shown('clause-text');
    const shown = await chips(app.browser);
    assert.ok(shown.includes('[Nom de l’alliance]'), `chips: ${shown.join(' | ')}`);
    assert.ok(
      shown.some((chip) => chip.startsWith('[Si « Territoire » renseigné : “sur leur territoire')),
      `a condition reads in words: ${shown.join(' | ')}`,
    );
    // Short labels, never a bracket inside a chip.
    for (const chip of shown) assert.match(chip, /^\[[^[\]]+\]$/, `no nested brackets: ${chip}`);
    // No chip is cut in the middle of its label: a short one is on one line, a long one is one box.
    const cut = await app.browser.execute(
      (selector) =>
        [...document.querySelectorAll(`${selector} .chip`)]
          .filter((chip) => !chip.classList.contains('chip-long') && chip.getClientRects().length > 1)
          .map((chip) => chip.textContent),
      tid('clause-text'),
    );
    assert.deepEqual(cut, [], 'chips cut across lines');
    // French typography, as printed: ’ and a no-break space before « : ».
    const text = await editorText(app.browser);
    assert.ok(text.includes('l’alliance') && !text.includes("l'alliance"), text);
    assert.ok(text.includes('Leur projet commun') || text.includes('ensemble'), text);
    const body = await app.browser.$('body').getText();
    assert.doesNotMatch(body, TEMPLATE_CODE, 'no template code anywhere on the page');
    // The editor is named by its label for screen readers.
    assert.equal(await app.browser.$(tid('clause-text')).getAttribute('role'), 'textbox');
    mkdirSync(ARTIFACTS, { recursive: true });
    // The picture of the editor (docs/screenshots/clause-editor.png): the guide open, the clauses take the
    // whole column (the preview behind « Aperçu »), the editor in the middle of the window.
    await ui.click('guide-toggle');
    await app.browser.$(tid('clause-text')).scrollIntoView({ block: 'center' });
    await app.browser.pause(400);
    await app.browser.saveScreenshot(join(ARTIFACTS, 'clause-editor.png'));
    await ui.click('guide-toggle');
    await ui.shown('document-preview');
  });

  step(app, 'enregistrer le texte du modèle sans changement ne le marque pas « modifié »', async () => {
    const ui = page(app.browser);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    assert.equal(await ui.isShown('clause-reset-preambule'), false, 'no « Rétablir » for the model text');
    const row = app.browser.$(tid('clause-edit-preambule')).$('./ancestor::li[@data-testid="clause-row"]');
    assert.doesNotMatch(await row.getText(), /Texte modifié/);
    await ui.click('clause-edit-preambule');
    await ui.shown('clause-text');
  });

  step(app, 'tape du texte, déplace une étiquette et en supprime une autre, puis enregistre', async () => {
    const ui = page(app.browser);
    const before = await editorText(app.browser);
    const count = (await chips(app.browser)).length;
    // Select the alliance's name chip by clicking it, and move it one word to the left with Alt + ←.
    const nameChip = await chipNamed(app.browser, '[Nom de l’alliance]');
    await nameChip.click();
    await app.browser.keys(['Alt', 'ArrowLeft']);
    await app.browser.keys(['Alt']);
    const moved = await editorText(app.browser);
    assert.notEqual(moved, before, 'the chip moved');
    assert.equal((await chips(app.browser)).length, count, 'a moved chip is still whole');
    // The chip and the word before it (« « ») traded places; the spaces stayed.
    assert.ok(moved.replace(/\u00a0/g, ' ').includes('l’alliance [Nom de l’alliance] « »'), moved);
    // Select the territory condition and delete it with Backspace: it goes whole.
    const condition = await app.browser.$(`${tid('clause-text')} .chip-condition`);
    await condition.click();
    await app.browser.keys(['Backspace']);
    assert.equal((await chips(app.browser)).length, count - 1, 'the condition chip went whole');
    // Type a sentence at the end of the text.
    await app.browser.keys(['Control', 'End']);
    await app.browser.keys(['Control']);
    await app.browser.keys('Enter');
    await app.browser.keys('Enter');
    // Element « send keys » types doubled letters too (browser.keys drops the second one in WebKit).
    await app.browser.$(tid('clause-text')).addValue(ADDED);
    const typed = await editorText(app.browser);
    assert.ok(typed.includes(ADDED), typed);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes(ADDED), {
      timeoutMsg: 'the preview should show the saved clause',
    });
    const row = app.browser.$(tid('clause-edit-preambule')).$('./ancestor::li[@data-testid="clause-row"]');
    assert.match(await row.getText(), /Texte modifié/);
    await ui.shown('clause-reset-preambule');
    assert.doesNotMatch(await app.browser.$('body').getText(), TEMPLATE_CODE);
  });

  step(app, 'rouvre la clause : le texte enregistré est là', async () => {
    const ui = page(app.browser);
    await ui.click('clause-edit-preambule');
    await ui.shown('clause-text');
    const text = await editorText(app.browser);
    assert.ok(text.includes(ADDED), text);
    assert.ok(!text.includes('Territoire'), 'the deleted condition stays deleted');
  });

  step(app, 'du code de modèle tapé reste du texte et s’imprime tel quel', async () => {
    const ui = page(app.browser);
    await app.browser.keys(['Control', 'End']);
    await app.browser.keys(['Control']);
    await app.browser.keys('Enter');
    await app.browser.keys('Enter');
    await app.browser.$(tid('clause-text')).addValue(CODE);
    assert.equal((await chips(app.browser)).filter((c) => c.includes('Note') || c.includes('calculée')).length, 0);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    // Printed as typed: no 42, no loop, no note, no capitals, « ** » and « &amp; » as written.
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes('Code {{ 7 * 6 }}'), {
      timeoutMsg: 'the preview should print the typed code as text',
    });
    const preview = (await ui.text('document-preview')).replace(/[\u00a0\u202f]/g, ' ');
    assert.ok(preview.includes('{% for %} et {# note #}, **seul, Dupont &amp; fils.'), preview);
    assert.ok(!preview.includes('&amp ;'), 'no space inside an HTML entity');
    // Reopened, it is the same text, with no chip for it.
    await ui.click('clause-edit-preambule');
    await ui.shown('clause-text');
    const text = (await editorText(app.browser)).replace(/\u00a0/g, ' ');
    assert.ok(text.includes('Code {{ 7 * 6 }}, {% for %} et {# note #}, **seul, Dupont &amp; fils.'), text);
    for (const chip of await chips(app.browser)) assert.doesNotMatch(chip, /Note du modèle|Donnée calculée/);
  });

  step(app, '« Annuler » avec des modifications demande d’abord ; un préambule vidé est refusé à la clause', async () => {
    const ui = page(app.browser);
    await ui.click('clause-text');
    await app.browser.keys(['Control', 'a']);
    await app.browser.keys('Backspace');
    // « Annuler » asks first; « Continuer la saisie » keeps the (empty) text open.
    await ui.click('clause-cancel');
    await ui.shown('confirm-discard');
    await app.browser.$('button=Continuer la saisie').click();
    await ui.waitForGone('confirm-discard');
    await ui.shown('clause-text');
    // Saved empty, a mandatory clause is refused at the clause, and nothing is saved.
    await ui.click('clause-save');
    await ui.shown('clause-error');
    const message = await ui.text('clause-error');
    assert.equal(
      message.replace(/\u00a0/g, ' '),
      'Cette clause est obligatoire : écrivez son texte, ou rétablissez le texte du modèle.',
    );
    const form = app.browser.$(tid('clause-error')).$('./ancestor::form');
    assert.ok(await form.$(tid('clause-text')).isExisting(), 'the message is in the clause form');
    assert.equal(await app.browser.$(tid('clause-text')).getAttribute('aria-invalid'), 'true');
    assert.ok((await ui.text('document-preview')).includes('Code {{ 7 * 6 }}'), 'the saved text is still printed');
    // Another clause's « Modifier le texte » asks too; confirmed, that clause opens and the empty text is gone.
    await ui.click('clause-edit-portee');
    await ui.shown('confirm-discard');
    await ui.click('confirm-discard');
    await ui.waitForGone('confirm-discard');
    await app.browser.waitUntil(async () => (await app.browser.$(tid('clause-text')).getAttribute('id')) === 'clause-text-portee');
    await ui.click('clause-cancel');
    await ui.waitForGone('clause-text');
    await ui.click('clause-edit-preambule');
    const text = await editorText(app.browser);
    assert.ok(text.includes(ADDED), text);
  });

  step(app, 'remplace tout le texte par un texte sans donnée', async () => {
    const ui = page(app.browser);
    await ui.click('clause-text');
    await app.browser.keys(['Control', 'a']);
    await app.browser.keys('Backspace');
    assert.equal((await chips(app.browser)).length, 0, 'select all then Backspace empties the editor');
    await app.browser.$(tid('clause-text')).addValue(REPLACED);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    await app.browser.waitUntil(async () => (await ui.text('document-preview')).includes(REPLACED), {
      timeoutMsg: 'the preview should show the replaced clause',
    });
  });

  step(app, 'rétablit le texte du modèle, après confirmation', async () => {
    const ui = page(app.browser);
    await ui.click('clause-reset-preambule');
    await ui.shown('confirm-reset');
    const dialog = await app.browser.$('[role="alertdialog"]').getText();
    assert.match(dialog.replace(/[\u00a0\u202f]/g, ' '), /Rétablir le texte du modèle \?[\s\S]*Votre texte de cette clause sera remplacé\./);
    await ui.click('confirm-reset');
    await ui.waitForGone('clause-reset-preambule');
    await app.browser.waitUntil(async () => !(await ui.text('document-preview')).includes(REPLACED), {
      timeoutMsg: 'the preview should show the model text again',
    });
  });
  step(app, 'le gras et les listes se voient comme une mise en forme, sans astérisques', async () => {
    const ui = page(app.browser);
    await ui.click('clause-edit-valeurs');
    await ui.shown('clause-text');
    const text = await editorText(app.browser);
    assert.ok(!text.includes('*') && !/^- /m.test(text), text);
    const shape = await app.browser.execute((selector) => {
      const area = document.querySelector(selector);
      return {
        bold: [...area.querySelectorAll('strong')].map((b) => b.textContent),
        bullets: area.querySelectorAll('.clause-bullet').length,
      };
    }, tid('clause-text'));
    assert.ok(shape.bold.includes('l’intérêt général'), shape.bold.join(' | '));
    assert.equal(shape.bullets, 6);
    await ui.click('clause-cancel');
    await ui.waitForGone('clause-text');
  });

  step(app, '« Insérer une donnée » tient dans sa carte, regroupée, sans barre de défilement horizontale', async () => {
    const ui = page(app.browser);
    await ui.click('clause-edit-signataires');
    await ui.shown('clause-text');
    const fit = await app.browser.execute((select, row) => {
      const list = document.querySelector(select);
      const card = list.closest(row);
      const column = card.closest('.edit-column');
      return {
        overflow: list.getBoundingClientRect().right - card.getBoundingClientRect().right,
        columnScroll: column.scrollWidth - column.clientWidth,
        groups: [...list.querySelectorAll('optgroup')].map((g) => g.label),
      };
    }, tid('clause-insert'), tid('clause-row'));
    assert.ok(fit.overflow <= 0, `the list passes its card by ${fit.overflow} px`);
    assert.ok(fit.columnScroll <= 0, `the clause column scrolls sideways by ${fit.columnScroll} px`);
    assert.deepEqual(fit.groups.slice(0, 2), ['L’alliance', 'Le chef de file']);
    await ui.click('clause-cancel');
    await ui.waitForGone('clause-text');
  });
});
