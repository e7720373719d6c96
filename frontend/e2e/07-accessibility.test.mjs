// Accessibility in a real browser against the real Go backend: axe-core (WCAG 2.2 A and AA,
// colour contrast included) on every screen, in the light and the dark theme, with demo data,
// and the keyboard: on every screen, Tab reaches every control that can be used, each shows a
// visible focus indicator, and the main flows work with the keyboard alone.
//
// Demo data: a vault made and seeded with the CLI of the binary `wails dev` built (E2E_TANDEM),
// backed up into the dialogs folder and restored through the app (as 06-backup does). On a
// fresh e2e vault (this file run alone: E2E_FILES=e2e/07-accessibility.test.mjs) the first-run
// screens are checked on the way; after the other files, the unlock screens, and the e2e vault
// is restored from its newest backup at the end.
//
// The screens are found, not listed: every tab of the client page, every section of the header,
// every packet in the print dialog; a new tab or section is covered without touching this file.
// A summary goes to E2E_ARTIFACTS/axe-summary.json (scripts/bench.sh puts it in the report).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THEMES, axeBothThemes, axeSeesAPlantedFailure, settle, violationLine } from './axe-kit.mjs';
import { URL, ARTIFACTS, E2E_PASSPHRASE, launch, screen, byTestId, currentScreen } from './harness.mjs';

const DEMO_PASSPHRASE = 'juniper lantern basalt oriole';
const DIALOGS = process.env.E2E_DIALOG_DIR ?? '';
const TANDEM = process.env.E2E_TANDEM ?? '';

let browser, page;
let freshVault = false;
const summary = { checks: 0, screens: 0, themes: THEMES, serious: 0, critical: 0, moderate: 0, minor: 0, violations: [], keyboard: [] };
const checked = new Set();

before(async () => {
  ({ browser, page } = await launch());
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(URL);
});
after(async () => {
  await page?.emulateMedia({ colorScheme: 'light' }).catch(() => {});
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-accessibility-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
  summary.date = new Date().toISOString();
  writeFileSync(join(ARTIFACTS, 'axe-summary.json'), JSON.stringify(summary, null, 2));
});

/**
 * axe checks what is on screen now, in both themes; serious and critical violations are kept
 * for the final verdict (every screen is checked before the run fails), and told at once.
 */
async function axe(name) {
  summary.screens += checked.has(name) ? 0 : 1;
  checked.add(name);
  await axeBothThemes(page, summary, name, 'axe');
}

/**
 * Tabs through the page from the top and checks that every control a person can use is reached
 * and shows a visible focus indicator: its outline, box shadow, border or background differs
 * from when it is not focused. Roving tab stops (tabs, radio groups) count once per group.
 */
async function keyboard(name) {
  let found = await tabWalk();
  // A list that re-rendered during the walk (a refresh landing) loses its marks: walk again and
  // keep only what was missed both times.
  if (found.missed.length || found.invisible.length) {
    const again = await tabWalk();
    found = { missed: again.missed.filter((m) => found.missed.includes(m)), invisible: again.invisible.filter((m) => found.invisible.includes(m)) };
  }
  if (found.missed.length || found.invisible.length) {
    summary.keyboard.push({ screen: name, missed: found.missed, invisibleFocus: found.invisible });
    console.log(`keyboard ${name}: not reached by Tab: ${found.missed.join(', ') || 'none'}; no visible focus: ${found.invisible.join(', ') || 'none'}`);
  }
}

