import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchResult } from '$lib/api';

const api = vi.hoisted(() => ({ search: vi.fn() }));

vi.mock('$lib/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('$lib/api')>();
  return { ...original, sessions: { ...original.sessions, ...api } };
});

const { SearchStore, SEARCH_DELAY_MS, groupHits, hitKey, hitTarget } = await import('./search.svelte');
const { ApiError, SEARCH_KINDS } = await import('$lib/api');

const hit = (kind: SearchHit['kind'], id: number, clientId = 1): SearchHit => ({
  kind,
  id,
  clientId,
  clientName: clientId === 0 ? '' : `client ${clientId}`,
  date: '2025-03-01',
  excerpt: `text ${id}`,
});

const result = (query: string, hits: SearchHit[] = [], capped = false): SearchResult => ({ query, hits, capped });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('groupHits', () => {
  it('groups by kind in the fixed order, keeping the rank order inside each group', () => {
    const groups = groupHits([hit('shift', 3), hit('client', 1), hit('shift', 2), hit('reflection', 9, 0), hit('session', 4)]);
    expect(groups.map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      ['client', [1]],
      ['session', [4]],
      ['shift', [3, 2]],
      ['reflection', [9]],
    ]);
  });

  it('gives no groups for no hits', () => {
    expect(groupHits([])).toEqual([]);
  });
});

describe('hitTarget', () => {
  it('opens the client page at the tab that holds the hit', () => {
    const tabs = Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, hitTarget(hit(kind, 1, 7))]));
    expect(tabs).toEqual({
      client: { screen: 'client', clientId: 7, tab: 'overview' },
      session: { screen: 'client', clientId: 7, tab: 'sessions' },
      shift: { screen: 'client', clientId: 7, tab: 'worksheet' },
      pattern: { screen: 'client', clientId: 7, tab: 'patterns' },
      plan: { screen: 'client', clientId: 7, tab: 'plan' },
      resource: { screen: 'client', clientId: 7, tab: 'patterns' },
      reflection: { screen: 'client', clientId: 7, tab: 'reflections' },
      health: { screen: 'client', clientId: 7, tab: 'health' },
    });
  });

  it('opens the general journal for a reflection about no one client', () => {
    expect(hitTarget(hit('reflection', 1, 0))).toEqual({ screen: 'reflections' });
  });

  it('keys hits by kind and id', () => {
    expect(hitKey(hit('shift', 4))).not.toBe(hitKey(hit('session', 4)));
  });
});

describe('SearchStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    api.search.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('searches once typing pauses, with the trimmed words', async () => {
    api.search.mockResolvedValue(result('cafe', [hit('shift', 1)]));
    const store = new SearchStore();
    store.search('c');
    store.search('caf');
    store.search(' cafe ');
    expect(api.search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith('cafe');
    expect(store.result?.hits).toHaveLength(1);
    expect(store.searched).toBe('cafe');
    expect(store.loading).toBe(false);
  });

  it('ignores an answer that arrives after a newer question', async () => {
    const first = deferred<SearchResult>();
    const second = deferred<SearchResult>();
    api.search.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const store = new SearchStore();
    store.query = 'old';
    const a = store.load();
    store.query = 'new';
    const b = store.load();
    second.resolve(result('new', [hit('client', 2)]));
    await b;
    first.resolve(result('old', [hit('client', 1)]));
    await a;
    expect(store.searched).toBe('new');
    expect(store.result?.hits.map((h) => h.id)).toEqual([2]);
    expect(store.loading).toBe(false);
  });

  it('asks nothing for empty words, and forgets the last result', async () => {
    api.search.mockResolvedValue(result('x', [hit('client', 1)]));
    const store = new SearchStore();
    store.query = 'x';
    await store.load();
    store.search('   ');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(store.result).toBeNull();
  });

  it('keeps the error of the latest question', async () => {
    api.search.mockRejectedValue(new ApiError('vault_busy', 'The vault is busy.'));
    const store = new SearchStore();
    store.query = 'x';
    await store.load();
    expect(store.error?.message).toBe('The vault is busy.');
    expect(store.loading).toBe(false);
  });

  it('clear() forgets everything and drops answers still on their way', async () => {
    const pending = deferred<SearchResult>();
    api.search.mockReturnValueOnce(pending.promise);
    const store = new SearchStore();
    store.query = 'secret';
    const loading = store.load();
    store.clear();
    pending.resolve(result('secret', [hit('session', 1)]));
    await loading;
    expect(store.query).toBe('');
    expect(store.result).toBeNull();
    store.search('later');
    store.clear();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(api.search).toHaveBeenCalledTimes(1);
  });
});
