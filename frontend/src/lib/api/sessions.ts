// Sessions (app.Sessions): setting plans, the integration worksheet, patterns, resources and the practice-wide search.
import * as Sessions from './wailsjs/go/app/Sessions';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { toGo } from './wire';
import { journeyWrites } from './journey-writes';
import type { Actor, Visibility } from './client-models';
import {
  toIntegrationRecord,
  toPattern,
  toSearchResult,
  toSession,
  toShift,
  type AdverseEvent,
  type IntegrationRecord,
  type Pattern,
  type SearchResult,
  type Session,
  type Shift,
} from './session-models';

/** The therapist's: every call is refused (code "cocreation") while co-creation mode is on. */
export const sessions = {
  ...journeyWrites(Sessions),

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

  addAdverseEvent: async (
    event: Pick<AdverseEvent, 'sessionId' | 'at' | 'description' | 'response' | 'visibility'>,
  ): Promise<Session> =>
    toSession(await call(() => Sessions.AddAdverseEvent(toGo(domain.AdverseEvent, { ...event, id: 0, created: '' })))),

  /** What was done about an adverse event recorded without it (the live log opens one in the moment). */
  respondToAdverseEvent: async (eventId: number, response: string): Promise<Session> =>
    toSession(await call(() => Sessions.RespondToAdverseEvent(eventId, response))),

  correctShift: async (shift: Shift): Promise<Shift> =>
    toShift(await call(() => Sessions.CorrectShift(toGo(domain.Shift, shift)))),

  setPatternExamples: async (id: number, examples: string, visibility: Visibility, by: Actor): Promise<Pattern> =>
    toPattern(await call(() => Sessions.SetPatternExamples(id, examples, visibility, by))),

  /** The whole practice, private notes included; grouped by kind. */
  search: async (query: string): Promise<SearchResult> => toSearchResult(await call(() => Sessions.Search(query))),
};
