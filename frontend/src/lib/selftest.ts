// The self-test the Go side starts in the real window: it drives the real screens through the DOM
// and reports checkpoints and a result as Wails events. Inert unless window.__tandemSelfTest is called.
import { emitEvent, onEvent } from '$lib/api';
import { todayIso } from '$lib/format/format';
import { afterPaint, currentScreen, waitFor, waitForScreen } from '$lib/ui/dom-wait';

export interface SelfTestOptions {
  passphrase: string;
  /** The app's date (YYYY-MM-DD): the page's clock must agree with it. */
  today?: string;
}

export interface SelfTestResult {
  ok: boolean;
  reason?: string;
  unlockToHomeMs?: number;
  /** The same, until the home screen is in the DOM, before it is painted. */
  unlockToHomeDomMs?: number;
  /** The same, until Today (the week's appointments and what is due) is read and painted. */
  unlockToTodayMs?: number;
  openClientMs?: number;
  /** From clicking the Journey tab to its chart painted. */
  journeyMs?: number;
  feesOverviewMs?: number;
}

declare global {
  interface Window {
    __tandemSelfTest?: (opts: SelfTestOptions) => Promise<void>;
  }
}

export const SELFTEST_PROFILE_NAME = 'Selftest Practice (fictional)';

const STEP_MS = 15_000;
const SLOW_STEP_MS = 60_000;
const CONTINUE_MS = 120_000;

/** A failure whose message is safe to report: it names a step, never record content. */
class StepError extends Error {}

function byTestId<T extends HTMLElement>(testid: string): T | undefined {
  return document.querySelector<T>(`[data-testid="${testid}"]`) ?? undefined;
}

async function control<T extends HTMLElement>(testid: string): Promise<T> {
  return waitFor(() => byTestId<T>(testid), STEP_MS, `control ${testid}`);
}

