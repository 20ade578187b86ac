// Reflow and zoom (WCAG 1.4.4, 1.4.10) in the real app: at the window's minimum size (900×600) and at 200 % in
// the default window (1200×760), every area of the registry shows its main action inside the window, clickable;
// the guide opens over the content and the sidebar folds behind « Menu »; Ctrl + and Ctrl 0 zoom the whole
// window, and the size chosen is kept in the vault and applied at the next unlock; Ctrl − on the unlock screen
// zooms too, and that size is kept and saved once the vault opens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';

import { Key } from 'webdriverio';

import { ARTIFACTS, appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page, tid } from './ui.mjs';

const PASSPHRASE = 'girafe pensive sous la halle de Tours';
const DEMO = 'Service partagé du Val de Brenne';

/**
 * The areas of ui/src/lib/areas.ts, each with how to reach it and the control that must be usable there. The test
 * fails when the sidebar or the « Réglages » menu lists an area missing here: add it with its main action.
 */
const AREAS = [
  { id: 'alliance', open: 'nav-area-alliance', action: 'alliance-save' },
  { id: 'diagnostic', open: 'nav-area-diagnostic', action: 'diagnostic-export-pdf' },
  { id: 'projet', open: 'nav-area-projet', action: 'dossier-export-pdf' },
  { id: 'partenaires', open: 'nav-area-partenaires', action: 'add-partner' },
  { id: 'modele', open: 'nav-area-modele', action: 'advisor-save' },
  { id: 'documents', open: 'nav-area-documents', action: 'new-document' },
  { id: 'objectifs', open: 'nav-area-objectifs', action: 'strategic-add' },
  { id: 'evaluation', open: 'nav-area-evaluation', action: 'evaluation-report-export' },
  { id: 'new-alliance', open: 'new-alliance', action: 'alliance-save', leave: 'alliance-cancel' },
  { id: 'profile', open: 'nav-app-profile', action: 'profile-save' },
  { id: 'settings', open: 'menu-settings', action: 'settings-save', also: 'text-size-200' },
];

const workspace = makeWorkspace();
useDriver(workspace);

/** The window as a PNG in tests/artifacts/ (look at it; the good ones go to docs/screenshots/). */
async function capture(browser, name) {
  if (!process.env.DISPLAY) return;
  await browser.pause(400);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  execFileSync('import', ['-window', 'root', file], { timeout: 10_000 });
  // The X screen around the window: cut to the window (what the person sees).
  const { x, y, width, height } = await browser.getWindowRect();
  execFileSync('convert', [file, '-crop', `${width}x${height}+${Math.max(0, x)}+${Math.max(0, y)}`, '+repage', file], {
    timeout: 10_000,
  });
}

/** The page's size in CSS px (what the layout's breakpoints see) and the zoom seen from the page. */
function viewport(browser) {
  return browser.execute(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
    scrollWidth: document.documentElement.scrollWidth,
    ratio: window.devicePixelRatio,
  }));
}

/**
 * The element is displayed, inside the window once scrolled to, and the topmost element at its centre (nothing
 * covers it): it can be clicked. Nothing of the page overflows sideways.
 */
async function assertUsable(browser, id, where) {
  const element = await browser.$(tid(id));
  await element.waitForDisplayed({ timeoutMsg: `${where}: « ${id} » is not displayed` });
  const seen = await browser.execute((target) => {
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = target.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
      scrollWidth: document.documentElement.scrollWidth,
      onTop: top !== null && (top === target || target.contains(top) || top.contains(target) && top.tagName === 'LABEL'),
      covering: top === null ? null : `${top.tagName}.${top.className}`,
    };
  }, element);
  const { rect } = seen;
  assert.ok(
    rect.left >= 0 && rect.top >= 0 && rect.right <= seen.width + 0.5 && rect.bottom <= seen.height + 0.5,
    `${where}: « ${id} » lies outside the ${seen.width}×${seen.height} window: ${JSON.stringify(rect)}`,
  );
  assert.ok(seen.onTop, `${where}: « ${id} » is covered by ${seen.covering}`);
  assert.ok(seen.scrollWidth <= seen.width + 1, `${where}: the page is ${seen.scrollWidth} px wide in a ${seen.width} px window`);
}

