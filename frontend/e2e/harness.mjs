// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core, against the app served by `wails dev` (scripts/e2e.sh).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const URL = process.env.E2E_URL ?? 'http://127.0.0.1:34115/';
export const VAULT = process.env.E2E_VAULT ?? '';
export const APP_TMP = process.env.E2E_TMP ?? '';
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? tmpdir();

// One clock (docs/design.md, "Testing"): the app under test runs at the moment TANDEM_CLOCK pins, a
// local wall-clock time in the zone TZ (scripts/lib.sh sets both), and the browser is put in the
// same zone and locale. Every date a test expects is worked out from TODAY, never from the
// machine's own date.
export const NOW = process.env.TANDEM_CLOCK ?? '2026-06-10T09:30:00';
/** The app's date when the run began (YYYY-MM-DD); pins are far enough from midnight for a run. */
export const TODAY = NOW.slice(0, 10);
export const ZONE = process.env.TZ || undefined;

/** The calendar date `days` days after the date iso (YYYY-MM-DD). */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// playwright-core gives every launch a fresh, temporary profile.
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, timezoneId: ZONE, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return { browser, page };
}

/** screen waits until the page shows the screen with data-screen=name. */
export async function screen(page, name, timeout = 15000) {
  await page.locator(`[data-screen="${name}"]`).waitFor({ state: 'visible', timeout });
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** currentScreen waits for a screen other than the loading state and returns its name. */
export async function currentScreen(page) {
  const root = page.locator('[data-screen]:not([data-screen="loading"])').first();
  await root.waitFor();
  return root.getAttribute('data-screen');
}

/** printed lists the paths the print command recorded in log (scripts/e2e.sh), oldest first. */
export function printed(log) {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** pdfText is the text of a PDF (pdftotext, from poppler-utils), white space made single spaces. */
export function pdfText(path) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** filesContaining lists the files under dir whose bytes contain needle. */
export function filesContaining(dir, needle) {
  const found = [];
  const want = Buffer.from(needle, 'utf8');
  const walk = (d) => {
    let entries;
    try { entries = readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        try {
          if (statSync(p).size < 256 * 1024 * 1024 && readFileSync(p).includes(want)) found.push(p);
        } catch { /* vanished while walking */ }
      }
    }
  };
  walk(dir);
  return found;
}

/** The passphrase of the vault the e2e files share (made by 01-vault.test.mjs); every file leaves the vault opening with it. */
export const E2E_PASSPHRASE = 'violet harbour copper kettle';

/**
 * openVault brings the page to the home screen of the shared vault: it unlocks it, or, when a
 * file runs on its own on a fresh vault folder, makes it (keeping the recovery key by copying
 * it and typing its end, with a fictional practice name).
 */
export async function openVault(page, passphrase = E2E_PASSPHRASE) {
  const first = await currentScreen(page);
  if (first === 'welcome') {
    await byTestId(page, 'create-vault').click();
    await screen(page, 'create-passphrase');
    await byTestId(page, 'passphrase').fill(passphrase);
    await byTestId(page, 'passphrase-repeat').fill(passphrase);
    await page.waitForFunction(() => !document.querySelector('[data-testid="create-submit"]')?.hasAttribute('disabled'));
    await byTestId(page, 'create-submit').click();
    await screen(page, 'recovery-key', 30000);
    const key = (await byTestId(page, 'recovery-key-text').innerText()).replace(/\s+/g, '');
    await byTestId(page, 'copy-key').click();
    await byTestId(page, 'confirm-input').fill(key.slice(-6));
    await byTestId(page, 'confirm-submit').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="continue"]')?.hasAttribute('disabled'));
    await byTestId(page, 'continue').click();
    await screen(page, 'profile', 30000);
    await byTestId(page, 'profile-name').fill('Daybreak Practice (fictional)');
    await byTestId(page, 'profile-save').click();
  } else if (first === 'unlock') {
    await byTestId(page, 'unlock-passphrase').fill(passphrase);
    await byTestId(page, 'unlock-submit').click();
  }
  await screen(page, 'home', 30000);
}

/**
 * Sets auto-lock in Settings (01-vault leaves it at one minute): long files give their steps room.
 * Ends on the settings screen.
 */
export async function setAutoLock(page, minutes) {
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await byTestId(page, 'autolock-minutes').fill(String(minutes));
  await byTestId(page, 'settings-save').click();
  await byTestId(page, 'settings-saved').waitFor();
}

/** newClient makes a client through the client form, with only their chosen name, and waits for their page. */
export async function newClient(page, name) {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
  await byTestId(page, 'new-client').click();
  await screen(page, 'client-form');
  await byTestId(page, 'client-chosen-name').fill(name);
  await byTestId(page, 'client-save').click();
  await screen(page, 'client');
}

/**
 * finaliseSession signs the open session's notes and waits until they are finalised. Finalising a
 * medicine session proposes its follow-up: that dialog is closed with "Not now" unless keepFollowUp.
 */
export async function finaliseSession(page, { medicine = false, keepFollowUp = false } = {}) {
  await byTestId(page, 'session-finalise').click();
  await byTestId(page, 'finalise-dialog-confirm').click();
  await byTestId(page, 'session-finalised').waitFor();
  if (!medicine || keepFollowUp) return;
  const dialog = page.locator('dialog[open][data-testid="follow-up-dialog"]');
  await dialog.waitFor();
  await byTestId(page, 'follow-up-dialog-close').click();
  await dialog.waitFor({ state: 'detached' });
}
