// Every selector the scenarios use, in one place: data-testid attributes from the
// UI (ui/src), nothing else.

import { assertAccessible } from './axe.mjs';

/** Buttons that open another area (sidebar, « Réglages » menu): the screen they open is checked with axe. */
const NAVIGATION = /^(nav-area-|nav-app-|menu-)/;

/** The example alliance's name (`allia demo`, « Charger l’exemple »). */
export const DEMO_NAME = 'Service partagé du Val de Brenne';

export const tid = (id) => `[data-testid="${id}"]`;

/** Compares texts that may differ in spaces or case (e.g. « 732 829 320 00074 »). */
export const squash = (text) => String(text ?? '').replace(/\s+/g, '').toLowerCase();

/** Page helpers bound to one app session. */
export function page(browser) {
  const el = (id) => browser.$(tid(id));

  async function shown(id, timeout) {
    const element = el(id);
    await element.waitForDisplayed({ timeout, timeoutMsg: `« ${id} » is not displayed` });
    return element;
  }

  async function isShown(id) {
    const element = el(id);
    return (await element.isExisting()) && (await element.isDisplayed());
  }

  /**
   * Waits until the element's box has stayed the same for 200 ms (three looks 100 ms apart; Playwright's « stable »):
   * on a busy machine a view may still be laying out (an answer from Rust arriving after a debounce, a proposal or an
   * example sentence above the button), and a click aimed at a box that then moves lands beside it.
   */
  async function settled(element, what) {
    // A lazy `$()` is not an element yet: the script needs the element itself.
    const target = await element;
    let last = '';
    let same = 0;
    await browser.waitUntil(
      async () => {
        // An element replaced meanwhile (stale) is left to the click, which finds it again.
        const box = await browser
          .execute((node) => {
            const r = node.getBoundingClientRect();
            return `${r.left},${r.top},${r.width},${r.height}`;
          }, target)
          .catch(() => last);
        same = box === last ? same + 1 : 0;
        last = box;
        if (same >= 2) return true;
        await browser.pause(100);
        return false;
      },
      { timeout: 5_000, interval: 0, timeoutMsg: `« ${what} » keeps moving` },
    );
  }

  /**
   * Waits until no group of fields says it is busy (`aria-busy` on a fieldset: a designation whose proposal and
   * example sentence still follow the name typed). What arrives then can change the form's height, and a box that
   * kept still for 200 ms may move after.
   */
  async function formsAnswered(what) {
    await browser.waitUntil(
      async () => browser.execute(() => document.querySelector('fieldset[aria-busy="true"]') === null),
      { timeout: 15_000, interval: 50, timeoutMsg: `a form is still busy before clicking « ${what} »` },
    );
  }

  /** Clicks; if something covers the element (a side panel, a menu), Escape once and retry. */
  async function clickElement(element, what) {
    await element.waitForDisplayed({ timeoutMsg: `« ${what} » is not displayed` });
    await formsAnswered(what);
    await settled(element, what);
    try {
      await element.click();
    } catch (error) {
      if (!/intercept|not interactable|obscured/i.test(error.message)) throw error;
      await browser.keys('Escape');
      await element.waitForDisplayed();
      await element.click();
    }
  }

  /** Visible elements with this testid whose text contains `text`. */
  async function withText(id, text) {
    const found = [];
    for (const element of await browser.$$(tid(id))) {
      if ((await element.isDisplayed()) && (await element.getText()).includes(text)) found.push(element);
    }
    return found;
  }

  /** Reads the value of an input, a textarea or a native select. */
  async function value(id) {
    return (await shown(id)).getValue();
  }

  async function isChecked(element) {
    if ((await element.getTagName()).toLowerCase() === 'input') return element.isSelected();
    const aria = await element.getAttribute('aria-checked');
    if (aria !== null) return aria === 'true';
    const inner = element.$('input[type="checkbox"]');
    if (await inner.isExisting()) return inner.isSelected();
    return (await element.getAttribute('data-state')) === 'checked';
  }

  return {
    el,
    shown,
    isShown,
    withText,
    value,

    async click(id) {
      await clickElement(el(id), id);
      if (NAVIGATION.test(id)) await assertAccessible(browser, `after clicking « ${id} »`);
    },

    /** Checks the screen shown with axe-core now (steps are checked at their end anyway). */
    async checkAccessible(context = '') {
      await assertAccessible(browser, context);
    },

    async clickText(id, text) {
      let match;
      await browser.waitUntil(
        async () => {
          [match] = await withText(id, text);
          return match !== undefined;
        },
        { timeoutMsg: `no « ${id} » shows « ${text} »` },
      );
      await clickElement(match, `${id}: ${text}`);
    },

    /**
     * First run: creates the vault with `passphrase`, confirms the recovery key was
     * kept and enters the app. Returns the recovery key shown on screen.
     */
    async createVault(passphrase) {
      await this.fill('create-passphrase', passphrase);
      await this.fill('create-confirmation', passphrase);
      await this.click('create-submit');
      const recoveryKey = await this.text('recovery-key');
      await this.check('recovery-confirm');
      await this.click('recovery-continue');
      await this.shown('empty-alliances');
      return recoveryKey;
    },

    /**
     * « Charger l’exemple », then waits until the example is the open alliance and the button is free again (loading
     * takes seconds on a busy machine). `name` is the example's name as the sidebar shows it.
     */
    async loadDemo(name = DEMO_NAME) {
      await this.click('load-demo');
      await this.waitForDemo(name);
    },

    /** Waits until the example `name`, being loaded, is the open alliance and « Charger l’exemple » is free again. */
    async waitForDemo(name = DEMO_NAME) {
      let seen = '';
      await browser.waitUntil(
        async () => {
          // Read from the DOM: a folded sidebar hides its items, and WebDriver gives hidden elements no text.
          const state = await browser.execute(() => ({
            current: document.querySelector('[data-testid="alliance-item"][aria-current="true"]')?.textContent ?? '',
            busy: document.querySelector('[data-testid="load-demo"]')?.getAttribute('aria-busy') === 'true',
          }));
          seen = state.current.replace(/\s+/g, ' ').trim();
          return seen.includes(name) && !state.busy;
        },
        { timeout: 60_000, timeoutMsg: `the example « ${name} » should be open (open: « ${seen} »)` },
      );
    },

    /** Opens a table row through its first button (rows themselves are not clickable for WebDriver). */
    async openRow(id, text) {
      let row;
      await browser.waitUntil(
        async () => {
          [row] = await withText(id, text);
          return row !== undefined;
        },
        { timeoutMsg: `no « ${id} » shows « ${text} »` },
      );
      const button = row.$('button');
      await button.scrollIntoView({ block: 'center' });
      await clickElement(button, `${id}: ${text}`);
    },

    /** Types into a field after emptying it (WebKitWebDriver refuses setValue("")). */
    async fill(id, text) {
      const element = await shown(id);
      await element.clearValue();
      if (text !== '') await element.addValue(text);
    },

    /**
     * Types a date into a French date field (ui DateField) with the keyboard, as a person does: each segment
     * (jour, mois, année) is emptied with Backspace, then gets its digits. `iso` is « YYYY-MM-DD »; a part left
     * empty (« 2026--15 ») stays empty, and '' empties the field. `index` picks one of several fields sharing
     * the test id (one per party for signatures).
     */
    async fillDate(id, iso, index = 0) {
      let group;
      await browser.waitUntil(async () => (group = (await browser.$$(tid(id)))[index]) !== undefined, {
        timeoutMsg: `no date field « ${id} » #${index}`,
      });
      await group.scrollIntoView({ block: 'center' });
      const [year = '', month = '', day = ''] = iso === '' ? [] : iso.split('-');
      const parts = [['day', day], ['month', month], ['year', year]];
      // Empty first: with « Effacer » when the field offers it (Backspaces can leave a year « 0000 »), else each
      // segment by as many Backspaces as it holds digits: one more, on an empty segment, would move back.
      const clear = await group.$(`..`).$(tid(`${id}-clear`));
      if (await clear.isExisting()) await clickElement(clear, `${id}-clear`);
      for (const [part] of parts) {
        const segment = group.$(tid(`${id}-${part}`));
        const held = (await segment.getText()).trim();
        if (/^\d+$/.test(held)) {
          await clickElement(segment, `${id}-${part}`);
          await browser.keys(Array(held.length).fill('Backspace'));
        }
      }
      for (const [part, digits] of parts) {
        if (digits === '') continue;
        await clickElement(group.$(tid(`${id}-${part}`)), `${id}-${part}`);
        // Digit by digit with a pause: sent together, WebKitGTK may merge a repeated digit (« 11 » became « 01 »).
        for (const digit of digits) {
          await browser.keys([digit]);
          await browser.pause(60);
        }
      }
      // Leave the field, as Tab would, so a half-typed date is reported like for a person.
      await browser.execute((element) => {
        if (element.contains(document.activeElement)) document.activeElement.blur();
      }, group);
      // The field must show what was asked, or the test would go on with another date in silence.
      for (const [part, digits] of parts) {
        const segment = group.$(tid(`${id}-${part}`));
        const expected = digits === '' ? null : digits.padStart(part === 'year' ? 4 : 2, '0');
        await browser.waitUntil(
          async () => {
            const shown = (await segment.getText()).trim();
            return expected === null ? !/\d/.test(shown) : shown === expected;
          },
          { timeout: 3000, timeoutMsg: `date field « ${id} »: the ${part} does not show « ${expected ?? 'empty'} » after typing « ${iso} »` },
        );
      }
    },

    /** Scrolls the element to the top of the area that scrolls it, leaving the window itself in place. */
    async scrollToTop(id) {
      const element = await shown(id);
      await browser.execute((target) => {
        let area = target.parentElement;
        while (area && !/(auto|scroll)/.test(getComputedStyle(area).overflowY)) area = area.parentElement;
        if (area) area.scrollTop += target.getBoundingClientRect().top - area.getBoundingClientRect().top;
        else window.scrollBy(0, target.getBoundingClientRect().top);
      }, element);
    },

    async text(id) {
      return (await (await shown(id)).getText()).trim();
    },

    async count(id) {
      return (await browser.$$(tid(id))).length;
    },

    async waitForCount(id, expected) {
      let seen;
      await browser.waitUntil(async () => (seen = (await browser.$$(tid(id))).length) === expected, {
        timeoutMsg: `expected ${expected} « ${id} », saw ${seen}`,
      });
    },

    async waitForGone(id) {
      await el(id).waitForDisplayed({ reverse: true, timeoutMsg: `« ${id} » is still displayed` });
    },

    /** Ticks a checkbox: a native input, a role="checkbox" button, or a label around an input. */
    async check(id) {
      const element = await shown(id);
      if (!(await isChecked(element))) await clickElement(element, id);
      await browser.waitUntil(() => isChecked(element), { timeoutMsg: `« ${id} » did not become checked` });
    },

    /**
     * Picks an option by its French label, in a native <select> or in a custom listbox
     * (bits-ui Select: the trigger opens options with role="option").
     * Exact label first, then a label starting with it, then one containing it.
     */
    async choose(id, label) {
      const element = await shown(id);
      const pick = async (candidates) => {
        const texts = [];
        for (const option of candidates) {
          if ((await option.getTagName()).toLowerCase() !== 'option' && !(await option.isDisplayed())) continue;
          texts.push([option, (await option.getText()).trim()]);
        }
        for (const match of [(t) => t === label, (t) => t.startsWith(label), (t) => t.includes(label)]) {
          const found = texts.find(([, t]) => match(t));
          if (found) return found[0];
        }
        return undefined;
      };

      if ((await element.getTagName()).toLowerCase() === 'select') {
        const option = await pick(await element.$$('option'));
        if (!option) throw new Error(`« ${id} » has no option « ${label} »`);
        await element.selectByAttribute('value', await option.getAttribute('value'));
        return;
      }
      await clickElement(element, id);
      let option;
      await browser.waitUntil(async () => (option = await pick(await browser.$$('[role="option"]'))) !== undefined, {
        timeoutMsg: `no option « ${label} » after opening « ${id} »`,
      });
      await option.click();
    },
  };
}
