// Checks that turn the untyped results of binding calls into typed values.
import { ApiError } from './errors';
import { t } from '$lib/i18n';

export type Raw = Record<string, unknown>;

export function asRecord(value: unknown): Raw {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError('internal', t('errors.internal'));
  }
  return value as Raw;
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const int = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0);
export const list = <T>(value: unknown, convert: (item: unknown) => T): T[] => (Array.isArray(value) ? value.map(convert) : []);

export function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export const bool = (value: unknown): boolean => value === true;

export const ints = (value: unknown): number[] => list(value, int);
