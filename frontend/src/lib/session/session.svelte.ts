// The app's session: the vault's status, the screen it leads to, and what is cleared on lock.
import { getContext, setContext } from 'svelte';
import {
  onVaultLocked,
  practice,
  setLockedHandler,
  toApiError,
  vault,
  EMPTY_PROFILE,
  type ApiError,
  type AppSettings,
  type LockReason,
  type PracticeProfile,
  type RecoveryKeyView,
  type VaultStatus,
} from '$lib/api';
import { resolveScreen, type Screen } from './screens';

/** Which part of Settings to bring into view when opening it. */
export type SettingsSection = 'top' | 'profile' | 'autolock';

export class Session {
  status = $state<VaultStatus | null>(null);
  /** Status() failed; the problem screen shows its message. */
  problem = $state<ApiError | null>(null);
  /** Why the vault was last locked, shown on the unlock screen. */
  lockReason = $state<LockReason | null>(null);
  /** The practice profile while unlocked; null when locked or not loaded yet. */
  profile = $state<PracticeProfile | null>(null);
  /** The new recovery key between BeginCreate and FinishCreate. Secret: cleared as soon as possible. */
  pendingKey = $state<RecoveryKeyView | null>(null);
  settingsSection = $state<SettingsSection>('top');
  #wanted = $state<Screen>('welcome');

  screen: Screen = $derived(
    resolveScreen({
      status: this.status,
      wanted: this.#wanted,
      problem: this.problem !== null,
      hasPendingKey: this.pendingKey !== null,
    }),
  );

  get unlocked(): boolean {
    return this.status?.state === 'unlocked';
  }

  /** Listens for locks from the Go side; returns a function that stops listening. */
  connect(): () => void {
    setLockedHandler(() => this.handleLocked(null));
    const off = onVaultLocked((reason) => this.handleLocked(reason));
    return () => {
      off();
      setLockedHandler(undefined);
    };
  }

  /** Reads the vault's status; shows the problem screen if that fails. */
  async start(): Promise<void> {
    try {
      const status = await vault.status();
      this.problem = null;
      this.applyStatus(status);
    } catch (reason) {
      this.problem = toApiError(reason);
    }
  }

  go(screen: Screen, section: SettingsSection = 'top'): void {
    this.settingsSection = section;
    this.#wanted = screen;
  }

  /** Takes a status returned by the Go side and moves to the screen it calls for. */
  applyStatus(status: VaultStatus): void {
    const wasUnlocked = this.unlocked;
    this.status = status;
    if (status.state !== 'unlocked') {
      this.#clearSecrets();
      return;
    }
    this.pendingKey = null;
    if (!wasUnlocked) {
      this.lockReason = null;
      this.#wanted = 'home';
    }
    if (!status.mustSetPassphrase && this.profile === null) void this.loadProfile();
  }

  async loadProfile(): Promise<void> {
    try {
      this.profile = await practice.get();
    } catch (reason) {
      const error = toApiError(reason);
      if (error.code === 'locked') return;
      // Without a stored profile the form starts empty; home shows what it can.
      this.profile = this.profile ?? { ...EMPTY_PROFILE };
    }
  }

  profileSaved(profile: PracticeProfile): void {
    this.profile = profile;
    if (this.status && !this.status.profileComplete) {
      this.status = { ...this.status, profileComplete: true };
      this.#wanted = 'home';
    }
  }

  settingsSaved(settings: AppSettings): void {
    if (this.status) this.status = { ...this.status, autoLockMinutes: settings.autoLockMinutes };
  }

  /** Locks at the therapist's request (Lock button or Ctrl+L). */
  async lockNow(): Promise<void> {
    if (!this.unlocked) return;
    this.handleLocked('manual');
    try {
      this.applyStatus(await vault.lock());
    } catch {
      // The screen is already locked; the next unlock will tell the true state.
    }
  }

  /** The vault is locked: drop everything secret and show the unlock screen. */
  handleLocked(reason: LockReason | null): void {
    if (reason !== null || this.lockReason === null) this.lockReason = reason ?? 'manual';
    this.#clearSecrets();
    this.#wanted = 'unlock';
    if (this.status && this.status.state === 'unlocked') {
      this.status = { ...this.status, state: 'locked', mustSetPassphrase: false };
    }
  }

  #clearSecrets(): void {
    this.pendingKey = null;
    this.profile = null;
  }
}

const KEY = Symbol('tandem-session');

export function provideSession(session: Session): Session {
  return setContext(KEY, session);
}

export function useSession(): Session {
  const session = getContext<Session | undefined>(KEY);
  if (!session) throw new Error('useSession() called outside <App>');
  return session;
}