async function typeInto(testid: string, value: string): Promise<void> {
  const input = await control<HTMLInputElement | HTMLTextAreaElement>(testid);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function click(testid: string, timeoutMs = STEP_MS): Promise<void> {
  const button = await waitFor(
    () => {
      const element = byTestId<HTMLButtonElement>(testid);
      return element && !element.disabled ? element : undefined;
    },
    timeoutMs,
    `enabled button ${testid}`,
  );
  button.click();
}

function waitForContinue(): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new StepError('timed out waiting for selftest:continue'));
    }, CONTINUE_MS);
    const off = onEvent('selftest:continue', () => {
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** Scrolls element to the top of the window, first taking the focus away (WebKit would scroll back to it). */
function inView(element: HTMLElement): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  element.scrollIntoView({ block: 'start' });
}

async function checkpoint(name: string): Promise<void> {
  await afterPaint();
  const proceed = waitForContinue();
  emitEvent('selftest:checkpoint', { name });
  await proceed;
}

async function createVault(passphrase: string): Promise<void> {
  await click('create-vault');
  await waitForScreen(['create-passphrase'], STEP_MS);
  await typeInto('passphrase', passphrase);
  await typeInto('passphrase-repeat', passphrase);
  await click('create-submit');
  await waitForScreen(['recovery-key'], SLOW_STEP_MS);

  await click('copy-key');
  const confirmInput = await control<HTMLInputElement>('confirm-input');
  const length = Number(confirmInput.dataset.confirmLength);
  const key = (await control('recovery-key-text')).textContent?.replace(/\s+/g, '') ?? '';
  if (!Number.isInteger(length) || length < 1 || key.length < length) throw new StepError('recovery key not shown');
  await typeInto('confirm-input', key.slice(-length));
  await click('confirm-submit');
  await click('continue');
  await waitForScreen(['profile'], SLOW_STEP_MS);
}

async function fillProfile(): Promise<void> {
  await typeInto('profile-name', SELFTEST_PROFILE_NAME);
  await click('profile-save');
  await waitForScreen(['home'], STEP_MS);
}

async function unlock(passphrase: string): Promise<void> {
  await typeInto('unlock-passphrase', passphrase);
  await click('unlock-submit');
  await waitForScreen(['home', 'profile'], SLOW_STEP_MS);
}

async function reachHome(passphrase: string): Promise<void> {
  const first = await waitForScreen(['welcome', 'unlock', 'profile', 'home'], SLOW_STEP_MS);
  if (first === 'welcome') await createVault(passphrase);
  if (first === 'unlock') await unlock(passphrase);
  if (currentScreen() === 'profile') await fillProfile();
  await waitForScreen(['home'], STEP_MS);
  // A new screen opens at its top, wherever the last one was left scrolled (the first run's
  // forms are): otherwise the greeting would sit hidden under the header bar.
  await afterPaint();
  if (Math.round(window.scrollY) !== 0) throw new StepError('home opened scrolled down');
}

/** Clicks the first element matching selector inside the page, or fails the step. */
async function clickFirst(selector: string, what: string): Promise<void> {
  const element = await waitFor(() => document.querySelector<HTMLElement>(selector) ?? undefined, STEP_MS, what);
  element.click();
}

/**
 * With clients in the vault (a demo vault), visits the client screens for their checkpoints:
 * the client list, a client's plan with a wording history open, and co-creation mode, which
 * it leaves with the passphrase. Without clients it does nothing.
 */
async function tourClients(passphrase: string): Promise<{ openClientMs?: number; journeyMs?: number }> {
  await click('nav-clients');
  await waitForScreen(['clients'], STEP_MS);
  const hasClients = await waitFor(
    () => (byTestId('client-row') ? true : byTestId('clients-empty') ? false : undefined),
    STEP_MS,
    'client list',
  );
  if (!hasClients) {
    await click('nav-home');
    await waitForScreen(['home'], STEP_MS);
    return {};
  }
  await checkpoint('clients');
  const started = performance.now();
  await clickFirst('[data-testid="client-row"]', 'a client row');
  await waitForScreen(['client'], STEP_MS);
  await control('client-name');
  await afterPaint();
  const openClientMs = Math.round(performance.now() - started);
  await click('tab-plan');
  // An item reworded at least once shows its history best; any item will do if none was.
  const revised = document.querySelector('[data-testid="plan-history"]:not([data-wordings="1"])');
  if (revised instanceof HTMLElement) revised.click();
  else await clickFirst('[data-testid="plan-history"]', 'a wording history button');
  await control('history-dialog');
  await checkpoint('client-plan-history');
  await click('history-dialog-close');
  const journeyMs = await tourIntegration();
  await click('tab-fees');
  await control('fee-account');
  await afterPaint();
  await checkpoint('client-fees');
  await click('enter-cocreation');
  await waitForScreen(['cocreation'], STEP_MS);
  await checkpoint('cocreation');
  await click('leave-cocreation');
  await typeInto('leave-secret', passphrase);
  await click('leave-submit');
  await waitForScreen(['client'], SLOW_STEP_MS);
  await click('nav-home');
  await waitForScreen(['home'], STEP_MS);
  return { openClientMs, journeyMs };
}

/**
 * The practice's fees screen: on a demo vault its overview (timed from the click on Fees to the
 * years' table painted) and the reciprocity kept; on a new vault the sliding scale to set up.
 */
async function tourFees(): Promise<number | undefined> {
  const started = performance.now();
  await click('nav-fees');
  await waitForScreen(['fees'], STEP_MS);
  const first = await waitFor(
    () => (byTestId('overview-years') ? 'overview' : byTestId('fees-panel-policy') ? 'policy' : undefined),
    STEP_MS,
    'the fees screen',
  );
  await afterPaint();
  const feesOverviewMs = first === 'overview' ? Math.round(performance.now() - started) : undefined;
  if (first === 'overview') {
    await checkpoint('fees-overview');
    await click('fees-section-reciprocity');
    await control('reciprocity-years');
    await checkpoint('fees-reciprocity');
  } else {
    await checkpoint('fees-policy');
  }
  await click('nav-home');
  await waitForScreen(['home'], STEP_MS);
  return feesOverviewMs;
}

/**
 * From Today (a demo vault lists a questionnaire due): the due questionnaire opened, which shows the
 * client's Measures tab with their chart of scores; then a questionnaire begun as if typed in from
 * paper, its first question shown, and left without saving.
 */
async function tourMeasures(): Promise<void> {
  const due = '[data-testid="due-item"][data-kind="measure"] [data-testid="due-open"]';
  await waitFor(() => document.querySelector('[data-testid="today"][aria-busy="false"]') ?? undefined, SLOW_STEP_MS, 'Today to be read');
  if (!document.querySelector(due) && byTestId('today-due-all')) await click('today-due-all');
  if (!document.querySelector(due)) return;
  await clickFirst(due, 'a questionnaire due');
  await waitForScreen(['client'], STEP_MS);
  const chart = await control('measure-chart');
  // Everything above the chart is in place before it is scrolled to.
  await control('measure-start');
  await waitFor(() => document.querySelector('[data-testid="measure-schedules"][aria-busy="false"]') ?? undefined, STEP_MS, 'the schedules to be read');
  await afterPaint();
  inView(chart);
  await checkpoint('measures');
  (await control('measure-start')).scrollIntoView({ block: 'start' });
  await click('measure-begin');
  await control('measure-question');
  await checkpoint('measure-question');
  await click('measure-cancel');
  await control('measure-start');
  await click('nav-home');
  await waitForScreen(['home'], STEP_MS);
}

/**
 * Settings' questionnaires: a questionnaire of the therapist's own being defined (a name, three
 * questions, one reverse-scored, and a subscale), then discarded.
 */
async function tourQuestionnaires(): Promise<void> {
  await click('settings');
  await waitForScreen(['settings'], STEP_MS);
  await click('instrument-new');
  await control('instrument-editor');
  await typeInto('instrument-name', 'Evening Calm Check (fictional)');
  await typeInto('instrument-short-name', 'ECC');
  await typeInto('instrument-licence', 'Written for this self-test; no licence is needed.');
  await typeInto('instrument-questions', 'I felt settled\nMy breath was easy\nI was on edge');
  await typeInto('instrument-reverse', '3');
  await click('instrument-add-subscale');
  await typeInto('subscale-name', 'Body');
  await typeInto('subscale-items', '1-2');
  inView(await control('instrument-editor'));
  await checkpoint('questionnaire-editor');
  await click('instrument-cancel');
  await click('instrument-discard-dialog-confirm');
  await control('instrument-new');
  await click('settings-back');
  await waitForScreen(['home'], STEP_MS);
}

/**
 * On a client's page with sessions (a demo vault): the latest medicine session's setting plan,
 * the worksheet's entry row, the latest integration session's view, and the journey, timed from
 * the click on its tab to its chart painted.
 */
async function tourIntegration(): Promise<number | undefined> {
  await click('tab-sessions');
  await control('sessions-list');
  const medicine = document.querySelector<HTMLElement>('[data-testid="session-row"][data-kind="medicine"] button');
  if (!medicine) return undefined;
  medicine.click();
  const plan = await control('setting-plan');
  await afterPaint();
  plan.scrollIntoView({ block: 'start' });
  await checkpoint('session-setting-plan');

  await click('tab-worksheet');
  await control('shift-entry');
  await typeInto('shift-day', '3');
  await typeInto('shift-words', 'Noticed the birds this morning');
  await afterPaint();
  (await control('shift-entry')).scrollIntoView({ block: 'start' });
  await checkpoint('shift-entry');

  await click('tab-sessions');
  await control('sessions-list');
  await clickFirst('[data-testid="session-row"][data-kind="integration"] button', 'an integration session');
  await click('open-integration-view');
  await control('integration-view');
  await checkpoint('integration-view');

  const started = performance.now();
  await click('tab-journey');
  const chart = await control('journey-chart');
  await afterPaint();
  const journeyMs = Math.round(performance.now() - started);
  chart.scrollIntoView({ block: 'center' });
  await checkpoint('journey');
  return journeyMs;
}

/** Opens the client in row `index` of the client list; false when there is no such row. */
async function openClientRow(index: number): Promise<boolean> {
  await click('nav-clients');
  await waitForScreen(['clients'], STEP_MS);
  const any = await waitFor(() => (byTestId('client-row') ? true : byTestId('clients-empty') ? false : undefined), STEP_MS, 'client list');
  const row = any ? document.querySelectorAll<HTMLElement>('[data-testid="client-row"]')[index] : undefined;
  if (!row) return false;
  row.click();
  await waitForScreen(['client'], STEP_MS);
  await control('client-name');
  return true;
}

/**
 * On a demo vault, the first client with a medicine session not yet finalised: their Health tab,
 * the session's readiness, and its live log open. Nothing is written. Without one it does nothing.
 */
async function tourMedicine(): Promise<void> {
  // A session under way (its log begun) shows the day best; any session not finalised will do.
  const wanted = ['[data-finalised="false"][data-logged="true"]', '[data-finalised="false"]'];
  for (const state of wanted) {
    const open = `[data-testid="session-row"][data-kind="medicine"]${state} button`;
    for (let index = 0; index < 60; index++) {
      if (!(await openClientRow(index))) break;
      await click('tab-sessions');
      await control('sessions-list');
      if (!document.querySelector(open)) continue;

      await click('tab-health');
      await control('health');
      const screening = await control('health-screening');
      await afterPaint();
      // The screening's flags first: scrolled to until the page stays there (the tab's forms
      // settle over a frame or two after it opens).
      for (let i = 0; i < 10 && Math.abs(screening.getBoundingClientRect().top - 72) > 8; i++) {
        inView(screening);
        window.scrollBy(0, -72);
        await afterPaint();
      }
      await checkpoint('health-screening');

      await click('tab-sessions');
      await clickFirst(open, 'a medicine session not finalised');
      const readiness = await waitFor(
        () => document.querySelector<HTMLElement>('[data-testid="readiness"] [data-testid="readiness-state"]') ?? undefined,
        STEP_MS,
        'readiness',
      );
      await afterPaint();
      inView(readiness.closest<HTMLElement>('[data-testid="readiness"]') ?? readiness);
      await checkpoint('readiness');
      await click('open-live-log');
      await control('live-log-entries');
      await afterPaint();
      await checkpoint('live-log');
      await click('live-log-close');
      await waitFor(() => (byTestId('live-log') ? undefined : true), STEP_MS, 'the live log to close');
      await click('nav-home');
      await waitForScreen(['home'], STEP_MS);
      return;
    }
  }
  await click('nav-home');
  await waitForScreen(['home'], STEP_MS);
}

export async function runSelfTest(opts: SelfTestOptions): Promise<void> {
  let result: SelfTestResult;
  try {
    if (!opts || typeof opts.passphrase !== 'string' || opts.passphrase === '') {
      throw new StepError('no passphrase given');
    }
    await reachHome(opts.passphrase);
    // The page keeps the app's time (its clock follows the vault's status): in a test run with a
    // pinned clock, a page that read the computer's clock instead would show another day.
    if (opts.today && todayIso() !== opts.today) {
      throw new StepError(`the page's date ${todayIso()} is not the app's ${opts.today}`);
    }
    await checkpoint('home');
    await waitFor(() => document.querySelector('[data-testid="today"][aria-busy="false"]') ?? undefined, SLOW_STEP_MS, 'Today to be read');
    await afterPaint();
    await checkpoint('today');
    const { openClientMs, journeyMs } = await tourClients(opts.passphrase);
    await tourMeasures();
    await tourMedicine();
    const feesOverviewMs = await tourFees();
    await tourQuestionnaires();

    await click('lock');
    await waitForScreen(['unlock'], STEP_MS);
    await checkpoint('unlock');

    await typeInto('unlock-passphrase', `${opts.passphrase} (not this one)`);
    await click('unlock-submit');
    await control('unlock-error');
    await waitFor(() => (byTestId<HTMLButtonElement>('unlock-submit')?.disabled === false ? true : undefined), STEP_MS, 'unlock to finish');

    await typeInto('unlock-passphrase', opts.passphrase);
    const submit = await control<HTMLButtonElement>('unlock-submit');
    const started = performance.now();
    submit.click();
    await waitForScreen(['home'], SLOW_STEP_MS);
    const unlockToHomeDomMs = Math.round(performance.now() - started);
    await afterPaint();
    const unlockToHomeMs = Math.round(performance.now() - started);
    await waitFor(() => document.querySelector('[data-testid="today"][aria-busy="false"]') ?? undefined, SLOW_STEP_MS, 'Today to be read');
    await afterPaint();
    const unlockToTodayMs = Math.round(performance.now() - started);

    result = { ok: true, unlockToHomeMs, unlockToHomeDomMs, unlockToTodayMs, openClientMs, journeyMs, feesOverviewMs };
  } catch (error) {
    // Only our own step messages are reported: they name a step or control, never record content.
    const reason =
      error instanceof StepError || (error instanceof Error && error.message.startsWith('timed out'))
        ? error.message
        : `unexpected ${error instanceof Error ? error.name : 'failure'}`;
    result = { ok: false, reason: `${reason} (on screen ${currentScreen() ?? 'none'})` };
  }
  emitEvent('selftest:result', result);
}

/** Makes the self-test callable by the Go side. Does nothing by itself. */
export function installSelfTest(target: Window = window): void {
  target.__tandemSelfTest = runSelfTest;
}
