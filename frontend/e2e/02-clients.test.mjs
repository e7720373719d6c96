// Clients and the co-created plan in a real browser against the real Go backend:
// names in several scripts, search, bad input refused next to the field, goals
// proposed by each author, agreed, reworded (every wording kept) and retired,
// a private reflection, and co-creation mode showing the client only what is
// shared, attributing their words to them, and leaving only with the secret.
// Runs after 01-vault.test.mjs on the same vault; the steps share state, so
// they run in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, ARTIFACTS, E2E_PASSPHRASE, launch, openVault, screen, byTestId, currentScreen, setAutoLock } from './harness.mjs';

const ZOE = 'Zoë Ñúñez-Øvergård';
const MUHAMMAD = 'محمد';
const PRIYA = 'प्रिया';
const SECRET_REFLECTION = 'PRIVATE-MARMOT-5521';
const SECRET_POWER = 'PRIVATE-HERON-9034';
const OFFERED_IN_COCREATION = 'To notice when I hurry, offered by the therapist';
const POSITIONALITY = 'I am a white settler therapist with a licence, paid by the hour (fictional statement).';
const PIN = '482913';

const GOAL_CLIENT = 'To rest without feeling guilty about it';
const GOAL_THERAPIST = 'To trust my own pace';
const GOAL_THERAPIST_REWORDED = 'To move at a pace that is mine';
const GOAL_TOGETHER = 'To come back to my body';
const GOAL_IN_COCREATION = 'To sleep through the night again';

let browser, page;
/** The record made for Zoë by this run (the vault may hold others from earlier runs). */
let zoeId = '';

before(async () => {
  ({ browser, page } = await launch());
  await page.goto(URL);
});
after(async () => {
  await page?.screenshot({ path: `${ARTIFACTS}/e2e-clients-last.png`, fullPage: true }).catch(() => {});
  await browser?.close();
});

/** The current data-screen, once the loading state is over. */
async function clientCount() {
  await page.locator('[data-testid="client-count"][data-count]').waitFor();
  return Number(await byTestId(page, 'client-count').getAttribute('data-count'));
}

async function openClientList() {
  await byTestId(page, 'nav-clients').click();
  await screen(page, 'clients');
}

async function createClient(name, pronouns = '') {
  await openClientList();
  await byTestId(page, 'new-client').click();
  await screen(page, 'client-form');
  await byTestId(page, 'client-chosen-name').fill(name);
  if (pronouns) await byTestId(page, 'client-pronouns').fill(pronouns);
  await byTestId(page, 'client-save').click();
  await screen(page, 'client');
  await byTestId(page, 'client-name').filter({ hasText: name }).waitFor();
  return page.locator('[data-screen="client"]').getAttribute('data-client-id');
}

/** Opens this run's record for Zoë from the client list. */
async function openZoe() {
  await openClientList();
  await page.locator(`[data-testid="client-row"][data-client-id="${zoeId}"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'client-name').filter({ hasText: ZOE }).waitFor();
}

/** The plan item (li) whose current wording is text. */
const planItem = (text) => byTestId(page, 'plan-item').filter({ has: byTestId(page, 'plan-item-text').getByText(text, { exact: true }) });

async function addGoal(text, proposedBy) {
  await byTestId(page, 'add-goal').click();
  await byTestId(page, 'plan-text').fill(text);
  await byTestId(page, 'plan-proposed-by').selectOption(proposedBy);
  await byTestId(page, 'plan-add-submit').click();
  await planItem(text).waitFor();
}

test('the vault is open, with time to work', async () => {
  await openVault(page);
  await setAutoLock(page, 30);
});

test('a co-creation PIN can be set in settings', async () => {
  await byTestId(page, 'pin-passphrase').fill('not my passphrase');
  await byTestId(page, 'pin-new').fill(PIN);
  await byTestId(page, 'pin-save').click();
  await page.locator('[data-testid="pin-section"] [role="alert"]').first().waitFor({ timeout: 20000 });
  await byTestId(page, 'pin-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'pin-new').fill(PIN);
  await byTestId(page, 'pin-save').click();
  await byTestId(page, 'pin-done').waitFor({ timeout: 20000 });
});

test('bad input is said next to its field, and nothing is saved', async () => {
  await openClientList();
  const before = await clientCount();

  await byTestId(page, 'new-client').click();
  await screen(page, 'client-form');
  await byTestId(page, 'client-save').click();
  const nameField = byTestId(page, 'client-chosen-name');
  assert.equal(await nameField.getAttribute('aria-invalid'), 'true');
  const nameError = page.locator(`#${await nameField.getAttribute('aria-describedby').then((ids) => ids.split(' ').at(-1))}`);
  assert.match(await nameError.innerText(), /name/i);
  assert.equal(await nameError.getAttribute('role'), 'alert');

  await nameField.fill('Temporary Person');
  await byTestId(page, 'client-dob').fill('2026-02-30');
  await byTestId(page, 'client-save').click();
  const dob = byTestId(page, 'client-dob');
  await page.waitForFunction(() => document.querySelector('[data-testid="client-dob"]')?.getAttribute('aria-invalid') === 'true');
  const dobErrorId = (await dob.getAttribute('aria-describedby')).split(' ').at(-1);
  const dobError = page.locator(`#${dobErrorId}`);
  assert.match(await dobError.innerText(), /date/i);
  // The message sits in the same field as the input it is about.
  assert.equal(await dob.locator('xpath=..').locator(`#${dobErrorId}`).count(), 1);
  await screen(page, 'client-form');

  await byTestId(page, 'client-cancel').click();
  await byTestId(page, 'client-unsaved-dialog-confirm').click();
  await screen(page, 'clients');
  assert.equal(await clientCount(), before, 'nothing may be saved from refused input');
});

