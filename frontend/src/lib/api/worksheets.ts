// The offline worksheet (app.Worksheets; docs/offline-worksheet.md): the page given to a client for
// one medicine session, and the files such pages send back, opened and then taken in.
import * as Worksheets from './wailsjs/go/app/Worksheets';
import { asRecord, bool, int, list, oneOf, str } from './convert';
import { call } from './call';
import { AREAS, type Area } from './session-models';

/** One entry of a returned file, in the client's words; already: an earlier file brought it in. */
export interface ReturnedEntry {
  id: string;
  noticedOn: string;
  area: Area;
  intensity: number;
  justNoticing: boolean;
  words: string;
  already: boolean;
}

/** What a returned file holds, before anything is taken in. clientId 0: the dialog was closed. */
export interface ReturnPreview {
  clientId: number;
  clientName: string;
  sessionId: number;
  sessionDate: string;
  writtenAt: string;
  entries: ReturnedEntry[];
}

export function toReturnPreview(value: unknown): ReturnPreview {
  const r = asRecord(value);
  return {
    clientId: int(r.clientId),
    clientName: str(r.clientName),
    sessionId: int(r.sessionId),
    sessionDate: str(r.sessionDate),
    writtenAt: str(r.writtenAt),
    entries: list(r.entries, (e) => {
      const x = asRecord(e);
      return {
        id: str(x.id),
        noticedOn: str(x.noticedOn),
        area: oneOf(AREAS, x.area, 'other'),
        intensity: int(x.intensity),
        justNoticing: bool(x.justNoticing),
        words: str(x.words),
        already: bool(x.already),
      };
    }),
  };
}

export const worksheets = {
  /** Saves the page for the client's medicine session where the therapist chooses; false when the dialog was closed. */
  savePage: async (clientId: number, sessionId: number): Promise<boolean> => (await call(() => Worksheets.SavePage(clientId, sessionId))) === true,

  /** Asks for a returned file and says what it holds; another client's file is refused. */
  openReturn: async (clientId: number): Promise<ReturnPreview> => toReturnPreview(await call(() => Worksheets.OpenReturn(clientId))),

  /** Takes in the new entries of the file last opened, as the client's; how many were added. */
  acceptReturn: async (clientId: number): Promise<number> => int(await call(() => Worksheets.AcceptReturn(clientId))),
};
