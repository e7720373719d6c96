import { describe, expect, it } from 'vitest';
import type { Agreement, Client, HistoryEntry, PlanItem, PowerMapEntry } from '$lib/api';
import { emptyClient } from '$lib/api';
import { addDays } from '$lib/format/format';
import { longDate, onHardDays, stampAt } from '../../test/clock';
import { changedClientFields, describeHistory, historyByDay, quote, tidy } from './history';

const NAME = 'Zoë';
/** Strips the invisible direction isolates that surround names, to compare plain text. */
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');

let nextId = 1;
function entry(partial: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: nextId++,
    at: '2026-03-04T10:15:00Z',
    actor: 'therapist',
    entity: 'client',
    entityId: 1,
    action: 'create',
    before: '',
    after: '',
    ...partial,
  };
}

function item(partial: Partial<PlanItem>): PlanItem {
  return {
    id: 5,
    clientId: 1,
    kind: 'goal',
    text: 'To rest more.',
    proposedBy: 'client',
    status: 'proposed',
    agreedOn: '',
    retiredReason: '',
    position: 0,
    created: '2026-03-01T10:00:00Z',
    revisions: [],
    ...partial,
  };
}

const json = (value: unknown) => JSON.stringify(value);
const describe1 = (e: Partial<HistoryEntry>) => plain(describeHistory(entry(e), NAME));

describe('describeHistory: the client record', () => {
  it('says who opened, archived and restored it', () => {
    expect(describe1({ action: 'create' })).toBe('You opened this record.');
    expect(describe1({ action: 'archive', before: '""', after: '"2026-03-04T10:15:00Z"' })).toBe('You archived the record.');
    expect(describe1({ action: 'restore' })).toBe('You restored the record from the archive.');
  });

  it('names the details that changed, never their values', () => {
    const before: Client = { ...emptyClient(), id: 1, chosenName: 'Zoe', email: 'a@example.org' };
    const after: Client = { ...before, chosenName: 'Zoë', pronouns: 'they/them', status: 'paused', intakeNote: 'x' };
    const sentence = describe1({ action: 'update', before: json(before), after: json(after) });
    expect(sentence).toBe('You changed the chosen name, the pronouns, the status (now Paused) and the intake note.');
    expect(sentence).not.toContain('a@example.org');
  });

  it('falls back to a plain sentence when the versions cannot be read', () => {
    expect(describe1({ action: 'update', before: '{not json', after: '' })).toBe('You updated the details.');
  });
});

describe('describeHistory: goals and intentions', () => {
  it('credits the proposer, in their words', () => {
    expect(describe1({ entity: 'plan_item', actor: 'client', after: json(item({ proposedBy: 'client' })) })).toBe(
      'Zoë proposed the goal “To rest more.”',
    );
    expect(describe1({ entity: 'plan_item', after: json(item({ proposedBy: 'client', kind: 'intention' })) })).toBe(
      'You added the intention “To rest more.”, proposed by Zoë.',
    );
    expect(describe1({ entity: 'plan_item', after: json(item({ proposedBy: 'together' })) })).toBe(
      'You added the goal “To rest more.”, proposed by you and Zoë together.',
    );
  });

  it('shows both wordings of a revision, and the note', () => {
    const before = item({ text: 'To rest more.' });
    const after = item({
      text: 'To rest without guilt',
      revisions: [
        { at: '', author: 'client', text: 'To rest more.', note: '' },
        { at: '', author: 'together', text: 'To rest without guilt', note: 'closer to what she meant' },
      ],
    });
    expect(describe1({ entity: 'plan_item', action: 'revise', actor: 'together', before: json(before), after: json(after) })).toBe(
      'You and Zoë together reworded the goal “To rest more.” as “To rest without guilt”. Why: closer to what she meant',
    );
  });

  it('tells agreement by the client from agreement recorded by the therapist', () => {
    const agreed = json(item({ status: 'agreed', agreedOn: '2026-03-04' }));
    expect(describe1({ entity: 'plan_item', action: 'agree', actor: 'client', after: agreed })).toBe(
      'Zoë agreed to the goal “To rest more.” on 4 March 2026.',
    );
    expect(describe1({ entity: 'plan_item', action: 'agree', after: agreed })).toBe(
      'You recorded that Zoë agreed to the goal “To rest more.” on 4 March 2026.',
    );
  });

  it('gives the reason for retiring and the direction of a move', () => {
    expect(
      describe1({ entity: 'plan_item', action: 'retire', after: json(item({ status: 'retired', retiredReason: 'Done.' })) }),
    ).toBe('You retired the goal “To rest more.” Why: Done.');
    const move = (from: number, to: number) =>
      describe1({ entity: 'plan_item', action: 'move', before: json(item({ position: from })), after: json(item({ position: to })) });
    expect(move(2, 0)).toBe('You moved the goal “To rest more.” up the list.');
    expect(move(0, 1)).toBe('You moved the goal “To rest more.” down the list.');
  });
});

