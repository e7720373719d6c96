// Fees in a real browser against the real Go backend: the sliding scale set up
// in the fees screen, the client choosing a tier in co-creation mode and the
// therapist confirming it, a free session, a payment allocated to sessions, a
// mistaken payment reversed, a receipt printed (its balance the one the page
// shows), the reciprocity view counting the free session, and the overview's
// CSV export.
//
// Runs after 02-clients.test.mjs on the same vault (any earlier file may have
// added clients and sessions; none records fees).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, ARTIFACTS, E2E_PASSPHRASE, TODAY, addDays, launch, openVault, screen, byTestId, printed, pdfText, newClient } from './harness.mjs';

const NAME = 'Tamsin Fictional-Okoro';
const PRINT_LOG = process.env.E2E_PRINT_LOG ?? '';
const DIALOGS = process.env.E2E_DIALOG_DIR ?? '';
// A medicine session a month ago and two integration sessions after it, whatever day it is.
const SESSIONS = [['medicine', addDays(TODAY, -31)], ['integration', addDays(TODAY, -28)], ['integration', addDays(TODAY, -14)]];

let browser, page, clientId;
const sessionIds = [];

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-fees-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

async function openFeesTab() {
  await byTestId(page, 'tab-overview').click();
  await byTestId(page, 'tab-fees').click();
  await byTestId(page, 'fees-tab').waitFor();
  await byTestId(page, 'fees-tier').waitFor();
}

const balance = async () => (await byTestId(page, 'fees-balance').innerText()).trim();

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
});

test('the sliding scale is set up in the fees screen, in pounds, with two tiers', async () => {
  await byTestId(page, 'nav-fees').click();
  await screen(page, 'fees');
  // With no tiers yet, the screen opens on the scale.
  await byTestId(page, 'fees-panel-policy').waitFor();
  await byTestId(page, 'policy-currency').selectOption('GBP');
  await byTestId(page, 'policy-reasoning').fill('Fictional reasoning: those who can pay more make the lower step possible.');
  await byTestId(page, 'policy-save').click();
  await byTestId(page, 'fees-screen-notice').filter({ hasText: 'Saved' }).waitFor();

  for (const [name, medicine, other] of [
    ['Community', '300', '60'],
    ['Sustaining', '550', '110'],
  ]) {
    await byTestId(page, 'tier-add').click();
    await byTestId(page, 'tier-name').fill(name);
    await byTestId(page, 'tier-description').fill(`Who the ${name} step is for, in plain words.`);
    await byTestId(page, 'tier-fee-medicine').fill(medicine);
    for (const kind of ['preparation', 'integration', 'other']) await byTestId(page, `tier-fee-${kind}`).fill(other);
    await byTestId(page, 'tier-save').click();
    await byTestId(page, 'tier').filter({ hasText: name }).waitFor();
  }
  assert.match(await byTestId(page, 'tier').first().innerText(), /Medicine session £300\.00/);

  // A reciprocity commitment: one session in ten offered freely.
  await byTestId(page, 'fees-section-reciprocity').click();
  await byTestId(page, 'commitment-add').click();
  await byTestId(page, 'commitment-kind').selectOption('free_sessions');
  await byTestId(page, 'commitment-description').fill('One session in ten offered at no cost.');
  await byTestId(page, 'commitment-every').fill('10');
  await byTestId(page, 'commitment-save').click();
  await byTestId(page, 'commitment').filter({ hasText: 'One in 10' }).waitFor();
});

test('the client chooses a tier in co-creation mode, in their own words', async () => {
  await newClient(page, NAME);
  clientId = Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id'));

  // Fees appear in co-creation only when today's agenda has them.
  await byTestId(page, 'agenda').locator('summary').click();
  await byTestId(page, 'agenda-fees').check();
  await byTestId(page, 'agenda-summary').filter({ hasText: 'Fees' }).waitFor();
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  await byTestId(page, 'cc-step-fees').waitFor();
  const fees = byTestId(page, 'cc-fees');
  await fees.waitFor();
  assert.match(await fees.innerText(), /Fictional reasoning/);
  assert.doesNotMatch(await fees.innerText(), /Balances not settled|Received/, 'nothing of the practice is shown');
  await byTestId(page, 'cc-tier').filter({ hasText: 'Community' }).getByTestId('cc-tier-choose').click();
  await byTestId(page, 'cc-tier-reason').fill('What I can manage while I study.');
  await byTestId(page, 'cc-tier-confirm').click();
  await byTestId(page, 'cc-fees-tier').filter({ hasText: 'You chose Community' }).waitFor();

  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
});

test('the therapist confirms the choice; sessions from then on take the tier’s fee', async () => {
  await openFeesTab();
  const pending = byTestId(page, 'fees-pending');
  await pending.waitFor();
  assert.match(await pending.innerText(), /What I can manage while I study/);
  await byTestId(page, 'fees-confirm-tier').click();
  await byTestId(page, 'fees-current-tier').filter({ hasText: 'Community' }).waitFor();

  // Sessions are added through the binding the session editor uses.
  const ids = await page.evaluate(async ({ id, dates }) => {
    const base = { id: 0, clientId: id, time: '10:00', timeZone: 'Europe/London', minutes: 60, modality: 'in_person', place: '', summary: '',
      privateNotes: '', practice: '', somatic: '', resourcing: '', intentionIds: [], setting: [], medicine: { substance: '', dose: '', times: '' },
      adverseEvents: [], finalisedAt: '', addenda: [], created: '', updated: '' };
    const out = [];
    for (const [kind, date] of dates) {
      out.push((await window.go.app.Sessions.Add({ ...base, kind, date })).id);
    }
    return out;
  }, { id: clientId, dates: SESSIONS });
  sessionIds.push(...ids);
  await openFeesTab();
  assert.equal(await balance(), '£420.00 to pay');
});

