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

const { Session } = await import('./session.svelte');
const { emptyClient, EMPTY_PROFILE } = await import('$lib/api');

const unlocked = (partial: Partial<VaultStatus> = {}): VaultStatus => ({
  state: 'unlocked',
  mustSetPassphrase: false,
  profileComplete: true,
  folder: '/vault',
  version: 'test',
  autoLockMinutes: 10,
  coCreationClientId: 0,
  now: '',
  ...partial,
});

function record(id: number, name: string): ClientRecord {
  return {
    client: { ...emptyClient(), id, chosenName: name, intakeNote: 'PRIVATE-NOTE' },
    powerMap: [],
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

async function openSession(): Promise<InstanceType<typeof Session>> {
  const session = new Session();
  session.applyStatus(unlocked());
  await Promise.resolve();
  api.record.mockResolvedValue(record(1, 'Zoë'));
  await session.clients.list.load();
  session.openClient(1, 'plan');
  await session.clients.open.open(1);
  return session;
}

describe('Session and co-creation mode', () => {
  it('forgets all therapist-only data on entering, and shows only co-creation mode', async () => {
    const session = await openSession();
    api.enter.mockResolvedValue({ ...record(1, 'Zoë'), reflections: [], history: [] });
    await session.enterCoCreation(1);
    expect(session.screen).toBe('cocreation');
    expect(session.clients.open.record).toBeNull();
    expect(session.clients.list.items).toEqual([]);
    expect(session.profile).toBeNull();
    expect(JSON.stringify(session.coCreation.view)).not.toContain('PRIVATE-REFLECTION');
    session.go('clients');
    expect(session.screen).toBe('cocreation');
  });

  it('keeps the therapist’s page when entering is refused', async () => {
    const session = await openSession();
    api.enter.mockRejectedValue({ code: 'invalid', message: 'Archived.' });
    await expect(session.enterCoCreation(1)).rejects.toBeTruthy();
    expect(session.screen).toBe('client');
    expect(session.clients.open.record).not.toBeNull();
  });

  it('returns to the client’s plan after leaving with the secret', async () => {
    const session = await openSession();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    api.leave.mockResolvedValue(undefined);
    await session.enterCoCreation(1);
    await session.leaveCoCreation('violet harbour copper kettle');
    expect(session.screen).toBe('client');
    expect(session.clientId).toBe(1);
    expect(session.clientTab).toBe('plan');
    expect(session.coCreation.view).toBeNull();
  });

  it('shows co-creation mode after a reload while the Go side has it on', () => {
    const session = new Session();
    session.applyStatus(unlocked({ coCreationClientId: 7 }));
    expect(session.screen).toBe('cocreation');
    expect(api.practiceGet).not.toHaveBeenCalled();
  });
});

describe('Session at lock', () => {
  it('drops every client from page state, whatever the screen', async () => {
    const session = await openSession();
    session.handleLocked('idle');
    expect(session.screen).toBe('unlock');
    expect(session.clients.open.record).toBeNull();
    expect(session.clients.list.items).toEqual([]);
    expect(session.clientId).toBe(0);
  });

  it('ends co-creation mode on the page too', async () => {
    const session = await openSession();
    api.enter.mockResolvedValue(record(1, 'Zoë'));
    await session.enterCoCreation(1);
    session.handleLocked('manual');
    expect(session.coCreation.view).toBeNull();
    expect(session.status?.coCreationClientId).toBe(0);
    expect(session.screen).toBe('unlock');
  });

  it('asks to search clients with Ctrl+K', () => {
    const session = new Session();
    session.applyStatus(unlocked());
    session.findClient();
    expect(session.screen).toBe('clients');
    expect(session.searchPending).toBe(true);
  });
});
