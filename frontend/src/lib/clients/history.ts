// Turns a client's change log into plain sentences: who did what, and when. Never raw JSON.
import {
  toAgreement,
  toClient,
  toPlanItem,
  toPowerMapEntry,
  type Agreement,
  type Client,
  type HistoryEntry,
  type PlanItem,
  type PowerMapEntry,
} from '$lib/api';
import { formatDate, formatTime, localDay } from '$lib/format/format';
import { t, type MessageKey } from '$lib/i18n';
import { describeFeeEntry } from '$lib/fees/history';
import { describeMeasureEntry } from '$lib/measures/history';
import { describeMedicineEntry } from '$lib/medicine/history';
import { describeIntegrationEntry, parse } from '$lib/sessions/history';
import { actorInSentence, actorName, agreementPhrase, clientStatusLabel, isolate, planKindNoun } from './labels';

/** Longest quotation from a record kept in a history sentence. */
export const QUOTE_LENGTH = 90;

/** Shortens text to one line of at most `max` characters, ending in an ellipsis when cut. */
export function quote(text: string, max = QUOTE_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

type ClientField = Exclude<keyof Client, 'id' | 'created' | 'updated' | 'archived' | 'sharePositionality' | 'agenda'>;

const CLIENT_FIELDS: Record<ClientField, MessageKey> = {
  chosenName: 'history.field.chosenName',
  pronouns: 'history.field.pronouns',
  legalName: 'history.field.legalName',
  dateOfBirth: 'history.field.dateOfBirth',
  email: 'history.field.email',
  phone: 'history.field.phone',
  address: 'history.field.address',
  emergencyContact: 'history.field.emergencyContact',
  languages: 'history.field.languages',
  identities: 'history.field.identities',
  status: 'history.field.status',
  intakeNote: 'history.field.intakeNote',
};

/** The names of the details that differ between two versions of a client, in form order. */
export function changedClientFields(before: Client, after: Client): string[] {
  return (Object.keys(CLIENT_FIELDS) as ClientField[])
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) =>
      field === 'status' ? t('history.field.statusNow', { status: clientStatusLabel(after.status) }) : t(CLIENT_FIELDS[field]),
    );
}

const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

function describeClient(entry: HistoryEntry, who: string): string {
  switch (entry.action) {
    case 'create':
      return t('history.client.create', { who });
    case 'archive':
      return t('history.client.archive', { who });
    case 'restore':
      return t('history.client.restore', { who });
    case 'agenda':
      return t('history.client.agenda', { who });
    case 'share-positionality':
      return t('history.client.sharePositionality', { who });
    case 'unshare-positionality':
      return t('history.client.unsharePositionality', { who });
    case 'update': {
      const before = parse(entry.before, toClient);
      const after = parse(entry.after, toClient);
      const fields = before && after ? changedClientFields(before, after) : [];
      return fields.length > 0
        ? t('history.client.updateFields', { who, fields: listFormat.format(fields) })
        : t('history.client.update', { who });
    }
    default:
      return t('history.other', { who });
  }
}

function describePlanItem(entry: HistoryEntry, who: string, clientName: string): string {
  const before = parse(entry.before, toPlanItem);
  const after = parse(entry.after, toPlanItem);
  const item: PlanItem | null = after ?? before;
  if (!item) return t('history.other', { who });
  const kind = planKindNoun(item.kind);
  const text = quote(item.text);
  switch (entry.action) {
    case 'create':
      return item.proposedBy === entry.actor
        ? t('history.plan.propose', { who, kind, text })
        : t('history.plan.addFor', { who, kind, text, proposer: actorInSentence(item.proposedBy, clientName) });
    case 'revise': {
      const note = after?.revisions.at(-1)?.note ?? '';
      const sentence = t('history.plan.revise', { who, kind, from: quote(before?.text ?? ''), text });
      return note ? `${sentence} ${t('history.plan.note', { note: quote(note) })}` : sentence;
    }
    case 'agree': {
      const date = formatDate(item.agreedOn);
      if (entry.actor === 'client') return t('history.plan.agreeByClient', { who, kind, text, date });
      return t('history.plan.agreeRecorded', { who, name: isolate(clientName), kind, text, date });
    }
    case 'retire':
      return t('history.plan.retire', { who, kind, text, reason: quote(item.retiredReason) });
    case 'move': {
      const from = before?.position ?? 0;
      const to = after?.position ?? 0;
      if (to < from) return t('history.plan.moveUp', { who, kind, text });
      if (to > from) return t('history.plan.moveDown', { who, kind, text });
      return t('history.plan.move', { who, kind, text });
    }
    default:
      return t('history.other', { who });
  }
}

