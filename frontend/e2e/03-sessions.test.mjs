// Sessions and integration in a real browser against the real Go backend: a
// medicine session with its intentions, setting plan and the touch agreement
// in force; shifts on days 1, 3, 7 and 14 typed with the keyboard alone; a
// transcription corrected; a pattern linked to two shifts; the integration
// view; finalised notes that take only addenda. Runs after
// 02-clients.test.mjs on the same vault; the steps share state, so they run
// in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, E2E_PASSPHRASE, launch, openVault, screen, byTestId, newClient, finaliseSession } from './harness.mjs';

const NAME = 'Ilse Ångström (e2e)';
const INTENTION = 'To let the music carry me when words stop';
const SUMMARY = 'A quiet session; tears in the second hour, then rest.';
const PRIVATE_NOTE = 'PRIVATE-OTTER-7310';
const MEDICINE_DATE = '2026-03-28';
const SHIFTS = [
  { day: 1, area: 3, intensity: 2, words: 'Shoulders lower all day' },
  { day: 3, area: 4, intensity: 4, words: 'Cried at the bakery; it was not sadness', justNoticing: true },
  { day: 7, area: 2, intensity: 3, words: 'Called my sister without a reason' },
  { day: 14, area: 6, intensity: 5, words: 'Walked instead of scrolling in the evening' },
];

let browser, page;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-sessions-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

async function tab(name) {
  await byTestId(page, `tab-${name}`).click();
  await byTestId(page, `tab-panel-${name}`).waitFor();
}

test('a client with an intention and a touch agreement', async () => {
  await openVault(page);
  await newClient(page, NAME);

  await tab('plan');
  await byTestId(page, 'add-intention').click();
  await byTestId(page, 'plan-text').fill(INTENTION);
  await byTestId(page, 'plan-add-submit').click();
  await byTestId(page, 'plan-item-text').getByText(INTENTION).waitFor();

  await tab('agreements');
  await byTestId(page, 'agreement-start-touch').click();
  await byTestId(page, 'agreement-term-welcome').fill('A hand on my shoulder if I reach out.');
  await byTestId(page, 'agreement-term-stop_signal').fill('I raise my left hand.');
  await byTestId(page, 'agreement-submit').click();
  await byTestId(page, 'agreement').first().waitFor();
});

test('a medicine session with its intention, a setting plan and the touch agreement beside it', async () => {
  await tab('sessions');
  await byTestId(page, 'new-session-kind').selectOption('medicine');
  await byTestId(page, 'new-session').click();
  const editor = byTestId(page, 'session-editor');
  await editor.waitFor();
  await byTestId(page, 'session-date').fill(MEDICINE_DATE);
  await byTestId(page, 'session-time').fill('9:30');
  await byTestId(page, 'session-intention').check();
  await byTestId(page, 'session-summary').fill(SUMMARY);
  await byTestId(page, 'session-private-notes').fill(PRIVATE_NOTE);
  // What reaches the client carries the shared mark in its label; the private notes do not.
  const marks = (testid) =>
    page.locator(`[data-testid="${testid}"]`).evaluate((input) => document.querySelector(`label[for="${input.id}"]`)?.querySelectorAll('[data-testid="shared-mark"]').length ?? -1);
  for (const testid of ['session-summary', 'session-practice', 'session-somatic', 'session-resourcing']) {
    assert.equal(await marks(testid), 1, `${testid} is marked as reaching the client`);
  }
  assert.equal(await marks('session-private-notes'), 0, 'private notes carry no shared mark');
  assert.match(await editor.locator('[data-testid="shared-mark"]').first().innerText(), /sees this/);
  await byTestId(page, 'session-save').click();
  await page.locator('[data-testid="session-editor"]:not([data-session-id="0"])').waitFor();
  assert.equal(await byTestId(page, 'session-time').inputValue(), '09:30', 'the time is normalised');

  await byTestId(page, 'setting-category').selectOption('music');
  await byTestId(page, 'setting-text').fill('Quiet piano, no words, for the first hour');
  await byTestId(page, 'setting-by').selectOption('client');
  await byTestId(page, 'setting-add').click();
  const element = byTestId(page, 'setting-element').first();
  await element.waitFor();
  await element.getByTestId('comfort-welcome').check();
  await page.locator('[data-testid="setting-element"][data-comfort="welcome"]').waitFor();
  assert.match(await byTestId(page, 'setting-touch').innerText(), /left hand/);
  await page.screenshot({ path: `${ARTIFACTS}/e2e-setting-plan.png`, fullPage: true });
});

