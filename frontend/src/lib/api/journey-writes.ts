// The writes on a client's journey that the therapist's Sessions binding and co-creation's
// CoCreation binding both offer, with the same arguments: the setting plan, shifts and their
// meaning, patterns and resources. One set of conversions serves both (journeyWrites(binding)).
import type * as Sessions from './wailsjs/go/app/Sessions';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { toGo } from './wire';
import type { Actor } from './client-models';
import {
  toPattern,
  toResource,
  toSettingElement,
  toShift,
  type Comfort,
  type NewPattern,
  type NewSettingElement,
  type Pattern,
  type PatternChange,
  type Resource,
  type SettingElement,
  type Shift,
} from './session-models';

/** The generated functions both bindings have. */
type JourneyBinding = Pick<
  typeof Sessions,
  | 'AddSettingElement'
  | 'ReviseSettingElement'
  | 'SetSettingComfort'
  | 'SetTherapistComfort'
  | 'RetireSettingElement'
  | 'AddShift'
  | 'AddMeaning'
  | 'AddPattern'
  | 'RenamePattern'
  | 'SetPatternStatus'
  | 'LinkPattern'
  | 'AddResource'
  | 'UpdateResource'
>;

export function journeyWrites(b: JourneyBinding) {
  return {
    addSettingElement: async (element: NewSettingElement): Promise<SettingElement> =>
      toSettingElement(await call(() => b.AddSettingElement(toGo(domain.NewSettingElement, element)))),

    reviseSettingElement: async (id: number, text: string, by: Actor): Promise<SettingElement> =>
      toSettingElement(await call(() => b.ReviseSettingElement(id, text, by))),

    setSettingComfort: async (id: number, comfort: Comfort): Promise<SettingElement> =>
      toSettingElement(await call(() => b.SetSettingComfort(id, comfort))),

    /** The therapist's own comfort with an element, beside the client's. */
    setTherapistComfort: async (id: number, comfort: Comfort): Promise<SettingElement> =>
      toSettingElement(await call(() => b.SetTherapistComfort(id, comfort))),

    retireSettingElement: async (id: number, by: Actor): Promise<SettingElement> =>
      toSettingElement(await call(() => b.RetireSettingElement(id, by))),

    /** A worksheet entry, written by shift.recordedBy. */
    addShift: async (shift: Shift): Promise<Shift> => toShift(await call(() => b.AddShift(toGo(domain.Shift, { ...shift, id: 0 })))),

    /** The meaning made of a shift, beside the client's words ("" takes it away). */
    addMeaning: async (shiftId: number, meaning: string, by: Actor): Promise<Shift> =>
      toShift(await call(() => b.AddMeaning(shiftId, meaning, by))),

    addPattern: async (pattern: NewPattern): Promise<Pattern> =>
      toPattern(await call(() => b.AddPattern(toGo(domain.NewPattern, pattern)))),

    renamePattern: async (id: number, name: string, by: Actor): Promise<Pattern> =>
      toPattern(await call(() => b.RenamePattern(id, name, by))),

    setPatternStatus: async (id: number, change: PatternChange): Promise<Pattern> =>
      toPattern(await call(() => b.SetPatternStatus(id, toGo(domain.PatternChange, change)))),

    linkPattern: async (id: number, shiftIds: number[], sessionIds: number[], by: Actor): Promise<Pattern> =>
      toPattern(await call(() => b.LinkPattern(id, shiftIds, sessionIds, by))),

    addResource: async (resource: Resource): Promise<Resource> =>
      toResource(await call(() => b.AddResource(toGo(domain.Resource, { ...resource, id: 0 })))),

    updateResource: async (resource: Resource, by: Actor): Promise<Resource> =>
      toResource(await call(() => b.UpdateResource(toGo(domain.Resource, resource), by))),
  };
}
