// A whole medicine day, in a real browser against the real Go backend: readiness shows two things
// missing (the consent and the support person with the way home); the consent is written from the
// practice's template and confirmed by the client in co-creation mode, the support is named, and
// the session is ready. The live log then takes twenty entries by keyboard alone, among them a
// dose, a booster, vitals, a touch request outside the agreement (marked) and an adverse event
// (the safety plan shown at once). The session is finalised and its packet printed and read back.
//
// Runs after 01-vault.test.mjs on the shared vault, alone or in the full run: it adds one client,
// turns on recording substance and dose, and leaves the vault opening with the shared passphrase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeBothThemes, violationLine } from './axe-kit.mjs';
import { URL, ARTIFACTS, E2E_PASSPHRASE, TODAY, launch, openVault, screen, byTestId, newClient, finaliseSession, printed, pdfText } from './harness.mjs';

const PRINT_LOG = process.env.E2E_PRINT_LOG ?? '';
const NAME = 'Wren Obadiah-Lisk (fictional)';
const SAFETY = 'Sit up, feet on the floor, breathe with me; call the emergency contact if it does not ease.';

let browser, page;
let clientId = 0;
/** axe-core (WCAG 2.2 A and AA, both themes) on each new screen on the way; none may be serious. */
const summary = { checks: 0, violations: [] };
const axe = (where) => axeBothThemes(page, summary, where, 'axe');
let sessionId = 0;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});

after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-medicine-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
});

test('a client prepared for a medicine session, all but two things in place', async () => {
  await newClient(page, NAME);
  clientId = Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id'));
  sessionId = await page.evaluate(
    async ({ id, today, name, safety }) => {
      const go = window.go.app;
      await go.Settings.Save({ autoLockMinutes: 30, hasPin: false, recordMedicine: true, paperSize: 'a4' });
      const client = await go.Clients.Record(id);
      await go.Clients.Update({ ...client.client, emergencyContact: 'Ines Obadiah (sister, fictional), 0100 000 000' });
      await go.Medicine.SaveConsentTemplate('Consent for a medicine session (fictional practice)', [
        { key: 'substance', text: 'Psilocybin, taken by mouth; effects last about six hours.' },
        { key: 'risks', text: 'Difficult feelings, raised blood pressure and heart rate, nausea.' },
        { key: 'legal', text: 'Offered under the licence of this fictional practice.' },
        { key: 'right_to_stop', text: 'You may stop at any moment.' },
        { key: 'emergency', text: 'We call the emergency contact and, if needed, emergency services.' },
      ]);
      const confirmed = async (kind, terms) => {
        const a = await go.Clients.AddAgreement({ clientId: id, kind, title: '', terms });
        await go.Clients.ConfirmAgreement(a.id, name, '');
      };
      await confirmed('touch', [
        { key: 'welcome', text: 'A hand on the shoulder when asked.' },
        { key: 'not_welcome', text: 'Any touch to the face or head.' },
        { key: 'how_asked', text: 'Asked aloud each time.' },
        { key: 'stop_signal', text: 'A raised hand.' },
      ]);
      await confirmed('safety', [{ key: 'text', text: safety }]);
      await confirmed('right_to_stop', [{ key: 'text', text: 'Either of us may pause or stop the session.' }]);
      const intention = await go.Clients.AddPlanItem({ clientId: id, kind: 'intention', text: 'Meet the grief with kindness', proposedBy: 'client' });
      await go.Clients.AgreePlanItem(intention.id, '');
      const s = await go.Sessions.Add({ id: 0, clientId: id, kind: 'medicine', date: today, time: '10:00', timeZone: 'Europe/London', minutes: 360,
        modality: 'in_person', place: '', summary: '', privateNotes: '', practice: '', somatic: '', resourcing: '', intentionIds: [intention.id], setting: [],
        medicine: { substance: '', dose: '', times: '' }, adverseEvents: [], finalisedAt: '', addenda: [], created: '', updated: '' });
      await go.Sessions.AddSettingElement({ sessionId: s.id, category: 'music', text: 'Slow piano for the first hour', proposedBy: 'client', comfort: 'welcome' });
      const items = await go.Medicine.ScreeningItems(false);
      await go.Medicine.AddScreening({ clientId: id, screenedOn: today, answeredBy: 'together', note: '',
        answers: items.map((it) => ({ itemId: it.id, item: '', answer: 'no', note: '' })) });
      return s.id;
    },
    { id: clientId, today: TODAY, name: NAME, safety: SAFETY },
  );
  assert.ok(sessionId > 0);
});

