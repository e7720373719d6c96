import { describe, expect, it } from 'vitest';
import { toLockReason, toPracticeProfile, toRecoveryKeyView, toRekeyProgress, toVaultStatus } from './models';
import { ApiError } from './errors';

describe('toVaultStatus', () => {
  it('accepts a full status', () => {
    expect(
      toVaultStatus({
        state: 'unlocked',
        mustSetPassphrase: false,
        profileComplete: true,
        folder: '/home/t/.local/share/Tandem',
        version: '0.1.0',
        autoLockMinutes: 15,
        coCreationClientId: 7,
        coCreationPreview: true,
        now: '2026-06-10T09:30:00.123+01:00',
      }),
    ).toEqual({
      state: 'unlocked',
      mustSetPassphrase: false,
      profileComplete: true,
      folder: '/home/t/.local/share/Tandem',
      version: '0.1.0',
      autoLockMinutes: 15,
      coCreationClientId: 7,
      coCreationPreview: true,
      now: '2026-06-10T09:30:00.123+01:00',
    });
  });

  it('fills missing fields with safe defaults', () => {
    expect(toVaultStatus({ state: 'locked' })).toEqual({
      state: 'locked',
      mustSetPassphrase: false,
      profileComplete: false,
      folder: '',
      version: '',
      autoLockMinutes: 10,
      coCreationClientId: 0,
      coCreationPreview: false,
      now: '',
    });
  });

  it('never reports co-creation mode for a locked vault', () => {
    expect(toVaultStatus({ state: 'locked', coCreationClientId: 3 }).coCreationClientId).toBe(0);
    expect(toVaultStatus({ state: 'locked', coCreationClientId: 3, coCreationPreview: true }).coCreationPreview).toBe(false);
  });

  it('refuses an unknown state', () => {
    expect(() => toVaultStatus({ state: 'open' })).toThrow(ApiError);
    expect(() => toVaultStatus(null)).toThrow(ApiError);
  });
});

describe('toRecoveryKeyView', () => {
  it('keeps string groups and a sensible confirm length', () => {
    expect(toRecoveryKeyView({ key: 'ABCD', groups: ['AB', 3, 'CD'], confirmLength: 0 })).toEqual({
      key: 'ABCD',
      groups: ['AB', 'CD'],
      confirmLength: 1,
    });
  });
});

describe('toPracticeProfile', () => {
  it('turns null fields into empty strings', () => {
    const profile = toPracticeProfile({ name: 'Practice', website: null });
    expect(profile.name).toBe('Practice');
    expect(profile.website).toBe('');
    expect(profile.positionalityDated).toBe('');
    expect(profile.greetingName).toBe('');
    expect(toPracticeProfile({ name: 'Practice', greetingName: 'Ánh' }).greetingName).toBe('Ánh');
  });
});

describe('toLockReason', () => {
  it('reads the event payload', () => {
    expect(toLockReason({ reason: 'idle' })).toBe('idle');
    expect(toLockReason({ reason: 'suspend' })).toBe('suspend');
    expect(toLockReason('idle')).toBe('idle');
  });

  it('falls back to manual', () => {
    expect(toLockReason(undefined)).toBe('manual');
    expect(toLockReason({ reason: 'x' })).toBe('manual');
  });
});

describe('toRekeyProgress', () => {
  it('keeps done between 0 and a total of at least 1', () => {
    expect(toRekeyProgress({ done: 40, total: 160 })).toEqual({ done: 40, total: 160 });
    expect(toRekeyProgress({ done: 200, total: 160 })).toEqual({ done: 160, total: 160 });
    expect(toRekeyProgress({ done: -5, total: 0 })).toEqual({ done: 0, total: 1 });
    expect(toRekeyProgress({})).toEqual({ done: 0, total: 1 });
  });
  it('refuses what is not an object', () => {
    expect(() => toRekeyProgress('50%')).toThrow();
  });
});
