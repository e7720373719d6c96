// The open client's sessions, worksheet, patterns and resources in page state, with the changes
// the therapist makes to them. Dropped by clear() when the vault locks or co-creation mode begins.
import {
  sessions,
  type Actor,
  type AdverseEvent,
  type Comfort,
  type IntegrationRecord,
  type NewPattern,
  type NewSettingElement,
  type Pattern,
  type PatternChange,
  type Resource,
  type Visibility,
  type Session,
  type SettingElement,
  type Shift,
} from '$lib/api';
import { LoadedRecord } from '$lib/ui/loaded-record.svelte';

/** Keeps shifts in the order the Go side gives them: by date noticed, then by id. */
export function insertShift(list: readonly Shift[], shift: Shift): Shift[] {
  const rest = list.filter((s) => s.id !== shift.id);
  const at = rest.findIndex((s) => s.noticedOn > shift.noticedOn || (s.noticedOn === shift.noticedOn && s.id > shift.id));
  return at < 0 ? [...rest, shift] : [...rest.slice(0, at), shift, ...rest.slice(at)];
}

export class IntegrationStore extends LoadedRecord<IntegrationRecord> {
  constructor() {
    super((clientId) => sessions.integration(clientId));
  }

  session(id: number): Session | undefined {
    return this.record?.sessions.find((s) => s.id === id);
  }

  saveSession(session: Session): Promise<Session> {
    return this.change(() => (session.id === 0 ? sessions.add({ ...session, clientId: this.id }) : sessions.update(session)));
  }

  finalise(id: number): Promise<Session> {
    return this.change(() => sessions.finalise(id));
  }

  addAddendum(sessionId: number, text: string, visibility: 'shared' | 'private'): Promise<Session> {
    return this.change(() => sessions.addAddendum(sessionId, text, visibility));
  }

  addAdverseEvent(event: Pick<AdverseEvent, 'sessionId' | 'at' | 'description' | 'response' | 'visibility'>): Promise<Session> {
    return this.change(() => sessions.addAdverseEvent(event));
  }

  respondToAdverseEvent(eventId: number, response: string): Promise<Session> {
    return this.change(() => sessions.respondToAdverseEvent(eventId, response));
  }

  addSettingElement(element: NewSettingElement): Promise<SettingElement> {
    return this.change(() => sessions.addSettingElement(element));
  }

  reviseSettingElement(id: number, text: string, by: Actor): Promise<SettingElement> {
    return this.change(() => sessions.reviseSettingElement(id, text, by));
  }

  setSettingComfort(id: number, comfort: Comfort): Promise<SettingElement> {
    return this.change(() => sessions.setSettingComfort(id, comfort));
  }

  setTherapistComfort(id: number, comfort: Comfort): Promise<SettingElement> {
    return this.change(() => sessions.setTherapistComfort(id, comfort));
  }

  retireSettingElement(id: number, by: Actor): Promise<SettingElement> {
    return this.change(() => sessions.retireSettingElement(id, by));
  }

  /** Adds a shift and shows it at once, without reading everything again: entry must stay quick. */
  async addShift(shift: Shift): Promise<Shift> {
    const saved = await sessions.addShift({ ...shift, clientId: this.id });
    if (this.record && saved.clientId === this.id) this.record.shifts = insertShift(this.record.shifts, saved);
    return saved;
  }

  async correctShift(shift: Shift): Promise<Shift> {
    const saved = await sessions.correctShift(shift);
    if (this.record && saved.clientId === this.id) this.record.shifts = insertShift(this.record.shifts, saved);
    return saved;
  }

  async addMeaning(shiftId: number, meaning: string, by: Actor): Promise<Shift> {
    const saved = await sessions.addMeaning(shiftId, meaning, by);
    if (this.record && saved.clientId === this.id) this.record.shifts = insertShift(this.record.shifts, saved);
    return saved;
  }

  addPattern(pattern: Omit<NewPattern, 'clientId'>): Promise<Pattern> {
    return this.change(() => sessions.addPattern({ ...pattern, clientId: this.id }));
  }

  renamePattern(id: number, name: string, by: Actor): Promise<Pattern> {
    return this.change(() => sessions.renamePattern(id, name, by));
  }

  setPatternExamples(id: number, examples: string, visibility: Visibility, by: Actor): Promise<Pattern> {
    return this.change(() => sessions.setPatternExamples(id, examples, visibility, by));
  }

  setPatternStatus(id: number, change: PatternChange): Promise<Pattern> {
    return this.change(() => sessions.setPatternStatus(id, change));
  }

  linkPattern(id: number, shiftIds: number[], sessionIds: number[], by: Actor): Promise<Pattern> {
    return this.change(() => sessions.linkPattern(id, shiftIds, sessionIds, by));
  }

  addResource(resource: Resource): Promise<Resource> {
    return this.change(() => sessions.addResource({ ...resource, clientId: this.id }));
  }

  updateResource(resource: Resource, by: Actor): Promise<Resource> {
    return this.change(() => sessions.updateResource(resource, by));
  }
}