describe('describeHistory: power map, agreements, reflections', () => {
  const entryOf = (visibility: 'shared' | 'private'): PowerMapEntry => ({
    id: 3,
    clientId: 1,
    writtenOn: '2026-03-04',
    difference: 'I hold the keys to the room',
    showsUp: '',
    agreed: '',
    visibility,
    author: 'therapist',
    updated: '',
  });

  it('says whether a power-map entry is shared or private, and when that changes', () => {
    expect(describe1({ entity: 'power_map_entry', after: json(entryOf('private')) })).toBe(
      'You added to the power map, privately: “I hold the keys to the room”.',
    );
    expect(
      describe1({ entity: 'power_map_entry', action: 'update', before: json(entryOf('private')), after: json(entryOf('shared')) }),
    ).toBe('You changed the power-map entry “I hold the keys to the room”. It is now shared with Zoë.');
  });

  const agreement = (partial: Partial<Agreement>): Agreement => ({
    id: 9,
    clientId: 1,
    kind: 'touch',
    title: '',
    terms: [],
    confirmedName: '',
    confirmedOn: '',
    updated: '',
    templateVersion: 0,
    versions: [],
    ...partial,
  });

  it('names the agreement and its confirmation', () => {
    expect(describe1({ entity: 'agreement', after: json(agreement({})) })).toBe('You wrote the touch agreement.');
    expect(describe1({ entity: 'agreement', after: json(agreement({ kind: 'custom', title: 'Music' })) })).toBe(
      'You wrote the agreement “Music”.',
    );
    expect(
      describe1({
        entity: 'agreement',
        action: 'revise',
        before: json(agreement({ confirmedName: 'Zoë' })),
        after: json(agreement({})),
      }),
    ).toBe('You changed the touch agreement, so it needs confirming by Zoë again.');
    expect(
      describe1({
        entity: 'agreement',
        action: 'confirm',
        actor: 'client',
        after: json(agreement({ kind: 'safety', confirmedName: 'Zoë N.', confirmedOn: '2026-03-05' })),
      }),
    ).toBe('Zoë confirmed the safety plan by typing the name Zoë N., dated 5 March 2026.');
  });

  it('never quotes a private reflection', () => {
    expect(describe1({ entity: 'reflection', after: json({ text: 'SECRET' }) })).toBe('You wrote a private reflection.');
    expect(describe1({ entity: 'reflection', action: 'update', after: json({ text: 'SECRET' }) })).not.toContain('SECRET');
  });

  it('has a plain sentence for anything it does not know', () => {
    expect(describe1({ entity: 'session', action: 'create' })).toBe('You made a change.');
    expect(describe1({ entity: 'plan_item', action: 'agree', after: '' })).toBe('You made a change.');
  });
});

