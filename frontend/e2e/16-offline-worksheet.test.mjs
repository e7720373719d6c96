// The offline worksheet, in a real browser against the real Go backend: the therapist saves a page
// for a client's medicine session; Chromium opens that file from disk, with every network request
// refused, at phone width, and the client records seven days of entries, which stay after a reload;
// "Send back" saves a file; Tandem's window opens it, shows the entries as the client's words and
// takes them in; the same file again adds nothing. The same is done through the CLI, on a second
// vault the CLI made (the window's vault is locked to the running app). In co-creation mode the
// client saves their own copy, locked with a passphrase they choose, which opens with it alone, with
// the age format's implementation and with the page Tandem saves beside it.
//
// Runs after 01-vault.test.mjs on the shared vault, alone or in the full run: it adds one client.
// Dates come from the harness's TODAY; the page's clock is pinned to the same moment.
import { test, before, after } from 'node:test';
import { Decrypter } from 'age-encryption';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, ARTIFACTS, E2E_PASSPHRASE, NOW, TODAY, addDays, launch, openVault, screen, byTestId, newClient, setAutoLock, pdfText } from './harness.mjs';
import { axeBothThemes, violationLine } from './axe-kit.mjs';

const DIALOGS = process.env.E2E_DIALOG_DIR ?? '';
const TANDEM = process.env.E2E_TANDEM ?? '';
const NAME = 'Odalys Fenwick-Achebe (fictional)';
const MEDICINE = addDays(TODAY, -14);
const WEEK = [
  ['body', 'My jaw unclenched during the commute'],
  ['relationships', 'Called my brother just to say hello'],
  ['emotions', 'Cried at a song and felt lighter after'],
  ['nature', 'Stood in the rain on purpose'],
  ['self', 'Said no to an extra shift without apologising'],
  ['habits', 'Made tea instead of scrolling'],
  ['meaning', 'Wrote three lines in a journal: خفيف (light)'],
];

let browser, page;
let clientId = 0;

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});

after(async () => {
  await browser?.close();
});

test('the vault is open (made here when this file runs on its own)', async () => {
  await openVault(page);
  await setAutoLock(page, 30);
});

/**
 * Opens the page file in a fresh browser context with every network request refused, the clock
 * pinned to the harness's moment, at phone width; records seven entries, one a day, and sends them
 * back. Returns the saved file's path and the requests that were attempted beyond the file itself.
 */
async function fillAtHome(pagePath, returnPath, sessionDate, { check = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-GB', acceptDownloads: true });
  const attempted = [];
  await context.route(/^(https?|wss?|ftp):/, (route) => {
    attempted.push(route.request().url());
    return route.abort();
  });
  const home = await context.newPage();
  home.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) attempted.push(r.url());
  });
  const problems = [];
  home.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await home.clock.setFixedTime(new Date(`${NOW}`));
  await home.goto(`file://${pagePath}`);
  await home.locator('#lead').filter({ hasText: 'after the session of' }).waitFor();
  for (const [i, [area, words]] of WEEK.entries()) {
    await home.locator('#day').selectOption(addDays(sessionDate, i + 1));
    await home.locator('#area').selectOption(area);
    await home.locator(`#intensity input[value="${(i % 5) + 1}"]`).check();
    if (i % 2 === 0) await home.locator('#noticing').check();
    await home.locator('#words').fill(words);
    await home.locator('#add').click();
    await home.locator('#added').filter({ hasText: 'Noted for' }).waitFor();
  }
  assert.equal(await home.locator('#entries li').count(), 7);
  // The entries stay in this browser: a reload keeps them.
  await home.reload();
  assert.equal(await home.locator('#entries li').count(), 7, 'the entries are kept between visits');
  if (check) {
    const width = await home.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(width[0] <= width[1], `the page fits a phone's width: ${width}`);
    await home.screenshot({ path: `${ARTIFACTS}/e2e-offline-page-phone.png`, fullPage: true });
    const summary = { checks: 0, violations: [] };
    await axeBothThemes(home, summary, 'offline worksheet page', 'axe');
    assert.deepEqual(summary.violations.map(violationLine), [], 'axe: no serious or critical violation on the page');
  }
  const [download] = await Promise.all([home.waitForEvent('download'), home.locator('#send').click()]);
  await download.saveAs(returnPath);
  await home.locator('#sent').filter({ hasText: 'Saved as' }).waitFor();
  assert.match(download.suggestedFilename(), /^worksheet-T-\d{3}-\d{4}-\d{2}-\d{2}\.age$/);
  assert.deepEqual(problems, [], 'no error in the page (a refused script or style would be one)');
  await context.close();
  return attempted;
}

