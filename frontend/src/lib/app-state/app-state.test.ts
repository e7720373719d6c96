import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord, VaultStatus } from '$lib/api';

const api = vi.hoisted(() => ({
  record: vi.fn(),
  list: vi.fn(),
  enter: vi.fn(),
  leave: vi.fn(),
  practiceGet: vi.fn(),
  lock: vi.fn(),
}));

vi.mock('$lib/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('$lib/api')>();
  return {
    ...original,
    clients: { ...original.clients, record: api.record, list: api.list },
    coCreation: { ...original.coCreation, enter: api.enter, leave: api.leave },
    practice: { ...original.practice, get: api.practiceGet },
    vault: { ...original.vault, lock: api.lock },
  };
});

const { AppState } = await import('./app-state.svelte');
const { emptyClient, EMPTY_PROFILE } = await import('$lib/api');

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
    plan: [],
    agreements: [],
    reflections: [{ id: 1, clientId: id, writtenOn: '2026-01-01', kind: 'bias', text: 'PRIVATE-REFLECTION', updated: '' }],
    history: [],
  };
}

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.practiceGet.mockResolvedValue({ ...EMPTY_PROFILE, name: 'Practice' });
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

  it('shows co-creation mode after a reload while the Go side has it on', () => {
    const app = new AppState();
    app.applyStatus(unlocked({ coCreationClientId: 7 }));
    expect(app.screen).toBe('cocreation');
    expect(api.practiceGet).not.toHaveBeenCalled();
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
