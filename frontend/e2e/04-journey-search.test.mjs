// The practice-wide search and the client's journey in a real browser against the real Go
// backend: a word typed without its accents finds a shift and opens the client's worksheet,
// the therapist's private session notes are found by the therapist's search, and co-creation
// mode shows the journey (chart and timeline) without the private notes.
// Runs after the earlier files on the same vault but makes its own client: the client is created
// through the UI, the medicine session, shifts and a pattern through the bindings as set-up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, E2E_PASSPHRASE, launch, openVault, screen, byTestId, currentScreen, newClient } from './harness.mjs';

const NAME = 'Léonie Journey-Sørensen';
const SHARED_SUMMARY = 'SHARED-KESTREL-2204: we listened to the rain together and rested.';
const PRIVATE_NOTE = 'PRIVATE-OSPREY-7710: I noticed I wanted to hurry the closing.';
const CAFE_SHIFT = 'Coffee at the café Zéphyrinë with my sister felt easy, no rehearsing.';
const PATTERN = 'I have to earn rest';

const SESSION_DATE = '2025-03-01';
const SHIFTS = [
  { noticedOn: '2025-03-02', area: 'body', description: 'My shoulders dropped when I woke up.' },
  { noticedOn: '2025-03-04', area: 'relationships', description: CAFE_SHIFT },
  { noticedOn: '2025-03-08', area: 'emotions', description: 'Cried at a song and let it happen.' },
  { noticedOn: '2025-03-15', area: 'habits', description: 'Walked home the long way, on purpose.' },
];

let browser, page;
let clientId = 0;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-journey-search-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

/** The current data-screen, once the loading state is over. */
/** Types into the search field and waits for the answer to exactly these words. */
async function searchFor(words) {
  await byTestId(page, 'search-input').fill(words);
  await page.waitForFunction(
    (w) => {
      const count = document.querySelector('[data-testid="search-count"]');
      return count?.hasAttribute('data-count') && (count.textContent ?? '').includes(w);
    },
    words,
  );
}

test('the vault is open', async () => {
  await openVault(page);
});

test('a client of our own, with a medicine session, four shifts and a pattern', async () => {
  await newClient(page, NAME);
  await byTestId(page, 'client-name').filter({ hasText: NAME }).waitFor();
  clientId = Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id'));
  assert.ok(clientId > 0, 'the client page names its record');

  const made = await page.evaluate(
    async ({ clientId, date, summary, privateNotes, shifts, pattern }) => {
      const S = window.go.app.Sessions;
      const session = await S.Add({
        id: 0,
        clientId,
        kind: 'medicine',
        date,
        time: '10:00',
        timeZone: 'Europe/Berlin',
        minutes: 360,
        modality: 'in_person',
        place: '',
        summary,
        privateNotes,
        practice: '',
        somatic: '',
        resourcing: '',
        intentionIds: [],
        setting: [],
        medicine: { substance: '', dose: '', times: '' },
        adverseEvents: [],
        finalisedAt: '',
        addenda: [],
        created: '',
        updated: '',
      });
      const saved = [];
      for (const s of shifts) {
        saved.push(
          await S.AddShift({
            id: 0,
            clientId,
            sessionId: session.id,
            noticedOn: s.noticedOn,
            dayCount: 0,
            area: s.area,
            description: s.description,
            justNoticing: true,
            intensity: 3,
            recordedBy: 'client',
            meaning: '',
            meaningOn: '',
            meaningBy: '',
            created: '',
            updated: '',
          }),
        );
      }
      const named = await S.AddPattern({ clientId, name: pattern, examples: '', proposedBy: 'client', noticedOn: '2025-03-20' });
      await S.SetPatternStatus(named.id, { on: '2025-04-10', status: 'exploring', note: '', by: 'together' });
      return { sessionId: session.id, dayCounts: saved.map((s) => s.dayCount) };
    },
    { clientId, date: SESSION_DATE, summary: SHARED_SUMMARY, privateNotes: PRIVATE_NOTE, shifts: SHIFTS, pattern: PATTERN },
  );
  assert.ok(made.sessionId > 0);
  assert.deepEqual(made.dayCounts, [1, 3, 7, 14], 'day counts since the medicine session');
});

test('Ctrl+Shift+F opens the practice search with its field focused', async () => {
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+Shift+F');
  await screen(page, 'search');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'search-input');
  assert.equal(await byTestId(page, 'nav-search').getAttribute('aria-current'), 'page');
});

