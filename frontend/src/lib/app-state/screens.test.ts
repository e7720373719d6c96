import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '$lib/api';
import { resolveScreen, type Screen } from './screens';

function status(partial: Partial<VaultStatus>): VaultStatus {
  return {
    state: 'unlocked',
    mustSetPassphrase: false,
    profileComplete: true,
    folder: '/vault',
    version: '0.1.0',
    autoLockMinutes: 10,
    coCreationClientId: 0,
    coCreationPreview: false,
    now: '',
    ...partial,
  };
}

const resolve = (s: VaultStatus | null, wanted: Screen, hasPendingKey = false, problem = false) =>
  resolveScreen({ status: s, wanted, hasPendingKey, problem });

describe('resolveScreen', () => {
  it('waits for the first status', () => {
    expect(resolve(null, 'home')).toBe('loading');
  });

  it('shows the problem screen when the status could not be read', () => {
    expect(resolve(null, 'home', false, true)).toBe('problem');
  });

  it('walks the first-run steps while no vault exists', () => {
    const absent = status({ state: 'absent' });
    expect(resolve(absent, 'home')).toBe('welcome');
    expect(resolve(absent, 'create-passphrase')).toBe('create-passphrase');
    expect(resolve(absent, 'recovery-key', true)).toBe('recovery-key');
    expect(resolve(absent, 'recovery-key', false)).toBe('create-passphrase');
  });

  it('only offers unlocking while locked', () => {
    const locked = status({ state: 'locked' });
    expect(resolve(locked, 'home')).toBe('unlock');
    expect(resolve(locked, 'settings')).toBe('unlock');
    expect(resolve(locked, 'recovery-unlock')).toBe('recovery-unlock');
  });

  it('asks for a new passphrase before anything else after a recovery unlock', () => {
    expect(resolve(status({ mustSetPassphrase: true, profileComplete: false }), 'settings')).toBe('new-passphrase');
  });

  it('asks for the practice profile until it has been saved', () => {
    expect(resolve(status({ profileComplete: false }), 'home')).toBe('profile');
  });

  it('goes home or to settings once everything is set up', () => {
    expect(resolve(status({}), 'welcome')).toBe('home');
    expect(resolve(status({}), 'settings')).toBe('settings');
  });

  it('reaches the clients, a client, the client form and the journal once unlocked', () => {
    for (const screen of ['clients', 'client', 'client-form', 'reflections'] as const) {
      expect(resolve(status({}), screen)).toBe(screen);
      expect(resolve(status({ state: 'locked' }), screen)).toBe('unlock');
    }
  });

  it('shows only co-creation mode while the Go side says it is on', () => {
    const on = status({ coCreationClientId: 4 });
    for (const screen of ['home', 'clients', 'client', 'settings', 'reflections'] as const) {
      expect(resolve(on, screen)).toBe('cocreation');
    }
  });

  it('never shows co-creation mode when the Go side says it is off', () => {
    expect(resolve(status({}), 'cocreation')).toBe('home');
  });
});
