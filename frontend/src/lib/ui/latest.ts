// The latest request wins: a reply to an earlier request that arrives after a later one began is dropped.

/** Numbers the requests of one kind, so that only the latest may change what the page shows. */
export class Latest {
  #count = 0;

  /** Starts a request; the function returned says whether it is still the latest. */
  begin(): () => boolean {
    const mine = ++this.#count;
    return () => mine === this.#count;
  }

  /** Makes every request under way stale (when the store is cleared): their replies are dropped. */
  drop(): void {
    this.#count++;
  }
}
