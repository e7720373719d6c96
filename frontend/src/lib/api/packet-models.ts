// The shapes of printable packets: which fit a client or session, and their copies.
import type { app } from './wailsjs/go/models';
import type { Reply } from './wire';
import { asRecord, int, ints, list, oneOf, str } from './convert';

export type PacketKind = 'preparation' | 'medicine' | 'worksheet' | 'summary' | 'record' | 'emergency';
export type PacketCopy = 'client' | 'therapist';

export const PACKET_KINDS: readonly PacketKind[] = ['preparation', 'medicine', 'worksheet', 'summary', 'record', 'emergency'];
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

export type PacketBlockKind = 'heading' | 'paragraph' | 'fields' | 'table' | 'checklist' | 'lines' | 'logsheet' | 'pagebreak';
const BLOCK_KINDS: readonly PacketBlockKind[] = ['heading', 'paragraph', 'fields', 'table', 'checklist', 'lines', 'logsheet', 'pagebreak'];
export type PacketTextStyle = 'body' | 'quote' | 'small' | 'muted';

/** One block of a packet as the print dialog previews it: the PDF's words in the PDF's order. */
export interface PacketBlock {
  kind: PacketBlockKind;
  /** A heading's level: 1 a section, 2 a subsection. */
  level: number;
  style: PacketTextStyle;
  text: string;
  columns: string[];
  /** A table's rows, or fields as [label, value]. */
  rows: string[][];
  items: string[];
  /** Ruled lines, or a log sheet's empty rows. */
  count: number;
}

export interface PacketPreview {
  title: string;
  subtitle: string;
  blocks: PacketBlock[];
}

const strs = (value: unknown): string[] => list(value, str);

export function toPacketPreview(value: unknown): PacketPreview {
  const raw: Reply<app.PacketPreview> = asRecord(value);
  return {
    title: str(raw.title),
    subtitle: str(raw.subtitle),
    blocks: list(raw.blocks, (v) => {
      const b = asRecord(v);
      return {
        kind: oneOf(BLOCK_KINDS, b.kind, 'paragraph'),
        level: int(b.level),
        style: oneOf<PacketTextStyle>(['body', 'quote', 'small', 'muted'], b.style, 'body'),
        text: str(b.text),
        columns: strs(b.columns),
        rows: list(b.rows, strs),
        items: strs(b.items),
        count: int(b.count),
      };
    }),
  };
}