async function openSession() {
  // The client's page is read afresh, as the set-up wrote through the bindings.
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await page.locator(`[data-testid="client-row"][data-client-id="${clientId}"]`).click();
  await page.locator(`[data-screen="client"][data-client-id="${clientId}"]`).waitFor();
  await byTestId(page, 'tab-sessions').click();
  await page.locator(`[data-open-session="${sessionId}"]`).click();
  await byTestId(page, 'readiness').waitFor();
  await byTestId(page, 'readiness-state').waitFor();
}

/** The rules not met, as the readiness panel shows them. */
const missingRules = () => page.locator('[data-testid="readiness-check"][data-met="false"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

test('readiness shows exactly the two things missing', async () => {
  await openSession();
  assert.match(await byTestId(page, 'readiness-state').innerText(), /2 things on your checklist are missing/);
  assert.deepEqual(await missingRules(), ['consent_current', 'support_named']);
  await byTestId(page, 'readiness').screenshot({ path: `${ARTIFACTS}/e2e-readiness-missing.png` });
  await byTestId(page, 'readiness-go-ahead-open').click();
  await axe('readiness, two things missing');
  await byTestId(page, 'readiness-go-ahead-open').click();
});

test('the consent is written from the template, and the support named', async () => {
  await byTestId(page, 'readiness-write-consent').click();
  await byTestId(page, 'readiness-note').filter({ hasText: 'The consent is written' }).waitFor();
  await byTestId(page, 'readiness-support').fill('Ines, her sister, staying the night');
  await byTestId(page, 'readiness-way-home').fill('Ines drives her home at six');
  await byTestId(page, 'readiness-save-prep').click();
  await byTestId(page, 'readiness-note').filter({ hasText: 'Saved.' }).waitFor();
  assert.deepEqual(await missingRules(), ['consent_current']);
});

test('the client confirms the consent in co-creation mode', async () => {
  await byTestId(page, 'session-close').click();
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  await byTestId(page, 'cc-step-agreements').click();
  const consent = byTestId(page, 'cc-agreement').filter({ hasText: 'Consent for a medicine session' });
  await consent.waitFor();
  await consent.getByTestId('cc-agreement-confirm').click();
  await byTestId(page, 'cc-confirm-name').fill(NAME);
  await byTestId(page, 'cc-confirm-submit').click();
  await consent.getByTestId('cc-agreement-confirm').waitFor({ state: 'detached' });
  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
});

test('the session is ready', async () => {
  await openSession();
  await page.locator('[data-testid="readiness"][data-ready="true"]').waitFor();
  assert.match(await byTestId(page, 'readiness-state').innerText(), /Ready/);
  assert.deepEqual(await missingRules(), []);
});

/** Presses a key and types each value into the next field (Tab between them), then Enter. */
async function entry(key, ...values) {
  await page.keyboard.press(key);
  await byTestId(page, 'log-form').waitFor();
  for (const [i, v] of values.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(v);
  }
  const before = await byTestId(page, 'log-entry').count();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="log-entry"]').length === n + 1, before);
}