test('clients with names in three scripts', async () => {
  zoeId = await createClient(ZOE, 'they/them');
  assert.ok(zoeId, 'the client page names its record');
  assert.match(await byTestId(page, 'client-pronouns-display').innerText(), /they\/them/);
  await createClient(MUHAMMAD);
  await createClient(PRIYA);
  await openClientList();
  for (const name of [ZOE, MUHAMMAD, PRIYA]) {
    await byTestId(page, 'client-row').filter({ hasText: name }).first().waitFor();
  }
});

test('searching “zoe” finds Zoë, ignoring accents and case', async () => {
  await byTestId(page, 'client-search').fill('zoe');
  await page.waitForFunction(
    (names) => {
      const rows = [...document.querySelectorAll('[data-testid="client-row"]')].map((r) => r.textContent ?? '');
      return rows.length > 0 && rows.every((r) => r.includes(names[0])) && !rows.some((r) => r.includes(names[1]));
    },
    [ZOE, MUHAMMAD],
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await screen(page, 'client');
  await byTestId(page, 'client-name').filter({ hasText: ZOE }).waitFor();
});

test('Ctrl+K goes to the client search from anywhere', async () => {
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+k');
  await screen(page, 'clients');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'client-search');
  await page.locator(`[data-testid="client-row"][data-client-id="${zoeId}"]`).click();
  await screen(page, 'client');
  await byTestId(page, 'client-name').filter({ hasText: ZOE }).waitFor();
});

test('goals proposed by the client, the therapist and the two together', async () => {
  await byTestId(page, 'tab-plan').click();
  await addGoal(GOAL_CLIENT, 'client');
  await addGoal(GOAL_THERAPIST, 'therapist');
  await addGoal(GOAL_TOGETHER, 'together');
  assert.match(await planItem(GOAL_CLIENT).getByTestId('plan-item-proposed-by').innerText(), /Proposed by .*Zoë/);
  assert.match(await planItem(GOAL_THERAPIST).getByTestId('plan-item-proposed-by').innerText(), /Proposed by you$/);
  assert.match(await planItem(GOAL_TOGETHER).getByTestId('plan-item-proposed-by').innerText(), /together/);
  for (const text of [GOAL_CLIENT, GOAL_THERAPIST, GOAL_TOGETHER]) {
    assert.equal(await planItem(text).getAttribute('data-status'), 'proposed');
  }
});

