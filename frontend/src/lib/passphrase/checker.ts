// Asks the Go side how strong a new passphrase is, waiting for a pause in typing first.
import type { PassphraseCheck } from '$lib/api';

export interface StrengthState {
  /** The passphrase the state describes. */
  value: string;
  /** A check for value is waiting or running. */
  pending: boolean;
  /** The latest answer (it may describe an earlier value while pending). */
  result: PassphraseCheck | null;
  /** The check itself failed; the Go side will still judge the passphrase on submit. */
  failed: boolean;
}

export const EMPTY_STRENGTH: StrengthState = Object.freeze({ value: '', pending: false, result: null, failed: false });

export const CHECK_DELAY_MS = 250;

/** Debounces strength checks and drops answers that arrive for a value no longer typed. */
export class DebouncedCheck {
  #state: StrengthState = EMPTY_STRENGTH;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #generation = 0;
  readonly #check: (passphrase: string) => Promise<PassphraseCheck>;
  readonly #onChange: (state: StrengthState) => void;
  readonly #delayMs: number;

  constructor(
    check: (passphrase: string) => Promise<PassphraseCheck>,
    onChange: (state: StrengthState) => void,
    delayMs = CHECK_DELAY_MS,
  ) {
    this.#check = check;
    this.#onChange = onChange;
    this.#delayMs = delayMs;
  }

  update(value: string): void {
    if (value === this.#state.value && (this.#state.pending || this.#state.result || this.#state.failed)) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = undefined;
    const generation = ++this.#generation;
    if (value === '') {
      this.#set(EMPTY_STRENGTH);
      return;
    }
    this.#set({ value, pending: true, result: this.#state.result, failed: false });
    this.#timer = setTimeout(() => this.#run(value, generation), this.#delayMs);
  }

  /**
   * Runs a waiting check at once (for Enter pressed before the pause was over) and resolves with
   * the settled state for the current value.
   */
  async flush(): Promise<StrengthState> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#run(this.#state.value, this.#generation);
    }
    while (this.#running) {
      const running = this.#running;
      await running;
      if (this.#running === running) break;
    }
    return this.#state;
  }

  /** Stops any waiting check and forgets the passphrase. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = undefined;
    this.#generation++;
    this.#state = EMPTY_STRENGTH;
  }

  #run(value: string, generation: number): void {
    this.#timer = undefined;
    const running = this.#check(value).then(
      (result) => {
        if (generation === this.#generation) this.#set({ value, pending: false, result, failed: false });
      },
      () => {
        if (generation === this.#generation) this.#set({ value, pending: false, result: null, failed: true });
      },
    );
    this.#running = running;
  }

  #set(state: StrengthState): void {
    this.#state = state;
    this.#onChange(state);
  }
}

/** Whether the strength check allows submitting value. A failed check defers to the Go side. */
export function strengthAllows(state: StrengthState, value: string): boolean {
  if (value === '' || state.value !== value || state.pending) return false;
  return state.failed || state.result?.ok === true;
}