test('the live log takes twenty entries by keyboard alone', async () => {
  await byTestId(page, 'open-live-log').focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'live-log').waitFor();
  await entry('d', 'Psilocybin', '2.5 g', 'oral');
  await entry('c', 'Nervous, but ready');
  await entry('v', '128', '82', '84', '98', '36.9');
  await entry('m', 'Slow piano begins');
  await entry('c', 'It is like a tide coming in');
  await entry('n', 'Eyes closed, breathing slowly');
  await entry('v', '', '', '92');
  await entry('c', 'I can see my grandmother’s kitchen');
  // A touch request outside what was welcomed: the checkbox marks it.
  await page.keyboard.press('t');
  await byTestId(page, 'live-log-touch-terms').waitFor();
  assert.match(await byTestId(page, 'live-log-touch-terms').innerText(), /Any touch to the face or head/);
  await axe('live log: a touch entry beside the agreement');
  await page.keyboard.type('Asked me to hold her face');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="log-entry"][data-kind="touch"]').waitFor();
  await entry('n', 'Offered a hand on the shoulder instead; accepted');
  await entry('b', 'Psilocybin', '1 g', 'oral');
  await entry('m', 'Silence for a while');
  await entry('c', 'Warm in my chest');
  // An adverse event: the safety plan and emergency contact are shown at once.
  await page.keyboard.press('a');
  await byTestId(page, 'live-log-safety').waitFor();
  assert.match(await byTestId(page, 'live-log-safety').innerText(), /Sit up, feet on the floor/);
  assert.match(await byTestId(page, 'live-log-safety').innerText(), /Ines Obadiah/);
  await axe('live log: an adverse event with the safety plan');
  await page.keyboard.type('Sudden nausea and fear; sat up and breathed together');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="log-entry"][data-kind="adverse"]').waitFor();
  await entry('v', '142', '90', '96', '97', '');
  await entry('c', 'Passing now');
  await entry('n', 'Settled again');
  await entry('m', 'Cello piece the client chose');
  await entry('c', 'I feel held');
  await entry('v', '122', '78', '76', '98', '36.8');
  await page.screenshot({ path: `${ARTIFACTS}/e2e-live-log.png` });
  await page.keyboard.press('l');
  await page.locator('[data-testid="live-log"].lights-down').waitFor();
  await axe('live log, lights down');
  await page.keyboard.press('l');
  await page.keyboard.press('e');
  await page.locator('dialog[open][data-testid="emergency-card"]').waitFor();
  assert.match(await byTestId(page, 'emergency-contact').innerText(), /Ines Obadiah/);
  await axe('the emergency card');
  await page.keyboard.press('Escape');
  await page.locator('dialog[open][data-testid="emergency-card"]').waitFor({ state: 'detached' });

  const kinds = await page.locator('[data-testid="log-entry"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  assert.equal(kinds.length, 20);
  for (const k of ['dose', 'booster', 'vitals', 'touch', 'adverse', 'checkin', 'setting', 'note']) assert.ok(kinds.includes(k), k);
  const touch = page.locator('[data-testid="log-entry"][data-kind="touch"]');
  assert.equal(await touch.getByTestId('log-outside').count(), 1, 'the touch outside the agreement is marked');
  // Every entry is on disk, as the Go side reads it.
  const stored = await page.evaluate((id) => window.go.app.Sessions.Integration(id), clientId);
  const session = stored.sessions.find((s) => s.id === sessionId);
  assert.equal(session.log.length, 20);
  assert.equal(session.adverseEvents.length, 1, 'the adverse entry opened the session’s adverse event');
  await page.keyboard.press('Escape');
  await byTestId(page, 'live-log').waitFor({ state: 'hidden' });
});