test('a word typed without its accents finds the shift, highlighted, and opens the worksheet', async () => {
  await searchFor('cafe zephyrine');
  const group = byTestId(page, 'search-group-shift');
  await group.waitFor();
  const hit = group.locator(`[data-testid="search-hit"][data-client-id="${clientId}"]`).first();
  await hit.waitFor();
  assert.match(await hit.innerText(), new RegExp(NAME));
  const marked = await hit.locator('mark').allInnerTexts();
  assert.ok(marked.some((m) => m.toLowerCase() === 'café'), `café is highlighted (got ${marked.join(', ')})`);
  assert.ok(marked.some((m) => m.toLowerCase() === 'zéphyrinë'), 'the second word is highlighted too');
  assert.match(await group.locator('h2').innerText(), /Shifts\s*1/);

  // Keyboard only: Tab from the field reaches the hits; Enter opens one.
  await byTestId(page, 'search-input').focus();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'search-hit')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search-hit');
  await page.keyboard.press('Enter');
  await screen(page, 'client');
  await byTestId(page, 'client-name').filter({ hasText: NAME }).waitFor();
  assert.equal(Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id')), clientId);
  assert.equal(await byTestId(page, 'tab-worksheet').getAttribute('aria-selected'), 'true');
  await byTestId(page, 'tab-panel-worksheet').waitFor();
});

test('the therapist’s private session notes are found by the therapist’s search', async () => {
  await byTestId(page, 'nav-search').click();
  await screen(page, 'search');
  // The last search is still there when coming back.
  assert.equal(await byTestId(page, 'search-input').inputValue(), 'cafe zephyrine');
  await searchFor('osprey 7710');
  const hit = byTestId(page, 'search-group-session').locator(`[data-testid="search-hit"][data-client-id="${clientId}"]`).first();
  await hit.waitFor();
  assert.match(await hit.innerText(), /OSPREY/);
  await hit.click();
  await screen(page, 'client');
  assert.equal(await byTestId(page, 'tab-sessions').getAttribute('aria-selected'), 'true');
  await byTestId(page, 'tab-panel-sessions').waitFor();
});

test('words that match nothing say so', async () => {
  await byTestId(page, 'nav-search').click();
  await screen(page, 'search');
  await searchFor('qqxyzzy');
  assert.equal(await byTestId(page, 'search-count').getAttribute('data-count'), '0');
  assert.equal(await byTestId(page, 'search-hit').count(), 0);
});

test('co-creation mode shows the journey, without the private notes', async () => {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await page.locator(`[data-testid="client-row"][data-client-id="${clientId}"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  await byTestId(page, 'cocreation-name').filter({ hasText: NAME }).waitFor();

  const journey = byTestId(page, 'cc-journey');
  await journey.waitFor();
  const chart = journey.getByTestId('journey-chart');
  await chart.waitFor();
  assert.equal(await chart.getByTestId('journey-chart-summary').getAttribute('data-total'), '4');
  assert.equal(await chart.locator('svg[role="img"] rect.bar').count(), 4, 'one bar segment per shift (each on its own day)');
  // The text alternative holds the same numbers: one row per day from the session to day 14.
  assert.equal(await chart.getByTestId('journey-chart-table').locator('tbody tr').count(), 15);

  const timeline = journey.getByTestId('journey-timeline');
  await timeline.waitFor();
  const items = timeline.getByTestId('journey-item');
  // One session, four shifts, two pattern changes.
  assert.equal(await items.count(), 7);
  await items.filter({ hasText: 'SHARED-KESTREL-2204' }).waitFor();
  await items.filter({ hasText: 'Zéphyrinë' }).waitFor();
  assert.equal(await items.filter({ hasText: PATTERN }).count(), 2);
  assert.equal(await items.first().getAttribute('data-kind'), 'pattern', 'newest first');

  await journey.screenshot({ path: `${ARTIFACTS}/e2e-journey-cocreation.png` }).catch(() => {});
  await page.emulateMedia({ colorScheme: 'dark' });
  await journey.screenshot({ path: `${ARTIFACTS}/e2e-journey-cocreation-dark.png` }).catch(() => {});
  await page.emulateMedia({ colorScheme: 'light' });

  const html = await page.evaluate(() => document.documentElement.outerHTML);
  assert.ok(!html.includes('PRIVATE-OSPREY-7710'), 'private session notes reached co-creation mode');
  assert.equal(await byTestId(page, 'nav-search').count(), 0, 'no search in co-creation mode');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Control+Shift+F');
  await page.waitForTimeout(300);
  assert.equal(await currentScreen(page), 'cocreation', 'Ctrl+Shift+F must not reach the search');
});

test('the passphrase leaves co-creation mode; the search starts afresh', async () => {
  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
  await byTestId(page, 'client-name').filter({ hasText: NAME }).waitFor();
  await byTestId(page, 'nav-search').click();
  await screen(page, 'search');
  assert.equal(await byTestId(page, 'search-input').inputValue(), '', 'co-creation mode cleared the therapist’s search');
});