test('agree one, reword one (every wording kept with its author), retire one', async () => {
  await planItem(GOAL_CLIENT).getByTestId('plan-agree').click();
  await byTestId(page, 'agree-submit').click();
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('[data-testid="plan-item"]')].some(
        (li) => li.querySelector('[data-testid="plan-item-text"]')?.textContent === text && li.getAttribute('data-status') === 'agreed',
      ),
    GOAL_CLIENT,
  );
  assert.match(await planItem(GOAL_CLIENT).getByTestId('plan-item-agreed-on').innerText(), /Agreed on/);

  await planItem(GOAL_THERAPIST).getByTestId('plan-revise').click();
  await byTestId(page, 'revise-text').fill(GOAL_THERAPIST_REWORDED);
  await byTestId(page, 'revise-author').selectOption('client');
  await byTestId(page, 'revise-submit').click();
  const reworded = planItem(GOAL_THERAPIST_REWORDED);
  await reworded.waitFor();
  assert.equal(await reworded.getAttribute('data-status'), 'revised');

  await reworded.getByTestId('plan-history').click();
  const dialog = byTestId(page, 'history-dialog');
  await dialog.waitFor({ state: 'visible' });
  const wordings = dialog.getByTestId('wording');
  assert.equal(await wordings.count(), 2);
  assert.match(await wordings.nth(0).innerText(), new RegExp(GOAL_THERAPIST));
  assert.match(await wordings.nth(0).getByTestId('wording-author').innerText(), /^You$/);
  assert.match(await wordings.nth(1).innerText(), new RegExp(GOAL_THERAPIST_REWORDED));
  assert.match(await wordings.nth(1).getByTestId('wording-author').innerText(), /Zoë/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  await planItem(GOAL_TOGETHER).getByTestId('plan-retire').click();
  await byTestId(page, 'retire-submit').click();
  await page.locator('[data-testid="plan-item"] [role="alert"]').first().waitFor();
  await byTestId(page, 'retire-reason').fill('Folded into the first goal.');
  await byTestId(page, 'retire-submit').click();
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('[data-testid="plan-item"]')].some(
        (li) => li.querySelector('[data-testid="plan-item-text"]')?.textContent === text && li.getAttribute('data-status') === 'retired',
      ),
    GOAL_TOGETHER,
  );
  assert.match(await planItem(GOAL_TOGETHER).getByTestId('plan-item-retired-reason').textContent(), /Folded into the first goal/);
});

test('a private reflection and a private power-map entry', async () => {
  await byTestId(page, 'tab-reflections').click();
  await byTestId(page, 'reflection-text').fill(`${SECRET_REFLECTION}: I noticed I wanted to rescue them.`);
  await byTestId(page, 'reflection-add').click();
  await byTestId(page, 'reflection').filter({ hasText: SECRET_REFLECTION }).waitFor();

  await byTestId(page, 'tab-powermap').click();
  await byTestId(page, 'powermap-add').click();
  await byTestId(page, 'powermap-difference').fill(`${SECRET_POWER}: I am paid, they pay.`);
  await byTestId(page, 'powermap-private').check();
  await byTestId(page, 'powermap-submit').click();
  await byTestId(page, 'powermap-entry').filter({ hasText: SECRET_POWER }).waitFor();
  assert.equal(await byTestId(page, 'powermap-entry').filter({ hasText: SECRET_POWER }).getAttribute('data-visibility'), 'private');

  await byTestId(page, 'tab-history').click();
  await byTestId(page, 'history-line').filter({ hasText: 'private reflection' }).first().waitFor();
  assert.equal(await page.locator('[data-screen="client"]').innerText().then((t) => t.includes('{')), false, 'no raw JSON');

  // A private note is no revisit together: home still lists Zoë's power map as one to explore, and
  // goes straight to it.
  await byTestId(page, 'nav-home').click();
  await screen(page, 'home');
  const revisit = page.locator(`[data-testid="home-revisit-client"][data-client="${zoeId}"]`);
  await revisit.waitFor();
  assert.match(await revisit.innerText(), /not yet explored together/);
  await byTestId(page, 'home-revisit').screenshot({ path: `${ARTIFACTS}/e2e-home-revisit.png` });
  await revisit.getByRole('button').click();
  await screen(page, 'client');
  await byTestId(page, 'powermap-entry').filter({ hasText: SECRET_POWER }).waitFor();
});

test('the general journal keeps reflections about no one client', async () => {
  await byTestId(page, 'nav-reflections').click();
  await screen(page, 'reflections');
  await byTestId(page, 'reflection-text').fill('A general note on my own tiredness this week.');
  await byTestId(page, 'reflection-add').click();
  await byTestId(page, 'reflection').filter({ hasText: 'my own tiredness' }).first().waitFor();
  assert.equal(await byTestId(page, 'reflection').filter({ hasText: SECRET_REFLECTION }).count(), 0, 'client reflections stay with the client');
  await openZoe();
});

