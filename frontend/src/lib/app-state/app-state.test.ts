import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord, Today, VaultStatus } from '$lib/api';
import { emptyHealth } from '$lib/api/medicine-models';

const api = vi.hoisted(() => ({
  record: vi.fn(),
  list: vi.fn(),
  enter: vi.fn(),
  leave: vi.fn(),
  practiceGet: vi.fn(),
  lock: vi.fn(),
  today: vi.fn(),
  measures: vi.fn(),
}));

vi.mock('$lib/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('$lib/api')>();
  return {
    ...original,
    clients: { ...original.clients, record: api.record, list: api.list },
    coCreation: { ...original.coCreation, enter: api.enter, leave: api.leave },
    practice: { ...original.practice, get: api.practiceGet },
    vault: { ...original.vault, lock: api.lock },
    appointments: { ...original.appointments, today: api.today },
    measures: { ...original.measures, forClient: api.measures },
  };
});

const { AppState } = await import('./app-state.svelte');
const { emptyClient, EMPTY_PROFILE, toMeasure } = await import('$lib/api');

const unlocked = (partial: Partial<VaultStatus> = {}): VaultStatus => ({
  state: 'unlocked',
  mustSetPassphrase: false,
  profileComplete: true,
  folder: '/vault',
  version: 'test',
  autoLockMinutes: 10,
  coCreationClientId: 0,
  coCreationPreview: false,
  now: '',
  ...partial,
});

function record(id: number, name: string): ClientRecord {
  return {
    client: { ...emptyClient(), id, chosenName: name, intakeNote: 'PRIVATE-NOTE' },
    powerMap: [],
    therapistPositionality: { text: '', dated: '' },
    health: emptyHealth(),
    plan: [],
    agreements: [],
    reflections: [{ id: 1, clientId: id, writtenOn: '2026-01-01', kind: 'bias', text: 'PRIVATE-REFLECTION', updated: '' }],
    history: [],
  };
}

const TODAY: Today = {
  date: '2026-06-10',
  currency: { code: 'EUR', name: 'Euro', digits: 2, symbol: '€', spaced: false },
  appointments: [],
  due: [{ kind: 'notes', clientId: 1, clientName: 'Zoë', sessionId: 4, agreementId: 0, appointmentId: 0, date: '2026-06-09', amount: 0, instrumentKey: '', instrument: '', measureId: 0 }],
};

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.practiceGet.mockResolvedValue({ ...EMPTY_PROFILE, name: 'Practice' });
  api.today.mockResolvedValue(TODAY);
  api.measures.mockResolvedValue([]);
  api.list.mockResolvedValue([{ id: 2, chosenName: 'Other Client', pronouns: '', status: 'active', updated: '', archived: false }]);
});

async function openApp(): Promise<InstanceType<typeof AppState>> {
  const app = new AppState();
  app.applyStatus(unlocked());
  await Promise.resolve();
  api.record.mockResolvedValue(record(1, 'Zoë'));
  await app.clients.list.load();
  app.openClient(1, 'plan');
  await app.clients.open.open(1);
  return app;
}

describe('AppState and co-creation mode', () => {
  it('forgets all therapist-only data on entering, and shows only co-creation mode', async () => {
    const app = await openApp();
    api.enter.mockResolvedValue({ ...record(1, 'Zoë'), reflections: [], history: [] });
    await app.enterCoCreation(1);
    expect(app.screen).toBe('cocreation');
    expect(app.clients.open.record).toBeNull();
    expect(app.clients.list.items).toEqual([]);
    expect(app.profile).toBeNull();
    expect(JSON.stringify(app.coCreation.view)).not.toContain('PRIVATE-REFLECTION');
    app.go('clients');
    expect(app.screen).toBe('cocreation');
  });

  it('keeps the therapist’s page when entering is refused', async () => {
    const app = await openApp();
    api.enter.mockRejectedValue({ code: 'invalid', message: 'Archived.' });
    await expect(app.enterCoCreation(1)).rejects.toBeTruthy();
    expect(app.screen).toBe('client');
    expect(app.clients.open.record).not.toBeNull();
  });

  it('returns to the client’s plan after leaving with the secret', async () => {
    const app = await openApp();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    api.leave.mockResolvedValue(undefined);
    await app.enterCoCreation(1);
    await app.leaveCoCreation('violet harbour copper kettle');
    expect(app.screen).toBe('client');
    expect(app.clientId).toBe(1);
    expect(app.clientTab).toBe('plan');
    expect(app.coCreation.view).toBeNull();
  });

  it('opens the measures first after leaving when an answer asks the therapist to look', async () => {
    const app = await openApp();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    api.leave.mockResolvedValue(undefined);
    api.measures.mockResolvedValue([toMeasure({ id: 3, clientId: 1, result: { flags: [{ item: 9, value: 1, note: 'look' }] } })]);
    await app.enterCoCreation(1);
    await app.leaveCoCreation('violet harbour copper kettle');
    expect(api.measures).toHaveBeenCalledWith(1);
    expect(app.screen).toBe('client');
    expect(app.clientTab).toBe('measures');
  });

  it('shows the therapist’s page only once it knows which tab comes first, so nothing opened meanwhile is undone', async () => {
    const app = await openApp();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    api.leave.mockResolvedValue(undefined);
    let answer: (value: unknown) => void = () => {};
    api.measures.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await app.enterCoCreation(1);
    const leaving = app.leaveCoCreation('violet harbour copper kettle');
    await vi.waitFor(() => expect(api.measures).toHaveBeenCalledWith(1));
    expect(app.screen).toBe('cocreation');
    answer([toMeasure({ id: 3, clientId: 1, result: { flags: [{ item: 9, value: 1 }] } })]);
    await leaving;
    expect(app.screen).toBe('client');
    expect(app.clientTab).toBe('measures');
  });

  it('opens the plan as usual once the flagged answer has its follow-up', async () => {
    const app = await openApp();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    api.leave.mockResolvedValue(undefined);
    api.measures.mockResolvedValue([toMeasure({ id: 3, clientId: 1, followUp: 'Talked it through.', result: { flags: [{ item: 9, value: 1 }] } })]);
    await app.enterCoCreation(1);
    await app.leaveCoCreation('violet harbour copper kettle');
    expect(app.clientTab).toBe('plan');
  });

  it('shows co-creation mode after a reload while the Go side has it on', () => {
    const app = new AppState();
    app.applyStatus(unlocked({ coCreationClientId: 7 }));
    expect(app.screen).toBe('cocreation');
    expect(api.practiceGet).not.toHaveBeenCalled();
  });
});

