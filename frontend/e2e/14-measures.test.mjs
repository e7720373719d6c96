// Measures, in a real browser against the real Go backend: the client answers a PHQ-9 in
// co-creation mode with the keyboard alone; question 9 answered above zero is shown to the
// therapist only after leaving the mode, calmly, with a place for the follow-up (and on Today
// until it is written); the journey charts the score beside the shifts of a medicine session.
//
// Runs after 01-vault.test.mjs on the shared vault, alone or in the full run: it adds one client
// and leaves the vault opening with the shared passphrase. Dates come from the harness's TODAY.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, E2E_PASSPHRASE, TODAY, addDays, launch, openVault, screen, byTestId, newClient, setAutoLock } from './harness.mjs';

const NAME = 'Ysolde Marchbank-Tewe (fictional)';
/** The client's answers to questions 1 to 10, typed as digits. Total of 1–9: 8 (mild); question 9: 1. */
const ANSWERS = [1, 2, 1, 1, 0, 1, 1, 0, 1, 1];
const MEDICINE = addDays(TODAY, -10);

let browser, page;
let clientId = 0;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});

after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-measures-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
  await setAutoLock(page, 30);
});

/** Presses Tab until the control with this data-testid has the focus (the keyboard's way to it). */
async function tabTo(testid, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testid)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}`);
}

test('a medicine session with shifts, and a questionnaire on today’s agenda', async () => {
  await newClient(page, NAME);
  clientId = Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id'));
  await page.evaluate(async ({ id, date, days }) => {
    const s = await window.go.app.Sessions.Add({ id: 0, clientId: id, kind: 'medicine', date, time: '10:00', timeZone: 'Europe/London', minutes: 240,
      modality: 'in_person', place: '', summary: '', privateNotes: '', practice: '', somatic: '', resourcing: '', intentionIds: [], setting: [],
      medicine: { substance: '', dose: '', times: '' }, adverseEvents: [], finalisedAt: '', addenda: [], created: '', updated: '' });
    for (const d of days) {
      await window.go.app.Sessions.AddShift({ id: 0, clientId: id, sessionId: s.id, noticedOn: d, dayCount: 0, area: 'body', description: 'Shoulders lower at the bus stop',
        justNoticing: true, intensity: 3, recordedBy: 'client', meaning: '', meaningOn: '', meaningBy: '', created: '', updated: '' });
    }
  }, { id: clientId, date: MEDICINE, days: [addDays(MEDICINE, 1), addDays(MEDICINE, 2), addDays(MEDICINE, 6)] });
  await byTestId(page, 'agenda').locator('summary').click();
  await byTestId(page, 'agenda-measures').check();
  await byTestId(page, 'agenda-summary').filter({ hasText: 'questionnaire' }).waitFor();
});

test('the client answers a PHQ-9 with the keyboard alone, and sees no alarm', async () => {
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  await byTestId(page, 'cc-measures').waitFor();
  await tabTo('cc-measure-add');
  await page.keyboard.press('Enter');
  const taker = byTestId(page, 'measure-taker');
  await taker.waitFor();
  assert.match(await taker.innerText(), /PHQ-9/);
  await taker.screenshot({ path: `${ARTIFACTS}/e2e-measure-question.png` });
  for (const [i, value] of ANSWERS.entries()) {
    await page.locator(`[data-testid="measure-question"][data-item="${i + 1}"]`).waitFor();
    // The question's answers have the focus: a digit answers it.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'measure-option');
    await page.keyboard.press(String(value));
  }
  await byTestId(page, 'measure-review').waitFor();
  await taker.screenshot({ path: `${ARTIFACTS}/e2e-measure-review.png` });
  assert.equal(await page.locator('[data-testid="measure-review-answer"][data-item="9"]').innerText(), '1: Several days');
  await tabTo('measure-finish');
  await page.keyboard.press('Enter');
  await byTestId(page, 'cc-measure-done').waitFor();
  const shown = await page.locator('[data-screen="cocreation"]').innerText();
  assert.doesNotMatch(shown, /look at|Question 9 was answered/i, 'nothing alarming on the client’s screen');
  assert.equal(await byTestId(page, 'measure-flag').count(), 0);
  await page.screenshot({ path: `${ARTIFACTS}/e2e-measure-cocreation.png` });
});

test('after leaving, the therapist sees the answer to look at first, and records the follow-up', async () => {
  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
  await byTestId(page, 'tab-panel-measures').waitFor();
  const flag = byTestId(page, 'measure-flag');
  await flag.waitFor();
  assert.match(await flag.innerText(), /question 9 was answered “1: Several days”/);
  await flag.screenshot({ path: `${ARTIFACTS}/e2e-measure-flag.png` });
  const row = byTestId(page, 'measure-row');
  assert.match(await row.innerText(), /PHQ-9\s*8 · Mild/);

  // Today lists it until the follow-up is written.
  await page.evaluate(() => window.go.app.Appointments.Today()).then((today) => {
    assert.ok(today.due.some((d) => d.kind === 'measure_flag' && d.clientId === clientId), 'Today lists the answer to look at');
  });
  await byTestId(page, 'measure-follow-up').fill('Talked it through together; no plan or intent; safety plan reviewed.');
  await byTestId(page, 'measure-follow-up-save').click();
  await byTestId(page, 'measures-notice').filter({ hasText: 'follow-up is saved' }).waitFor();
  assert.equal(await byTestId(page, 'measure-flag').count(), 0);
  const today = await page.evaluate(() => window.go.app.Appointments.Today());
  assert.ok(!today.due.some((d) => d.kind === 'measure_flag' && d.clientId === clientId), 'the follow-up takes it off Today');
});

test('the journey charts the score beside the medicine session and the shifts', async () => {
  await byTestId(page, 'tab-journey').click();
  const chart = page.locator('[data-testid="tab-panel-journey"] [data-testid="measure-chart"]');
  await chart.waitFor();
  assert.equal(await chart.locator('[data-testid="measure-chart-point"]').getAttribute('data-total'), '8');
  assert.match(await chart.locator('[data-testid="measure-chart-summary"]').innerText(), /PHQ-9: one score, 8/);
  await chart.screenshot({ path: `${ARTIFACTS}/e2e-measure-journey.png` });
});