/**
 * Activates a control from the keyboard (focus, then Enter), after checking it is usable. Used while zoomed:
 * WebKitWebDriver places its pointer clicks without the page's zoom, so a click lands beside the control (a
 * person's mouse is not affected).
 */
async function activate(browser, id, where) {
  await assertUsable(browser, id, where);
  await browser.execute((target) => target.focus(), await browser.$(tid(id)));
  await browser.keys('Enter');
}

/** The top bar's title keeps whole words on a line: at least 8 characters wide, at most 3 lines. */
async function assertTitleReadable(browser, where) {
  const title = await browser.execute(() => {
    const element = document.querySelector('[data-testid="alliance-title"]');
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return { width: rect.width, height: rect.height, lineHeight: parseFloat(style.lineHeight), fontSize: parseFloat(style.fontSize) };
  });
  assert.ok(title.width >= 8 * title.fontSize, `${where}: the title is squeezed to ${title.width} px`);
  assert.ok(title.height <= 3.2 * title.lineHeight, `${where}: the title takes ${title.height} px (${title.lineHeight} px a line)`);
}

/**
 * A short window (900×600, or 200 %): the top bar is one row with the whole title in its tooltip, and it scrolls away
 * with the content; in Documents, with a clause open in the editor, what stays at the top (the action bar) leaves at
 * least `share` of the height to the editor. `press` activates a control (a click, or the keyboard when zoomed).
 */
async function assertEditingRoom(browser, ui, press, where, share) {
  const title = await browser.execute(() => {
    const element = document.querySelector('[data-testid="alliance-title"]');
    const style = getComputedStyle(element);
    return { tooltip: element.getAttribute('title'), text: element.textContent, height: element.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight) };
  });
  assert.equal(title.tooltip, title.text, `${where}: the title's tooltip is the whole title`);
  assert.ok(title.height <= 1.5 * title.lineHeight, `${where}: the compact top bar's title takes ${title.height} px`);
  await press('nav-area-documents');
  await ui.shown('document-item');
  await browser.execute(() => document.querySelector('[data-testid="document-item"]').click());
  await ui.shown('clause-edit-objet');
  await press('clause-edit-objet');
  await ui.shown('clause-text');
  const room = await browser.execute(() => {
    const main = document.getElementById('main-content');
    const editor = document.querySelector('[data-testid="clause-text"]');
    main.scrollTop += editor.getBoundingClientRect().top - main.getBoundingClientRect().top - 120;
    const bottom = (selector) => document.querySelector(selector).getBoundingClientRect().bottom;
    const editorRect = editor.getBoundingClientRect();
    return {
      height: document.documentElement.clientHeight,
      topbar: bottom('.topbar'),
      bar: bottom('[data-testid="document-action-bar"]'),
      editorTop: editorRect.top,
    };
  });
  assert.ok(room.topbar <= 0, `${where}: the top bar stays in view while the content scrolls (${JSON.stringify(room)})`);
  assert.ok(room.editorTop >= room.bar - 1, `${where}: the action bar covers the editor (${JSON.stringify(room)})`);
  assert.ok(
    room.height - room.bar >= share * room.height,
    `${where}: the fixed bars leave ${room.height - room.bar} px of ${room.height} to the editor (${JSON.stringify(room)})`,
  );
  await capture(browser, where === '200 %' ? 'reflow-200-documents-clause' : 'reflow-900x600-clause');
  await press('clause-cancel');
  await ui.waitForGone('clause-text');
  await browser.execute(() => document.getElementById('main-content')?.scrollTo(0, 0));
}

/** The areas the sidebar and the menu list now match the table above. */
async function assertAreasListed(browser, ui) {
  await ui.click('settings-menu');
  await browser.$('[data-testid^="menu-"]').waitForDisplayed();
  const listed = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="nav-area-"], [data-testid^="nav-app-"], [data-testid^="menu-"]')].map((element) =>
      element.getAttribute('data-testid'),
    ),
  );
  await browser.keys('Escape');
  const known = new Set(AREAS.map((area) => area.open));
  const missing = listed.filter((id) => !known.has(id) && !AREAS.some((area) => id.endsWith(`-${area.id}`)));
  assert.deepEqual(missing, [], 'an area of the registry is not visited by this test: add it to AREAS');
}

