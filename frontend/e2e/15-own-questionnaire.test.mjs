// The therapist's own questionnaire, in a real browser against the real Go backend: defined in
// Settings (reverse-scored questions, averaged, two subscales, a mistake refused and corrected),
// answered on a client's Measures tab, charted, printed blank; then changed into version 2, after which the answers
// recorded on version 1 keep their score and a new answer is scored on version 2; a schedule puts a
// questionnaire on Today until it is ended; then the questionnaire is retired.
//
// Runs after 01-vault.test.mjs on the shared vault, alone or in the full run: it adds one client and
// one questionnaire (retired at the end) and leaves the vault opening with the shared passphrase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, TODAY, addDays, launch, openVault, screen, byTestId, newClient, setAutoLock, printed, pdfText } from './harness.mjs';

const PRINT_LOG = process.env.E2E_PRINT_LOG ?? '';

const NAME = 'Perpetua Lindqvist-Oyelaran (fictional)';
const TITLE = 'Morning Ease Scale (fictional)';
const QUESTIONS = [
  'I woke feeling rested',
  'I woke with a heavy head',
  'I looked forward to the day',
  'My shoulders felt tight',
  'I could sit still with my tea',
  'My thoughts raced',
];
/**
 * Answers 1 to 6 on a 1–5 scale. Version 1 reverses 2, 4 and 6 (6 − value): 4 4 5 5 3 4, mean 25/6,
 * 4.17; Rest (1–3, averaged) 13/3, 4.33; Ease (4–6, added up) 12. Version 2 reverses only 2 and 4:
 * 4 4 5 5 3 2, mean 23/6, 3.83.
 */
const ANSWERS = [4, 2, 5, 1, 3, 2];

let browser, page;
let clientId = 0;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});

after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-own-questionnaire-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
  await setAutoLock(page, 30);
});

