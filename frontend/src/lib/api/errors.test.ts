import { describe, expect, it } from 'vitest';
import { ApiError, reportableFieldErrors, reportableMessage, toApiError } from './errors';
import { t } from '$lib/i18n';

describe('toApiError', () => {
  it('reads the JSON string Go rejects with', () => {
    const error = toApiError('{"code":"wrong_secret","message":"That passphrase does not open this vault."}');
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('wrong_secret');
    expect(error.message).toBe('That passphrase does not open this vault.');
    expect(error.field).toBeUndefined();
  });

  it('keeps the field of an invalid input', () => {
    const error = toApiError('{"code":"invalid","message":"Please enter a name.","field":"name"}');
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('name');
  });

  it('treats an empty field as no field', () => {
    expect(toApiError('{"code":"invalid","message":"x","field":""}').field).toBeUndefined();
  });

  it('accepts an object of the same shape', () => {
    const error = toApiError({ code: 'cancelled', message: 'Cancelled.' });
    expect(error.code).toBe('cancelled');
  });

  it('turns plain text into a generic internal error', () => {
    const error = toApiError('sql: database is closed at /home/x/vault.db');
    expect(error.code).toBe('internal');
    expect(error.message).toBe(t('errors.internal'));
    expect(error.message).not.toContain('sql');
  });

  it('turns thrown Errors (a missing binding, a timeout) into a generic internal error', () => {
    const error = toApiError(new TypeError("Cannot read properties of undefined (reading 'app')"));
    expect(error.code).toBe('internal');
    expect(error.message).toBe(t('errors.internal'));
  });

  it('maps an unknown code to internal but keeps a readable message', () => {
    const error = toApiError('{"code":"brand_new","message":"Try again later."}');
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Try again later.');
  });

  it('fills in a generic message when Go sent none', () => {
    expect(toApiError('{"code":"vault_busy","message":""}').message).toBe(t('errors.internal'));
  });

  it('rejects JSON that is not an error object', () => {
    expect(toApiError('[1,2]').code).toBe('internal');
    expect(toApiError('null').code).toBe('internal');
    expect(toApiError('"locked"').code).toBe('internal');
    expect(toApiError(undefined).code).toBe('internal');
  });

  it('returns an ApiError unchanged', () => {
    const original = new ApiError('locked', 'Locked.');
    expect(toApiError(original)).toBe(original);
  });
});

describe('reportable errors', () => {
  it('leaves a locked vault and co-creation refusals to the session, and keys the rest by field', () => {
    const json = (code: string, field?: string) => JSON.stringify({ code, message: `m-${code}`, field });
    expect(reportableMessage(json('locked'))).toBe('');
    expect(reportableMessage(json('cocreation'))).toBe('');
    expect(reportableMessage(json('invalid', 'amount'))).toBe('m-invalid');
    expect(reportableFieldErrors(json('locked'))).toEqual({});
    expect(reportableFieldErrors(json('invalid', 'amount'))).toEqual({ amount: 'm-invalid' });
    expect(reportableFieldErrors(json('not_found'))).toEqual({ form: 'm-not_found' });
  });
});
