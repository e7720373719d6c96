// Small rules for showing the recovery key and confirming the therapist has kept it.

/** Splits a key into groups of size characters, for reading and writing down. */
export function groupKey(key: string, size = 4): string[] {
  const compact = key.replace(/\s+/g, '');
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += size) groups.push(compact.slice(i, i + size));
  return groups;
}

/** The groups to display: the Go side's, unless they don't add up to the key. */
export function displayGroups(key: string, groups: readonly string[]): string[] {
  if (groups.length > 0 && groups.join('') === key.replace(/\s+/g, '')) return [...groups];
  return groupKey(key);
}

/** What the therapist typed into the confirm field, ready to compare: no spaces, capitals. */
export function normalizeConfirm(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Whether enough characters have been typed to try confirming. */
export function canSubmitConfirm(input: string, confirmLength: number): boolean {
  return normalizeConfirm(input).length === confirmLength;
}

export interface KeptState {
  /** The key file was written through the save dialog. */
  saved: boolean;
  /** The last characters were typed back correctly. */
  confirmed: boolean;
}

/** The therapist may continue once the key was saved to a file or confirmed by typing. */
export function mayContinue(state: KeptState): boolean {
  return state.saved || state.confirmed;
}
