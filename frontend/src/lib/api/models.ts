// The shapes the screens work with, and the checks that turn binding results into them.
import type { app, domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { ApiError } from './errors';
import { asRecord, bool, int, str, type Raw } from './convert';
import { t } from '$lib/i18n';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultStatus {
  /** "absent": no vault yet (first run); "locked"; "unlocked". */
  state: VaultState;
  /** Opened with the recovery key: a new passphrase must be chosen before anything else. */
  mustSetPassphrase: boolean;
  /** False until the practice profile has been saved once. */
  profileComplete: boolean;
  /** The folder that holds the vault. */
  folder: string;
  /** Tandem's version. */
  version: string;
  autoLockMinutes: number;
  /** The client whose co-creation screen is on; 0 when the mode is off. */
  coCreationClientId: number;
  /** The screen is the therapist's preview of co-creation: nothing can be changed, closing needs no secret. */
  coCreationPreview: boolean;
  /** The app's time when it answered (RFC 3339): the page's clock follows it ($lib/clock). */
  now: string;
}

export interface PassphraseCheck {
  ok: boolean;
  /** Says kindly why a passphrase is weak; may be empty when ok. */
  message: string;
  /** What would make it strong. */
  hint: string;
}

export interface RecoveryKeyView {
  key: string;
  /** The key split into short groups for reading aloud or writing down. */
  groups: string[];
  /** How many of the key's last characters must be typed to confirm it. */
  confirmLength: number;
}

export interface PracticeProfile {
  /** Printed on packets: the therapist's or the practice's name. */
  name: string;
  /** What Tandem calls the therapist on its screens (home's greeting); never printed; may be "". */
  greetingName: string;
  credentials: string;
  email: string;
  phone: string;
  address: string;
  website: string;
  positionality: string;
  /** ISO date of the positionality statement's latest entry; read-only; "" if none. */
  positionalityDated: string;
}

export interface AppSettings {
  autoLockMinutes: number;
  /** A PIN is set that can end co-creation mode instead of the passphrase. */
  hasPin: boolean;
  /** Substance, dose and times of medicine sessions may be recorded (off by default). */
  recordMedicine: boolean;
  /** The paper packets are printed on. */
  paperSize: 'a4' | 'letter';
}

export type LockReason = 'idle' | 'manual' | 'suspend' | 'restored';

export const EMPTY_PROFILE: Readonly<PracticeProfile> = Object.freeze({
  name: '',
  greetingName: '',
  credentials: '',
  email: '',
  phone: '',
  address: '',
  website: '',
  positionality: '',
  positionalityDated: '',
});

const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

export function toVaultStatus(value: unknown): VaultStatus {
  const raw: Reply<app.VaultStatus> = asRecord(value);
  const state = raw.state;
  if (state !== 'absent' && state !== 'locked' && state !== 'unlocked') {
    throw new ApiError('internal', t('errors.internal'));
  }
  return {
    state,
    mustSetPassphrase: bool(raw.mustSetPassphrase),
    profileComplete: bool(raw.profileComplete),
    folder: str(raw.folder),
    version: str(raw.version),
    autoLockMinutes: num(raw.autoLockMinutes, 10),
    coCreationClientId: state === 'unlocked' ? Math.max(0, Math.trunc(num(raw.coCreationClientId, 0))) : 0,
    coCreationPreview: state === 'unlocked' && bool(raw.coCreationPreview),
    now: str(raw.now),
  };
}

export function toPassphraseCheck(value: unknown): PassphraseCheck {
  const raw: Reply<domain.PassphraseCheck> = asRecord(value);
  return { ok: bool(raw.ok), message: str(raw.message), hint: str(raw.hint) };
}

export function toRecoveryKeyView(value: unknown): RecoveryKeyView {
  const raw: Reply<app.RecoveryKeyView> = asRecord(value);
  const key = str(raw.key);
  const groups = Array.isArray(raw.groups) ? raw.groups.filter((g): g is string => typeof g === 'string') : [];
  return { key, groups, confirmLength: Math.max(1, Math.round(num(raw.confirmLength, 6))) };
}

export function toPracticeProfile(value: unknown): PracticeProfile {
  const raw: Reply<domain.Practice> = asRecord(value);
  return {
    name: str(raw.name),
    greetingName: str(raw.greetingName),
    credentials: str(raw.credentials),
    email: str(raw.email),
    phone: str(raw.phone),
    address: str(raw.address),
    website: str(raw.website),
    positionality: str(raw.positionality),
    positionalityDated: str(raw.positionalityDated),
  };
}

export function toAppSettings(value: unknown): AppSettings {
  const raw: Reply<domain.Settings> = asRecord(value);
  return {
    autoLockMinutes: num(raw.autoLockMinutes, 10),
    hasPin: bool(raw.hasPin),
    recordMedicine: bool(raw.recordMedicine),
    paperSize: raw.paperSize === 'letter' ? 'letter' : 'a4',
  };
}

/** The payload of the vault:rekey-progress event: a re-encryption under a fresh key, in bytes. */
export interface RekeyProgress {
  done: number;
  total: number;
}

export function toRekeyProgress(value: unknown): RekeyProgress {
  const raw = asRecord(value);
  const total = Math.max(int(raw.total), 1);
  return { done: Math.min(Math.max(int(raw.done), 0), total), total };
}

export function toLockReason(value: unknown): LockReason {
  const reason = value !== null && typeof value === 'object' ? (value as Raw).reason : value;
  return reason === 'idle' || reason === 'suspend' || reason === 'restored' ? reason : 'manual';
}
