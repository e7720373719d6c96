// Typed access to the English catalogue (en.json). Every word the app shows comes through here.
import en from './en.json';

type Catalogue = typeof en;

/** Dotted paths to every string in the catalogue, e.g. "unlock.title". */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

export type MessageKey = LeafPaths<Catalogue>;

/** Paths of entries that have "one" and "other" forms, e.g. "home.autoLockValue". */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer P}.one` ? P : never) : never;

export type Params = Record<string, string | number>;

const plurals = new Intl.PluralRules('en');

/** Looks a dotted key up in a catalogue; undefined when it does not lead to a string. */
export function lookup(catalogue: unknown, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Replaces {name} placeholders with params; unknown placeholders are left as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message for key, with {placeholders} filled from params. */
export function t(key: MessageKey, params?: Params): string {
  const message = lookup(en, key);
  if (message === undefined) {
    // Unreachable when the key type-checks; the i18n tests also guard it.
    return key;
  }
  return interpolate(message, params);
}

/** The "one" or "other" form of key for count; {count} is available as a placeholder. */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { count, ...params });
}