test('the therapist shares their positionality statement with Zoë, and only with her', async () => {
  await byTestId(page, 'settings').click();
  await screen(page, 'settings');
  await byTestId(page, 'profile-positionality').fill(POSITIONALITY);
  await byTestId(page, 'profile-save').click();
  await byTestId(page, 'profile-saved').waitFor();
  await openZoe();
  await byTestId(page, 'tab-powermap').click();
  const toggle = byTestId(page, 'positionality-share-toggle');
  assert.equal(await toggle.isChecked(), false, 'not shared until the therapist chooses');
  await toggle.check();
  await byTestId(page, 'positionality-shared-note').waitFor();
  await byTestId(page, 'positionality-share').screenshot({ path: `${ARTIFACTS}/e2e-positionality-share.png` });
  await byTestId(page, 'tab-history').click();
  await byTestId(page, 'history-line').filter({ hasText: 'shared their positionality statement' }).first().waitFor();
});

test('co-creation mode shows only what is shared, for this client only', async () => {
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  await byTestId(page, 'cocreation-name').filter({ hasText: ZOE }).waitFor();
  await page.getByText(GOAL_CLIENT).first().waitFor();
  // Today's agenda, as steps; fees only when chosen, and the default agenda leaves them out.
  await byTestId(page, 'cc-agenda').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/e2e-cocreation-agenda.png` });
  assert.equal(await byTestId(page, 'cc-step-fees').count(), 0, 'fees are not on the default agenda');
  assert.equal(await byTestId(page, 'cc-fees').count(), 0, 'fees appear only when chosen');
  await byTestId(page, 'cc-step-powermap').click();
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Differences between us/);
  // The statement the therapist chose to share sits beside the power map.
  assert.match(await byTestId(page, 'cc-positionality').innerText(), new RegExp(POSITIONALITY.slice(0, 30)));
  await byTestId(page, 'cc-positionality').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/e2e-cocreation-positionality.png` });

  const html = await page.evaluate(() => document.documentElement.outerHTML);
  assert.ok(!html.includes(SECRET_REFLECTION), 'a private reflection reached co-creation mode');
  assert.ok(!html.includes(SECRET_POWER), 'a private power-map entry reached co-creation mode');
  for (const other of [MUHAMMAD, PRIYA, 'Temporary Person']) {
    assert.ok(!html.includes(other), `another client's name (${other}) is in the page`);
  }
  // No way around the app: the only navigation is today's agenda, which moves within this page.
  assert.equal(await page.locator('nav:not([data-testid="cc-agenda"])').count(), 0, 'no navigation');
  for (const id of ['nav-clients', 'nav-home', 'settings', 'client-search', 'client-row', 'tab-reflections', 'tab-history']) {
    assert.equal(await byTestId(page, id).count(), 0, `${id} must not be in co-creation mode`);
  }
  await page.keyboard.press('Control+k');
  await page.waitForTimeout(300);
  assert.equal(await currentScreen(page), 'cocreation', 'Ctrl+K must not reach the client list');

  // A reload finds the mode still on (the Go side keeps it) and fetches only the client's view.
  await page.reload();
  await screen(page, 'cocreation', 30000);
  await byTestId(page, 'cocreation-name').filter({ hasText: ZOE }).waitFor();
  const reloaded = await page.evaluate(() => document.documentElement.outerHTML);
  assert.ok(!reloaded.includes(SECRET_REFLECTION) && !reloaded.includes(MUHAMMAD), 'private or other content after a reload');
});

test('the client adds a goal in their own name', async () => {
  assert.equal(await byTestId(page, 'cocreation-writer-client').isChecked(), true, 'the client writes by default');
  await byTestId(page, 'cc-add-goal').click();
  await byTestId(page, 'cc-plan-text').fill(GOAL_IN_COCREATION);
  await byTestId(page, 'cc-plan-submit').click();
  const added = byTestId(page, 'cc-plan-item').filter({ hasText: GOAL_IN_COCREATION });
  await added.waitFor();
  assert.match(await added.getByTestId('plan-item-proposed-by').innerText(), /^Proposed by .*Zoë/);
});

