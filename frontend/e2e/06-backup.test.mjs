// Backups in a real browser against the real Go backend: choose the folder, back up now and see
// the status change on the home screen, check a file (a wrong passphrase, an intact file, a
// damaged one), restore with the passphrase after seeing what the file holds and confirming,
// and restore with the recovery key (a new passphrase is required).
//
// Native dialogs cannot be driven from a browser: scripts/e2e.sh starts `wails dev` with
// TANDEM_E2E_DIALOG_DIR (E2E_DIALOG_DIR here), so the folder dialog answers DIR/backups and the
// open dialog the file named in DIR/next-open-file (app/dialogs_e2e.go; dev builds only).
// The e2e vault's recovery key is not kept by 01-vault, so the recovery-key restore uses a second
// vault made with the CLI of the binary `wails dev` built (E2E_TANDEM), whose key we keep.
// Runs after the earlier files on the same vault; the steps share state, so they run in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { URL, VAULT, APP_TMP, ARTIFACTS, E2E_PASSPHRASE, launch, openVault, screen, byTestId, filesContaining, newClient } from './harness.mjs';

const OTHER_PASSPHRASE = 'saffron glacier tundra lute';
const NEW_PASSPHRASE = 'pewter lagoon marigold anvil';
const BEFORE_BACKUP = 'Ayşe Ngata-Brennan (before the backup)';
const AFTER_BACKUP = 'Wren Okonkwo-Lindqvist (after the backup)';
const DIALOGS = process.env.E2E_DIALOG_DIR ?? '';
const TANDEM = process.env.E2E_TANDEM ?? '';

let browser, page;
let backupName = '';

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-backup-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

async function unlock(passphrase) {
  await screen(page, 'unlock', 30000);
  await byTestId(page, 'unlock-passphrase').fill(passphrase);
  await byTestId(page, 'unlock-submit').click();
  await screen(page, 'home', 30000);
}

async function openSettings() {
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
}

/** Makes the next open dialog answer with DIR/relative. */
function nextOpenFile(relative) {
  writeFileSync(join(DIALOGS, 'next-open-file'), relative);
}

/** Chooses DIR/relative in the restore panel and opens it with a secret. */
async function chooseAndCheck(relative, secret) {
  nextOpenFile(relative);
  await byTestId(page, 'restore-choose').click();
  await byTestId(page, 'restore-file').filter({ hasText: basename(relative) }).waitFor();
  if (secret.recoveryKey) {
    if ((await byTestId(page, 'restore-recovery-key').count()) === 0) await byTestId(page, 'restore-switch-secret').click();
    await byTestId(page, 'restore-recovery-key').fill(secret.recoveryKey);
  } else {
    if ((await byTestId(page, 'restore-passphrase').count()) === 0) await byTestId(page, 'restore-switch-secret').click();
    await byTestId(page, 'restore-passphrase').fill(secret.passphrase);
  }
  await byTestId(page, 'restore-check').click();
}

async function clientNames() {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await page.locator('[data-testid="client-count"][data-count]').waitFor();
  return page.locator('[data-screen="clients"]').innerText();
}

test('the test seam and the CLI are there', () => {
  assert.ok(DIALOGS && existsSync(DIALOGS), 'E2E_DIALOG_DIR must name the dialogs folder (scripts/e2e.sh)');
  assert.ok(TANDEM && existsSync(TANDEM), 'E2E_TANDEM must name the binary wails dev built');
});

test('the vault is open, and the home screen says no backup was made yet', async () => {
  await openVault(page);
  await byTestId(page, 'backup-status').waitFor();
  assert.equal(await byTestId(page, 'backup-status').getAttribute('data-level'), 'warning');
  assert.match(await byTestId(page, 'backup-status-text').innerText(), /no backup folder/i);
});