async function openMeasures() {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await page.locator(`[data-testid="client-row"][data-client-id="${clientId}"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'tab-measures').click();
  await byTestId(page, 'measure-start').waitFor();
}

/** Answers the chosen questionnaire with a digit per question, and saves from the review. */
async function answer(values) {
  await byTestId(page, 'measure-instrument').selectOption({ label: `MES: ${TITLE}` });
  await byTestId(page, 'measure-date').fill(addDays(TODAY, -values.length));
  await byTestId(page, 'measure-begin').click();
  for (const [i, value] of values.entries()) {
    await page.locator(`[data-testid="measure-question"][data-item="${i + 1}"]`).waitFor();
    await page.keyboard.press(String(value));
  }
  await byTestId(page, 'measure-review').waitFor();
  await byTestId(page, 'measure-finish').click();
  await byTestId(page, 'measures-notice').waitFor();
  return byTestId(page, 'measures-notice').innerText();
}

test('the Measures tab leads to Settings, where a questionnaire is defined; a subscale naming a missing question is refused', async () => {
  await newClient(page, NAME);
  clientId = Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id'));
  await byTestId(page, 'tab-measures').click();
  await byTestId(page, 'measure-own').click();
  await screen(page, 'settings');
  const section = byTestId(page, 'questionnaire-settings');
  await section.waitFor();
  assert.equal(await section.locator('[data-testid="instrument"][data-key="phq9"]').count(), 1, 'the built-in ones are listed');
  await byTestId(page, 'instrument-new').click();
  const editor = byTestId(page, 'instrument-editor');
  await editor.waitFor();
  await byTestId(page, 'instrument-name').fill(TITLE);
  await byTestId(page, 'instrument-short-name').fill('MES');
  await byTestId(page, 'instrument-licence').fill('Written for these tests; no licence is needed (fictional).');
  await byTestId(page, 'instrument-scale-min').fill('1');
  await byTestId(page, 'instrument-scale-max').fill('5');
  const labels = byTestId(page, 'instrument-option');
  assert.equal(await labels.count(), 5, 'a wording field for each value of 1 to 5');
  await labels.nth(0).fill('Not at all');
  await labels.nth(2).fill('Somewhat');
  await labels.nth(4).fill('Very much');
  await byTestId(page, 'instrument-questions').fill(QUESTIONS.join('\n'));
  await editor.getByText('6 questions').waitFor();
  await byTestId(page, 'instrument-reverse').fill('2, 4, 6');
  await byTestId(page, 'instrument-scoring-mean').check();
  await byTestId(page, 'instrument-reliable-change').fill('0.3');
  await byTestId(page, 'instrument-reliable-source').fill('a fictional manual, for these tests');
  await byTestId(page, 'instrument-add-subscale').click();
  await byTestId(page, 'subscale-name').nth(0).fill('Rest');
  await byTestId(page, 'subscale-items').nth(0).fill('1-9');
  await byTestId(page, 'instrument-add-subscale').click();
  await byTestId(page, 'subscale-name').nth(1).fill('Ease');
  await byTestId(page, 'subscale-items').nth(1).fill('4-6');
  await byTestId(page, 'subscale-scoring').nth(1).selectOption('sum');
  await byTestId(page, 'instrument-save').click();
  await editor.getByText('Type question numbers from 1 to 6').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'subscale-name', 'focus goes to the subscale at fault');
  await byTestId(page, 'subscale-items').nth(0).fill('1-3');
  await editor.screenshot({ path: `${ARTIFACTS}/e2e-instrument-editor.png` });
  await byTestId(page, 'instrument-save').click();
  await byTestId(page, 'instruments-notice').filter({ hasText: 'is saved' }).waitFor();
  const card = section.locator('[data-testid="instrument"]').filter({ hasText: TITLE });
  assert.match(await card.innerText(), /Version 1 · 6 questions · Answers averaged/);
});

test('the questionnaire is answered on the client’s Measures tab, scored with its reverse items and subscales, and charted', async () => {
  await openMeasures();
  assert.match(await answer(ANSWERS), /MES.*4\.17/);
  const row = byTestId(page, 'measure-row').filter({ hasText: 'MES' });
  assert.match(await row.locator('summary').innerText(), /MES\s*4\.17/);
  await row.locator('summary').click();
  assert.equal(await row.locator('[data-testid="measure-subscales"]').innerText(), 'Rest: 4.33 · Ease: 12');
  assert.equal(await row.locator('[data-testid="measure-version"]').innerText(), 'Answered on version 1 of this questionnaire.');
  const chart = page.locator('[data-testid="tab-panel-measures"] [data-testid="measure-chart"]');
  await chart.locator('[data-testid="measure-chart-point"][data-total="4.17"]').waitFor();
});

test('printed blank for the client, it carries every question and the licence', async () => {
  await byTestId(page, 'measure-instrument').selectOption({ label: `MES: ${TITLE}` });
  const before = printed(PRINT_LOG).length;
  await byTestId(page, 'measure-print-blank').click();
  for (let i = 0; i < 100 && printed(PRINT_LOG).length === before; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(printed(PRINT_LOG).length, before + 1, 'the viewer was asked to open the blank questionnaire');
  const text = pdfText(printed(PRINT_LOG).at(-1));
  for (const want of [TITLE, 'Perpetua Lindqvist-Oyelaran', 'To answer by hand', '6. My thoughts raced', 'Answers: 1 Not at all · 2 · 3 Somewhat · 4 · 5 Very much', 'Used under: Written for these tests']) {
    assert.ok(text.includes(want), `the blank form lacks “${want}”: ${text}`);
  }
});

test('a changed definition is version 2; the answers on version 1 keep their score', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await byTestId(page, 'measure-own').click();
  await screen(page, 'settings');
  const card = byTestId(page, 'questionnaire-settings').locator('[data-testid="instrument"]').filter({ hasText: TITLE });
  await card.locator('[data-testid="instrument-edit"]').click();
  await byTestId(page, 'instrument-editor').getByText('Saving makes version 2').waitFor();
  assert.equal(await byTestId(page, 'instrument-reverse').inputValue(), '2, 4, 6');
  await byTestId(page, 'instrument-reverse').fill('2, 4');
  await byTestId(page, 'instrument-save').click();
  await byTestId(page, 'instruments-notice').filter({ hasText: 'saved as version 2' }).waitFor();

  await openMeasures();
  assert.match(await answer(ANSWERS), /MES.*3\.83/);
  const rows = byTestId(page, 'measure-row').filter({ hasText: 'MES' });
  assert.equal(await rows.count(), 2);
  // Newest first: the later date is version 2's.
  assert.match(await rows.nth(0).locator('summary').innerText(), /3\.83/);
  assert.match(await rows.nth(1).locator('summary').innerText(), /4\.17/, 'the score recorded on version 1 is unchanged');
  await rows.nth(1).locator('summary').click();
  assert.equal(await rows.nth(1).locator('[data-testid="measure-version"]').innerText(), 'Answered on version 1 of this questionnaire.');
  const chart = page.locator('[data-testid="tab-panel-measures"] [data-testid="measure-chart"]');
  await chart.locator('[data-testid="measure-chart-point"][data-total="3.83"]').waitFor();
  assert.equal(await chart.locator('[data-testid="measure-chart-point"][data-total="4.17"]').count(), 1);
  // −0.34 from the first score reaches the reliable change of 0.3: that point has its ring.
  assert.equal(await chart.locator('[data-testid="measure-chart-reliable"]').count(), 1);
  assert.match(await chart.locator('[data-testid="measure-chart-reliable-key"]').innerText(), /at least 0\.3, the reliable change given by a fictional manual/);
  await chart.screenshot({ path: `${ARTIFACTS}/e2e-own-questionnaire-chart.png` });
});

test('a schedule puts a questionnaire on Today, and ending it takes it off', async () => {
  const dueHere = async () =>
    (await page.evaluate(() => window.go.app.Appointments.Today())).due.filter((d) => d.kind === 'measure' && d.clientId === clientId).map((d) => d.instrumentKey);
  const schedules = byTestId(page, 'measure-schedules');
  await schedules.getByText('No questionnaire is scheduled').waitFor();
  await byTestId(page, 'schedule-save').click();
  await schedules.getByText('Choose the questionnaire to schedule.').waitFor();
  await byTestId(page, 'schedule-instrument').selectOption({ label: 'PHQ-9' });
  await byTestId(page, 'schedule-every-weeks').check();
  await byTestId(page, 'schedule-weeks').fill('4');
  await byTestId(page, 'schedule-from').fill(TODAY);
  await byTestId(page, 'schedule-save').click();
  await byTestId(page, 'schedules-notice').filter({ hasText: 'PHQ-9 is scheduled every 4 weeks' }).waitFor();
  assert.match(await byTestId(page, 'measure-schedule').innerText(), /PHQ-9 · every 4 weeks from/);
  assert.deepEqual(await dueHere(), ['phq9']);
  await byTestId(page, 'measure-schedule-end').click();
  await byTestId(page, 'schedules-notice').filter({ hasText: 'no longer scheduled' }).waitFor();
  assert.equal(await byTestId(page, 'measure-schedule').count(), 0);
  assert.deepEqual(await dueHere(), []);
});

test('retired, it is no longer offered; its answers stay', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await byTestId(page, 'measure-own').click();
  await screen(page, 'settings');
  const card = byTestId(page, 'questionnaire-settings').locator('[data-testid="instrument"]').filter({ hasText: TITLE });
  await card.locator('[data-testid="instrument-retire"]').click();
  await byTestId(page, 'instrument-retire-dialog').getByRole('button', { name: 'Retire' }).click();
  await byTestId(page, 'instruments-notice').filter({ hasText: 'is retired' }).waitFor();
  assert.equal(await card.count(), 0);
  await openMeasures();
  assert.equal(await byTestId(page, 'measure-instrument').locator('option', { hasText: TITLE }).count(), 0);
  assert.equal(await byTestId(page, 'measure-row').filter({ hasText: 'MES' }).count(), 2);
});
