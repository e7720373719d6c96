import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord, ClientSummary, PlanItem } from '$lib/api';
import { emptyHealth } from '$lib/api/medicine-models';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  record: vi.fn(),
  movePlanItem: vi.fn(),
  addPlanItem: vi.fn(),
  erase: vi.fn(),
}));

vi.mock('$lib/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('$lib/api')>();
  return { ...original, clients: { ...original.clients, ...api } };
});

const { ClientList, ClientsStore, OpenRecord, SEARCH_DELAY_MS } = await import('./clients.svelte');
const { ApiError, emptyClient } = await import('$lib/api');

const summary = (id: number, chosenName: string): ClientSummary => ({
  id,
  chosenName,
  pronouns: '',
  status: 'active',
  updated: '',
  archived: false,
  powerMapRevisited: '',
});

function goal(id: number, position: number, status: PlanItem['status'] = 'proposed'): PlanItem {
  return {
    id,
    clientId: 1,
    kind: 'goal',
    text: `goal ${id}`,
    proposedBy: 'client',
    status,
    agreedOn: '',
    retiredReason: '',
    position,
    created: '',
    revisions: [],
  };
}

function record(id: number, plan: PlanItem[] = []): ClientRecord {
  return {
    client: { ...emptyClient(), id, chosenName: `client ${id}` },
    powerMap: [],
    therapistPositionality: { text: '', dated: '' },
    health: emptyHealth(),
    plan,
    agreements: [],
    reflections: [{ id: 1, clientId: id, writtenOn: '2026-01-01', kind: 'other', text: 'private', updated: '' }],
    history: [],
  };
}

/** A promise the test settles by hand, to put answers out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.useFakeTimers();
  for (const fn of Object.values(api)) fn.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('ClientList', () => {
  it('searches once typing pauses, with the words trimmed', async () => {
    api.list.mockResolvedValue([summary(1, 'Zoë')]);
    const list = new ClientList();
    list.search('z');
    list.search('zo');
    list.search(' zoe ');
    expect(api.list).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(api.list).toHaveBeenCalledWith({ query: 'zoe', status: '', archived: false });
    expect(list.items.map((c) => c.chosenName)).toEqual(['Zoë']);
    expect(list.loaded).toBe(true);
  });

  it('asks for one status, or for the archive, at once', async () => {
    api.list.mockResolvedValue([]);
    const list = new ClientList();
    list.setFilter('paused');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.list).toHaveBeenLastCalledWith({ query: '', status: 'paused', archived: false });
    list.setFilter('archived');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.list).toHaveBeenLastCalledWith({ query: '', status: '', archived: true });
  });

  it('ignores an answer that arrives after a newer question', async () => {
    const slow = deferred<ClientSummary[]>();
    api.list.mockReturnValueOnce(slow.promise).mockResolvedValueOnce([summary(2, 'Kwame')]);
    const list = new ClientList();
    const first = list.load();
    await list.load();
    slow.resolve([summary(1, 'Old answer')]);
    await first;
    expect(list.items.map((c) => c.chosenName)).toEqual(['Kwame']);
  });

  it('keeps the last list and shows the error when the Go side refuses', async () => {
    api.list.mockResolvedValueOnce([summary(1, 'Aroha')]).mockRejectedValueOnce(new ApiError('vault_busy', 'Busy.'));
    const list = new ClientList();
    await list.load();
    await list.load();
    expect(list.items).toHaveLength(1);
    expect(list.error?.message).toBe('Busy.');
  });

  it('forgets everything at clear, even an answer still on its way', async () => {
    const late = deferred<ClientSummary[]>();
    api.list.mockReturnValueOnce(late.promise);
    const list = new ClientList();
    list.search('a');
    const pending = list.load();
    list.clear();
    late.resolve([summary(1, 'Must not appear')]);
    await pending;
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS * 2);
    expect(list.items).toEqual([]);
    expect(list.query).toBe('');
    expect(list.loaded).toBe(false);
    expect(api.list).toHaveBeenCalledTimes(1);
  });
});

describe('OpenRecord', () => {
  it('opens a record and reads it again after a change', async () => {
    api.record.mockResolvedValueOnce(record(1)).mockResolvedValueOnce(record(1, [goal(5, 0)]));
    api.addPlanItem.mockResolvedValue(goal(5, 0));
    const open = new OpenRecord();
    await open.open(1);
    expect(open.id).toBe(1);
    expect(open.record?.client.chosenName).toBe('client 1');
    await open.addPlanItem('goal', 'To rest', 'client');
    expect(api.addPlanItem).toHaveBeenCalledWith({ clientId: 1, kind: 'goal', text: 'To rest', proposedBy: 'client' });
    expect(open.record?.plan).toHaveLength(1);
  });

  it('never shows one client’s record under another’s page', async () => {
    const first = deferred<ClientRecord>();
    api.record.mockReturnValueOnce(first.promise).mockResolvedValueOnce(record(2));
    const open = new OpenRecord();
    const opening = open.open(1);
    await open.open(2);
    first.resolve(record(1));
    await opening;
    expect(open.record?.client.id).toBe(2);
  });

  it('opening the record already being read waits for that read instead of asking again', async () => {
    const first = deferred<ClientRecord>();
    api.record.mockReset();
    api.record.mockReturnValueOnce(first.promise).mockResolvedValue(record(1, [goal(9, 0)]));
    const open = new OpenRecord();
    const asked = open.open(1); // as the screen changes (Session.openClient)
    const shown = open.open(1); // as the client page opens
    first.resolve(record(1));
    await Promise.all([asked, shown]);
    expect(api.record).toHaveBeenCalledTimes(1);
    expect(open.record?.plan).toEqual([]);
    // Once that read is over, opening again reads again.
    await open.open(1);
    expect(api.record).toHaveBeenCalledTimes(2);
    expect(open.record?.plan).toHaveLength(1);
  });

  it('moves an item past its open neighbour, skipping retired ones', async () => {
    const plan = [goal(1, 0), goal(2, 1, 'retired'), goal(3, 2)];
    api.record.mockResolvedValue(record(1, plan));
    api.movePlanItem.mockResolvedValue(undefined);
    const open = new OpenRecord();
    await open.open(1);
    expect(await open.movePlanItem(3, 'up')).toBe(true);
    expect(api.movePlanItem).toHaveBeenCalledWith(3, 0);
    expect(await open.movePlanItem(1, 'up')).toBe(false);
    expect(api.movePlanItem).toHaveBeenCalledTimes(1);
  });

  it('forgets an erased record', async () => {
    api.record.mockResolvedValue(record(1));
    api.erase.mockResolvedValue(undefined);
    const open = new OpenRecord();
    await open.open(1);
    await open.erase('client 1');
    expect(api.erase).toHaveBeenCalledWith(1, 'client 1');
    expect(open.record).toBeNull();
    expect(open.id).toBe(0);
  });
});

describe('ClientsStore.clear', () => {
  it('drops the list and the open record, private reflections included', async () => {
    api.list.mockResolvedValue([summary(1, 'Aroha')]);
    api.record.mockResolvedValue(record(1));
    const store = new ClientsStore();
    await store.list.load();
    await store.open.open(1);
    expect(store.open.record?.reflections).toHaveLength(1);
    store.clear();
    expect(store.list.items).toEqual([]);
    expect(store.open.record).toBeNull();
    expect(JSON.stringify(store.open.record)).not.toContain('private');
  });
});
