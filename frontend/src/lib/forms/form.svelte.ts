// One form's state, the same way for every form: the values being edited and the ones saved, the
// messages about them (beside a field, or about the whole form), focus moved to the first field
// with a problem, the save under way; a call the app's state refused (the vault locked,
// co-creation mode on, a dialog closed) is left to the app's state, here, once for every form.
import { tick } from 'svelte';
import { reportableMessage, toApiError, type ApiError } from '$lib/api';

/** Messages by field; FORM holds the one about no field in particular. */
export type Problems = Record<string, string>;

/** The key of the form-level message in Problems. */
export const FORM = 'form';

/**
 * True when a failed call is the app's state to handle, not the form's: the vault locked (the
 * unlock screen follows), co-creation mode refused it (the screen follows the mode) or the
 * therapist closed a dialog without choosing (nothing went wrong).
 */
export function isRefusal(reason: unknown): boolean {
  const error = toApiError(reason);
  return error.code === 'cancelled' || reportableMessage(error) === '';
}

/** The ApiError a failed call is, or null when it is a refusal (isRefusal) that says nothing to the form. */
export function failure(reason: unknown): ApiError | null {
  return isRefusal(reason) ? null : toApiError(reason);
}

/** The message to show where an action failed, or '' for a refusal (isRefusal). */
export function failureMessage(reason: unknown): string {
  return failure(reason)?.message ?? '';
}

/** Which problems move focus to their field. */
export type FocusRule = 'always' | 'checks' | 'saves' | 'never';

export interface FormOptions<T extends object, R> {
  /** The values the form starts with. */
  values: T;
  /** What is saved: a copy of values by default; null while it is still being read (the form is not dirty then). */
  saved?: T | null;
  /** Sends the values (a plain copy); rejects with an ApiError whose field, if any, names the input it is about. */
  save: (values: T) => Promise<R>;
  /** Runs after a save with its result; the values sent are then what is saved. */
  onsaved?: (result: R) => unknown;
  /** The problems found before anything is sent; none (or {}) lets the values go. */
  check?: (values: T) => Partial<Problems> | undefined;
  /**
   * Which field a refused save is about: the Go field names the form shows beside an input, or a
   * function that names the form's field for an error (undefined: the message is the form's).
   */
  fields?: readonly string[] | ((error: ApiError) => string | undefined);
  /** The words for a refused save, when they are not the Go side's message. */
  message?: (error: ApiError) => string;
  /** The message about one of these fields goes once the field's value is not the one it was about. */
  clearOnEdit?: readonly (keyof T & string)[];
  /** Fields whose text is selected when focus goes to them for a problem, ready to be typed over. */
  select?: readonly string[];
  /** Which problems move focus to their field: all (the default), only check's, only the save's, or none. */
  moveFocus?: FocusRule;
  /** Moves focus to a field; by default the element marked data-field="field" in the form. */
  focus?: (field: string) => void;
  /**
   * Told whenever the form starts or stops differing from what is saved. It runs in an effect:
   * a form with ondirty is made while a component starts.
   */
  ondirty?: (dirty: boolean) => void;
  /** The start of the message elements' ids: the component's $props.id(), with a suffix when it has several forms. */
  id?: string;
}

