// Sessions (app.Sessions): setting plans, the integration worksheet, patterns, resources and the practice-wide search.
import * as Sessions from './wailsjs/go/app/Sessions';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { toGo } from './wire';
import type { Actor } from './client-models';
import {
  toIntegrationRecord,
  toPattern,
  toResource,
  toSearchResult,
  toSession,
  toSettingElement,
  toShift,
  type AdverseEvent,
  type Comfort,
  type IntegrationRecord,
  type NewPattern,
  type NewSettingElement,
  type Pattern,
  type PatternChange,
  type Resource,
  type SearchResult,
  type Session,
  type SettingElement,
  type Shift,
} from './session-models';

/** The therapist's: every call is refused (code "cocreation") while co-creation mode is on. */
export const sessions = {
  /** A client's sessions, shifts, patterns and resources, private content included. */
  integration: async (clientId: number): Promise<IntegrationRecord> =>
    toIntegrationRecord(await call(() => Sessions.Integration(clientId))),

  add: async (session: Session): Promise<Session> =>
    toSession(await call(() => Sessions.Add(toGo(domain.Session, { ...session, id: 0 })))),

  /** Refused with code "finalised" once the notes are signed. */
  update: async (session: Session): Promise<Session> =>
    toSession(await call(() => Sessions.Update(toGo(domain.Session, session)))),

  finalise: async (id: number): Promise<Session> => toSession(await call(() => Sessions.Finalise(id))),

  addAddendum: async (sessionId: number, text: string, visibility: 'shared' | 'private'): Promise<Session> =>
    toSession(await call(() => Sessions.AddAddendum(sessionId, text, visibility))),

  addAdverseEvent: async (event: Pick<AdverseEvent, 'sessionId' | 'at' | 'description' | 'response'>): Promise<Session> =>
    toSession(await call(() => Sessions.AddAdverseEvent(toGo(domain.AdverseEvent, { ...event, id: 0, created: '' })))),

  addSettingElement: async (element: NewSettingElement): Promise<SettingElement> =>
    toSettingElement(await call(() => Sessions.AddSettingElement(toGo(domain.NewSettingElement, element)))),

  reviseSettingElement: async (id: number, text: string, by: Actor): Promise<SettingElement> =>
    toSettingElement(await call(() => Sessions.ReviseSettingElement(id, text, by))),

  setSettingComfort: async (id: number, comfort: Comfort): Promise<SettingElement> =>
    toSettingElement(await call(() => Sessions.SetSettingComfort(id, comfort))),

  retireSettingElement: async (id: number, by: Actor): Promise<SettingElement> =>
    toSettingElement(await call(() => Sessions.RetireSettingElement(id, by))),

  /** shift.recordedBy says who wrote it. Refused with field "noticedOn" when dated before its session. */
  addShift: async (shift: Shift): Promise<Shift> =>
    toShift(await call(() => Sessions.AddShift(toGo(domain.Shift, { ...shift, id: 0 })))),

  correctShift: async (shift: Shift): Promise<Shift> =>
    toShift(await call(() => Sessions.CorrectShift(toGo(domain.Shift, shift)))),

  /** Written beside the client's words, never over them; "" clears it. */
  addMeaning: async (shiftId: number, meaning: string, by: Actor): Promise<Shift> =>
    toShift(await call(() => Sessions.AddMeaning(shiftId, meaning, by))),

  addPattern: async (pattern: NewPattern): Promise<Pattern> =>
    toPattern(await call(() => Sessions.AddPattern(toGo(domain.NewPattern, pattern)))),

  renamePattern: async (id: number, name: string, by: Actor): Promise<Pattern> =>
    toPattern(await call(() => Sessions.RenamePattern(id, name, by))),

  setPatternExamples: async (id: number, examples: string, by: Actor): Promise<Pattern> =>
    toPattern(await call(() => Sessions.SetPatternExamples(id, examples, by))),

  setPatternStatus: async (id: number, change: PatternChange): Promise<Pattern> =>
    toPattern(await call(() => Sessions.SetPatternStatus(id, toGo(domain.PatternChange, change)))),

  linkPattern: async (id: number, shiftIds: number[], sessionIds: number[], by: Actor): Promise<Pattern> =>
    toPattern(await call(() => Sessions.LinkPattern(id, shiftIds, sessionIds, by))),

  addResource: async (resource: Resource): Promise<Resource> =>
    toResource(await call(() => Sessions.AddResource(toGo(domain.Resource, { ...resource, id: 0 })))),

  updateResource: async (resource: Resource, by: Actor): Promise<Resource> =>
    toResource(await call(() => Sessions.UpdateResource(toGo(domain.Resource, resource), by))),

  /** The whole practice, private notes included; grouped by kind. */
  search: async (query: string): Promise<SearchResult> => toSearchResult(await call(() => Sessions.Search(query))),
};