test('the therapist saves a worksheet page for the medicine session; it refers to no network address', async () => {
  await newClient(page, NAME);
  clientId = Number(await page.locator('[data-screen="client"]').getAttribute('data-client-id'));
  await page.evaluate(async ({ id, date }) => {
    await window.go.app.Sessions.Add({ id: 0, clientId: id, kind: 'medicine', date, time: '10:00', timeZone: 'Europe/London', minutes: 240,
      modality: 'in_person', place: '', summary: '', privateNotes: '', practice: '', somatic: '', resourcing: '', intentionIds: [], setting: [],
      medicine: { substance: '', dose: '', times: '' }, adverseEvents: [], finalisedAt: '', addenda: [], created: '', updated: '' });
  }, { id: clientId, date: MEDICINE });
  // Opened again from the list, the client's page reads the new session.
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await page.locator(`[data-testid="client-row"][data-client-id="${clientId}"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'tab-worksheet').click();
  await byTestId(page, 'offline-worksheet').waitFor();
  await byTestId(page, 'offline-save').click();
  await byTestId(page, 'offline-notice').filter({ hasText: 'The page is saved' }).waitFor();
  const html = readFileSync(join(DIALOGS, `worksheet-T-${String(clientId).padStart(3, '0')}-${MEDICINE}.html`), 'utf8');
  assert.doesNotMatch(html, /https?:/i, 'the page names no network address');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('the client records a week at home, offline and at phone width, and sends it back', async () => {
  const pagePath = join(DIALOGS, `worksheet-T-${String(clientId).padStart(3, '0')}-${MEDICINE}.html`);
  const attempted = await fillAtHome(pagePath, join(DIALOGS, 'returned.age'), MEDICINE, { check: true });
  assert.deepEqual(attempted, [], 'the page reached for nothing beyond itself');
});

test('Tandem opens the returned file, shows the entries as the client’s words, and takes them in once', async () => {
  writeFileSync(join(DIALOGS, 'next-open-file'), 'returned.age');
  await byTestId(page, 'offline-open').click();
  const preview = byTestId(page, 'offline-preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /7 entries\.\s*7 are new\./);
  assert.match(await preview.innerText(), /Called my brother just to say hello/);
  await preview.screenshot({ path: `${ARTIFACTS}/e2e-offline-preview.png` });
  await byTestId(page, 'offline-accept').click();
  await byTestId(page, 'offline-notice').filter({ hasText: '7 entries were taken in' }).waitFor();
  const rec = await page.evaluate((id) => window.go.app.Sessions.Integration(id), clientId);
  assert.equal(rec.shifts.length, 7);
  assert.ok(rec.shifts.every((s) => s.recordedBy === 'client'), 'written by the client');
  assert.deepEqual(rec.shifts.map((s) => s.description).sort(), WEEK.map(([, w]) => w).sort());
  await byTestId(page, 'shift-list').filter({ hasText: 'Stood in the rain on purpose' }).waitFor();

  // The same file again: every entry is recognised, and nothing is added.
  await byTestId(page, 'offline-open').click();
  await preview.waitFor();
  assert.match(await preview.innerText(), /7 entries\.\s*0 are new\./);
  assert.equal(await byTestId(page, 'offline-accept').count(), 0, 'nothing to take in');
  assert.equal(await page.locator('[data-testid="offline-entry"][data-already="true"]').count(), 7);
  await byTestId(page, 'offline-close').click();
  assert.equal((await page.evaluate((id) => window.go.app.Sessions.Integration(id), clientId)).shifts.length, 7);
});

test('through the CLI: a page written by `tandem worksheet offline`, filled in, and its file imported once', async () => {
  assert.ok(TANDEM, 'E2E_TANDEM must name the binary wails dev built');
  const work = mkdtempSync(join(tmpdir(), 'tandem-e2e-offline-'));
  const pass = join(work, 'pass');
  writeFileSync(pass, 'quartz meadow lantern fig', { mode: 0o600 });
  const vault = join(work, 'vault');
  const run = (...args) => execFileSync(TANDEM, args, { encoding: 'utf8', env: { ...process.env, TANDEM_VAULT: '' } });
  run('vault', 'init', '--vault', vault, '--passphrase-file', pass, '--recovery-key-out', join(work, 'key.txt'));
  // A medicine session of the demo practice's, a week or more past.
  run('demo', 'seed', '--vault', vault, '--passphrase-file', pass, '--clients', '3', '--years', '1');
  const exported = join(work, 'export.json');
  run('export', '--vault', vault, '--passphrase-file', pass, '--out', exported);
  const tables = JSON.parse(readFileSync(exported, 'utf8')).tables;
  const medicine = tables.sessions.filter((s) => s.kind === 'medicine' && s.date <= addDays(TODAY, -8)).at(-1);
  assert.ok(medicine, 'the demo has a medicine session a week past');
  const pagePath = join(work, 'page.html');
  run('worksheet', 'offline', '--vault', vault, '--passphrase-file', pass, '--client', String(medicine.client_id), '--session', String(medicine.id), '--out', pagePath);
  assert.deepEqual(await fillAtHome(pagePath, join(work, 'returned.age'), medicine.date), []);
  // The standard age tool opens the file the page wrote, with the practice's worksheet key (read
  // here from the vault-wide export, which holds every record in the clear).
  run('export', '--vault', vault, '--passphrase-file', pass, '--out', join(work, 'after.json'));
  const key = JSON.parse(readFileSync(join(work, 'after.json'), 'utf8')).tables.worksheet_key[0].identity;
  writeFileSync(join(work, 'worksheet-key.txt'), `${key}\n`, { mode: 0o600 });
  const opened = JSON.parse(execFileSync('age', ['-d', '-i', join(work, 'worksheet-key.txt'), join(work, 'returned.age')], { encoding: 'utf8' }));
  assert.equal(opened.format, 'tandem-worksheet-return');
  assert.equal(opened.entries.length, 7);
  const shown = run('worksheet', 'import', '--vault', vault, '--passphrase-file', pass, join(work, 'returned.age'));
  assert.match(shown, /7 entries, 7 new/);
  assert.match(run('worksheet', 'import', '--vault', vault, '--passphrase-file', pass, '--accept', join(work, 'returned.age')), /Took in 7 new entries/);
  assert.match(run('worksheet', 'import', '--vault', vault, '--passphrase-file', pass, '--accept', join(work, 'returned.age')), /7 entries, 0 new[\s\S]*Took in 0 new entries/);
});

test('in co-creation mode the client saves their own copy, which opens with their passphrase alone', async () => {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await page.locator(`[data-testid="client-row"][data-client-id="${clientId}"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  const section = byTestId(page, 'cc-own-copy');
  await section.scrollIntoViewIfNeeded();
  const pass = 'marigold tram velvet oboe';
  await byTestId(page, 'own-copy-passphrase').fill(pass);
  await byTestId(page, 'own-copy-passphrase-repeat').fill(pass);
  await page.locator('[data-testid="own-copy-save"]:not([disabled])').click();
  await byTestId(page, 'own-copy-notice').waitFor();
  await section.screenshot({ path: `${ARTIFACTS}/e2e-own-copy.png` });
  const file = join(DIALOGS, `own-copy-T-${String(clientId).padStart(3, '0')}-${TODAY}.age`);
  const locked = readFileSync(file);
  assert.match(locked.subarray(0, 40).toString('latin1'), /^age-encryption\.org\/v1\n-> scrypt /);

  // The age format's own implementation opens it with the passphrase (and not without it).
  const wrong = new Decrypter();
  wrong.addPassphrase('not the passphrase at all');
  await assert.rejects(wrong.decrypt(new Uint8Array(locked)));
  const d = new Decrypter();
  d.addPassphrase(pass);
  const tarball = await d.decrypt(new Uint8Array(locked));
  const work = mkdtempSync(join(tmpdir(), 'tandem-e2e-own-copy-'));
  writeFileSync(join(work, 'copy.tar'), tarball);
  assert.deepEqual(execFileSync('tar', ['-tf', join(work, 'copy.tar')], { encoding: 'utf8' }).trim().split('\n'), ['README.txt', 'record.pdf', 'record.json']);
  execFileSync('tar', ['-xf', join(work, 'copy.tar'), '-C', work]);
  assert.match(pdfText(join(work, 'record.pdf')), /Odalys Fenwick-Achebe/);
  const json = JSON.parse(readFileSync(join(work, 'record.json'), 'utf8'));
  assert.equal(json.format, 'tandem-own-copy');
  assert.equal(json.journey.shifts.length, 7, 'the shifts taken in from the worksheet at home are in it');
  assert.equal(json.record.client.intakeNote, '', 'nothing private');

  // The page that opens it, saved beside it, opens it in a browser with no network.
  await byTestId(page, 'own-copy-opener').click();
  await byTestId(page, 'own-copy-notice').filter({ hasText: 'page that opens your copy is saved' }).waitFor();
  const opener = join(DIALOGS, 'open-your-own-copy.html');
  assert.doesNotMatch(readFileSync(opener, 'utf8'), /https?:/i);
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, acceptDownloads: true });
  const attempted = [];
  await context.route(/^(https?|wss?|ftp):/, (route) => {
    attempted.push(route.request().url());
    return route.abort();
  });
  const reader = await context.newPage();
  await reader.goto(`file://${opener}`);
  await reader.locator('#file').setInputFiles(file);
  await reader.locator('#passphrase').fill('not the passphrase at all');
  await reader.locator('#submit').click();
  await reader.locator('#status').filter({ hasText: 'does not open this file' }).waitFor({ timeout: 30000 });
  await reader.locator('#passphrase').fill(pass);
  await reader.locator('#submit').click();
  await reader.locator('#status').filter({ hasText: 'Your copy is open' }).waitFor({ timeout: 30000 });
  assert.match(await reader.locator('#readme').innerText(), /Nothing your therapist keeps private is in this copy/);
  const summary = { checks: 0, violations: [] };
  await axeBothThemes(reader, summary, 'own copy opener page', 'axe');
  assert.deepEqual(summary.violations.map(violationLine), []);
  const [pdf] = await Promise.all([reader.waitForEvent('download'), reader.locator('#files a', { hasText: 'PDF' }).click()]);
  await pdf.saveAs(join(work, 'from-the-page.pdf'));
  assert.match(pdfText(join(work, 'from-the-page.pdf')), /Odalys Fenwick-Achebe/);
  assert.deepEqual(attempted, []);
  await context.close();

  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
});
