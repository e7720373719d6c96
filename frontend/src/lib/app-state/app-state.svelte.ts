// The app's state on the page: the vault's status, the screen it leads to, and what is cleared on lock.
// (Named AppState, not "session": a session in Tandem is a therapy session, $lib/sessions.)
import { getContext, setContext } from 'svelte';
import {
  awaitsFollowUp,
  measures,
  onVaultLocked,
  practice,
  setCoCreationHandler,
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
import { TodayStore } from '$lib/appointments/today.svelte';
import { ClientsStore } from '$lib/clients/clients.svelte';
import { syncClock } from '$lib/clock/clock';
import { CoCreationStore } from '$lib/cocreation/cocreation.svelte';
import { IntegrationStore } from '$lib/sessions/integration.svelte';
import { SearchStore } from '$lib/search/search.svelte';
import { resolveScreen, type ClientTab, type Screen, type SettingsSection } from './screens';

/** How long Home waits for Today before showing without it (Today then shows when it comes). */
const TODAY_WAIT_MS = 400;

export class AppState {
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
  /** The therapist's client data: the list and the open record. Cleared at lock. */
  readonly clients = new ClientsStore();
  /** The open client's sessions, worksheet, patterns and resources. Cleared with the clients. */
  readonly integration = new IntegrationStore();
  /** The practice-wide search (private notes included). Cleared with the clients. */
  readonly search = new SearchStore();
  /** Today on Home: asked for as the vault unlocks. Cleared with the clients. */
  readonly today = new TodayStore();
  /** Co-creation mode's data: the one client's shared view. Cleared at lock and on leaving. */
  readonly coCreation = new CoCreationStore();
  /** The client shown on the client page, or edited in the client form (0: a new client). */
  clientId = $state(0);
  /** The section of the client page to show. */
  clientTab = $state<ClientTab>('overview');
  /** A session the Sessions tab opens when it shows (Today's "held", a due item), then clears; 0 for none. */
  sessionToOpen = $state(0);
  /** The therapist asked to search clients (Ctrl+K or "/"); the client list focuses its search, then clears this. */
  searchPending = $state(false);
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
    // A call refused because of co-creation mode means the page is out of step: ask Go again.
    setCoCreationHandler(() => void this.start());
    const off = onVaultLocked((reason) => this.handleLocked(reason));
    return () => {
      off();
      setLockedHandler(undefined);
      setCoCreationHandler(undefined);
    };
  }

  /**
   * Reads the vault's status (or takes the answer to a request already made); shows the problem
   * screen if that fails.
   */
  async start(asked?: Promise<VaultStatus>): Promise<void> {
    try {
      const status = await (asked ?? vault.status());
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

  /** Shows the client list with the search field focused. */
  findClient(): void {
    this.searchPending = true;
    this.#wanted = 'clients';
  }

  openClient(id: number, tab: ClientTab = 'overview', sessionId = 0): void {
    this.clientId = id;
    this.clientTab = tab;
    this.sessionToOpen = sessionId;
    this.#wanted = 'client';
    // The record is asked for now, while the page changes screens; the client page, opening
    // it, waits for this read rather than starting another.
    void this.clients.open.open(id);
  }

  newClient(): void {
    this.clientId = 0;
    this.#wanted = 'client-form';
  }

  editClient(id: number): void {
    this.clientId = id;
    this.#wanted = 'client-form';
  }

  /**
   * Turns toward the client: the Go side turns co-creation mode on, and the page forgets
   * everything therapist-only before showing the client's view.
   */
  async enterCoCreation(clientId: number, preview = false): Promise<void> {
    await this.coCreation.enter(clientId, preview);
    this.clients.clear();
    this.integration.clear();
    this.search.clear();
    this.today.clear();
    this.profile = null;
    if (this.status) this.status = { ...this.status, coCreationClientId: clientId, coCreationPreview: preview };
  }

  /** Leaves co-creation mode with the passphrase or PIN and returns to the client's page. */
  async leaveCoCreation(secret: string): Promise<void> {
    const clientId = this.status?.coCreationClientId ?? 0;
    await this.coCreation.leave(secret);
    // An answer the client gave that asks the therapist to look (PHQ-9 question 9 above zero) is
    // shown on the therapist's screen first, never as an alarm on the client's. The page leaves the
    // mode once that is known, so that nothing the therapist opens meanwhile is undone.
    const look = clientId !== 0 && (await this.#answerToLookAt(clientId));
    if (this.status) this.status = { ...this.status, coCreationClientId: 0, coCreationPreview: false };
    if (clientId !== 0) this.openClient(clientId, look ? 'measures' : 'plan');
    else this.#wanted = 'home';
    void this.loadProfile();
  }

  /** Whether one of the client's measures has a flagged answer with no follow-up recorded yet. */
  async #answerToLookAt(clientId: number): Promise<boolean> {
    try {
      return (await measures.forClient(clientId)).some(awaitsFollowUp);
    } catch {
      // The client's page opens as usual; the measures tab and Today still show the flag.
      return false;
    }
  }

  /** Takes a status returned by the Go side and moves to the screen it calls for. */
  applyStatus(status: VaultStatus): void {
    syncClock(status.now);
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
    if (status.coCreationClientId !== 0) {
      this.coCreation.preview = status.coCreationPreview;
      // Only the client's view may be in the page while the mode is on.
      this.clients.clear();
      this.integration.clear();
      this.search.clear();
      this.today.clear();
      this.profile = null;
      return;
    }
    this.coCreation.clear();
    if (status.mustSetPassphrase) return;
    // Home opens on Today: its read goes out beside the profile's, and the profile (which Home
    // waits for) is taken once Today is in too, so that Home's first paint shows both.
    const today = wasUnlocked ? undefined : this.today.prefetch();
    if (this.profile === null) void this.loadProfile(today);
  }

  /** Reads the practice profile; with after, takes it once after has settled (or TODAY_WAIT_MS passed). */
  async loadProfile(after?: Promise<void>): Promise<void> {
    let profile: PracticeProfile;
    try {
      profile = await practice.get();
    } catch (reason) {
      const error = toApiError(reason);
      if (error.code === 'locked' || error.code === 'cocreation') return;
      // Without a stored profile the form starts empty; home shows what it can.
      profile = this.profile ?? { ...EMPTY_PROFILE };
    }
    if (after) await Promise.race([after, new Promise((resolve) => setTimeout(resolve, TODAY_WAIT_MS))]);
    // Locked, or turned toward a client, meanwhile: the profile is not for this page any more.
    if (!this.unlocked || this.status?.coCreationClientId !== 0) return;
    this.profile = profile;
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
      this.status = { ...this.status, state: 'locked', mustSetPassphrase: false, coCreationClientId: 0, coCreationPreview: false };
    }
  }

  #clearSecrets(): void {
    this.pendingKey = null;
    this.profile = null;
    this.clients.clear();
    this.integration.clear();
    this.search.clear();
    this.today.clear();
    this.coCreation.clear();
    this.clientId = 0;
    this.clientTab = 'overview';
  }
}

const KEY = Symbol('tandem-app-state');

export function provideAppState(app: AppState): AppState {
  return setContext(KEY, app);
}

export function useAppState(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('useAppState() called outside <App>');
  return app;
}
