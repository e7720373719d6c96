// What a therapist sees dated "today", on whatever day the app's clock is pinned to (TANDEM_CLOCK,
// a local time in the zone TZ; scripts/lib.sh): the greeting, the date a new session, power-map
// entry and payment start with, the worksheet's days, the history's day, a payment's month and
// year, and the dates printed in a packet. Every expectation is worked out from the pin. make test
// runs this file on the everyday pin after the others, and again on its own in the last minutes
// of a year in Los Angeles, where UTC is already the next day (scripts/test.sh); there it makes
// the vault itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, ARTIFACTS, NOW, TODAY, addDays, launch, openVault, screen, byTestId, printed, pdfText, newClient, finaliseSession } from './harness.mjs';

const NAME = 'Wren Daybreak-Fictional (dates)';
const PRINT_LOG = process.env.E2E_PRINT_LOG ?? '';
const DIALOGS = process.env.E2E_DIALOG_DIR ?? '';

/** "31 December 2026": how the page and the packets write a date. */
const long = (iso) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const hour = Number(NOW.slice(11, 13));
const PART = hour >= 4 && hour < 12 ? 'morning' : hour >= 12 && hour < 18 ? 'afternoon' : 'evening';

let browser, page;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-dates-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

async function tab(name) {
  await byTestId(page, `tab-${name}`).click();
  await byTestId(page, `tab-panel-${name}`).waitFor();
}

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
});

test(`the greeting suits the hour (${NOW.slice(11, 16)}: ${PART})`, async () => {
  assert.match(await byTestId(page, 'greeting').innerText(), new RegExp(`^Good ${PART}`));
});

test('a new client’s first change is listed under today in the history', async () => {
  await newClient(page, NAME);
  await tab('history');
  await byTestId(page, 'history-line').first().waitFor();
  assert.deepEqual(await byTestId(page, 'history-day').allInnerTexts(), [long(TODAY)]);
});

test('a new session and a new power-map entry start on today’s date', async () => {
  await tab('powermap');
  await byTestId(page, 'powermap-add').click();
  assert.equal(await byTestId(page, 'powermap-date').inputValue(), TODAY);
  await byTestId(page, 'powermap-date').press('Escape');
  await byTestId(page, 'powermap-form').waitFor({ state: 'detached' });

  await tab('sessions');
  await byTestId(page, 'new-session-kind').selectOption('medicine');
  await byTestId(page, 'new-session').click();
  await byTestId(page, 'session-editor').waitFor();
  assert.equal(await byTestId(page, 'session-date').inputValue(), TODAY);
  await byTestId(page, 'session-summary').fill('A long day; rest in the evening.');
  await byTestId(page, 'session-save').click();
  await page.locator('[data-testid="session-editor"]:not([data-session-id="0"])').waitFor();
});

test('the worksheet counts days from the session: day 1 is tomorrow', async () => {
  await tab('worksheet');
  await byTestId(page, 'shift-day').fill('1');
  await byTestId(page, 'shift-words').fill('Slept through the night');
  await byTestId(page, 'shift-add').click();
  const shift = byTestId(page, 'shift').filter({ hasText: 'Slept through' });
  await shift.waitFor();
  assert.equal(await shift.getAttribute('data-day'), '1');
  assert.match(await byTestId(page, 'shift-list').innerText(), new RegExp(long(addDays(TODAY, 1))));
});

test('notes finalised today say so, on the page and in the printed record', async () => {
  await tab('sessions');
  await page.locator('[data-testid="session-row"][data-kind="medicine"] button').first().click();
  await finaliseSession(page, { medicine: true });
  assert.match(await byTestId(page, 'session-finalised').innerText(), new RegExp(`finalised on ${long(TODAY)}`));
  await byTestId(page, 'session-close').click();

  await byTestId(page, 'print-packet').click();
  const dialog = page.locator('dialog[open][data-testid="packet-dialog"]');
  await dialog.getByTestId('packet-kind-record').check();
  await dialog.getByTestId('packet-copy-therapist').check();
  const before = printed(PRINT_LOG).length;
  await dialog.getByTestId('packet-print').click();
  await dialog.getByTestId('packet-status').waitFor({ timeout: 30000 });
  for (let i = 0; i < 50 && printed(PRINT_LOG).length === before; i++) await new Promise((r) => setTimeout(r, 100));
  const text = pdfText(printed(PRINT_LOG).at(-1));
  assert.ok(text.includes(`Record opened ${long(TODAY)}`), 'the record was opened today');
  assert.ok(text.includes(`signed on ${long(TODAY)}`), 'the notes were signed today');
  await page.keyboard.press('Escape');
});

test('a payment recorded today counts in today’s month and year', async () => {
  await tab('fees');
  await byTestId(page, 'fees-record-payment').click();
  assert.equal(await byTestId(page, 'payment-date').inputValue(), TODAY);
  await byTestId(page, 'payment-amount').fill('25');
  await byTestId(page, 'payment-save').click();
  await byTestId(page, 'fees-notice').waitFor();

  await byTestId(page, 'nav-fees').click();
  await screen(page, 'fees');
  await byTestId(page, 'fees-section-overview').click();
  await byTestId(page, 'fees-panel-overview').waitFor();
  assert.match(await byTestId(page, 'overview-years').innerText(), new RegExp(`(^|\\n)${TODAY.slice(0, 4)}\\s`));
  await byTestId(page, 'export-months').click();
  await byTestId(page, 'fees-screen-notice').filter({ hasText: 'Exported' }).waitFor();
  const csv = readFileSync(join(DIALOGS, 'practice-months.csv'), 'utf8');
  assert.match(csv, new RegExp(`\\n${TODAY.slice(0, 7)},`), `a row for ${TODAY.slice(0, 7)}`);
});
