// The therapist's search over the whole practice: the words typed, the answer to the latest
// question, and where each hit leads. Private content is included (the Go side refuses the search
// in co-creation mode); everything here is dropped by clear() at lock and when co-creation begins.
import { SEARCH_KINDS, sessions, toApiError, type ApiError, type SearchHit, type SearchKind, type SearchResult } from '$lib/api';
import type { ClientTab } from '$lib/app-state/screens';
import { debounce } from '$lib/ui/debounce';
import { Latest } from '$lib/ui/latest';

/** How long typing must pause before the practice is searched. */
export const SEARCH_DELAY_MS = 200;

/** The hits of one kind, best first. */
export interface HitGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

/** Groups hits by kind in SEARCH_KINDS order, keeping their order within each kind; no empty groups. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const byKind = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const list = byKind.get(hit.kind);
    if (list) list.push(hit);
    else byKind.set(hit.kind, [hit]);
  }
  return SEARCH_KINDS.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, hits: byKind.get(kind) ?? [] }));
}

/** Where a hit opens: a client's page at a tab, or the general journal. */
export type HitTarget = { screen: 'client'; clientId: number; tab: ClientTab } | { screen: 'reflections' };

const TAB: Record<SearchKind, ClientTab> = {
  client: 'overview',
  session: 'sessions',
  shift: 'worksheet',
  pattern: 'patterns',
  resource: 'patterns',
  plan: 'plan',
  reflection: 'reflections',
  health: 'health',
};

export function hitTarget(hit: Pick<SearchHit, 'kind' | 'clientId'>): HitTarget {
  if (hit.kind === 'reflection' && hit.clientId === 0) return { screen: 'reflections' };
  return { screen: 'client', clientId: hit.clientId, tab: TAB[hit.kind] };
}

/** A stable key for a hit within one result. */
export const hitKey = (hit: Pick<SearchHit, 'kind' | 'id'>): string => `${hit.kind}-${hit.id}`;

export class SearchStore {
  query = $state('');
  /** The answer for `searched`; null before the first search or when the field is empty. */
  result = $state<SearchResult | null>(null);
  /** The words the shown result answers. */
  searched = $state('');
  loading = $state(false);
  error = $state<ApiError | null>(null);

  readonly #latest = new Latest();
  #searchLater = debounce(() => void this.load(), SEARCH_DELAY_MS);

  /** Changes the search words; the practice is searched once typing pauses. */
  search(query: string): void {
    this.query = query;
    this.#searchLater();
  }

  /** Searches now (Enter in the field); an answer to an older question is ignored. */
  async load(): Promise<void> {
    const isLatest = this.#latest.begin();
    this.#searchLater.cancel();
    const query = this.query.trim();
    if (query === '') {
      this.result = null;
      this.searched = '';
      this.error = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const result = await sessions.search(query);
      if (!isLatest()) return;
      this.result = result;
      this.searched = query;
      this.error = null;
    } catch (reason) {
      if (!isLatest()) return;
      this.error = toApiError(reason);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }

  clear(): void {
    this.#latest.drop();
    this.#searchLater.cancel();
    this.query = '';
    this.result = null;
    this.searched = '';
    this.loading = false;
    this.error = null;
  }
}
