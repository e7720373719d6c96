// Decides which screen to show from the vault's status and where the therapist asked to go.
import type { VaultStatus } from '$lib/api';

export const SCREENS = [
  'loading',
  'problem',
  'welcome',
  'create-passphrase',
  'recovery-key',
  'profile',
  'unlock',
  'recovery-unlock',
  'new-passphrase',
  'home',
  'clients',
  'client',
  'client-form',
  'reflections',
  'search',
  'fees',
  'settings',
  'cocreation',
] as const;

export type Screen = (typeof SCREENS)[number];

/** Which part of Settings to bring into view when opening it. */
export type SettingsSection = 'top' | 'profile' | 'autolock' | 'backup' | 'questionnaires' | 'medicine';

/** The sections of a client's page. */
export const CLIENT_TABS = [
  'overview',
  'plan',
  'sessions',
  'worksheet',
  'patterns',
  'journey',
  'measures',
  'fees',
  'agreements',
  'health',
  'powermap',
  'reflections',
  'history',
] as const;

export type ClientTab = (typeof CLIENT_TABS)[number];

/** The screens of the open vault that the therapist moves between freely (the header's world). */
export const SHELL_SCREENS = ['home', 'clients', 'client', 'client-form', 'reflections', 'search', 'fees', 'settings'] as const;

export type ShellScreen = (typeof SHELL_SCREENS)[number];

export function isShellScreen(screen: Screen): screen is ShellScreen {
  return (SHELL_SCREENS as readonly string[]).includes(screen);
}

export interface ScreenInputs {
  status: VaultStatus | null;
  /** The screen the therapist asked for; honoured only when the vault's state allows it. */
  wanted: Screen;
  /** Status() failed (vault busy, damaged, made by a newer Tandem…). */
  problem: boolean;
  /** A recovery key is waiting to be kept (between BeginCreate and FinishCreate). */
  hasPendingKey: boolean;
}

export function resolveScreen({ status, wanted, problem, hasPendingKey }: ScreenInputs): Screen {
  if (problem) return 'problem';
  if (status === null) return 'loading';
  switch (status.state) {
    case 'absent':
      if (wanted === 'recovery-key') return hasPendingKey ? 'recovery-key' : 'create-passphrase';
      return wanted === 'create-passphrase' ? wanted : 'welcome';
    case 'locked':
      return wanted === 'recovery-unlock' ? wanted : 'unlock';
    case 'unlocked':
      if (status.mustSetPassphrase) return 'new-passphrase';
      if (!status.profileComplete) return 'profile';
      // Co-creation mode is decided by the Go side, and nothing else is reachable while it is on.
      if (status.coCreationClientId !== 0) return 'cocreation';
      return isShellScreen(wanted) ? wanted : 'home';
  }
}
