// What a setting plan needs to change: the therapist's session store and co-creation mode's store
// each give it, so one component serves both screens.
import type { Actor, Comfort, NewSettingElement, SettingElement } from '$lib/api';

export interface SettingActions {
  addSettingElement(element: NewSettingElement): Promise<SettingElement>;
  reviseSettingElement(id: number, text: string, by: Actor): Promise<SettingElement>;
  setSettingComfort(id: number, comfort: Comfort): Promise<SettingElement>;
  retireSettingElement(id: number, by: Actor): Promise<SettingElement>;
}
