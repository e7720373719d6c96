import { describe, expect, it } from 'vitest';
import { toBackupProgress, toBackupReport, toBackupStatus, toRestoreDone } from './backup-models';
import { toLockReason } from './models';

describe('toBackupStatus', () => {
  it('reads a good status', () => {
    const status = toBackupStatus({
      folder: '/media/usb/backups',
      reachable: true,
      auto: true,
      lastAt: '2026-11-25T10:00:00Z',
      lastFile: 'tandem-backup-2026-11-25T100000Z.age',
      level: 'ok',
      reasons: [],
      failure: null,
      running: '',
      settings: { folder: '/media/usb/backups', auto: true, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 },
    });
    expect(status.level).toBe('ok');
    expect(status.settings.keepMonthly).toBe(12);
    expect(status.failure).toBeNull();
  });

  it('warns whenever the status is not plainly good', () => {
    expect(toBackupStatus({ level: 'ok', reasons: ['old'] }).level).toBe('warning');
    expect(toBackupStatus({ level: 'great', reasons: [] }).level).toBe('warning');
    expect(toBackupStatus({ reasons: ['unreachable', 'made-up'] }).reasons).toEqual(['unreachable']);
    const shared = toBackupStatus({ level: 'warning', reasons: ['other-vault', 'future'], otherVault: 3, future: 1 });
    expect([shared.reasons, shared.otherVault, shared.future]).toEqual([['other-vault', 'future'], 3, 1]);
  });

  it('keeps a failure with its plain message', () => {
    const status = toBackupStatus({
      level: 'warning',
      reasons: ['failed'],
      failure: { at: '2026-11-25T10:00:00Z', trigger: 'lock', code: 'invalid', message: 'The backup folder cannot be reached.' },
    });
    expect(status.failure).toEqual({
      at: '2026-11-25T10:00:00Z',
      trigger: 'lock',
      code: 'invalid',
      message: 'The backup folder cannot be reached.',
    });
  });
});

describe('toBackupReport', () => {
  it('gives every count a number', () => {
    const report = toBackupReport({ ok: true, file: 'b.age', counts: { clients: 3, sessions: 'x' } });
    expect(report.counts.clients).toBe(3);
    expect(report.counts.sessions).toBe(0);
    expect(report.counts.resources).toBe(0);
    expect(report.tables).toEqual([]);
  });

  it('carries the problem of a damaged file', () => {
    const report = toBackupReport({ ok: false, code: 'backup_damaged', problem: 'The file ends too early.' });
    expect(report.ok).toBe(false);
    expect(report.problem).toBe('The file ends too early.');
  });
});

describe('restores and progress', () => {
  it('reads a restore as a locked vault', () => {
    const done = toRestoreDone({ report: { ok: true }, replaced: '/home/t/vault.replaced-2026', vault: { state: 'locked' } });
    expect(done.vault.state).toBe('locked');
    expect(done.replaced).toBe('/home/t/vault.replaced-2026');
  });

  it('reads progress steps', () => {
    expect(toBackupProgress({ step: 'verify', done: 0, total: 1 })).toEqual({ step: 'verify', done: 0, total: 1 });
    expect(toBackupProgress({ step: 'elsewhere' }).step).toBe('read');
  });

  it('knows the restored lock reason', () => {
    expect(toLockReason({ reason: 'restored' })).toBe('restored');
  });
});
