// The clause editor for people (issue 8, item 3), on the example alliance's charter: the clause's data shows as
// labelled chips and no template code is on the page; text typed, a chip moved and another deleted are saved,
// then « Texte modifié », « Rétablir le texte du modèle » and the preview follow; a text that cannot be rendered
// (typed braces) is refused at the clause with its reason, and nothing is saved.
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

const workspace = makeWorkspace();
useDriver(workspace);

/** The chips' texts in the open editor, in order. */
async function chips(browser) {
  return browser.execute(
    (selector) => [...document.querySelectorAll(`${selector} .chip`)].map((chip) => chip.textContent),
    tid('clause-text'),
  );
}

/** The open editor's chip that reads `text`. */
async function chipNamed(browser, text) {
  for (const chip of await browser.$$(`${tid('clause-text')} .chip`)) {
    if ((await chip.getText()) === text) return chip;
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
    await ui.click('load-demo');
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
      shown.some((chip) => chip.startsWith('[Si [Territoire] est renseigné')),
      `a condition reads in words: ${shown.join(' | ')}`,
    );
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
    assert.ok(moved.includes("l'alliance [Nom de l’alliance] « »"), moved);
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
    assert.ok(!text.includes('[Si [Territoire]'), 'the deleted condition stays deleted');
  });

  step(app, 'des accolades tapées dans le texte sont refusées à la clause, rien n’est enregistré', async () => {
    const ui = page(app.browser);
    await app.browser.keys(['Control', 'End']);
    await app.browser.keys(['Control']);
    await app.browser.$(tid('clause-text')).addValue(` ${BROKEN} {{ alliance.name`);
    await ui.click('clause-save');
    await ui.shown('clause-error');
    const message = await ui.text('clause-error');
    assert.match(message, /Le texte modifié de la clause «\sPréambule\s» contient une erreur/);
    assert.match(message, /accolades/);
    assert.doesNotMatch(message, /\{\{|\{%/);
    // The error sits right under the editor, inside the clause's form.
    const form = app.browser.$(tid('clause-error')).$('./ancestor::form');
    assert.ok(await form.$(tid('clause-text')).isExisting(), 'the message is in the clause form');
    assert.equal(await app.browser.$(tid('clause-text')).getAttribute('aria-invalid'), 'true');
    // Nothing saved: the preview keeps the last saved text.
    assert.ok(!(await ui.text('document-preview')).includes(BROKEN));
    await app.browser.$('button=Annuler').click();
    await ui.waitForGone('clause-text');
    await ui.click('clause-edit-preambule');
    const text = await editorText(app.browser);
    assert.ok(text.includes(ADDED) && !text.includes(BROKEN), text);
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

  step(app, 'rétablit le texte du modèle', async () => {
    const ui = page(app.browser);
    await ui.click('clause-reset-preambule');
    await ui.waitForGone('clause-reset-preambule');
    await app.browser.waitUntil(async () => !(await ui.text('document-preview')).includes(REPLACED), {
      timeoutMsg: 'the preview should show the model text again',
    });
  });
});