test('choose the folder, back up now, and see the status change', async () => {
  await newClient(page, BEFORE_BACKUP);
  await byTestId(page, 'nav-home').click();
  await screen(page, 'home');
  await byTestId(page, 'backup-status-settings').click();
  await screen(page, 'settings');
  assert.equal(await byTestId(page, 'backup-now').isDisabled(), true, 'no folder, no backup');
  await byTestId(page, 'backup-choose-folder').click();
  await byTestId(page, 'backup-folder').filter({ hasText: join(DIALOGS, 'backups') }).waitFor();
  await byTestId(page, 'backup-now').click();
  await byTestId(page, 'backup-made').waitFor({ timeout: 60000 });
  const files = readdirSync(join(DIALOGS, 'backups')).filter((f) => /^tandem-backup-.*\.age$/.test(f));
  assert.equal(files.length, 1, `one backup in the folder: ${files}`);
  backupName = files[0];
  assert.match(await byTestId(page, 'backup-made').innerText(), new RegExp(backupName.replace(/\./g, '\\.')));
  assert.match(await byTestId(page, 'backup-last').innerText(), /Last good backup/);

  await byTestId(page, 'settings-back').click();
  await screen(page, 'home');
  await byTestId(page, 'backup-status').and(page.locator('[data-level="ok"]')).waitFor();
  assert.match(await byTestId(page, 'backup-status-text').innerText(), /Last backup .* in .*backups/);
});

test('check a file: a wrong passphrase is said plainly, an intact file shows what it holds', async () => {
  await openSettings();
  await chooseAndCheck(join('backups', backupName), { passphrase: 'not the passphrase at all' });
  await byTestId(page, 'restore-secret-error').waitFor({ timeout: 30000 });
  assert.match(await byTestId(page, 'restore-secret-error').innerText(), /passphrase/i);
  await byTestId(page, 'restore-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'restore-check').click();
  await byTestId(page, 'restore-report').and(page.locator('[data-ok="true"]')).waitFor({ timeout: 30000 });
  const counts = await byTestId(page, 'restore-report-counts').innerText();
  assert.match(counts, /[1-9]\d* clients?/);
  assert.match(await byTestId(page, 'restore-report-made').innerText(), /by Tandem /);
});

test('check a damaged copy: what is wrong, in plain words', async () => {
  const bytes = readFileSync(join(DIALOGS, 'backups', backupName));
  bytes[bytes.length - 200] ^= 0x01;
  writeFileSync(join(DIALOGS, 'damaged.age'), bytes);
  await chooseAndCheck('damaged.age', { passphrase: E2E_PASSPHRASE });
  await byTestId(page, 'restore-report').and(page.locator('[data-ok="false"]')).waitFor({ timeout: 30000 });
  assert.match(await byTestId(page, 'restore-report-problem').innerText(), /damaged|changed/i);
  assert.equal(await byTestId(page, 'restore-start').count(), 0, 'a damaged file offers no restore');
});

test('restore with the passphrase: see, confirm, and the vault is as it was', async () => {
  // A record made after the backup, which the restore takes away.
  await newClient(page, AFTER_BACKUP);
  assert.match(await clientNames(), /Wren Okonkwo-Lindqvist/);

  await openSettings();
  await chooseAndCheck(join('backups', backupName), { passphrase: E2E_PASSPHRASE });
  await byTestId(page, 'restore-report').and(page.locator('[data-ok="true"]')).waitFor({ timeout: 30000 });
  await byTestId(page, 'restore-start').click();
  await byTestId(page, 'restore-confirm-step').waitFor();
  assert.match(await byTestId(page, 'restore-confirm-step').innerText(), /replaced|kept/i);
  // Cancelling changes nothing.
  await byTestId(page, 'restore-cancel').click();
  assert.equal(await byTestId(page, 'restore-confirm-step').count(), 0);
  await byTestId(page, 'restore-start').click();
  await byTestId(page, 'restore-confirm').click();

  await screen(page, 'unlock', 60000);
  assert.match(await byTestId(page, 'lock-reason').innerText(), /restored/i);
  const kept = readdirSync(dirname(VAULT)).filter((f) => f.startsWith(`${basename(VAULT)}.replaced-`));
  assert.equal(kept.length, 1, `the replaced vault is kept, dated: ${kept}`);
  await unlock(E2E_PASSPHRASE);
  const names = await clientNames();
  assert.doesNotMatch(names, /Wren Okonkwo-Lindqvist/, 'the record made after the backup is gone');
  assert.match(names, /Ayşe Ngata-Brennan/, 'the record made before the backup is there');
});

let otherName = '';
let otherPractice = '';
let otherKey = '';

test('a second vault, made with the CLI, backed up into the dialogs folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'tandem-e2e-other-'));
  const passFile = join(work, 'pass');
  writeFileSync(passFile, OTHER_PASSPHRASE, { mode: 0o600 });
  const keyFile = join(work, 'recovery-key.txt');
  const run = (...args) => execFileSync(TANDEM, args, { encoding: 'utf8', env: { ...process.env, TANDEM_VAULT: '' } });
  run('vault', 'init', '--vault', join(work, 'vault'), '--passphrase-file', passFile, '--recovery-key-out', keyFile);
  const seeded = run('demo', 'seed', '--vault', join(work, 'vault'), '--passphrase-file', passFile, '--clients', '3', '--years', '1');
  otherPractice = /practice "([^"]+)"/.exec(seeded)?.[1] ?? '';
  assert.ok(otherPractice, seeded);
  const out = join(DIALOGS, 'other');
  mkdirSync(out, { recursive: true });
  run('backup', 'create', '--vault', join(work, 'vault'), '--passphrase-file', passFile, '--dir', out);
  otherName = readdirSync(out).find((f) => f.endsWith('.age')) ?? '';
  assert.ok(otherName);
  otherKey = readFileSync(keyFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1')) ?? '';
  assert.match(otherKey, /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
});