test('the setting is designed together on the client’s screen, each element with its author', async () => {
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  const plan = byTestId(page, 'cc-setting-session').first();
  await plan.waitFor();
  // The client says how the music the therapist's form recorded feels, then adds an element of their own.
  const music = plan.getByTestId('setting-element').filter({ hasText: 'Quiet piano' });
  await music.getByTestId('comfort-unsure').check();
  await plan.locator('[data-testid="setting-element"][data-comfort="unsure"]').waitFor();
  assert.equal(await plan.getByTestId('setting-by').count(), 0, 'the bar says who is writing');
  await plan.getByTestId('setting-category').selectOption('objects');
  await plan.getByTestId('setting-text').fill('My grandmother’s blue scarf');
  await plan.getByTestId('setting-add').click();
  await plan.getByTestId('setting-element').filter({ hasText: 'blue scarf' }).waitFor();
  // The therapist offers one openly, as themselves.
  await byTestId(page, 'cocreation-writer-therapist').check();
  await plan.getByTestId('setting-category').selectOption('lighting');
  await plan.getByTestId('setting-text').fill('A salt lamp, dimmed');
  await plan.getByTestId('setting-add').click();
  const lamp = plan.getByTestId('setting-element').filter({ hasText: 'salt lamp' });
  await lamp.waitFor();
  assert.match(await lamp.innerText(), /your therapist/i);
  // Comfortable for both: the therapist says how the music feels to them too.
  await music.getByTestId('therapist-comfort-welcome').check();
  await plan.locator('[data-testid="setting-element"][data-therapist-comfort="welcome"]').filter({ hasText: 'Quiet piano' }).waitFor();
  await byTestId(page, 'cocreation-writer-client').check();
  await byTestId(page, 'cc-step-setting').click();
  await page.screenshot({ path: `${ARTIFACTS}/e2e-cocreation-setting.png` });

  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
  await tab('sessions');
  await byTestId(page, 'session-row').first().locator('button.row').click();
  const own = byTestId(page, 'setting-element').filter({ hasText: 'blue scarf' });
  await own.waitFor();
  assert.match(await own.innerText(), new RegExp(`Proposed by \u2068?${NAME.split(' ')[0]}`));
  assert.match(await byTestId(page, 'setting-element').filter({ hasText: 'salt lamp' }).innerText(), /Proposed by you/);
  assert.equal(await byTestId(page, 'setting-element').filter({ hasText: 'Quiet piano' }).getAttribute('data-therapist-comfort'), 'welcome');
});

test('shifts on days 1, 3, 7 and 14, typed with the keyboard alone', async () => {
  await tab('worksheet');
  const day = byTestId(page, 'shift-day');
  await day.waitFor();
  assert.equal(await byTestId(page, 'shift-by').inputValue(), 'client', 'a transcribed worksheet is written by the client');
  for (const s of SHIFTS) {
    await day.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(s.day));
    await page.keyboard.press('Tab'); // area: its number picks it
    await page.keyboard.type(String(s.area));
    await page.keyboard.press('Tab'); // intensity
    await page.keyboard.type(String(s.intensity));
    await page.keyboard.press('Tab'); // just noticing
    if (s.justNoticing) await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // the client's words
    await page.keyboard.type(s.words);
    await page.keyboard.press('Enter');
    await byTestId(page, 'shift').filter({ hasText: s.words }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'shift-day', 'back on the day for the next entry');
  }
  const days = await byTestId(page, 'shift').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-day'))));
  assert.deepEqual(days, [1, 3, 7, 14]);
  const bakery = byTestId(page, 'shift').filter({ hasText: 'bakery' });
  assert.match(await bakery.innerText(), /Emotions/);
  assert.match(await bakery.innerText(), /just noticing/);
  assert.match(await bakery.innerText(), /intensity 4/);
});

test('a shift without words is refused next to the field, and nothing is saved', async () => {
  const before = await byTestId(page, 'shift').count();
  await byTestId(page, 'shift-words').fill('');
  await byTestId(page, 'shift-add').click();
  await page.locator('[data-testid="shift-words"][aria-invalid="true"]').waitFor();
  assert.equal(await byTestId(page, 'shift').count(), before);
});