async function tabWalk() {
  // The Tab presses are real key presses; the page is asked what has focus after each.
  const reached = [];
  const seen = new Set();
  await page.evaluate(() => {
    document.activeElement instanceof HTMLElement && document.activeElement.blur();
    window.__tabStart = document.createElement('span');
    window.__tabStart.tabIndex = -1;
    const dialog = [...document.querySelectorAll('dialog[open]')].at(-1);
    (dialog ?? document.body).prepend(window.__tabStart);
    window.__tabStart.focus();
  });
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === window.__tabStart) return null;
      el.dataset.tabReached = '1';
      el.dataset.tabKey ||= String((window.__tabSeq = (window.__tabSeq ?? 0) + 1));
      const s = getComputedStyle(el);
      return {
        key: el.dataset.tabKey,
        focused: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor, s.textDecorationLine].join('|'),
      };
    });
    if (!info) continue;
    if (seen.has(info.key) && reached.length > 2) break;
    seen.add(info.key);
    reached.push(info);
  }
  const result = await page.evaluate(() => {
    const SELECTOR = 'a[href], button, input, select, textarea, summary, [tabindex]';
    window.__tabStart?.remove();
    const dialog = [...document.querySelectorAll('dialog[open]')].at(-1);
    const scope = dialog ?? document;
    const visible = (el) => {
      if (el.closest('[inert], [hidden]')) return false;
      // Inside a closed <details> (other than its summary) nothing is shown or focusable.
      const details = el.closest('details:not([open])');
      if (details && !(el.tagName === 'SUMMARY' && el.parentElement === details)) return false;
      if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const usable = (el) =>
      visible(el) && !el.disabled && el.getAttribute('tabindex') !== '-1' && !(el instanceof HTMLInputElement && el.type === 'hidden');
    const label = (el) =>
      `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    const all = [...scope.querySelectorAll(SELECTOR)].filter(usable);
    const radioGroupReached = new Set(
      all.filter((el) => el.dataset.tabReached && el instanceof HTMLInputElement && el.type === 'radio').map((el) => el.name),
    );
    const missed = all
      .filter((el) => !el.dataset.tabReached)
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && radioGroupReached.has(el.name)))
      .map(label);
    // Unfocused styles, to compare with what each looked like when Tab reached it.
    document.activeElement instanceof HTMLElement && document.activeElement.blur();
    const unfocused = {};
    for (const el of scope.querySelectorAll('[data-tab-key]')) {
      const s = getComputedStyle(el);
      unfocused[el.dataset.tabKey] = {
        style: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor, s.textDecorationLine].join('|'),
        label: label(el),
      };
      delete el.dataset.tabKey;
    }
    for (const el of scope.querySelectorAll('[data-tab-reached]')) delete el.dataset.tabReached;
    return { missed, unfocused };
  });
  const invisible = reached
    .filter((r) => result.unfocused[r.key] && result.unfocused[r.key].style === r.focused)
    .map((r) => result.unfocused[r.key].label);
  return { missed: result.missed, invisible };
}

async function check(name) {
  await axe(name);
  await keyboard(name);
}

function nextOpenFile(relative) {
  writeFileSync(join(DIALOGS, 'next-open-file'), relative);
}

/** Restores DIR/relative through the restore panel on screen, with a passphrase. */
async function restore(relative, passphrase, checkName) {
  nextOpenFile(relative);
  await byTestId(page, 'restore-choose').click();
  await byTestId(page, 'restore-file').waitFor();
  if ((await byTestId(page, 'restore-passphrase').count()) === 0) await byTestId(page, 'restore-switch-secret').click();
  await byTestId(page, 'restore-passphrase').fill(passphrase);
  await byTestId(page, 'restore-check').click();
  await byTestId(page, 'restore-report').and(page.locator('[data-ok="true"]')).waitFor({ timeout: 60000 });
  await byTestId(page, 'restore-start').click();
  await byTestId(page, 'restore-confirm-step').waitFor();
  if (checkName) await check(checkName);
  await byTestId(page, 'restore-confirm').click();
  await screen(page, 'unlock', 90000);
}

async function unlock(passphrase) {
  await screen(page, 'unlock', 30000);
  await byTestId(page, 'unlock-passphrase').fill(passphrase);
  await byTestId(page, 'unlock-passphrase').press('Enter');
  await screen(page, 'home', 60000);
}

test('the CLI and the dialogs seam are there', () => {
  assert.ok(DIALOGS && existsSync(DIALOGS), 'E2E_DIALOG_DIR must name the dialogs folder (scripts/e2e.sh)');
  assert.ok(TANDEM && existsSync(TANDEM), 'E2E_TANDEM must name the binary wails dev built');
});

test('a demo practice, made with the CLI and backed up into the dialogs folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'tandem-e2e-a11y-'));
  const passFile = join(work, 'pass');
  writeFileSync(passFile, DEMO_PASSPHRASE, { mode: 0o600 });
  const run = (...args) => execFileSync(TANDEM, args, { encoding: 'utf8', env: { ...process.env, TANDEM_VAULT: '' } });
  run('vault', 'init', '--vault', join(work, 'vault'), '--passphrase-file', passFile, '--recovery-key-out', join(work, 'key.txt'));
  run('demo', 'seed', '--vault', join(work, 'vault'), '--passphrase-file', passFile, '--clients', '4', '--years', '2', '--seed', '7');
  mkdirSync(join(DIALOGS, 'a11y'), { recursive: true });
  run('backup', 'create', '--vault', join(work, 'vault'), '--passphrase-file', passFile, '--out', join(DIALOGS, 'a11y', 'demo.age'));
  assert.ok(existsSync(join(DIALOGS, 'a11y', 'demo.age')));
  rmSync(work, { recursive: true, force: true });
});

test('axe is alive: it finds a contrast failure planted in the page', async () => {
  await page.locator('[data-screen]:not([data-screen="loading"])').first().waitFor();
  assert.ok(await axeSeesAPlantedFailure(page), 'axe must report the planted contrast failure');
});

test('the first screens: welcome, or unlock and the recovery unlock', async () => {
  const first = await currentScreen(page);
  if (first === 'welcome') {
    freshVault = true;
    await check('welcome');
    await byTestId(page, 'welcome-restore').click();
    await byTestId(page, 'restore-panel').waitFor();
    await check('welcome: restore from a backup');
    await page.goto(URL);
    await screen(page, 'welcome');
    await byTestId(page, 'create-vault').click();
    await screen(page, 'create-passphrase');
    await check('create a vault: passphrase');
    await byTestId(page, 'passphrase').fill(E2E_PASSPHRASE);
    await byTestId(page, 'passphrase-repeat').fill(E2E_PASSPHRASE);
    await page.waitForFunction(() => !document.querySelector('[data-testid="create-submit"]')?.hasAttribute('disabled'));
    await byTestId(page, 'create-submit').click();
    await screen(page, 'recovery-key', 60000);
    await check('create a vault: recovery key');
    const key = (await byTestId(page, 'recovery-key-text').innerText()).replace(/\s+/g, '');
    await byTestId(page, 'copy-key').click();
    await byTestId(page, 'confirm-input').fill(key.slice(-6));
    await byTestId(page, 'confirm-submit').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="continue"]')?.hasAttribute('disabled'));
    await byTestId(page, 'continue').click();
    await screen(page, 'profile', 30000);
    await check('practice profile (first run)');
    await byTestId(page, 'profile-name').fill('Accessible Practice (fictional)');
    await byTestId(page, 'profile-save').click();
    await screen(page, 'home', 30000);
  } else {
    // An earlier file may leave the vault open: lock it to see the unlock screens.
    if (first !== 'unlock') {
      await byTestId(page, 'lock').click();
      await screen(page, 'unlock');
    }
    await check('unlock');
    await byTestId(page, 'forgot').click();
    await screen(page, 'recovery-unlock');
    await check('unlock with the recovery key');
    await page.goto(URL);
    await unlock(E2E_PASSPHRASE);
  }
});

test('the demo practice restored through Settings, then unlocked by keyboard alone', async () => {
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await restore(join('a11y', 'demo.age'), DEMO_PASSPHRASE, 'restore: confirm');
  await check('unlock (after a restore)');
  // Keyboard alone: the passphrase field has focus or is reached by Tab; Enter unlocks.
  await byTestId(page, 'unlock-passphrase').focus();
  await page.keyboard.type(DEMO_PASSPHRASE);
  await page.keyboard.press('Enter');
  await screen(page, 'home', 60000);
});

test('every section of the header', async () => {
  await check('home');
  const sections = await page.locator('header nav [data-testid], header nav button').evaluateAll((els) =>
    [...new Set(els.map((el) => el.dataset.testid).filter(Boolean))],
  );
  assert.ok(sections.length >= 4, `header sections: ${sections}`);
  for (const testid of sections) {
    await byTestId(page, testid).click();
    const name = await currentScreen(page);
    await check(name);
  }
});

test('the editor of a questionnaire of the therapist’s own, with a band, a subscale and a watched answer', async () => {
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await byTestId(page, 'instrument-new').click();
  await byTestId(page, 'instrument-editor').waitFor();
  await byTestId(page, 'instrument-add-band').click();
  await byTestId(page, 'instrument-add-subscale').click();
  await byTestId(page, 'instrument-safety').getByRole('button').click();
  await check('settings: a new questionnaire');
  await byTestId(page, 'instrument-name').fill('Something typed, then discarded (fictional)');
  await byTestId(page, 'instrument-cancel').click();
  await byTestId(page, 'instrument-discard-dialog').getByRole('button', { name: 'Discard the changes' }).click();
  await byTestId(page, 'instrument-new').waitFor();
});

test('the clients list, and a client opened by keyboard alone', async () => {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await byTestId(page, 'client-row').first().waitFor();
  await check('clients');
  // Focus the first client row's control and press Enter.
  const row = page.locator('[data-testid="client-row"] a, [data-testid="client-row"] button, a[data-testid="client-row"], button[data-testid="client-row"]').first();
  await row.focus();
  await page.keyboard.press('Enter');
  await screen(page, 'client');
});

test('every tab of a client, every packet in the print dialog, and the dialogs on the way', async () => {
  await page.locator('[role="tablist"] [role="tab"]').first().waitFor();
  const tabs = await page.locator('[role="tablist"] [role="tab"]').evaluateAll((els) => els.map((el) => el.dataset.testid));
  assert.ok(tabs.length >= 5, `client tabs: ${tabs}`);
  // Tabs by keyboard: arrow keys move between them.
  await byTestId(page, tabs[0]).click();
  await byTestId(page, tabs[0]).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await byTestId(page, tabs[1]).getAttribute('aria-selected'), 'true', 'ArrowRight selects the next tab');
  for (const tab of tabs) {
    await byTestId(page, tab).click();
    await settle(page);
    await check(`client: ${tab.replace(/^tab-/, '')}`);
    if (tab === 'tab-sessions') {
      const session = page.locator('[data-testid="session-row"] button').first();
      if (await session.count()) {
        await session.click();
        await settle(page);
        await check('client: a session open');
        await byTestId(page, tab).click();
      }
    }
    if (tab === 'tab-measures') {
      // A questionnaire as it is answered, one question in large type, then the review.
      await byTestId(page, 'measure-begin').click();
      await byTestId(page, 'measure-question').waitFor();
      await check('client: answering a questionnaire');
      await byTestId(page, 'measure-skip').click();
      await byTestId(page, 'measure-cancel').click();
      await byTestId(page, 'measure-start').waitFor();
    }
    if (tab === 'tab-plan') {
      const history = byTestId(page, 'plan-history').first();
      if (await history.count()) {
        await history.click();
        await byTestId(page, 'history-dialog').waitFor();
        await check('client: wording history');
        await page.keyboard.press('Escape');
        await byTestId(page, 'history-dialog').waitFor({ state: 'hidden' });
      }
    }
  }
  // The print dialog, opened and closed by keyboard.
  await byTestId(page, 'print-packet').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').waitFor();
  // The packets that fit are asked of the Go side when the dialog opens.
  await page.locator('dialog[open] [data-testid^="packet-kind-"]').first().waitFor({ timeout: 30000 });
  const kinds = await page.locator('dialog[open] [data-testid^="packet-kind-"]').evaluateAll((els) => els.map((el) => el.dataset.testid));
  assert.ok(kinds.length >= 1, 'the print dialog offers packets');
  for (const kind of kinds) {
    if (await byTestId(page, kind).isDisabled()) continue;
    await byTestId(page, kind).check().catch(() => byTestId(page, kind).click());
    await check(`print dialog: ${kind.replace(/^packet-kind-/, '')}`);
  }
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'hidden' });
});

/** Closes a dialog an earlier failed step left open. */
async function closeDialogs() {
  while (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape');
}

test('search over the whole practice by keyboard, and the client form', async () => {
  await closeDialogs();
  await page.keyboard.press('Control+Shift+F');
  await screen(page, 'search');
  await page.keyboard.type('walk');
  await page.locator('[data-testid="search-count"][data-count]').waitFor();
  await check('search: results');
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await byTestId(page, 'new-client').click();
  await screen(page, 'client-form');
  await check('client form');
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
});

test('co-creation mode, and leaving it', async () => {
  await closeDialogs();
  await byTestId(page, 'client-row').first().click();
  await screen(page, 'client');
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation', 30000);
  await check('co-creation mode');
  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').waitFor();
  await check('co-creation mode: leaving');
  await byTestId(page, 'leave-secret').fill(DEMO_PASSPHRASE);
  await byTestId(page, 'leave-secret').press('Enter');
  await screen(page, 'client', 60000);
});

test('the e2e vault back as it was (after the other files)', async () => {
  if (freshVault) return;
  const backups = join(DIALOGS, 'backups');
  const newest = existsSync(backups)
    ? readdirSync(backups).filter((f) => /^tandem-backup-.*\.age$/.test(f)).sort().at(-1)
    : undefined;
  if (!newest) return;
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await restore(join('backups', newest), E2E_PASSPHRASE);
  await unlock(E2E_PASSPHRASE);
});

test('no serious or critical axe violation, and every control reached by Tab with a visible focus', () => {
  const lines = summary.violations.map(violationLine);
  const keys = summary.keyboard.map((k) => `${k.screen}: missed ${k.missed.join(', ') || '-'}; no visible focus ${k.invisibleFocus.join(', ') || '-'}`);
  assert.ok(summary.checks >= 2 * 15, `only ${summary.checks} axe checks ran`);
  assert.deepEqual(lines, [], `axe found serious or critical violations:\n${lines.join('\n')}`);
  assert.deepEqual(keys, [], `keyboard problems:\n${keys.join('\n')}`);
});
