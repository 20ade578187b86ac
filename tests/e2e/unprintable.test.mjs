// A character no font of the PDF can draw, in the real app (issue 10, item 2: never a silent « ? »): a partner's
// representative named with an Egyptian hieroglyph (U+13000) gives an « À vérifier » item in the convention's builder,
// naming the partner’s field and the character, with a link to that field (ten such characters in another
// partner’s field give one item, eight named then « et 2 autres »); the step to « Prêt à signer » asks for a
// confirmation that lists it.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'héron songeur sur les bords de la Brenne';
const PARTNER = 'Sport et Insertion Brenne';
const HIEROGLYPH = '\u{13000}';
const REPRESENTATIVE = `Nadia Roux ${HIEROGLYPH}`;
/** Spaces of any kind as one plain space. */
const plain = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** What the item says, spaces aside. */
const ITEM = new RegExp(
  `^Partenaire \\d+ \\(${PARTNER}\\), nom du représentant : le caractère « ${HIEROGLYPH} » \\(U\\+13000\\) ne peut pas être imprimé dans le PDF`,
  'u',
);

/** A second partner whose representative has ten characters no font has: one item for the field, not ten. */
const OTHER = 'Les Jardins partagés de Brenne';
const TEN = Array.from({ length: 10 }, (_, i) => String.fromCodePoint(0x13000 + i)).join('');
const GROUPED = new RegExp(
  `^Partenaire \\d+ \\(${OTHER}\\), nom du représentant : 10 caractères ne peuvent pas être imprimés dans le PDF \\(« \u{13000} » U\\+13000, .* et 2 autres\\) : ils seraient remplacés par des carrés`,
  'u',
);

/** Types `text` into the representative field of the open partner panel, then saves and checks it. */
async function setRepresentative(app, partner, text) {
  const ui = page(app.browser);
  await ui.openRow('partner-row', partner);
  await ui.shown('partner-representativeName');
  // Typed through the input event: WebKitWebDriver's keys do not reliably send characters outside the BMP.
  await app.browser.execute(
    (selector, value) => {
      const input = document.querySelector(selector);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    tid('partner-representativeName'),
    text,
  );
  assert.equal(await ui.value('partner-representativeName'), text);
  await ui.click('partner-save');
  await ui.openRow('partner-row', partner);
  await app.browser.waitUntil(async () => (await ui.value('partner-representativeName')) === text, {
    timeoutMsg: 'the representative should be saved as typed',
  });
  await app.browser.keys('Escape');
}

const workspace = makeWorkspace();
useDriver(workspace);

/** The « À vérifier » items of the builder, unfolded first when the list starts folded. */
async function toCheckItems(browser) {
  const fold = await browser.$(tid('to-check-toggle'));
  if ((await fold.isExisting()) && (await fold.getAttribute('aria-expanded')) === 'false') {
    await fold.scrollIntoView({ block: 'center' });
    await fold.click();
  }
  const texts = [];
  for (const item of await browser.$$(tid('to-check-item'))) texts.push(plain(await item.getText()));
  return texts;
}

describe('caractères que le PDF ne peut pas imprimer', () => {
  const app = appSession();

  step(app, "l'exemple du guide, un représentant au nom hors des polices", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);
    await setRepresentative(app, PARTNER, REPRESENTATIVE);
    await setRepresentative(app, OTHER, TEN);
  });

  step(app, 'la convention : « À vérifier » nomme le champ et le caractère', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.shown('documents-empty');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention du service partagé');
    await ui.click('document-create');
    await ui.shown('document-preview');
    let items = [];
    await app.browser.waitUntil(async () => (items = await toCheckItems(app.browser)).some((t) => ITEM.test(t)), {
      timeoutMsg: 'an « À vérifier » item should name the representative and U+13000',
    });
    const item = items.find((t) => ITEM.test(t));
    assert.match(item, /Remplacez-le ou transcrivez-le\. \(Partenaires\)$/);
    // Ten characters of one field: one item, eight named then a count.
    const other = items.filter((t) => t.includes(`(${OTHER}), nom du représentant`));
    assert.equal(other.length, 1, other.join(' | '));
    assert.match(other[0], GROUPED);
    // Its link opens the partner's panel at the field.
    let link;
    for (const candidate of await app.browser.$$(tid('to-check-link'))) {
      if (ITEM.test(plain(await candidate.getText()))) link = candidate;
    }
    assert.ok(link, 'the item is a link');
    assert.equal(await link.getAttribute('data-target-area'), 'partenaires');
  });

  step(app, '« Marquer prêt à signer » demande confirmation en citant le caractère', async () => {
    const ui = page(app.browser);
    assert.equal(await ui.text('document-status-next'), 'Passer en relecture');
    await ui.click('document-status-next');
    await app.browser.waitUntil(async () => (await ui.text('document-status')).includes('En relecture'), {
      timeoutMsg: 'the document should be in review',
    });
    await ui.click('document-status-next');
    await ui.shown('confirm-ready');
    const left = [];
    for (const entry of await app.browser.$$(`${tid('ready-left')} li`)) left.push(plain(await entry.getText()));
    assert.ok(
      left.some((t) => ITEM.test(t)),
      `the confirmation should list the character: ${left.join(' | ')}`,
    );
    // Back to the document: nothing changed.
    await ui.click('confirm-cancel');
    await ui.waitForGone('confirm-ready');
    assert.match(await ui.text('document-status'), /En relecture/);
  });

  step(app, 'le lien mène au champ du représentant', async () => {
    const ui = page(app.browser);
    let link;
    await app.browser.waitUntil(
      async () => {
        await toCheckItems(app.browser);
        for (const candidate of await app.browser.$$(tid('to-check-link'))) {
          if (ITEM.test(plain(await candidate.getText()))) link = candidate;
        }
        return link !== undefined;
      },
      { timeoutMsg: 'the item should still be listed in review' },
    );
    await link.scrollIntoView({ block: 'center' });
    await link.click();
    await app.browser.waitUntil(
      async () =>
        app.browser.execute(() => document.activeElement?.getAttribute('data-testid') === 'partner-representativeName'),
      { timeoutMsg: 'the partner panel should open with the focus on « Nom du représentant »' },
    );
    assert.equal(await ui.value('partner-representativeName'), REPRESENTATIVE);
  });
});