test('a meaning made together sits beside the client’s words', async () => {
  const shift = byTestId(page, 'shift').filter({ hasText: 'Called my sister' });
  await shift.getByTestId('meaning-open').click();
  await byTestId(page, 'meaning-text').fill('Reaching out feels safe again.');
  await byTestId(page, 'meaning-save').click();
  await shift.getByTestId('shift-meaning').waitFor();
  assert.match(await shift.innerText(), /Called my sister without a reason/);
});

test('a transcription mistake is corrected, and the history keeps the words as they were', async () => {
  const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  const shift = byTestId(page, 'shift').filter({ hasText: 'Shoulders lower' });
  await shift.getByTestId('correct-open').click();
  const form = byTestId(page, 'correct-form');
  await form.waitFor();
  assert.equal(await active(), 'correct-words', 'ready to fix the words');
  assert.equal(await byTestId(page, 'correct-day').inputValue(), '1');
  // A day that is not a number is refused beside the field; nothing is saved.
  await byTestId(page, 'correct-day').fill('');
  await byTestId(page, 'correct-save').click();
  await page.locator('[data-testid="correct-day"][aria-invalid="true"]').waitFor();
  assert.equal(await active(), 'correct-day');
  await byTestId(page, 'correct-day').fill('2');
  assert.equal(await byTestId(page, 'correct-day').getAttribute('aria-invalid'), null, 'the message goes once the day is edited');
  assert.match(await byTestId(page, 'correct-date').innerText(), /30 March 2026/);
  await byTestId(page, 'correct-intensity').selectOption('3');
  await byTestId(page, 'correct-words').fill('Shoulders lower all day long');
  await form.screenshot({ path: `${ARTIFACTS}/e2e-shift-correction.png` });
  await page.keyboard.press('Enter');
  await form.waitFor({ state: 'detached' });
  const fixed = byTestId(page, 'shift').filter({ hasText: 'all day long' });
  assert.equal(await fixed.getAttribute('data-day'), '2');
  assert.match(await fixed.innerText(), /intensity 3/);
  assert.equal(await active(), 'correct-open', 'focus back on the entry');
  assert.match(await byTestId(page, 'shift-status').innerText(), /Corrected: day 2/);
  const days = await byTestId(page, 'shift').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-day'))));
  assert.deepEqual(days, [2, 3, 7, 14]);
  // Escape leaves a correction without saving it.
  await fixed.getByTestId('correct-open').click();
  await byTestId(page, 'correct-words').fill('Something else entirely');
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  assert.match(await fixed.innerText(), /all day long/);
  await tab('history');
  await byTestId(page, 'history-line').filter({ hasText: '“Shoulders lower all day” became “Shoulders lower all day long”' }).waitFor();
  await tab('worksheet');
});