/** The main frame's nav: shown beside the content, or folded (not displayed). */
async function sidebarShown(browser) {
  return browser.$('nav#sidebar').isDisplayed();
}

/**
 * Opens each area and checks its main action; `folded` (zoomed in): through « Menu », which closes after the
 * choice, from the keyboard.
 */
async function visitEveryArea(browser, ui, where, folded) {
  const press = (id) => (folded ? activate(browser, id, where) : ui.click(id));
  for (const area of AREAS) {
    const context = `${where}, ${area.id}`;
    if (folded && !area.open.startsWith('menu-')) {
      await press('sidebar-toggle');
      await browser.$('nav#sidebar').waitForDisplayed({ timeoutMsg: `${context}: « Menu » did not open the sidebar` });
      assert.equal(await ui.el('sidebar-toggle').getAttribute('aria-expanded'), 'true');
    }
    if (area.open.startsWith('menu-')) {
      await press('settings-menu');
      await ui.shown(area.open);
    }
    await press(area.open);
    if (folded) {
      await browser.$('nav#sidebar').waitForDisplayed({ reverse: true, timeoutMsg: `${context}: the menu stays open` });
      assert.equal(await ui.el('sidebar-toggle').getAttribute('aria-expanded'), 'false');
    }
    await assertUsable(browser, area.action, context);
    if (area.also) await assertUsable(browser, area.also, context);
    if (folded) await capture(browser, `reflow-200-${area.id}`);
    await assertTitleReadable(browser, context);
    if (area.leave) await press(area.leave);
  }
}

/** At 200 %: activates a control from the keyboard (`activate`), waiting for it to show first. */
async function press200(browser, id) {
  await browser.$(tid(id)).waitForDisplayed({ timeoutMsg: `« ${id} » is not displayed` });
  await activate(browser, id, `200 %, ${id}`);
}

/** The text size through the keyboard: Ctrl with `key`, as a person presses it. */
async function zoomKey(browser, key) {
  await browser.keys([Key.Ctrl, key]);
}

