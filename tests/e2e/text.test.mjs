// Text normalised once and compared by one key, in the real app (issue 10, item 1): the partner list's search
// ignores case and accents (« MAISON DES SOLIDARITES », « evenementiel » for the tag « événementiel »), and a name
// typed with decomposed accents (what macOS pastes) is stored and listed composed, then found without its accents.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'pélican distrait sur le quai de Sèvres';
const COMPOSED = 'Atelier Hélène de Sèvres';
const DECOMPOSED = COMPOSED.normalize('NFD');

const workspace = makeWorkspace();
useDriver(workspace);

/** The texts of the partner rows shown. */
async function rows(browser) {
  const found = await browser.$$('[data-testid="partner-row"]');
  const texts = [];
  for (const row of found) texts.push((await row.getText()).trim());
  return texts;
}

describe('texte normalisé et recherche sans accents', () => {
  const app = appSession();

  step(app, 'la recherche des partenaires ignore la casse et les accents', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 5);

    await ui.fill('partner-search', 'MAISON DES SOLIDARITES');
    await ui.waitForCount('partner-row', 1);
    assert.match((await rows(app.browser))[0], /Maison des Solidarités du Val de Brenne/);

    // A tag, typed without its accents.
    await ui.fill('partner-search', 'evenementiel');
    await ui.waitForCount('partner-row', 1);
    assert.match((await rows(app.browser))[0], /Sport et Insertion Brenne/);

    // Punctuation and spaces alone find everything (WebKitWebDriver cannot type an empty value).
    await ui.fill('partner-search', ' - ');
    await ui.waitForCount('partner-row', 5);
  });

  step(app, 'un nom saisi en accents décomposés est enregistré composé, puis trouvé sans ses accents', async () => {
    const ui = page(app.browser);
    assert.notEqual(DECOMPOSED, COMPOSED);
    await ui.click('add-partner');
    await ui.fill('partner-name', DECOMPOSED);
    await ui.click('partner-save');
    await ui.waitForCount('partner-row', 6);
    const listed = (await rows(app.browser)).find((text) => text.includes('Atelier'));
    assert.ok(listed, 'the new partner is listed');
    assert.ok(listed.includes(COMPOSED), `listed composed: ${JSON.stringify(listed)}`);
    assert.equal(listed, listed.normalize('NFC'));

    await app.browser.keys('Escape');
    await ui.fill('partner-search', 'helene sevres');
    await ui.waitForCount('partner-row', 1);
    assert.match((await rows(app.browser))[0], /Atelier Hélène de Sèvres/);
  });
});
