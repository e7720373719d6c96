// Turns a rejected binding call into a typed ApiError the screens can act on.
import { t } from '$lib/i18n';

/** Stable codes from the Go side (backend/domain/error.go; "cocreation" from app/guard.go); app/errorcodes_test.go holds the two lists together. */
export const ERROR_CODES = [
  'invalid',
  'weak_passphrase',
  'wrong_secret',
  'locked',
  'cancelled',
  'vault_busy',
  'vault_newer',
  'vault_damaged',
  'backup_damaged',
  'key_file_changed',
  'no_vault',
  'exists',
  'not_found',
  'finalised',
  'cocreation',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error from Tandem's Go side. message is written for the therapist and may be shown as is. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The JSON name of the input the message is about, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (field) this.field = field;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fromObject(value: Record<string, unknown>): ApiError | undefined {
  if (typeof value.code !== 'string') return undefined;
  const code: ErrorCode = isErrorCode(value.code) ? value.code : 'internal';
  const message =
    typeof value.message === 'string' && value.message.trim() !== '' ? value.message : t('errors.internal');
  const field = typeof value.field === 'string' && value.field !== '' ? value.field : undefined;
  return new ApiError(code, message, field);
}

/**
 * Converts whatever a binding promise rejected with into an ApiError.
 * Go sends a JSON string {"code","message","field?"}; an object of that shape is accepted too.
 * Anything else (a timeout, a missing binding, plain text) becomes code "internal" with a
 * generic message, so no technical detail reaches the screen.
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (typeof reason === 'string') {
    try {
      const parsed: unknown = JSON.parse(reason);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const error = fromObject(parsed as Record<string, unknown>);
        if (error) return error;
      }
    } catch {
      // not JSON: fall through to the generic error
    }
  } else if (reason !== null && typeof reason === 'object' && !(reason instanceof Error)) {
    const error = fromObject(reason as Record<string, unknown>);
    if (error) return error;
  }
  return new ApiError('internal', t('errors.internal'));
}

/**
 * The message to show where a call failed, or '' when the failure is the app state's to handle:
 * a locked vault (the unlock screen follows) or a co-creation refusal (the screen follows the mode).
 */
export function reportableMessage(reason: unknown): string {
  const error = toApiError(reason);
  return error.code === 'locked' || error.code === 'cocreation' ? '' : error.message;
}

/** reportableMessage keyed by the field it is about ("form" when none); {} when the app's state handles it. */
export function reportableFieldErrors(reason: unknown): Record<string, string> {
  const error = toApiError(reason);
  if (error.code === 'locked' || error.code === 'cocreation') return {};
  return { [error.field ?? 'form']: error.message };
}