test('the session is finalised, and its packet printed and read back', async () => {
  await finaliseSession(page, { medicine: true });
  // The adverse event the log opened takes what was done, after finalising too.
  await byTestId(page, 'adverse-respond').click();
  await byTestId(page, 'adverse-respond-text').fill('Sat up together, slow breathing, water; eased within ten minutes.');
  await byTestId(page, 'adverse-respond-save').click();
  await byTestId(page, 'adverse-event').filter({ hasText: 'eased within ten minutes' }).waitFor();
  await byTestId(page, 'print-packet').last().click();
  const dialog = page.locator('dialog[open][data-testid="packet-dialog"]');
  await dialog.waitFor();
  await dialog.getByTestId('packet-kind-medicine').check();
  const before = printed(PRINT_LOG).length;
  await dialog.getByTestId('packet-print').click();
  await dialog.getByTestId('packet-status').waitFor({ timeout: 30000 });
  for (let i = 0; i < 50 && printed(PRINT_LOG).length === before; i++) await new Promise((r) => setTimeout(r, 100));
  const paths = printed(PRINT_LOG);
  assert.equal(paths.length, before + 1, 'the viewer command was run once');
  const text = pdfText(paths.at(-1));
  for (const want of [
    'The session log',
    'Psilocybin 2.5 g oral',
    'Psilocybin 1 g oral',
    'BP 128/82',
    'I can see my grandmother’s kitchen',
    'OUTSIDE WHAT THE TOUCH AGREEMENT WELCOMES',
    'Sudden nausea and fear',
    'eased within ten minutes',
    'Ines, her sister, staying the night',
    'Client signature',
    'Therapist signature',
  ]) {
    assert.ok(text.includes(want), `the packet says “${want}”`);
  }
  await dialog.getByTestId('packet-dialog-close').click();
  await dialog.waitFor({ state: 'detached' });
});

test('on the Health tab a medication is added and a re-screening flags one answer; the emergency card shows it', async () => {
  await byTestId(page, 'tab-health').click();
  await byTestId(page, 'health').waitFor();
  await byTestId(page, 'medication-add').click();
  await byTestId(page, 'medication-name').fill('Sertraline (fictional)');
  await byTestId(page, 'medication-dose').fill('50 mg each morning');
  await byTestId(page, 'medication-save').click();
  await byTestId(page, 'medication').filter({ hasText: 'Sertraline (fictional)' }).waitFor();

  await byTestId(page, 'health-screen').click();
  const form = byTestId(page, 'screening-form');
  await form.waitFor();
  const items = form.getByTestId('screening-item');
  await items.first().waitFor();
  const count = await items.count();
  assert.ok(count >= 10, 'the starting checklist is asked');
  // Saving with nothing answered is refused, and says so beside the list.
  await byTestId(page, 'screening-save').click();
  await byTestId(page, 'screening-answers-error').waitFor();
  await axe('health: a screening refused with items unanswered');
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const flagged = /SSRI/.test(await item.locator('legend').innerText());
    await item.getByTestId(flagged ? 'screening-answer-yes' : 'screening-answer-no').check();
    if (flagged) await item.getByTestId('screening-item-note').fill('Sertraline since the spring (fictional)');
  }
  await byTestId(page, 'screening-save').click();
  const flag = byTestId(page, 'health-flag');
  await flag.waitFor();
  assert.equal(await flag.count(), 1);
  assert.match(await flag.innerText(), /SSRI/);
  await byTestId(page, 'health').screenshot({ path: `${ARTIFACTS}/e2e-health.png` });

  // The client's page now reads as an emergency card would in the room.
  const record = await page.evaluate((id) => window.go.app.Clients.Record(id), clientId);
  assert.equal(record.health.screenings.length, 2, 'the first screening is kept');
  assert.equal(record.health.medications[0].name, 'Sertraline (fictional)');
  await axe('health: the flags and the medications');
});

test('settings: the checklist, the consent template and the readiness checklist', async () => {
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await page.locator('[data-testid="tab-panel-health"], [data-screen="settings"]').first().waitFor();
  await axe('settings with medicine sessions');
  assert.deepEqual(summary.violations.map(violationLine), [], 'axe: no serious or critical violation on any new screen');
  assert.ok(summary.checks >= 14, `axe ran ${summary.checks} checks`);
});