function describePowerMap(entry: HistoryEntry, who: string, clientName: string): string {
  const before: PowerMapEntry | null = parse(entry.before, toPowerMapEntry);
  const after: PowerMapEntry | null = parse(entry.after, toPowerMapEntry);
  const current = after ?? before;
  if (!current) return t('history.other', { who });
  const text = quote(current.difference);
  const name = isolate(clientName);
  switch (entry.action) {
    case 'create':
      return current.visibility === 'shared'
        ? t('history.powerMap.createShared', { who, text, name })
        : t('history.powerMap.createPrivate', { who, text });
    case 'update': {
      const sentence = t('history.powerMap.update', { who, text });
      if (before && after && before.visibility !== after.visibility) {
        const now =
          after.visibility === 'shared' ? t('history.powerMap.nowShared', { name }) : t('history.powerMap.nowPrivate');
        return `${sentence} ${now}`;
      }
      return sentence;
    }
    default:
      return t('history.other', { who });
  }
}

function describeAgreement(entry: HistoryEntry, who: string, clientName: string): string {
  const before: Agreement | null = parse(entry.before, toAgreement);
  const after: Agreement | null = parse(entry.after, toAgreement);
  const current = after ?? before;
  if (!current) return t('history.other', { who });
  const agreement = agreementPhrase(current);
  const name = isolate(clientName);
  switch (entry.action) {
    case 'create':
      return t('history.agreement.create', { who, agreement });
    case 'revise':
      return before && before.confirmedName !== ''
        ? t('history.agreement.reviseConfirmed', { who, agreement, name })
        : t('history.agreement.revise', { who, agreement });
    case 'confirm':
      return t('history.agreement.confirm', {
        who,
        agreement,
        typed: isolate(current.confirmedName),
        date: formatDate(current.confirmedOn),
      });
    default:
      return t('history.other', { who });
  }
}

/** Drops the full stop after a quotation that already ends a sentence: “Fix it.”. becomes “Fix it.” */
export function tidy(sentence: string): string {
  return sentence.replace(/([.!?…])”\./g, '$1”');
}

/** One change as a sentence (without its date). */
export function describeHistory(entry: HistoryEntry, clientName: string): string {
  return tidy(describeEntity(entry, clientName));
}

function describeEntity(entry: HistoryEntry, clientName: string): string {
  const who = actorName(entry.actor, clientName);
  switch (entry.entity) {
    case 'client':
      return describeClient(entry, who);
    case 'plan_item':
      return describePlanItem(entry, who, clientName);
    case 'power_map_entry':
      return describePowerMap(entry, who, clientName);
    case 'agreement':
      return describeAgreement(entry, who, clientName);
    case 'reflection':
      return entry.action === 'create' ? t('history.reflection.create', { who }) : t('history.reflection.update', { who });
    default:
      return describeIntegrationEntry(entry, who, quote) ?? describeFeeEntry(entry, who) ?? describeMeasureEntry(entry, who) ?? describeMedicineEntry(entry, who, quote) ?? t('history.other', { who });
  }
}

export interface HistoryLine {
  id: number;
  /** The local time of day, "14:05". */
  time: string;
  sentence: string;
}

export interface HistoryDay {
  /** YYYY-MM-DD, local. */
  day: string;
  /** "12 March 2026". */
  label: string;
  lines: HistoryLine[];
}

/** The change log grouped by local day, newest day and newest change first. */
export function historyByDay(entries: readonly HistoryEntry[], clientName: string): HistoryDay[] {
  const days: HistoryDay[] = [];
  const sorted = [...entries].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
  for (const entry of sorted) {
    const day = localDay(entry.at);
    let group = days.at(-1);
    if (!group || group.day !== day) {
      group = { day, label: formatDate(day), lines: [] };
      days.push(group);
    }
    group.lines.push({ id: entry.id, time: formatTime(entry.at), sentence: describeHistory(entry, clientName) });
  }
  return days;
}
