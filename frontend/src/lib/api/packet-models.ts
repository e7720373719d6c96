// The shapes of printable packets: which fit a client or session, and their copies.
import type { app } from './wailsjs/go/models';
import type { Reply } from './wire';
import { asRecord, ints, list, oneOf } from './convert';

export type PacketKind = 'preparation' | 'medicine' | 'worksheet' | 'summary' | 'record';
export type PacketCopy = 'client' | 'therapist';

export const PACKET_KINDS: readonly PacketKind[] = ['preparation', 'medicine', 'worksheet', 'summary', 'record'];
export const PACKET_COPIES: readonly PacketCopy[] = ['client', 'therapist'];

/** A packet that fits: its copies (the usual one first) and, for the worksheet, its lengths in days. */
export interface PacketChoice {
  kind: PacketKind;
  copies: PacketCopy[];
  days: number[];
}

/** What to print or save. sessionId 0: the client as a whole; days only for the worksheet. */
export interface PacketRequest {
  kind: PacketKind;
  clientId: number;
  sessionId: number;
  copy: PacketCopy;
  days: number;
}

export function toPacketChoice(value: unknown): PacketChoice {
  const raw: Reply<app.PacketChoice> = asRecord(value);
  const copies = list(raw.copies, (c) => oneOf(PACKET_COPIES, c, 'client'));
  return {
    kind: oneOf(PACKET_KINDS, raw.kind, 'record'),
    copies: copies.length > 0 ? copies : ['client'],
    days: ints(raw.days),
  };
}

function knownKind(value: unknown): boolean {
  const raw: Reply<app.PacketChoice> = asRecord(value);
  return oneOf(PACKET_KINDS, raw.kind, 'record') === raw.kind;
}

/** The packets the Go side offered, leaving out any kind this page does not know. */
export const toPacketChoices = (value: unknown): PacketChoice[] =>
  list(value, (item) => item).filter(knownKind).map(toPacketChoice);
