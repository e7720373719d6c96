// The shapes of backups (settings, status, reports, restores) and the checks that turn binding results into them.
import type { app, domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { asRecord, bool, int, list, oneOf, str } from './convert';
import { toVaultStatus, type VaultStatus } from './models';

/** Where and how automatic backups are made. The folder is chosen only through the folder dialog. */
export interface BackupSettings {
  folder: string;
  auto: boolean;
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

/** Why the backup status warns. */
export type BackupWarning = 'no-folder' | 'confirm-folder' | 'never' | 'old' | 'unreachable' | 'failed' | 'other-vault' | 'future';
export const BACKUP_WARNINGS: readonly BackupWarning[] = [
  'no-folder',
  'confirm-folder',
  'never',
  'old',
  'unreachable',
  'failed',
  'other-vault',
  'future',
];

/** What made a backup. */
export type BackupTrigger = 'now' | 'lock' | 'quit' | 'daily';
export const BACKUP_TRIGGERS: readonly BackupTrigger[] = ['now', 'lock', 'quit', 'daily'];

export interface BackupFailure {
  /** RFC 3339. */
  at: string;
  trigger: BackupTrigger;
  code: string;
  message: string;
}

export interface BackupStatus {
  folder: string;
  reachable: boolean;
  auto: boolean;
  /** When the last good backup was made (RFC 3339), "" if none was. */
  lastAt: string;
  lastFile: string;
  level: 'ok' | 'warning';
  reasons: BackupWarning[];
  /** The backup folder a restored vault came with, unused until it is chosen again ("confirm-folder"). */
  restoredFolder: string;
  /** How many files in the folder are another vault's backups (rotation leaves them alone). */
  otherVault: number;
  /** How many of this vault's backups there are dated in the future (a clock was wrong; kept). */
  future: number;
  failure: BackupFailure | null;
  /** The trigger of a backup being made now, "" if none. */
  running: BackupTrigger | '';
  settings: BackupSettings;
}

export type BackupStep = 'read' | 'write' | 'verify' | 'done';
export const BACKUP_STEPS: readonly BackupStep[] = ['read', 'write', 'verify', 'done'];

/** The payload of the backup:progress event. */
export interface BackupProgress {
  step: BackupStep;
  done: number;
  total: number;
}

export interface ChosenFile {
  name: string;
  folder: string;
  size: number;
}

/** Opens a backup: one of the two. */
export interface BackupSecret {
  passphrase: string;
  recoveryKey: string;
}

/** The kinds of records a report counts by name. */
export const BACKUP_COUNTS = [
  'clients',
  'sessions',
  'shifts',
  'plan_items',
  'agreements',
  'reflections',
  'patterns',
  'resources',
] as const;
export type BackupCount = (typeof BACKUP_COUNTS)[number];

export interface BackupReport {
  file: string;
  ok: boolean;
  /** When not ok: backup_damaged or vault_newer. */
  code: string;
  problem: string;
  /** RFC 3339. */
  created: string;
  appVersion: string;
  schemaVersion: number;
  openedWith: string;
  tables: { table: string; rows: number }[];
  counts: Record<BackupCount, number>;
}

export interface BackupDone {
  file: string;
  size: number;
  removed: number;
  status: BackupStatus;
}

/** A completed restore: the vault is now the backup's, and locked. */
export interface RestoreDone {
  report: BackupReport;
  /** Where the replaced vault was kept, "" when there was none. */
  replaced: string;
  vault: VaultStatus;
}

export interface ExportDone {
  path: string;
}

export function toBackupSettings(value: unknown): BackupSettings {
  const raw: Reply<domain.BackupSettings> = asRecord(value);
  return {
    folder: str(raw.folder),
    auto: bool(raw.auto),
    keepDaily: int(raw.keepDaily),
    keepWeekly: int(raw.keepWeekly),
    keepMonthly: int(raw.keepMonthly),
  };
}

function toFailure(value: unknown): BackupFailure | null {
  if (value === null || typeof value !== 'object') return null;
  const raw: Reply<app.BackupFailure> = asRecord(value);
  return { at: str(raw.at), trigger: oneOf(BACKUP_TRIGGERS, raw.trigger, 'now'), code: str(raw.code), message: str(raw.message) };
}

export function toBackupStatus(value: unknown): BackupStatus {
  const raw: Reply<app.BackupStatus> = asRecord(value);
  const reasons = list(raw.reasons, (r) => (typeof r === 'string' ? r : '')).filter((r): r is BackupWarning =>
    (BACKUP_WARNINGS as readonly string[]).includes(r),
  );
  return {
    folder: str(raw.folder),
    reachable: bool(raw.reachable),
    auto: bool(raw.auto),
    lastAt: str(raw.lastAt),
    lastFile: str(raw.lastFile),
    // Anything unexpected warns: a status that cannot be read is no reassurance.
    level: raw.level === 'ok' && reasons.length === 0 ? 'ok' : 'warning',
    reasons,
    restoredFolder: str(raw.restoredFolder),
    otherVault: int(raw.otherVault),
    future: int(raw.future),
    failure: toFailure(raw.failure),
    running: raw.running === '' || raw.running === undefined ? '' : oneOf(BACKUP_TRIGGERS, raw.running, 'now'),
    settings: raw.settings ? toBackupSettings(raw.settings) : { folder: '', auto: false, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 },
  };
}

export function toBackupProgress(value: unknown): BackupProgress {
  const raw = asRecord(value);
  return { step: oneOf(BACKUP_STEPS, raw.step, 'read'), done: int(raw.done), total: int(raw.total) };
}

export function toChosenFile(value: unknown): ChosenFile {
  const raw: Reply<app.ChosenFile> = asRecord(value);
  return { name: str(raw.name), folder: str(raw.folder), size: int(raw.size) };
}

export function toBackupReport(value: unknown): BackupReport {
  const raw: Reply<app.BackupReport> = asRecord(value);
  const countsRaw = raw.counts !== null && typeof raw.counts === 'object' ? (raw.counts as Record<string, unknown>) : {};
  const counts = Object.fromEntries(BACKUP_COUNTS.map((k) => [k, int(countsRaw[k])])) as Record<BackupCount, number>;
  return {
    file: str(raw.file),
    ok: bool(raw.ok),
    code: str(raw.code),
    problem: str(raw.problem),
    created: str(raw.created),
    appVersion: str(raw.appVersion),
    schemaVersion: int(raw.schemaVersion),
    openedWith: str(raw.openedWith),
    tables: list(raw.tables, (t) => {
      const r: Reply<app.TableRows> = asRecord(t);
      return { table: str(r.table), rows: int(r.rows) };
    }),
    counts,
  };
}

export function toBackupDone(value: unknown): BackupDone {
  const raw: Reply<app.BackupDone> = asRecord(value);
  return { file: str(raw.file), size: int(raw.size), removed: int(raw.removed), status: toBackupStatus(raw.status) };
}

export function toRestoreDone(value: unknown): RestoreDone {
  const raw: Reply<app.RestoreDone> = asRecord(value);
  return { report: toBackupReport(raw.report), replaced: str(raw.replaced), vault: toVaultStatus(raw.vault) };
}

export function toExportDone(value: unknown): ExportDone {
  const raw: Reply<app.ExportDone> = asRecord(value);
  return { path: str(raw.path) };
}