test('restore with the recovery key: a new passphrase is required, then it opens the restored vault', async () => {
  await openSettings();
  // Typed as a person might: lower case, in groups.
  await chooseAndCheck(join('other', otherName), { recoveryKey: otherKey.toLowerCase().match(/.{1,4}/g).join(' ') });
  await byTestId(page, 'restore-report').and(page.locator('[data-ok="true"]')).waitFor({ timeout: 30000 });
  assert.match(await byTestId(page, 'restore-report-counts').innerText(), /3 clients/);
  await byTestId(page, 'restore-start').click();
  await byTestId(page, 'restore-confirm-step').waitFor();
  assert.equal(await byTestId(page, 'restore-confirm').isDisabled(), true, 'no restore without a new passphrase');
  await byTestId(page, 'restore-new-passphrase').fill(NEW_PASSPHRASE);
  await byTestId(page, 'restore-new-passphrase-repeat').fill(NEW_PASSPHRASE);
  await page.waitForFunction(() => !document.querySelector('[data-testid="restore-confirm"]')?.hasAttribute('disabled'));
  await byTestId(page, 'restore-confirm').click();

  await screen(page, 'unlock', 60000);
  await byTestId(page, 'unlock-passphrase').fill(OTHER_PASSPHRASE);
  await byTestId(page, 'unlock-submit').click();
  await byTestId(page, 'unlock-error').waitFor({ timeout: 30000 });
  await byTestId(page, 'unlock-passphrase').fill(NEW_PASSPHRASE);
  await byTestId(page, 'unlock-submit').click();
  await screen(page, 'home', 30000);
  await page.getByText(otherPractice).first().waitFor();
});

test('and back: the e2e vault restored from its own backup with its passphrase', async () => {
  // Locking for the last restore backed the e2e vault up again, and the rotation kept only that
  // newest backup of the day: restore it.
  const newest = readdirSync(join(DIALOGS, 'backups'))
    .filter((f) => /^tandem-backup-.*\.age$/.test(f))
    .sort()
    .at(-1);
  assert.ok(newest);
  await openSettings();
  await chooseAndCheck(join('backups', newest), { passphrase: E2E_PASSPHRASE });
  await byTestId(page, 'restore-report').and(page.locator('[data-ok="true"]')).waitFor({ timeout: 30000 });
  await byTestId(page, 'restore-start').click();
  await byTestId(page, 'restore-confirm').click();
  await unlock(E2E_PASSPHRASE);
  await page.getByText('Juniper Hollow Practice (fictional)').first().waitFor();
});

test('no record content in the vault folder, the temporary folder, or the backups', () => {
  // The backups folder holds only encrypted files (the export is a separate, asked-for file).
  for (const dir of [VAULT, APP_TMP || tmpdir(), join(DIALOGS, 'backups')]) {
    assert.deepEqual(filesContaining(dir, 'Juniper Hollow Practice'), [], dir);
  }
});