test('the therapist offers an intention openly, as themselves, and the client sees who offered it', async () => {
  await byTestId(page, 'cocreation-writer-therapist').check();
  await byTestId(page, 'cc-add-intention').click();
  await byTestId(page, 'cc-plan-text').fill(OFFERED_IN_COCREATION);
  await byTestId(page, 'cc-plan-submit').click();
  const offered = byTestId(page, 'cc-plan-item').filter({ hasText: OFFERED_IN_COCREATION });
  await offered.waitFor();
  assert.equal(await offered.getByTestId('plan-item-proposed-by').innerText(), 'Proposed by your therapist');
  await byTestId(page, 'cocreation-writer-client').check();
});

test('the client describes who they are, in their own words', async () => {
  await byTestId(page, 'cc-step-powermap').click();
  await byTestId(page, 'cc-identities-edit').click();
  await byTestId(page, 'identity-add').click();
  await byTestId(page, 'identity-facet').last().fill('Family');
  await byTestId(page, 'identity-description').last().fill('The eldest of five, the one who keeps everyone together');
  await byTestId(page, 'cc-identities-save').click();
  await byTestId(page, 'cc-identity').filter({ hasText: 'The eldest of five' }).waitFor();
});

test('no way out of co-creation but the passphrase or PIN: shortcuts, the context menu, print, drag and drop', async () => {
  const stillThere = async (what) => {
    await page.waitForTimeout(200);
    assert.equal(await currentScreen(page), 'cocreation', `${what} left co-creation mode`);
    assert.equal(await byTestId(page, 'nav-clients').count(), 0, `${what} brought back the therapist's navigation`);
  };
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  for (const keys of ['Control+k', 'Control+f', 'Control+Shift+f', '/', 'Alt+ArrowLeft', 'Alt+Home', 'Control+p', 'Control+n', 'Backspace']) {
    await page.keyboard.press(keys);
    await stillThere(keys);
  }
  // The context menu offers nothing of the app's.
  await page.mouse.click(200, 400, { button: 'right' });
  await stillThere('the context menu');
  await page.keyboard.press('Escape');
  // Printing the page shows only what is on it, and does not leave.
  await page.evaluate(() => window.print());
  await stillThere('window.print()');
  // A file dropped on the window is not opened.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['not a backup'], 'tandem-backup-2026-01-01T000000Z.age'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  });
  await stillThere('a dropped file');
});

test('Escape and a wrong secret do not leave co-creation mode', async () => {
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  assert.equal(await currentScreen(page), 'cocreation');

  await byTestId(page, 'leave-cocreation').click();
  await byTestId(page, 'leave-secret').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await byTestId(page, 'leave-secret').waitFor({ state: 'hidden' });
  assert.equal(await currentScreen(page), 'cocreation');

  await byTestId(page, 'leave-cocreation').click();
  for (const wrong of ['0000', 'not the passphrase']) {
    await byTestId(page, 'leave-secret').fill(wrong);
    await byTestId(page, 'leave-submit').click();
    // A refused secret is cleared from the field and said next to it.
    await page.waitForFunction(() => {
      const field = document.querySelector('[data-testid="leave-secret"]');
      return field instanceof HTMLInputElement && field.value === '' && document.querySelector('[data-testid="leave-error"]');
    }, undefined, { timeout: 20000 });
    assert.match(await byTestId(page, 'leave-error').innerText(), /passphrase or PIN/);
    assert.equal(await currentScreen(page), 'cocreation');
  }
});

test('the passphrase leaves, back to the client’s page', async () => {
  await byTestId(page, 'leave-secret').fill(E2E_PASSPHRASE);
  await byTestId(page, 'leave-submit').click();
  await screen(page, 'client', 30000);
  await byTestId(page, 'client-name').filter({ hasText: ZOE }).waitFor();
  await byTestId(page, 'tab-plan').click();
  assert.match(await planItem(GOAL_IN_COCREATION).getByTestId('plan-item-proposed-by').innerText(), /Proposed by .*Zoë/);
});

test('locking in co-creation mode ends it and clears client data from the page', async () => {
  await byTestId(page, 'enter-cocreation').click();
  await screen(page, 'cocreation');
  await byTestId(page, 'lock').click();
  await screen(page, 'unlock');
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const text of [ZOE, SECRET_REFLECTION, GOAL_CLIENT]) assert.ok(!html.includes(text), `${text} stayed in the page`);
  await byTestId(page, 'unlock-passphrase').fill(E2E_PASSPHRASE);
  await byTestId(page, 'unlock-submit').click();
  await screen(page, 'home', 30000);
  assert.equal(await byTestId(page, 'nav-clients').count(), 1, 'the therapist is back in the practice');
});