describe('mise en page à 900×600 et à 200 %', () => {
  const app = appSession();
  let normalWidth;

  step(app, "crée le coffre et charge l'exemple", async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.loadDemo();
    await ui.shown('alliance-save');
    assert.equal((await ui.withText('alliance-item', DEMO)).length, 1);
    await assertAreasListed(app.browser, ui);
    // A document, for the clause editor's room in a short window.
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', 'Convention de mutualisation');
    await ui.click('document-create');
    await ui.shown('document-preview');
    await ui.click('nav-area-alliance');
    normalWidth = (await viewport(app.browser)).width;
    assert.ok(normalWidth >= 1100, `the default window is ${normalWidth} px wide`);
    // Wide: the guide beside the content, the sidebar in its place.
    assert.ok(await ui.isShown('guide-panel'));
    assert.ok(await sidebarShown(app.browser));
    assert.equal(await ui.isShown('sidebar-toggle'), false);
  });

  step(app, 'à 900×600, chaque rubrique est utilisable, le guide par-dessus', async () => {
    const ui = page(app.browser);
    await app.browser.setWindowSize(900, 600);
    await app.browser.waitUntil(async () => (await viewport(app.browser)).width <= 900, {
      timeoutMsg: 'the window did not become 900 px wide',
    });
    // Below the guide's breakpoint: closed, a « Guide » button in the top bar; the sidebar still beside.
    await ui.waitForGone('guide-panel');
    await ui.shown('guide-open');
    assert.ok(await sidebarShown(app.browser));
    await visitEveryArea(app.browser, ui, '900×600', false);

    await ui.click('nav-area-alliance');
    await app.browser.execute(() => document.getElementById('main-content')?.scrollTo(0, 0));
    await capture(app.browser, 'reflow-900x600');
    // The guide opens over the content, takes the keyboard, and Escape gives it back to « Guide ».
    await ui.click('guide-open');
    await ui.shown('guide-panel');
    const focused = await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'));
    assert.equal(focused, 'guide-toggle');
    await capture(app.browser, 'reflow-900x600-guide');
    await app.browser.keys('Escape');
    await ui.waitForGone('guide-panel');
    await app.browser.waitUntil(
      async () => (await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'guide-open',
      { timeoutMsg: 'focus did not return to « Guide »' },
    );
    // Over the content the guide dims it, like « Menu »: a click beside the guide closes it.
    await ui.click('guide-open');
    await ui.shown('guide-scrim');
    await app.browser.execute(() => document.querySelector('[data-testid="guide-scrim"]').click());
    await ui.waitForGone('guide-panel');
    await ui.waitForGone('guide-scrim');
    await assertEditingRoom(app.browser, ui, (id) => ui.click(id), '900×600', 0.6);
  });

  step(app, 'Ctrl + agrandit toute la fenêtre, jusqu’à 200 %', async () => {
    const ui = page(app.browser);
    // At the screen's top left: the whole default window on the 1280×800 test screen, for the screenshots.
    await app.browser.setWindowRect(0, 0, 1200, 760);
    await app.browser.waitUntil(async () => (await viewport(app.browser)).width === normalWidth, {
      timeoutMsg: 'the window did not come back to its default size',
    });
    await ui.shown('guide-panel');
    await ui.click('nav-area-alliance');
    await zoomKey(app.browser, '=');
    await app.browser.waitUntil(async () => Math.abs((await viewport(app.browser)).width - normalWidth / 1.25) <= 2, {
      timeoutMsg: 'Ctrl + did not zoom to 125 %',
    });
    for (let press = 0; press < 4; press += 1) await zoomKey(app.browser, '+');
    // Four more presses: 150, 175, 200, and no further.
    await app.browser.waitUntil(async () => Math.abs((await viewport(app.browser)).width - normalWidth / 2) <= 2, {
      timeoutMsg: 'Ctrl + did not zoom to 200 %',
    });
    const zoomed = await viewport(app.browser);
    assert.ok(zoomed.width < 860, `at 200 % the page is ${zoomed.width} CSS px wide`);
  });

  step(app, 'à 200 %, le menu replié mène à chaque rubrique', async () => {
    const ui = page(app.browser);
    // Below both breakpoints: the sidebar behind « Menu », the guide behind « Guide ».
    await ui.shown('sidebar-toggle');
    assert.equal(await sidebarShown(app.browser), false);
    assert.equal(await ui.isShown('guide-panel'), false);
    await assertTitleReadable(app.browser, '200 %');
    await capture(app.browser, 'reflow-200');
    await visitEveryArea(app.browser, ui, '200 %', true);
    await press200(app.browser, 'sidebar-toggle');
    await assertEditingRoom(app.browser, ui, (id) => press200(app.browser, id), '200 %', 0.5);
    await press200(app.browser, 'settings-menu');
    await press200(app.browser, 'menu-settings');
    await ui.shown('text-size-200');
    // The size saved: Paramètres shows it.
    assert.ok(await ui.el('text-size-200').isSelected(), '« 200 % » is the size chosen in Paramètres');
    await capture(app.browser, 'reflow-200-parametres');
  });

  step(app, 'à 200 %, Échap referme le menu et rend le focus au bouton', async () => {
    const ui = page(app.browser);
    await activate(app.browser, 'sidebar-toggle', 'Échap');
    await app.browser.$('nav#sidebar').waitForDisplayed();
    // The scroll that brought « Menu » into view leaves a fading scrollbar indicator for a moment: past it.
    await app.browser.pause(1500);
    await capture(app.browser, 'reflow-200-menu');
    const inside = await app.browser.execute(() => document.querySelector('nav#sidebar').contains(document.activeElement));
    assert.ok(inside, 'the keyboard starts in the open menu');
    await app.browser.keys('Escape');
    await app.browser.$('nav#sidebar').waitForDisplayed({ reverse: true });
    const focused = await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'));
    assert.equal(focused, 'sidebar-toggle');
    assert.equal(await ui.el('sidebar-toggle').getAttribute('aria-expanded'), 'false');
  });

  step(app, 'à 200 %, le déverrouillage et la récupération restent utilisables', async () => {
    const ui = page(app.browser);
    await activate(app.browser, 'lock-button', '200 %, Verrouiller');
    await ui.shown('unlock-passphrase');
    assert.ok((await viewport(app.browser)).width < 860, 'the text size stays while locked');
    await assertUsable(app.browser, 'unlock-submit', '200 %, déverrouillage');
    await assertUsable(app.browser, 'forgot-passphrase', '200 %, déverrouillage');
    await capture(app.browser, 'reflow-200-deverrouillage');
    await activate(app.browser, 'forgot-passphrase', '200 %, déverrouillage');
    await assertUsable(app.browser, 'recover-key', '200 %, récupération');
    await assertUsable(app.browser, 'recover-submit', '200 %, récupération');
    await assertUsable(app.browser, 'recover-back', '200 %, récupération');
    await capture(app.browser, 'reflow-200-recuperation');
    await activate(app.browser, 'recover-back', '200 %, récupération');
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await activate(app.browser, 'unlock-submit', '200 %, déverrouillage');
    await ui.shown('sidebar-toggle');
    assert.ok((await viewport(app.browser)).width < 860, 'the saved 200 % is applied again');
  });

  step(app, 'Ctrl 0 revient à 100 %, puis « Taille du texte » choisit 150 %', async () => {
    const ui = page(app.browser);
    await zoomKey(app.browser, '0');
    await app.browser.waitUntil(async () => (await viewport(app.browser)).width === normalWidth, {
      timeoutMsg: 'Ctrl 0 did not bring the page back to 100 %',
    });
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await app.browser.waitUntil(() => ui.el('text-size-100').isSelected(), { timeoutMsg: '« 100 % » is not chosen' });
    await ui.click('text-size-150');
    await app.browser.waitUntil(async () => Math.abs((await viewport(app.browser)).width - normalWidth / 1.5) <= 2, {
      timeoutMsg: '« 150 % » did not zoom the window',
    });
  });
});

