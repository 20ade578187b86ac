// Whole-number fields in the real app (issue 8): a decimal typed in Paramètres › auto-lock delay, with a point or
// a French comma, gets one message, « Saisissez un nombre entier de minutes. », and nothing is saved (WebKit reads
// « 0.5 » as 0.5 but « 0,5 » as no number at all: both used to get other answers, one of them a silent rounding);
// the number of backups kept follows the same rule; a whole number is saved.
import assert from 'node:assert/strict';
import { describe } from 'node:test';

import { appSession, makeWorkspace, step, useDriver } from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'pélican distrait sur le quai de Saumur';

const workspace = makeWorkspace();
useDriver(workspace);

describe('nombres entiers dans Paramètres', () => {
  const app = appSession();

  step(app, 'un délai décimal est refusé, avec un point comme avec une virgule', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    for (const typed of ['0.5', '0,5', '2,75']) {
      await ui.fill('settings-autolock', typed);
      await ui.click('settings-save');
      assert.equal(await ui.text('error-autoLockMinutes'), 'Saisissez un nombre entier de minutes.', `« ${typed} »`);
      assert.equal(await ui.isShown('settings-saved'), false, `« ${typed} » is not saved`);
      const focused = await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'));
      assert.equal(focused, 'settings-autolock', 'focus goes to the field to correct');
    }
    await ui.fill('settings-autolock', '15');
    await ui.waitForGone('error-autoLockMinutes');
    await ui.click('settings-save');
    await ui.shown('settings-saved');
    assert.equal(await ui.value('settings-autolock'), '15');
  });

  step(app, 'le nombre de sauvegardes gardées suit la même règle', async () => {
    const ui = page(app.browser);
    await ui.fill('settings-backup-keep', '2,5');
    await ui.click('backup-keep-save');
    assert.equal(await ui.text('error-backupKeep'), 'Saisissez un nombre entier de sauvegardes.');
    await ui.fill('settings-backup-keep', '12');
    await ui.click('backup-keep-save');
    await ui.waitForGone('error-backupKeep');
    assert.equal(await ui.value('settings-backup-keep'), '12');
  });
});