/** Attributes tying an input to its message: spread them onto the input, select or text area. */
export interface FieldAttributes {
  'data-field': string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

const copy = <V>(value: V): V => $state.snapshot(value) as V;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class Form<T extends object, R = unknown> {
  #problems = $state<Problems>({});
  /** For the fields in clearOnEdit: the value each message is about. */
  #about = $state<Record<string, string>>({});
  #succeeded = $state(false);
  readonly #options: FormOptions<T, R>;

  /** What the therapist is editing; bind inputs to its properties. */
  values: T = $state() as T;
  /** What is saved; null while it is still being read. */
  saved: T | null = $state(null);
  /** Where the fields are looked for to move focus: the form a submit event came from, or bind:this={form.element}. */
  element: ParentNode | null = null;
  /** True while a save is under way (a second submit is ignored meanwhile). */
  busy = $state(false);
  /** True when the values differ from what is saved. */
  readonly dirty: boolean = $derived(this.saved !== null && !same(this.values, this.saved));
  /** True after a save, until the values differ from what was saved. */
  readonly justSaved: boolean = $derived(this.#succeeded && !this.dirty);

  constructor(options: FormOptions<T, R>) {
    this.#options = options;
    this.values = copy(options.values);
    this.saved = options.saved === undefined ? copy(options.values) : options.saved && copy(options.saved);
    const ondirty = options.ondirty;
    if (ondirty) $effect(() => ondirty(this.dirty));
  }

  /** Starts again from these values, saved as they are (a save's result, another record); every message goes. */
  seed(values: T): void {
    this.values = copy(values);
    this.saved = copy(values);
    this.clear();
  }

  /** Removes every message. */
  clear(): void {
    this.#problems = {};
    this.#about = {};
  }

  /** The message about a field (FORM: about the whole form), if there is one to show. */
  error(field: string): string | undefined {
    const message = this.#problems[field];
    if (message === undefined) return undefined;
    if (field in this.#about && !same(this.#valueOf(field), JSON.parse(this.#about[field]))) return undefined;
    return message;
  }

  /** The message about the whole form ('' when there is none). */
  get formError(): string {
    return this.error(FORM) ?? '';
  }

  /** Every message shown, by field. */
  get problems(): Problems {
    return Object.fromEntries(Object.keys(this.#problems).flatMap((field) => {
      const message = this.error(field);
      return message === undefined ? [] : [[field, message]];
    }));
  }

  /** The id of the element that shows the message about field. */
  errorId(field: string): string {
    return `${this.#options.id ?? 'form'}-${field}-error`;
  }

  /** What FieldError or FormError needs to show the message about field. */
  message(field: string): { id: string; message: string | undefined } {
    return { id: this.errorId(field), message: this.error(field) };
  }

  /** data-field, aria-invalid and aria-describedby (the given ids, then the message's) for an input. */
  input(field: string, ...describedBy: string[]): FieldAttributes {
    const error = this.error(field);
    const ids = [...describedBy, error ? this.errorId(field) : ''].filter(Boolean);
    return {
      'data-field': field,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    };
  }

  /**
   * Checks and saves the values: the submit handler of the form (onsubmit={form.submit}), or
   * called without an event from a button outside one. True when the values were saved.
   */
  submit = async (event?: Event): Promise<boolean> => {
    event?.preventDefault();
    if (event?.currentTarget) this.element = event.currentTarget as unknown as ParentNode;
    if (this.busy) return false;
    this.clear();
    this.#succeeded = false;
    const found = Object.entries(this.#options.check?.(this.values) ?? {});
    const problems = Object.fromEntries(found.filter((entry): entry is [string, string] => entry[1] !== undefined));
    if (Object.keys(problems).length > 0) {
      await this.show(problems, this.#moves('checks'));
      return false;
    }
    const sent = copy(this.values);
    let saved = false;
    await this.run(async () => {
      const result = await this.#options.save(sent);
      this.saved = sent;
      await this.#options.onsaved?.(result);
      this.#succeeded = true;
      saved = true;
    });
    return saved;
  };

  /**
   * Runs another call of the form's (a second button: "Open the key file", "Remove the PIN") as a
   * save runs: busy meanwhile, the old messages gone, a failure shown as a save's. Its result, or
   * undefined when it failed or the form was busy.
   */
  async run<A>(action: () => Promise<A>): Promise<A | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.clear();
    try {
      return await action();
    } catch (reason) {
      await this.fail(reason);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Shows why a call failed, beside the field it is about or for the whole form; a refusal shows nothing. */
  async fail(reason: unknown, moveFocus = this.#moves('saves')): Promise<void> {
    const error = failure(reason);
    if (!error) return;
    const field = this.#fieldOf(error) ?? FORM;
    await this.show({ [field]: this.#options.message?.(error) ?? error.message }, moveFocus);
  }

  /** Shows these messages in place of any others and, unless told not to, moves focus to the first field they are about. */
  async show(problems: Problems, moveFocus = true): Promise<void> {
    this.#problems = { ...problems };
    const about: Record<string, string> = {};
    for (const field of this.#options.clearOnEdit ?? []) {
      if (field in problems) about[field] = JSON.stringify(this.#valueOf(field) ?? null);
    }
    this.#about = about;
    if (!moveFocus) return;
    const fields = Object.keys(problems).filter((field) => field !== FORM);
    if (fields.length === 0) return;
    await tick();
    this.#focus(fields);
  }

  #moves(kind: 'checks' | 'saves'): boolean {
    const rule = this.#options.moveFocus ?? 'always';
    return rule === 'always' || rule === kind;
  }

  #valueOf(field: string): unknown {
    return (this.values as Record<string, unknown>)[field];
  }

  #fieldOf(error: ApiError): string | undefined {
    const fields = this.#options.fields;
    if (typeof fields === 'function') return fields(error);
    return error.field && fields?.includes(error.field) ? error.field : undefined;
  }

  /** Focus to the first of these fields in the form's order (or the first named, with a focus option). */
  #focus(fields: string[]): void {
    if (this.#options.focus) {
      this.#options.focus(fields[0]);
      return;
    }
    const marked = [...(this.element?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
    const target = marked.find((element) => fields.includes(element.dataset.field ?? ''));
    if (!target) return;
    target.focus();
    if (this.#options.select?.includes(target.dataset.field ?? '') && 'select' in target) {
      (target as HTMLInputElement).select();
    }
  }
}
