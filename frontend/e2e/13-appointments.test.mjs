// Appointments and Today in a real browser against the real Go backend:
// an appointment planned on the client's page and left unrecorded shows on
// Today as due; opened from there and held, it becomes its session, whose
// notes are then due; opened from Today and finalised, they leave the list.
// A medicine session held and finalised proposes its follow-up, which
// becomes three appointments.
//
// Runs after 02-clients.test.mjs on the same vault (or alone, on a new one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, TODAY, addDays, launch, openVault, screen, byTestId, newClient, printed, pdfText } from './harness.mjs';

const PRINT_LOG = process.env.E2E_PRINT_LOG ?? '';

const NAME = 'Ilse Fictional-Marsh';
let browser, page, clientId;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-appointments-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

/** The due items of this file's client on Today, as their kinds. */
async function dueKinds() {
  await byTestId(page, 'nav-home').click();
  await screen(page, 'home');
  await page.locator('[data-testid="today"][aria-busy="false"]').waitFor();
  return page.locator(`[data-testid="due-item"][data-client="${clientId}"]`).evaluateAll((items) => items.map((i) => i.dataset.kind));
}

async function planAppointment(kind, date, time) {
  await byTestId(page, 'new-appointment').click();
  const dialog = byTestId(page, 'appointment-dialog');
  await dialog.waitFor();
  await byTestId(page, 'appointment-kind').selectOption(kind);
  await byTestId(page, 'appointment-date').fill(date);
  await byTestId(page, 'appointment-time').fill(time);
  await byTestId(page, 'appointment-save').click();
  await byTestId(page, 'appointments-notice').filter({ hasText: 'Planned' }).waitFor();
}

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
});

test('an appointment planned for two days ago and never recorded is due on Today', async () => {
  await newClient(page, NAME);
  clientId = Number(await page.locator('[data-client-id]').first().getAttribute('data-client-id').catch(() => '0'));
  await byTestId(page, 'tab-sessions').click();
  await byTestId(page, 'client-appointments').waitFor();
  await planAppointment('preparation', addDays(TODAY, -2), '15:00');
  const row = byTestId(page, 'appointment-row').first();
  assert.equal(await row.getAttribute('data-status'), 'planned');
  if (!clientId) {
    // The client's id, from the Today item about them.
    await byTestId(page, 'nav-home').click();
    await page.locator('[data-testid="today"][aria-busy="false"]').waitFor();
    const item = byTestId(page, 'due-item').filter({ hasText: NAME });
    clientId = Number(await item.first().getAttribute('data-client'));
  }
  assert.ok(clientId > 0);
  assert.deepEqual(await dueKinds(), ['appointment']);
});

test('opened from Today and held, it becomes its session, whose notes are then due; finalised, they leave', async () => {
  await page.locator(`[data-testid="due-item"][data-client="${clientId}"][data-kind="appointment"] [data-testid="due-open"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'client-appointments').waitFor();
  await byTestId(page, 'appointment-hold').first().click();
  const editor = byTestId(page, 'session-editor');
  await editor.waitFor();
  const sessionId = await editor.getAttribute('data-session-id');
  assert.ok(Number(sessionId) > 0);
  assert.equal(await byTestId(page, 'session-date').inputValue(), addDays(TODAY, -2));
  assert.equal(await byTestId(page, 'session-time').inputValue(), '15:00');

  assert.deepEqual(await dueKinds(), ['notes']);
  await page.locator(`[data-testid="due-item"][data-client="${clientId}"][data-kind="notes"] [data-testid="due-open"]`).click();
  await screen(page, 'client');
  await page.locator(`[data-testid="session-editor"][data-session-id="${sessionId}"]`).waitFor();
  await byTestId(page, 'session-finalise').click();
  await byTestId(page, 'finalise-dialog-confirm').click();
  await byTestId(page, 'session-finalised').waitFor();
  assert.deepEqual(await dueKinds(), []);
});

test('a medicine session held and finalised proposes its follow-up, which becomes three appointments', async () => {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await byTestId(page, 'client-row').filter({ hasText: NAME }).first().click();
  await screen(page, 'client');
  await byTestId(page, 'tab-sessions').click();
  await byTestId(page, 'client-appointments').waitFor();
  await planAppointment('medicine', TODAY, '09:00');
  await page.locator('[data-testid="appointment-row"][data-status="planned"] [data-testid="appointment-hold"]').first().click();
  await byTestId(page, 'session-editor').waitFor();
  await byTestId(page, 'session-finalise').click();
  await byTestId(page, 'finalise-dialog-confirm').click();

  const dialog = byTestId(page, 'follow-up-dialog');
  await dialog.waitFor();
  const rows = byTestId(page, 'follow-up-row');
  assert.equal(await rows.count(), 3);
  const dates = await byTestId(page, 'follow-up-date').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(dates, [addDays(TODAY, 2), addDays(TODAY, 7), addDays(TODAY, 21)]);
  // The therapist moves the check-in to the next day.
  await byTestId(page, 'follow-up-date').first().fill(addDays(TODAY, 1));
  await byTestId(page, 'follow-up-save').click();
  await byTestId(page, 'follow-up-notice').filter({ hasText: 'Planned 3 appointments' }).waitFor();

  await byTestId(page, 'session-close').click();
  await byTestId(page, 'client-appointments').waitFor();
  const planned = page.locator('[data-testid="client-appointments"] [data-testid="appointment-row"][data-status="planned"]');
  await planned.nth(2).waitFor();
  assert.equal(await planned.count(), 3);
  // Today lists the check-in of tomorrow in its week, and no check-in is due any more.
  assert.deepEqual(await dueKinds(), []);
  const week = await byTestId(page, 'today').innerText();
  assert.match(week, new RegExp(NAME));
});

test('the day sheet prints the week with the client and the kind of each appointment', async () => {
  await byTestId(page, 'nav-home').click();
  await page.locator('[data-testid="today"][aria-busy="false"]').waitFor();
  const before = printed(PRINT_LOG).length;
  await byTestId(page, 'today-print').click();
  for (let i = 0; i < 100 && printed(PRINT_LOG).length === before; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(printed(PRINT_LOG).length, before + 1, 'the viewer was asked to open the day sheet');
  const text = pdfText(printed(PRINT_LOG).at(-1));
  assert.match(text, /Day sheet/);
  assert.match(text, /Ilse/);
  assert.match(text, /Integration session/);
});
