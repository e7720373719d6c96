// Co-creation mode in page state: only what CoCreation.View() returns for the one client, and
// who is writing. Nothing therapist-only is ever fetched or kept here.
import {
  coCreation,
  toApiError,
  type AgreementTerm,
  type ApiError,
  type Actor,
  type Comfort,
  type ClientRecord,
  type Identity,
  type IntegrationRecord,
  type NewAgreement,
  type PlanKind,
  type PowerMapEntry,
  type NewSettingElement,
  type SettingElement,
  type Shift,
  type NewPattern,
  type Pattern,
  type PatternChange,
  type Resource,
} from '$lib/api';
import { Latest } from '$lib/ui/latest';

/** The text sizes co-creation offers, as a percentage of the usual size; the first is where it starts. */
export const TEXT_SIZES = [125, 150, 175, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export class CoCreationStore {
  /** The client's view of their record, filtered on the Go side. */
  view = $state<ClientRecord | null>(null);
  /** Who is writing: every write is attributed to them. */
  writer = $state<Actor>('client');
  /** The therapist's preview of the mode: nothing can be changed, and closing needs no secret. */
  preview = $state(false);
  /** How large the page reads, for the client's eyes (reset when the mode ends). */
  textSize = $state<TextSize>(TEXT_SIZES[0]);
  loading = $state(false);
  error = $state<ApiError | null>(null);
  /** The client's journey (sessions, shifts, patterns, resources), shared content only. */
  journey = $state<IntegrationRecord | null>(null);

  readonly #views = new Latest();
  readonly #journeys = new Latest();

  /** Reads the client's journey through co-creation mode (never the therapist's sessions API). */
  async loadJourney(): Promise<void> {
    const isLatest = this.#journeys.begin();
    try {
      const journey = await coCreation.journey();
      if (isLatest()) this.journey = journey;
    } catch {
      // The rest of the screen stands without it; a lock or a refusal is handled by the app's state.
    }
  }

  /** Turns the mode on for a client (the Go side refuses an archived record). */
  async enter(clientId: number, preview = false): Promise<void> {
    const isLatest = this.#views.begin();
    const view = await (preview ? coCreation.preview(clientId) : coCreation.enter(clientId));
    if (!isLatest()) return;
    this.view = view;
    this.preview = preview;
    this.writer = 'client';
    this.error = null;
  }

  /** Reads the client's view again (after a change, or when the page was reloaded in the mode). */
  async load(): Promise<void> {
    const isLatest = this.#views.begin();
    this.loading = true;
    try {
      const view = await coCreation.view();
      if (!isLatest()) return;
      this.view = view;
      this.error = null;
    } catch (reason) {
      if (!isLatest()) return;
      this.error = toApiError(reason);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }

  async #change<T>(write: () => Promise<T>): Promise<T> {
    const result = await write();
    await this.load();
    return result;
  }

  addPlanItem(kind: PlanKind, text: string) {
    const by = this.writer;
    return this.#change(() => coCreation.addPlanItem(kind, text, by));
  }

  revisePlanItem(id: number, text: string, note: string) {
    const by = this.writer;
    return this.#change(() => coCreation.revisePlanItem(id, text, note, by));
  }

  agreePlanItem(id: number) {
    return this.#change(() => coCreation.agreePlanItem(id));
  }

  addPowerMapEntry(entry: PowerMapEntry) {
    const author = this.writer;
    return this.#change(() => coCreation.addPowerMapEntry({ ...entry, id: 0, author, visibility: 'shared' }));
  }

  updatePowerMapEntry(entry: PowerMapEntry) {
    const author = this.writer;
    return this.#change(() => coCreation.updatePowerMapEntry({ ...entry, author, visibility: 'shared' }));
  }

  addAgreement(agreement: Omit<NewAgreement, 'clientId'>) {
    const by = this.writer;
    return this.#change(() => coCreation.addAgreement({ ...agreement, clientId: 0 }, by));
  }

  reviseAgreement(id: number, title: string, terms: AgreementTerm[]) {
    const by = this.writer;
    return this.#change(() => coCreation.reviseAgreement(id, title, terms, by));
  }

  confirmAgreement(id: number, typedName: string) {
    return this.#change(() => coCreation.confirmAgreement(id, typedName));
  }

  saveIdentities(identities: Identity[]) {
    const by = this.writer;
    return this.#change(() => coCreation.saveIdentities(identities, by));
  }

  // The setting plan (SettingActions): each write reads the journey again, where the plans are.
  async #changeJourney<T>(write: () => Promise<T>): Promise<T> {
    const result = await write();
    await this.loadJourney();
    return result;
  }

  addSettingElement(element: NewSettingElement): Promise<SettingElement> {
    return this.#changeJourney(() => coCreation.addSettingElement(element));
  }

  reviseSettingElement(id: number, text: string, by: Actor): Promise<SettingElement> {
    return this.#changeJourney(() => coCreation.reviseSettingElement(id, text, by));
  }

  setSettingComfort(id: number, comfort: Comfort): Promise<SettingElement> {
    return this.#changeJourney(() => coCreation.setSettingComfort(id, comfort));
  }

  setTherapistComfort(id: number, comfort: Comfort): Promise<SettingElement> {
    return this.#changeJourney(() => coCreation.setTherapistComfort(id, comfort));
  }

  retireSettingElement(id: number, by: Actor): Promise<SettingElement> {
    return this.#changeJourney(() => coCreation.retireSettingElement(id, by));
  }

  // The worksheet (WorksheetActions): the screen writes as the bar's writer.
  addShift(shift: Shift): Promise<Shift> {
    return this.#changeJourney(() => coCreation.addShift(shift));
  }

  addMeaning(shiftId: number, meaning: string, by: Actor): Promise<Shift> {
    return this.#changeJourney(() => coCreation.addMeaning(shiftId, meaning, by));
  }

  // Patterns and resources (PatternActions).
  addPattern(pattern: Omit<NewPattern, 'clientId'>): Promise<Pattern> {
    return this.#changeJourney(() => coCreation.addPattern({ ...pattern, clientId: 0 }));
  }

  renamePattern(id: number, name: string, by: Actor): Promise<Pattern> {
    return this.#changeJourney(() => coCreation.renamePattern(id, name, by));
  }

  setPatternStatus(id: number, change: PatternChange): Promise<Pattern> {
    return this.#changeJourney(() => coCreation.setPatternStatus(id, change));
  }

  linkPattern(id: number, shiftIds: number[], sessionIds: number[], by: Actor): Promise<Pattern> {
    return this.#changeJourney(() => coCreation.linkPattern(id, shiftIds, sessionIds, by));
  }

  addResource(resource: Resource): Promise<Resource> {
    return this.#changeJourney(() => coCreation.addResource(resource));
  }

  updateResource(resource: Resource, by: Actor): Promise<Resource> {
    return this.#changeJourney(() => coCreation.updateResource(resource, by));
  }

  /** Ends the mode with the therapist's passphrase or PIN; rejects (wrong_secret) otherwise. */
  async leave(secret: string): Promise<void> {
    await coCreation.leave(secret);
    this.clear();
  }

  /** One step larger or smaller (-1); stays within TEXT_SIZES. */
  resizeText(step: 1 | -1): void {
    const at = TEXT_SIZES.indexOf(this.textSize);
    this.textSize = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, at + step))];
  }

  clear(): void {
    this.#views.drop();
    this.textSize = TEXT_SIZES[0];
    this.#journeys.drop();
    this.journey = null;
    this.view = null;
    this.preview = false;
    this.writer = 'client';
    this.loading = false;
    this.error = null;
  }
}