describe('historyByDay', () => {
  it('groups by local day, newest first, and keeps the time of day', () => {
    const at = (d: number, h: number) => new Date(2026, 2, d, h, 5).toISOString();
    const days = historyByDay(
      [
        entry({ id: 1, at: at(3, 9) }),
        entry({ id: 2, at: at(4, 8), entity: 'reflection' }),
        entry({ id: 3, at: at(4, 17), entity: 'reflection', action: 'update' }),
      ],
      NAME,
    );
    expect(days.map((d) => d.label)).toEqual(['4 March 2026', '3 March 2026']);
    expect(days[0].lines.map((l) => [l.id, l.time])).toEqual([
      [3, '17:05'],
      [2, '08:05'],
    ]);
    expect(days[1].lines[0].sentence).toBe('You opened this record.');
  });

  it('splits the days at local midnight on the hard days, whatever the date in UTC', () => {
    onHardDays((zone, day, local) => {
      const today = local.slice(0, 10);
      const yesterday = addDays(today, -1);
      const days = historyByDay(
        [
          entry({ id: 1, at: stampAt(`${yesterday}T23:50:00`) }),
          entry({ id: 2, at: stampAt(`${today}T00:10:00`), entity: 'reflection' }),
          entry({ id: 3, at: stampAt(local), entity: 'reflection', action: 'update' }),
        ],
        NAME,
      );
      expect.soft(
        days.map((d) => [d.day, d.label, d.lines.map((l) => [l.id, l.time])]),
        `${day} in ${zone}`,
      ).toEqual([
        [today, longDate(today), [[3, local.slice(11, 16)], [2, '00:10']]],
        [yesterday, longDate(yesterday), [[1, '23:50']]],
      ]);
    });
  });
});

describe('quote and tidy', () => {
  it('keeps short text whole and shortens long text on one line', () => {
    expect(quote('  a\n b  ')).toBe('a b');
    const long = quote('x'.repeat(200), 10);
    expect(Array.from(long)).toHaveLength(10);
    expect(long.endsWith('…')).toBe(true);
  });

  it('does not cut a character of another script in half', () => {
    expect(quote('प्रिया'.repeat(40), 5).length).toBeGreaterThan(0);
  });

  it('drops the full stop after a quotation that ends a sentence', () => {
    expect(tidy('proposed “Rest.”.')).toBe('proposed “Rest.”');
    expect(tidy('proposed “Rest”.')).toBe('proposed “Rest”.');
  });
});

describe('changedClientFields', () => {
  it('is empty when nothing changed', () => {
    const c = { ...emptyClient(), chosenName: 'Sam' };
    expect(changedClientFields(c, { ...c })).toEqual([]);
  });
});

describe('sessions and the worksheet in the history', () => {
  const entry = (entity: string, action: string, after: unknown, before: unknown = null, actor: 'client' | 'therapist' | 'together' = 'therapist') => ({
    id: 1,
    at: '2026-04-01T10:00:00Z',
    actor,
    entity,
    entityId: 1,
    action,
    before: before === null ? '' : JSON.stringify(before),
    after: JSON.stringify(after),
  });

  it('says what happened to sessions, shifts, patterns and the setting plan, in words', () => {
    expect(describeHistory(entry('session', 'finalise', { kind: 'medicine', date: '2026-03-28' }), 'Ilse')).toBe(
      'You finalised the notes of the medicine session of 28 March 2026.',
    );
    expect(describeHistory(entry('shift', 'create', { dayCount: 3, description: 'Cried at the bakery', area: 'emotions' }, null, 'client'), 'Ilse')).toMatch(
      /day 3: “Cried at the bakery”/,
    );
    const shift = { dayCount: 1, description: 'Shoulders lower all day', area: 'body', intensity: 2 };
    expect(describeHistory(entry('shift', 'correct', { ...shift, description: 'Shoulders lower all day long' }, shift), 'Ilse')).toBe(
      'You corrected a worksheet entry: “Shoulders lower all day” became “Shoulders lower all day long”.',
    );
    expect(describeHistory(entry('shift', 'correct', { ...shift, dayCount: 2, intensity: 3 }, shift), 'Ilse')).toBe(
      'You corrected the day, area or intensity of a worksheet entry: “Shoulders lower all day”.',
    );
    expect(describeHistory(entry('pattern', 'status', { name: 'I have to earn my rest', status: 'loosening' }, null, 'together'), 'Ilse')).toMatch(
      /as loosening\.$/,
    );
    expect(
      describeHistory(entry('setting_element', 'comfort', { text: 'Quiet piano', comfort: 'not_wanted', category: 'music' }, null, 'client'), 'Ilse'),
    ).toMatch(/as not wanted\.$/);
    for (const sentence of [
      describeHistory(entry('resource', 'create', { name: 'The walk by the river', kind: 'nature' }), 'Ilse'),
      describeHistory(entry('session', 'adverse_event', { kind: 'integration', date: '2026-04-02' }), 'Ilse'),
    ]) {
      expect(sentence).not.toMatch(/[{}]/);
      expect(sentence).not.toMatch(/^You changed something/);
    }
  });
});
