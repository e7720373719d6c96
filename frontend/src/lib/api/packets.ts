// Printable packets (app.Packets). Nothing here takes a path: printing writes to Tandem's private
// print folder (emptied at lock and quit) and opens the system's PDF viewer; saving asks where
// through the native dialog.
import * as Packets from './wailsjs/go/app/Packets';
import { call, callBool } from './call';
import { toPacketChoices, toPacketPreview, type PacketChoice, type PacketPreview, type PacketRequest } from './packet-models';

/** The therapist's: refused (code "cocreation") while co-creation mode is on. */
export const packets = {
  /** The packets that fit a client, or one of their sessions (sessionId 0: the client as a whole). */
  available: async (clientId: number, sessionId: number): Promise<PacketChoice[]> =>
    toPacketChoices(await call(() => Packets.Available(clientId, sessionId))),

  /** The packet's words, in order, before layout: what the print dialog previews. */
  preview: async (r: PacketRequest): Promise<PacketPreview> =>
    toPacketPreview(await call(() => Packets.Preview(r.kind, r.clientId, r.sessionId, r.copy, r.days))),

  /** Opens the packet in the system's PDF viewer, to print from there. */
  print: async (r: PacketRequest): Promise<void> => {
    await call(() => Packets.Print(r.kind, r.clientId, r.sessionId, r.copy, r.days));
  },

  /** Opens the save dialog; true when the file was written, false when cancelled. */
  saveAs: (r: PacketRequest): Promise<boolean> =>
    callBool(() => Packets.SaveAs(r.kind, r.clientId, r.sessionId, r.copy, r.days)),
};
