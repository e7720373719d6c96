// The therapist's client data in page state: the searchable list and the one open record.
// Everything here is dropped by clear() when the vault locks or co-creation mode begins.
import {
  clients,
  toApiError,
  type Actor,
  type AgreementTerm,
  type ApiError,
  type Client,
  type ClientRecord,
  type ClientStatus,
  type ClientSummary,
  type NewAgreement,
  type PlanItem,
  type PlanKind,
  type PowerMapEntry,
  type Reflection,
} from '$lib/api';
import { debounce } from '$lib/ui/debounce';
import { Latest } from '$lib/ui/latest';
import { LoadedRecord } from '$lib/ui/loaded-record.svelte';
import { applyMove, itemsOfKind, moveTarget, type Direction } from './plan';

/** What the list shows: one status, every status, or the archive. */
export type StatusFilter = 'all' | ClientStatus | 'archived';

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'active', 'paused', 'closed', 'archived'];

/** How long typing must pause before the list is searched. */
export const SEARCH_DELAY_MS = 200;

/** The client list with its search words and status filter. */
export class ClientList {
  query = $state('');
  filter = $state<StatusFilter>('all');
  items = $state<ClientSummary[]>([]);
  /** True once a list for the current query and filter has arrived. */
  loaded = $state(false);
  loading = $state(false);
  error = $state<ApiError | null>(null);

  readonly #latest = new Latest();
  #searchLater = debounce(() => void this.load(), SEARCH_DELAY_MS);

  /** Changes the search words; the list is asked for once typing pauses. */
  search(query: string): void {
    this.query = query;
    this.#searchLater();
  }

  /** Changes the status filter and asks for the list at once. */
  setFilter(filter: StatusFilter): void {
    this.filter = filter;
    this.#searchLater.cancel();
    void this.load();
  }

  /** Asks the Go side for the list; an answer to an older question is ignored. */
  async load(): Promise<void> {
    const isLatest = this.#latest.begin();
    this.#searchLater.cancel();
    this.loading = true;
    const filter = this.filter;
    try {
      const items = await clients.list({
        query: this.query.trim(),
        status: filter === 'all' || filter === 'archived' ? '' : filter,
        archived: filter === 'archived',
      });
      if (!isLatest()) return;
      this.items = items;
      this.error = null;
      this.loaded = true;
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
    this.filter = 'all';
    this.items = [];
    this.loaded = false;
    this.loading = false;
    this.error = null;
  }
}

/** The one client record that is open, with the changes the therapist makes to it. */
export class OpenRecord extends LoadedRecord<ClientRecord> {
  constructor() {
    super((id) => clients.record(id));
  }

  async save(client: Client): Promise<Client> {
    const saved = client.id === 0 ? await clients.create(client) : await clients.update(client);
    if (saved.id === this.id) await this.refresh();
    return saved;
  }

  archive(): Promise<void> {
    const id = this.id;
    return this.change(() => clients.archive(id));
  }

  restore(): Promise<void> {
    const id = this.id;
    return this.change(() => clients.restore(id));
  }

  /** Erases the archived record for good; the store forgets it. */
  async erase(typedName: string): Promise<void> {
    await clients.erase(this.id, typedName);
    this.clear();
  }

  addPlanItem(kind: PlanKind, text: string, proposedBy: Actor): Promise<PlanItem> {
    const clientId = this.id;
    return this.change(() => clients.addPlanItem({ clientId, kind, text, proposedBy }));
  }

  revisePlanItem(id: number, text: string, note: string, author: Actor): Promise<PlanItem> {
    return this.change(() => clients.revisePlanItem(id, text, note, author));
  }

  agreePlanItem(id: number, on: string): Promise<PlanItem> {
    return this.change(() => clients.agreePlanItem(id, on));
  }

  retirePlanItem(id: number, reason: string): Promise<PlanItem> {
    return this.change(() => clients.retirePlanItem(id, reason));
  }

  /** Moves an open item past its open neighbour; false when it cannot go that way. */
  async movePlanItem(id: number, direction: Direction): Promise<boolean> {
    const record = this.record;
    const item = record?.plan.find((p) => p.id === id);
    if (!record || !item) return false;
    const items = itemsOfKind(record.plan, item.kind);
    const position = moveTarget(items, id, direction);
    if (position === null) return false;
    // Redraw at once; the Go side's answer (read again below) has the last word.
    const moved = applyMove(items, id, position);
    this.record = { ...record, plan: [...record.plan.filter((p) => p.kind !== item.kind), ...moved] };
    try {
      await this.change(() => clients.movePlanItem(id, position));
    } catch (reason) {
      await this.refresh();
      throw reason;
    }
    return true;
  }

  /** Records today's agenda for co-creation mode. */
  saveAgenda(sections: readonly string[]): Promise<Client> {
    const id = this.id;
    return this.change(() => clients.saveAgenda(id, sections));
  }

  /** Shares, or stops sharing, the therapist's positionality statement with this client. */
  sharePositionality(share: boolean): Promise<Client> {
    const id = this.id;
    return this.change(() => clients.sharePositionality(id, share));
  }

  addPowerMapEntry(entry: PowerMapEntry): Promise<PowerMapEntry> {
    const clientId = this.id;
    return this.change(() => clients.addPowerMapEntry({ ...entry, id: 0, clientId }));
  }

  updatePowerMapEntry(entry: PowerMapEntry): Promise<PowerMapEntry> {
    const clientId = this.id;
    return this.change(() => clients.updatePowerMapEntry({ ...entry, clientId }));
  }

  addAgreement(agreement: Omit<NewAgreement, 'clientId'>) {
    const clientId = this.id;
    return this.change(() => clients.addAgreement({ ...agreement, clientId }));
  }

  reviseAgreement(id: number, title: string, terms: AgreementTerm[]) {
    return this.change(() => clients.reviseAgreement(id, title, terms));
  }

  confirmAgreement(id: number, typedName: string, on: string) {
    return this.change(() => clients.confirmAgreement(id, typedName, on));
  }

  addReflection(reflection: Reflection): Promise<Reflection> {
    const clientId = this.id;
    return this.change(() => clients.addReflection({ ...reflection, id: 0, clientId }));
  }

  updateReflection(reflection: Reflection): Promise<Reflection> {
    return this.change(() => clients.updateReflection(reflection));
  }
}

/** All of the therapist's client data held by the page. */
export class ClientsStore {
  readonly list = new ClientList();
  readonly open = new OpenRecord();

  /** Forgets everything about clients (at lock, and when co-creation mode begins). */
  clear(): void {
    this.list.clear();
    this.open.clear();
  }
}
