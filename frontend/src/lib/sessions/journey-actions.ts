// What a setting plan, a worksheet and the patterns need to change: the therapist's session store and
// co-creation mode's store each give it, so one component serves both screens.
import type {
  Actor,
  Comfort,
  NewPattern,
  NewSettingElement,
  Pattern,
  PatternChange,
  Resource,
  SettingElement,
  Shift,
  Visibility,
} from '$lib/api';

export interface SettingActions {
  addSettingElement(element: NewSettingElement): Promise<SettingElement>;
  reviseSettingElement(id: number, text: string, by: Actor): Promise<SettingElement>;
  setSettingComfort(id: number, comfort: Comfort): Promise<SettingElement>;
  setTherapistComfort(id: number, comfort: Comfort): Promise<SettingElement>;
  retireSettingElement(id: number, by: Actor): Promise<SettingElement>;
}

export interface WorksheetActions {
  /** Adds an entry, written by shift.recordedBy. */
  addShift(shift: Shift): Promise<Shift>;
  addMeaning(shiftId: number, meaning: string, by: Actor): Promise<Shift>;
  /** Corrects a transcription; only the therapist's own screen can. */
  correctShift?(shift: Shift): Promise<Shift>;
  /** Reads the worksheet again (after entries came in from a returned file); the therapist's screen only. */
  refresh?(): Promise<void>;
}

export interface PatternActions {
  addPattern(pattern: Omit<NewPattern, 'clientId'>): Promise<Pattern>;
  renamePattern(id: number, name: string, by: Actor): Promise<Pattern>;
  /** The therapist's own screen only: co-creation keeps nothing back from the client. */
  setPatternExamples?(id: number, examples: string, visibility: Visibility, by: Actor): Promise<Pattern>;
  setPatternStatus(id: number, change: PatternChange): Promise<Pattern>;
  linkPattern(id: number, shiftIds: number[], sessionIds: number[], by: Actor): Promise<Pattern>;
  addResource(resource: Resource): Promise<Resource>;
  updateResource(resource: Resource, by: Actor): Promise<Resource>;
}