test('a pattern named in the client’s words, linked to two shifts', async () => {
  await tab('patterns');
  await byTestId(page, 'pattern-add').click();
  await byTestId(page, 'pattern-name').fill('I have to earn my rest');
  await byTestId(page, 'pattern-save').click();
  const pattern = byTestId(page, 'pattern').first();
  await pattern.waitFor();
  await pattern.getByTestId('pattern-link').click();
  const dialog = byTestId(page, 'pattern-link-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('link-shift').nth(0).check();
  await dialog.getByTestId('link-shift').nth(3).check();
  await byTestId(page, 'pattern-links-save').click();
  await pattern.getByTestId('pattern-links').filter({ hasText: '2 shifts' }).waitFor();
});

test('the integration view gathers intentions, shifts by area and patterns', async () => {
  await tab('sessions');
  await byTestId(page, 'new-session-kind').selectOption('integration');
  await byTestId(page, 'new-session').click();
  await byTestId(page, 'session-date').fill('2026-04-12');
  await byTestId(page, 'session-save').click();
  await page.locator('[data-testid="session-editor"]:not([data-session-id="0"])').waitFor();
  await byTestId(page, 'open-integration-view').click();
  const view = byTestId(page, 'integration-view');
  await view.waitFor();
  assert.match(await byTestId(page, 'integration-intentions').innerText(), /music carry me/);
  assert.equal(await byTestId(page, 'integration-area').count(), 4, 'four areas of life');
  for (const s of SHIFTS) assert.match(await byTestId(page, 'integration-shifts').innerText(), new RegExp(s.words.slice(0, 12)));
  assert.match(await byTestId(page, 'integration-patterns').innerText(), /earn my rest/);
  await page.screenshot({ path: `${ARTIFACTS}/e2e-integration-view.png`, fullPage: true });
  await byTestId(page, 'integration-back').click();
  await byTestId(page, 'session-editor').waitFor();
});

test('finalised notes cannot be edited, only amended with an addendum', async () => {
  await byTestId(page, 'session-close').click();
  await page.locator('[data-testid="session-row"][data-kind="medicine"] button').click();
  await finaliseSession(page, { medicine: true });
  assert.equal(await byTestId(page, 'session-summary').count(), 0, 'the notes can no longer be edited');
  assert.equal(await byTestId(page, 'session-save').count(), 0);
  assert.equal(await byTestId(page, 'session-readonly-summary').innerText(), SUMMARY, 'the original stays readable');
  await byTestId(page, 'addendum-text').fill('The client called the next day: a calm morning.');
  await byTestId(page, 'addendum-add').click();
  await byTestId(page, 'addendum').filter({ hasText: 'calm morning' }).waitFor();
  // The Go side refuses an edit too, whatever the page does.
  const refused = await page.evaluate(async (date) => {
    const id = Number(document.querySelector('[data-testid="session-editor"]')?.getAttribute('data-session-id'));
    try {
      await window.go.app.Sessions.Update({ id, kind: 'medicine', date, timeZone: 'UTC', summary: 'rewritten' });
      return 'accepted';
    } catch (error) {
      return String(error);
    }
  }, MEDICINE_DATE);
  assert.match(refused, /finalised/);
});

test('the client types an entry of their own on their screen, and the two write its meaning together', async () => {
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  const sheet = byTestId(page, 'cc-worksheet');
  await sheet.waitFor();
  assert.equal(await sheet.getByTestId('shift-by').count(), 0, 'the bar says who is writing');
  assert.equal(await sheet.getByTestId('correct-open').count(), 0, 'corrections are the therapist’s, on their own screen');
  await sheet.getByTestId('shift-day').fill('21');
  await sheet.getByTestId('shift-words').fill('Sang in the car for the first time in years');
  await sheet.getByTestId('shift-add').click();
  const own = sheet.getByTestId('shift').filter({ hasText: 'Sang in the car' });
  await own.waitFor();
  await byTestId(page, 'cocreation-writer-together').check();
  await own.getByTestId('meaning-open').click();
  await sheet.getByTestId('meaning-text').fill('Joy has room again.');
  await sheet.getByTestId('meaning-save').click();
  await own.getByTestId('shift-meaning').waitFor();
  assert.match(await own.getByTestId('shift-meaning').innerText(), /Joy has room again/);
  await byTestId(page, 'cocreation-writer-client').check();
  await own.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/e2e-cocreation-worksheet.png` });

  // A pattern named in the client's words, its status moved on together, and a resource added.
  const patterns = byTestId(page, 'cc-patterns');
  await patterns.getByTestId('pattern-add').click();
  await patterns.getByTestId('pattern-name').fill('Joy has to be earned first');
  await patterns.getByTestId('pattern-save').click();
  const pattern = patterns.getByTestId('pattern').filter({ hasText: 'Joy has to be earned first' });
  await pattern.waitFor();
  await byTestId(page, 'cocreation-writer-together').check();
  await pattern.getByTestId('pattern-change-status').click();
  await pattern.getByTestId('pattern-form-save').click();
  await patterns.locator('[data-testid="pattern"][data-status="exploring"]').filter({ hasText: 'Joy has to be earned first' }).waitFor();
  await byTestId(page, 'cocreation-writer-client').check();
  await patterns.getByTestId('resource-add').click();
  await patterns.getByTestId('resource-name').fill('Singing along to old songs');
  await patterns.getByTestId('resource-save').click();
  await patterns.getByTestId('resource').filter({ hasText: 'Singing along' }).waitFor();

  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
  await tab('history');
  await byTestId(page, 'history-line').filter({ hasText: 'Sang in the car' }).first().waitFor();
  assert.match(await byTestId(page, 'history-line').filter({ hasText: 'Sang in the car' }).first().innerText(), new RegExp(NAME.split(' ')[0]));
});
