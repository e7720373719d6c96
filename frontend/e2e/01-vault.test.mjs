// The vault's whole life in a real browser against the real Go backend:
// first run, recovery key confirmation, profile, lock, wrong passphrase,
// unlock, auto-lock, passphrase change and unlocking with the recovery key.
// The steps share one vault, so they run in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { URL, VAULT, APP_TMP, ARTIFACTS, E2E_PASSPHRASE, launch, screen, byTestId, filesContaining } from './harness.mjs';

const FIRST = 'lantern orbit cello meadow';
const SECOND = 'amber quartz willow drum';
// The passphrase the vault ends with is the one the later files share.
const THIRD = E2E_PASSPHRASE;
const MARKER = 'QUOKKA-ZEPHYR-4471';

let browser, page, recoveryKey;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-last.png` }).catch(() => {});
  await browser?.close();
});

async function unlock(passphrase) {
  await screen(page, 'unlock');
  await byTestId(page, 'unlock-passphrase').fill(passphrase);
  await byTestId(page, 'unlock-submit').click();
}

test('first run: a weak passphrase is refused kindly, a strong one accepted', async () => {
  await screen(page, 'welcome');
  await page.keyboard.press('Tab');
  await page.getByRole('button').first().click();
  await screen(page, 'create-passphrase');
  await byTestId(page, 'passphrase').fill('password123');
  await byTestId(page, 'passphrase-repeat').fill('password123');
  await page.getByText(/too short/i).first().waitFor();
  assert.equal(await byTestId(page, 'create-submit').isDisabled(), true, 'weak passphrase must not be submittable');
  await byTestId(page, 'passphrase').fill(FIRST);
  await byTestId(page, 'passphrase-repeat').fill(FIRST);
  await page.waitForFunction(() => !document.querySelector('[data-testid="create-submit"]')?.hasAttribute('disabled'));
  await byTestId(page, 'create-submit').click();
});

test('the recovery key must be kept before going on', async () => {
  await screen(page, 'recovery-key', 30000);
  recoveryKey = (await byTestId(page, 'recovery-key-text').innerText()).replace(/\s+/g, '');
  assert.match(recoveryKey, /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
  assert.equal(await byTestId(page, 'continue').isDisabled(), true, 'continue must wait for the key to be kept');
  await page.screenshot({ path: `${ARTIFACTS}/e2e-recovery-key.png` });
  await byTestId(page, 'copy-key').click();
  await byTestId(page, 'confirm-input').fill('ZZZZZZ');
  await byTestId(page, 'confirm-submit').click();
  await page.locator('[role="alert"]').first().waitFor();
  assert.equal(await byTestId(page, 'continue').isDisabled(), true);
  await byTestId(page, 'confirm-input').fill(recoveryKey.slice(-6).toLowerCase());
  await byTestId(page, 'confirm-submit').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="continue"]')?.hasAttribute('disabled'));
  await byTestId(page, 'continue').click();
});

test('the practice profile: a missing name is said next to the field, then saved', async () => {
  await screen(page, 'profile', 30000);
  await byTestId(page, 'profile-save').click();
  const nameError = page.locator('[data-testid="profile-name"] ~ [role="alert"], [id$="name-error"]');
  await page.locator('[role="alert"]').first().waitFor();
  assert.ok((await page.locator('[role="alert"]').count()) > 0 || (await nameError.count()) > 0);
  await byTestId(page, 'profile-name').fill('Juniper Hollow Practice (fictional)');
  await byTestId(page, 'profile-greeting-name').fill('Rowan');
  await page.locator('textarea').last().fill(`My positionality, with the marker ${MARKER}.`);
  await byTestId(page, 'profile-save').click();
  await screen(page, 'home');
  await page.getByText('Juniper Hollow Practice (fictional)').first().waitFor();
  // Home greets the therapist by the name they gave, not the practice's.
  assert.match(await byTestId(page, 'greeting').innerText(), /^Good (morning|afternoon|evening), Rowan$/);
});

test('no record content in any file of the vault or the temporary folder while unlocked', () => {
  assert.ok(VAULT, 'E2E_VAULT must name the vault folder');
  assert.deepEqual(filesContaining(VAULT, MARKER), []);
  assert.deepEqual(filesContaining(APP_TMP || tmpdir(), MARKER), []);
});

test('lock, a wrong passphrase said plainly, then unlock', async () => {
  await byTestId(page, 'lock').click();
  await screen(page, 'unlock');
  assert.equal(await page.getByText(MARKER).count(), 0, 'record content must leave the page at lock');
  await unlock('not my passphrase at all');
  await byTestId(page, 'unlock-error').waitFor();
  assert.match(await byTestId(page, 'unlock-error').innerText(), /passphrase/i);
  await byTestId(page, 'unlock-passphrase').fill(FIRST);
  await byTestId(page, 'unlock-passphrase').press('Enter');
  await screen(page, 'home');
  await page.keyboard.press('Control+l');
  await screen(page, 'unlock');
  assert.deepEqual(filesContaining(VAULT, MARKER), [], 'after lock');
  assert.deepEqual(filesContaining(APP_TMP || tmpdir(), MARKER), [], 'after lock');
});

test('auto-lock after the idle minutes set in settings', { timeout: 150000 }, async () => {
  await unlock(FIRST);
  await screen(page, 'home');
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await byTestId(page, 'autolock-minutes').fill('1');
  await byTestId(page, 'settings-save').click();
  await byTestId(page, 'settings-saved').waitFor();
  const started = Date.now();
  await screen(page, 'unlock', 120000);
  const waited = (Date.now() - started) / 1000;
  assert.ok(waited > 45, `locked after ${waited}s, before the minute was up`);
  await byTestId(page, 'lock-reason').waitFor();
  assert.match(await byTestId(page, 'lock-reason').innerText(), /1 minute/);
});

test('change the passphrase in settings', async () => {
  await unlock(FIRST);
  await screen(page, 'home');
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  // Settings says which Tandem this is, as the home screen does.
  assert.match(await byTestId(page, 'about-version').innerText(), /^Tandem \S+$/);
  // Back to a calm auto-lock time for the rest of the run.
  await byTestId(page, 'autolock-minutes').fill('10');
  await byTestId(page, 'settings-save').click();
  await byTestId(page, 'settings-saved').waitFor();
  await byTestId(page, 'current-passphrase').fill('wrong current passphrase');
  await byTestId(page, 'new-passphrase').fill(SECOND);
  await byTestId(page, 'new-passphrase-repeat').fill(SECOND);
  await page.waitForFunction(() => !document.querySelector('[data-testid="change-passphrase-submit"]')?.hasAttribute('disabled'));
  await byTestId(page, 'change-passphrase-submit').click();
  await page.getByText(/not the current passphrase/i).first().waitFor({ timeout: 20000 });
  await byTestId(page, 'current-passphrase').fill(FIRST);
  // The re-encryption under a fresh key shows its progress while it runs.
  await page.evaluate(() => {
    window.__rekeyShown = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="rekey-progress"]')) window.__rekeyShown = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await byTestId(page, 'change-passphrase-submit').click();
  await byTestId(page, 'change-passphrase-done').waitFor({ timeout: 20000 });
  assert.equal(await page.evaluate(() => window.__rekeyShown), true, 'the re-encryption showed its progress');
  assert.equal(await byTestId(page, 'rekey-progress').count(), 0, 'and put it away when done');
  await byTestId(page, 'lock').click();
  await unlock(FIRST);
  await byTestId(page, 'unlock-error').waitFor();
  await byTestId(page, 'unlock-passphrase').fill(SECOND);
  await byTestId(page, 'unlock-submit').click();
  await screen(page, 'home');
  await byTestId(page, 'lock').click();
});

test('forgot passphrase: the recovery key opens the vault and a new passphrase is required', async () => {
  await screen(page, 'unlock');
  await byTestId(page, 'forgot').click();
  await screen(page, 'recovery-unlock');
  await byTestId(page, 'recovery-key-input').fill('AGE-SECRET-KEY-1NOTAREALKEY');
  await byTestId(page, 'recovery-submit').click();
  await page.locator('[role="alert"]').first().waitFor();
  // Typed as a person might: in groups, lower case.
  await byTestId(page, 'recovery-key-input').fill(recoveryKey.toLowerCase().match(/.{1,4}/g).join(' '));
  await byTestId(page, 'recovery-submit').click();
  await screen(page, 'new-passphrase', 20000);
  await byTestId(page, 'new-passphrase').fill(THIRD);
  await byTestId(page, 'new-passphrase-repeat').fill(THIRD);
  await page.keyboard.press('Enter');
  await screen(page, 'home', 20000);
  await byTestId(page, 'lock').click();
  await unlock(SECOND);
  await byTestId(page, 'unlock-error').waitFor();
  await byTestId(page, 'unlock-passphrase').fill(THIRD);
  await byTestId(page, 'unlock-submit').click();
  await screen(page, 'home');
  await page.getByText('Juniper Hollow Practice (fictional)').first().waitFor();
});
