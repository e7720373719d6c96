// Answering a measure one question at a time, as the client does in co-creation mode and the
// therapist does when typing in a paper form: where one is, the answers so far, and the keys.
// A question may be left blank (the instrument's rule then says whether there is a total); the
// last step is a review of every answer before it is saved.
import { itemOptions, type Answer, type Instrument, type MeasureItem, type MeasureOption } from '$lib/api/measure-models';

export class Taking {
  readonly instrument: Instrument;
  /** The question shown, 0-based; items.length is the review. */
  index = $state(0);
  #answers = $state<Record<number, number>>({});

  constructor(instrument: Instrument, answers: readonly Answer[] = []) {
    this.instrument = instrument;
    const given: Record<number, number> = {};
    for (const a of answers) given[a.item] = a.value;
    this.#answers = given;
  }

  get items(): MeasureItem[] {
    return this.instrument.items;
  }

  get reviewing(): boolean {
    return this.index >= this.items.length;
  }

  get item(): MeasureItem | null {
    return this.items[this.index] ?? null;
  }

  get options(): MeasureOption[] {
    const item = this.item;
    return item ? itemOptions(this.instrument, item) : [];
  }

  /** The answer to question number n, or undefined when it is blank. */
  answer(n: number): number | undefined {
    return this.#answers[n];
  }

  /** How many questions have an answer. */
  get answeredCount(): number {
    return Object.keys(this.#answers).length;
  }

  /** The answers in question order, blanks left out. */
  get answers(): Answer[] {
    return this.items.filter((it) => this.#answers[it.number] !== undefined).map((it) => ({ item: it.number, value: this.#answers[it.number] }));
  }

  /** Answers the question shown and goes on to the next (or the review). */
  choose(value: number): void {
    const item = this.item;
    if (!item || !this.options.some((o) => o.value === value)) return;
    this.#answers = { ...this.#answers, [item.number]: value };
    this.index += 1;
  }

  /** Leaves the question shown blank (clearing an earlier answer) and goes on. */
  skip(): void {
    const item = this.item;
    if (!item) return;
    const rest = { ...this.#answers };
    delete rest[item.number];
    this.#answers = rest;
    this.index += 1;
  }

  back(): void {
    if (this.index > 0) this.index -= 1;
  }

  /** Goes to question number n (from the review, to change it). */
  goTo(n: number): void {
    const i = this.items.findIndex((it) => it.number === n);
    if (i >= 0) this.index = i;
  }

  /**
   * A key pressed while a question shows: a digit answers with that value (when the scale has
   * it), Backspace goes back. Returns whether the key was used.
   */
  key(key: string): boolean {
    if (this.reviewing) return false;
    if (/^[0-9]$/.test(key)) {
      const value = Number(key);
      if (!this.options.some((o) => o.value === value)) return false;
      this.choose(value);
      return true;
    }
    if (key === 'Backspace' && this.index > 0) {
      this.back();
      return true;
    }
    return false;
  }
}
