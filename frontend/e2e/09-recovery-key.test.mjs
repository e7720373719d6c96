// Replacing the recovery key from Settings, in a real browser against the
// real Go backend: a wrong passphrase makes no key; a new key must be kept
// (here: copied and its last characters typed back) before it replaces the
// old one; "Keep the old key" forgets it; afterwards the new key opens the
// vault and a key that was never put in place does not. Runs last: opening
// the vault with a recovery key asks for a new passphrase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, E2E_PASSPHRASE, launch, openVault, screen, byTestId, currentScreen } from './harness.mjs';


let browser, page, forgotten, replacement;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-recovery-key-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

const keyText = async () => (await byTestId(page, 'recovery-key-text').innerText()).replace(/\s+/g, '');
const grouped = (key) => key.toLowerCase().match(/.{1,4}/g).join(' ');

async function openSettings() {
  await openVault(page);
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
}

test('a wrong passphrase makes no new recovery key', async () => {
  await openSettings();
  await byTestId(page, 'new-key-passphrase').fill('not the passphrase at all');
  await byTestId(page, 'new-key-begin').click();
  await page.locator('[data-testid="new-key-passphrase"][aria-invalid="true"]').waitFor({ timeout: 20000 });
  assert.equal(await byTestId(page, 'recovery-key-text').count(), 0);
});

test('"Keep the old key" forgets a new key; a kept one replaces the old', async () => {
  await byTestId(page, 'new-key-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'new-key-begin').click();
  await byTestId(page, 'recovery-key-text').waitFor({ timeout: 20000 });
  forgotten = await keyText();
  assert.match(forgotten, /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
  assert.equal(await byTestId(page, 'new-key-finish').isDisabled(), true, 'not before the key is kept');
  await byTestId(page, 'new-key-cancel').click();
  await byTestId(page, 'new-key-begin').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'new-key-begin');

  await byTestId(page, 'new-key-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'new-key-begin').click();
  await byTestId(page, 'recovery-key-text').waitFor({ timeout: 20000 });
  replacement = await keyText();
  assert.notEqual(replacement, forgotten);
  // Escape does not leave Settings with a new key unkept without asking.
  await page.keyboard.press('Escape');
  const leave = byTestId(page, 'unsaved-dialog');
  await leave.waitFor();
  await leave.getByRole('button', { name: 'Stay here' }).click();
  assert.equal(await keyText(), replacement, 'still the same key');
  await byTestId(page, 'copy-key').click();
  await byTestId(page, 'confirm-input').fill(replacement.slice(-6).toLowerCase());
  await byTestId(page, 'confirm-submit').click();
  await byTestId(page, 'key-confirmed').waitFor();
  await byTestId(page, 'recovery-key-section').screenshot({ path: `${ARTIFACTS}/e2e-new-recovery-key.png` });
  const fit = await byTestId(page, 'recovery-key-text').evaluate((el) => ({ needs: el.scrollWidth, has: el.clientWidth }));
  assert.ok(fit.needs <= fit.has, `the key fits its box (${fit.needs} px in ${fit.has} px)`);
  await byTestId(page, 'new-key-finish').click();
  await byTestId(page, 'new-key-done').waitFor();
  assert.equal(await byTestId(page, 'recovery-key-text').count(), 0, 'the key is shown once');
});

test('the new key opens the vault; the forgotten one does not', async () => {
  await byTestId(page, 'lock').click();
  await screen(page, 'unlock');
  await byTestId(page, 'forgot').click();
  await screen(page, 'recovery-unlock');
  await byTestId(page, 'recovery-key-input').fill(grouped(forgotten));
  await byTestId(page, 'recovery-submit').click();
  await page.locator('[role="alert"]').first().waitFor({ timeout: 20000 });
  assert.equal(await currentScreen(page), 'recovery-unlock');
  await byTestId(page, 'recovery-key-input').fill(grouped(replacement));
  await byTestId(page, 'recovery-submit').click();
  await screen(page, 'new-passphrase', 20000);
  // The passphrase chosen after the recovery unlock is the shared vault's
  // again: every file leaves the vault opening with E2E_PASSPHRASE.
  await byTestId(page, 'new-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'new-passphrase-repeat').fill(E2E_PASSPHRASE);
  await page.keyboard.press('Enter');
  await screen(page, 'home', 20000);
});
