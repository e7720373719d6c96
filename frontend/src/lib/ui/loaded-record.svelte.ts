// One record read from the Go side by id and kept in page state: opened, read again after a
// change, and forgotten by clear(). An answer to an older request is ignored.
import { toApiError, type ApiError } from '$lib/api';

export class LoadedRecord<T> {
  record = $state<T | null>(null);
  loading = $state(false);
  /** Why the record could not be read (not found, vault busy…). */
  error = $state<ApiError | null>(null);

  #id = $state(0);
  #request = 0;
  readonly #read: (id: number) => Promise<T>;

  constructor(read: (id: number) => Promise<T>) {
    this.#read = read;
  }

  get id(): number {
    return this.#id;
  }

  /** Opens the record with this id; keeps what is shown when it is already this one. */
  async open(id: number): Promise<void> {
    if (id !== this.#id) {
      this.record = null;
      this.#id = id;
    }
    await this.refresh();
  }

  /** Reads the open record again from the Go side. */
  async refresh(): Promise<void> {
    const id = this.#id;
    if (id === 0) return;
    const request = ++this.#request;
    this.loading = true;
    try {
      const record = await this.#read(id);
      if (request !== this.#request) return;
      this.record = record;
      this.error = null;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = toApiError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Runs a change and reads the record again, so everything shown from it is current. */
  protected async change<R>(write: () => Promise<R>): Promise<R> {
    const result = await write();
    await this.refresh();
    return result;
  }

  clear(): void {
    this.#request++;
    this.#id = 0;
    this.record = null;
    this.loading = false;
    this.error = null;
  }
}
