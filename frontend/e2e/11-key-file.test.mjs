// A key file changed outside Tandem (here a date in it, as a sync tool or
// someone at the laptop might): the unlock screen refuses it, naming the
// file, and with the passphrase rewrites it from what Tandem can check;
// the vault then opens as usual. Runs after the others on the shared vault,
// or on its own (openVault makes the vault).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, ARTIFACTS, VAULT, E2E_PASSPHRASE, launch, openVault, screen, byTestId } from './harness.mjs';

let browser, page;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-key-file-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

test('a key file changed outside Tandem is refused, then rewritten with the passphrase', async () => {
  assert.ok(VAULT, 'E2E_VAULT must name the vault folder');
  await openVault(page);
  await byTestId(page, 'lock').click();
  await screen(page, 'unlock');

  const keyFile = join(VAULT, 'tandem.key');
  const good = readFileSync(keyFile, 'utf8');
  const changed = good.replace(/"created": "(\d)/, (_, d) => `"created": "${d === '1' ? '2' : '1'}`);
  assert.notEqual(changed, good, 'the test changed nothing');
  writeFileSync(keyFile, changed);

  await byTestId(page, 'unlock-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'unlock-submit').click();
  await byTestId(page, 'key-file-changed').waitFor();
  assert.match(await byTestId(page, 'unlock-error').innerText(), new RegExp(`${keyFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  await page.screenshot({ path: `${ARTIFACTS}/e2e-key-file-changed.png` });
  assert.equal(await page.locator('[data-screen="unlock"]').count(), 1, 'still locked');

  await byTestId(page, 'repair-key-file').click();
  await screen(page, 'home', 30000);
  await byTestId(page, 'lock').click();
  await screen(page, 'unlock');
  await byTestId(page, 'unlock-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'unlock-submit').click();
  await screen(page, 'home', 30000);
});
