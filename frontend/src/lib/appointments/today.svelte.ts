// The Today screen's data (the week's appointments and what is due), kept in page state so that
// it can be asked for as the vault unlocks: Home, opening while the answer is on its way or just
// after it came, shows that answer instead of reading again after its first paint.
import { appointments, type Today } from '$lib/api';
import { LoadedRecord } from '$lib/ui/loaded-record.svelte';

/** The practice has one Today; LoadedRecord keys its record by this id. */
const PRACTICE = 1;

export class TodayStore extends LoadedRecord<Today> {
  /** A read was asked for ahead of Home (at unlock) and Home has not shown it yet. */
  #ahead = false;

  constructor() {
    super(() => appointments.today());
  }

  /** Reads Today ahead of Home: the next load() takes this answer. Settles (never rejects) when it is in. */
  prefetch(): Promise<void> {
    this.#ahead = true;
    return this.open(PRACTICE);
  }

  /**
   * Reads Today for Home: takes the answer read ahead (waiting for it if it is on its way), or
   * reads again, keeping what is shown until the new answer comes.
   */
  load(): Promise<void> {
    const ahead = this.#ahead;
    this.#ahead = false;
    if (ahead && this.record !== null && !this.loading) return Promise.resolve();
    return this.open(PRACTICE);
  }

  override clear(): void {
    this.#ahead = false;
    super.clear();
  }
}
