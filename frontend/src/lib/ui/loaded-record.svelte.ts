// One record read from the Go side by id and kept in page state: opened, read again after a
// change, and forgotten by clear(). An answer to an older request is ignored.
import { toApiError, type ApiError } from '$lib/api';
import { Latest } from './latest';

export class LoadedRecord<T> {
  record = $state<T | null>(null);
  loading = $state(false);
  /** Why the record could not be read (not found, vault busy…). */
  error = $state<ApiError | null>(null);

  #id = $state(0);
  readonly #latest = new Latest();
  /** The read under way, if any: opening the same record meanwhile waits for it. */
  #reading: Promise<void> | null = null;
  readonly #read: (id: number) => Promise<T>;

  constructor(read: (id: number) => Promise<T>) {
    this.#read = read;
  }

  get id(): number {
    return this.#id;
  }

  /**
   * Opens the record with this id; keeps what is shown when it is already this one, and waits
   * for a read of it already under way rather than asking twice.
   */
  async open(id: number): Promise<void> {
    if (id !== this.#id) {
      this.record = null;
      this.#id = id;
    } else if (this.#reading) {
      return this.#reading;
    }
    await this.refresh();
  }

  /** Reads the open record again from the Go side. */
  refresh(): Promise<void> {
    const reading = this.#readAgain();
    this.#reading = reading;
    void reading.finally(() => {
      if (this.#reading === reading) this.#reading = null;
    });
    return reading;
  }

  async #readAgain(): Promise<void> {
    const id = this.#id;
    if (id === 0) return;
    const isLatest = this.#latest.begin();
    this.loading = true;
    try {
      const record = await this.#read(id);
      if (!isLatest()) return;
      this.record = record;
      this.error = null;
    } catch (reason) {
      if (!isLatest()) return;
      this.error = toApiError(reason);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }

  /** Runs a change and reads the record again, so everything shown from it is current. */
  protected async change<R>(write: () => Promise<R>): Promise<R> {
    const result = await write();
    await this.refresh();
    return result;
  }

  clear(): void {
    this.#latest.drop();
    this.#reading = null;
    this.#id = 0;
    this.record = null;
    this.loading = false;
    this.error = null;
  }
}