describe('AppState and Today', () => {
  it('asks for Today as the vault unlocks, and Home opening meanwhile waits for that answer', async () => {
    const app = new AppState();
    app.applyStatus(unlocked());
    expect(api.today).toHaveBeenCalledTimes(1);
    await app.today.load();
    expect(api.today).toHaveBeenCalledTimes(1);
    expect(app.today.record?.due[0].clientName).toBe('Zoë');
    // Home opening again later reads Today afresh.
    await app.today.load();
    expect(api.today).toHaveBeenCalledTimes(2);
  });

  it('shows the answer read at unlock when Home opens after it came, without reading again', async () => {
    const app = new AppState();
    app.applyStatus(unlocked());
    await vi.waitFor(() => expect(app.today.record).not.toBeNull());
    const shown = app.today.load();
    expect(app.today.loading).toBe(false);
    await shown;
    expect(api.today).toHaveBeenCalledTimes(1);
  });

  it('takes the profile once Today is in too, so that Home first shows with both', async () => {
    let answer: (t: Today) => void = () => {};
    api.today.mockReturnValue(new Promise<Today>((resolve) => (answer = resolve)));
    const app = new AppState();
    app.applyStatus(unlocked());
    await vi.waitFor(() => expect(api.practiceGet).toHaveBeenCalled());
    // The profile's answer is in; Today's is not (the wait for it is far longer than this).
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(app.profile).toBeNull();
    answer(TODAY);
    await vi.waitFor(() => expect(app.profile?.name).toBe('Practice'));
    expect(app.today.record).not.toBeNull();
  });

  it('shows Home without Today when Today is slow, and drops a profile answered after the lock', async () => {
    vi.useFakeTimers();
    try {
      api.today.mockReturnValue(new Promise<Today>(() => {}));
      const app = new AppState();
      app.applyStatus(unlocked());
      await vi.advanceTimersByTimeAsync(1000);
      expect(app.profile?.name).toBe('Practice');
      const locked = new AppState();
      locked.applyStatus(unlocked());
      locked.handleLocked('idle');
      await vi.advanceTimersByTimeAsync(1000);
      expect(locked.profile).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads again at Home when the read at unlock failed', async () => {
    api.today.mockRejectedValueOnce({ code: 'busy', message: 'Busy.' });
    const app = new AppState();
    app.applyStatus(unlocked());
    await vi.waitFor(() => expect(app.today.error).not.toBeNull());
    await app.today.load();
    expect(api.today).toHaveBeenCalledTimes(2);
    expect(app.today.record).not.toBeNull();
  });

  it('does not ask for Today before the passphrase is set, nor in co-creation mode', () => {
    new AppState().applyStatus(unlocked({ mustSetPassphrase: true }));
    new AppState().applyStatus(unlocked({ coCreationClientId: 7 }));
    expect(api.today).not.toHaveBeenCalled();
  });

  it('forgets Today at lock and on entering co-creation mode', async () => {
    const app = await openApp();
    await app.today.load();
    expect(app.today.record).not.toBeNull();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    await app.enterCoCreation(1);
    expect(app.today.record).toBeNull();
    const other = await openApp();
    await other.today.load();
    other.handleLocked('idle');
    expect(other.today.record).toBeNull();
  });

  it('drops an answer that arrives after the lock', async () => {
    let answer: (t: Today) => void = () => {};
    api.today.mockReturnValue(new Promise<Today>((resolve) => (answer = resolve)));
    const app = new AppState();
    app.applyStatus(unlocked());
    app.handleLocked('manual');
    answer(TODAY);
    await Promise.resolve();
    await Promise.resolve();
    expect(app.today.record).toBeNull();
  });
});

describe('AppState at lock', () => {
  it('drops every client from page state, whatever the screen', async () => {
    const app = await openApp();
    app.handleLocked('idle');
    expect(app.screen).toBe('unlock');
    expect(app.clients.open.record).toBeNull();
    expect(app.clients.list.items).toEqual([]);
    expect(app.clientId).toBe(0);
  });

  it('ends co-creation mode on the page too', async () => {
    const app = await openApp();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    await app.enterCoCreation(1);
    app.handleLocked('manual');
    expect(app.coCreation.view).toBeNull();
    expect(app.status?.coCreationClientId).toBe(0);
    expect(app.screen).toBe('unlock');
  });

  it('asks to search clients with Ctrl+K', () => {
    const app = new AppState();
    app.applyStatus(unlocked());
    app.findClient();
    expect(app.screen).toBe('clients');
    expect(app.searchPending).toBe(true);
  });
});