describe('la taille du texte au déverrouillage suivant', () => {
  const app = appSession();

  step(app, 'le coffre rouvert reprend 150 %', async () => {
    const ui = page(app.browser);
    const before = await viewport(app.browser);
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await ui.click('unlock-submit');
    await ui.shown('alliance-save');
    await app.browser.waitUntil(async () => Math.abs((await viewport(app.browser)).width - before.width / 1.5) <= 2, {
      timeoutMsg: `the saved 150 % was not applied at unlock (${before.width} px before)`,
    });
    await assertUsable(app.browser, 'alliance-save', '150 % after unlock');
  });

  step(app, 'Ctrl − sur l’écran de déverrouillage : la taille choisie est gardée et enregistrée', async () => {
    const ui = page(app.browser);
    const zoomedTo = async (percent) => {
      const { width } = await viewport(app.browser);
      return Math.abs(width - normalWidth / (percent / 100)) <= 2;
    };
    const normalWidth = (await viewport(app.browser)).width * 1.5;
    await activate(app.browser, 'lock-button', '150 %, Verrouiller');
    await ui.shown('unlock-passphrase');
    await zoomKey(app.browser, '-');
    await app.browser.waitUntil(() => zoomedTo(125), { timeoutMsg: 'Ctrl − did not zoom the unlock screen to 125 %' });
    await ui.fill('unlock-passphrase', PASSPHRASE);
    await activate(app.browser, 'unlock-submit', '125 %, déverrouillage');
    await ui.shown('alliance-save');
    // Not the vault's 150 %: the size chosen before unlocking, now saved.
    await app.browser.pause(500);
    assert.ok(await zoomedTo(125), 'the size chosen on the unlock screen is kept after unlocking');
    await activate(app.browser, 'settings-menu', '125 %');
    await activate(app.browser, 'menu-settings', '125 %');
    await app.browser.waitUntil(() => ui.el('text-size-125').isSelected(), { timeoutMsg: '« 125 % » is not the size saved' });
  });
});