test('a session offered freely', async () => {
  await page.locator(`[data-testid="fee-session"][data-session-id="${sessionIds[2]}"]`).getByTestId('fees-change-fee').click();
  await byTestId(page, 'fee-dialog').waitFor({ state: 'visible' });
  await byTestId(page, 'fee-basis-free').check();
  await byTestId(page, 'fee-save').click();
  await byTestId(page, 'fee-dialog').waitFor({ state: 'hidden' });
  const row = page.locator(`[data-testid="fee-session"][data-session-id="${sessionIds[2]}"]`);
  assert.match(await row.getByTestId('fee-amount').innerText(), /£0\.00\s*Offered freely/);
  assert.equal(await balance(), '£360.00 to pay');
});

test('a payment, allocated oldest first, and a mistaken one reversed', async () => {
  await byTestId(page, 'fees-record-payment').click();
  await byTestId(page, 'payment-amount').fill('320');
  await byTestId(page, 'payment-amount').blur();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="payment-allocation"]').length === 2);
  const suggested = await page.locator('[data-testid="payment-allocation"]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(suggested, ['300.00', '20.00'], 'the medicine session first, then the rest');
  await byTestId(page, 'payment-method').selectOption('card');
  await byTestId(page, 'payment-save').click();
  await byTestId(page, 'fees-notice').filter({ hasText: '£320.00' }).waitFor();
  assert.equal(await balance(), '£40.00 to pay');

  // Entered twice by mistake, then reversed: both entries stay.
  await byTestId(page, 'fees-record-payment').click();
  await byTestId(page, 'payment-amount').fill('320');
  await byTestId(page, 'payment-amount').blur();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="payment-allocation"]').length === 1);
  await page.locator('[data-testid="payment-allocation"]').fill('');
  await byTestId(page, 'payment-save').click();
  // The first payment's notice says the same amount: wait for the second payment itself.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="payment"]').length === 2);
  assert.equal(await balance(), '£280.00 in credit');
  await byTestId(page, 'payment').first().getByTestId('payment-reverse').click();
  await byTestId(page, 'reverse-dialog').waitFor({ state: 'visible' });
  await byTestId(page, 'reverse-reason').fill('Recorded twice by mistake.');
  await byTestId(page, 'reverse-confirm').click();
  await byTestId(page, 'reverse-dialog').waitFor({ state: 'hidden' });
  assert.equal(await balance(), '£40.00 to pay');
  assert.equal(await byTestId(page, 'payment-reversal').count(), 1);
  assert.equal(await byTestId(page, 'payment-reversed').count(), 1);
  assert.equal(await byTestId(page, 'payment').count(), 3, 'the payment, the mistaken one and its reversal');
});

test('a receipt is printed, and its balance is the one the page shows', async () => {
  const shown = await balance();
  const before = printed(PRINT_LOG).length;
  await page.locator('[data-testid="payment"]:not(.void)').getByTestId('payment-receipt').click();
  for (let i = 0; i < 100 && printed(PRINT_LOG).length === before; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(printed(PRINT_LOG).length, before + 1, 'the viewer was asked to open the receipt');
  const text = pdfText(printed(PRINT_LOG).at(-1));
  assert.match(text, /Receipt/);
  assert.match(text, /£320\.00/);
  assert.ok(text.includes(NAME), 'the client’s chosen name');
  assert.ok(text.includes(shown), `the receipt shows the balance the page shows (${shown})`);
  assert.doesNotMatch(text, /Recorded twice/, 'the reversed payment is not on the receipt');
});

test('the reciprocity view counts the free session, and the overview exports as CSV', async () => {
  await byTestId(page, 'nav-fees').click();
  await screen(page, 'fees');
  await byTestId(page, 'fees-panel-overview').waitFor();
  // The payment was recorded today (the form's default): its year and month are today's.
  assert.match(await byTestId(page, 'overview-years').innerText(), new RegExp(`${TODAY.slice(0, 4)}\\s+£320\\.00`));
  assert.match(await byTestId(page, 'overview-outstanding').innerText(), new RegExp(`${NAME}\\s+£40\\.00 to pay`));

  await byTestId(page, 'fees-section-reciprocity').click();
  // The free session counts in the year it was held.
  const year = page.locator(`[data-testid="reciprocity-year"][data-year="${SESSIONS[2][1].slice(0, 4)}"]`);
  await year.waitFor();
  assert.equal((await year.getByTestId('reciprocity-free').innerText()).trim(), '1');
  assert.match(await year.innerText(), /sessions offered freely/);

  await byTestId(page, 'fees-section-overview').click();
  await byTestId(page, 'export-months').click();
  await byTestId(page, 'fees-screen-notice').filter({ hasText: 'Exported' }).waitFor();
  const csv = readFileSync(join(DIALOGS, 'practice-months.csv'), 'utf8');
  assert.match(csv, /^month,income \(GBP\)/);
  assert.match(csv, new RegExp(`\\n${TODAY.slice(0, 7)},320\\.00,`));
});
