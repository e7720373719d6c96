// What the api modules hand to the generated bindings, and how they take a failure: tested against a stand-in window.go.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { setLockedHandler } from './call';
import { clients } from './clients';
import { settings } from './settings';
import { fees } from './fees';
import { packets } from './packets';
import { emptyClient } from './client-models';

type Bound = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

/** Puts a stand-in for the Go side where the generated bindings look for it. */
function goSide(app: Bound): void {
  vi.stubGlobal('window', { go: { app } });
}

/** What a binding was given, as JSON takes it to Go. */
const sent = (fn: ReturnType<typeof vi.fn>, call = 0): unknown[] => JSON.parse(JSON.stringify(fn.mock.calls[call]));

afterEach(() => {
  vi.unstubAllGlobals();
  setLockedHandler(undefined);
});

describe('what goes to Go', () => {
  it('sends a new client with id 0 and every field of the form', async () => {
    const Create = vi.fn(async () => ({ ...emptyClient(), id: 7, chosenName: 'Sam' }));
    goSide({ Clients: { Create } });
    const client = { ...emptyClient(), id: 3, chosenName: 'Sam', identities: [{ facet: 'Queer', description: 'mine' }] };
    const saved = await clients.create(client);
    expect(sent(Create)).toEqual([{ ...client, id: 0 }]);
    expect(saved.id).toBe(7);
  });

  it('sends back the stored settings with the changes over them, a field the page does not know included', async () => {
    const stored = { autoLockMinutes: 10, hasPin: true, recordMedicine: false, paperSize: 'a4', later: 'kept' };
    const Save = vi.fn(async (s: unknown) => s);
    goSide({ Settings: { Get: async () => stored, Save } });
    const saved = await settings.update({ recordMedicine: true });
    expect(sent(Save)).toEqual([{ ...stored, recordMedicine: true }]);
    expect(saved.recordMedicine).toBe(true);
  });

  it('sends a session fee with no tier or date of its own', async () => {
    const SetSessionFee = vi.fn(async () => ({}));
    goSide({ Fees: { SetSessionFee } });
    await fees.setSessionFee(12, 'adjusted', 4500, 'student', 'private');
    expect(sent(SetSessionFee)).toEqual([
      { sessionId: 12, basis: 'adjusted', amount: 4500, note: 'student', noteVisibility: 'private', tierId: 0, agreedOn: '' },
    ]);
  });
});

describe('what comes back', () => {
  it('counts only a plain true as done', async () => {
    goSide({ Packets: { SaveAs: async () => 'yes' } });
    const request = { kind: 'record', clientId: 1, sessionId: 0, copy: 'client', days: 0 } as const;
    await expect(packets.saveAs(request)).resolves.toBe(false);
    goSide({ Packets: { SaveAs: async () => true } });
    await expect(packets.saveAs(request)).resolves.toBe(true);
  });

  it('turns a refusal into an ApiError and tells the locked handler', async () => {
    const locked = vi.fn();
    setLockedHandler(locked);
    goSide({ Clients: { Record: async () => Promise.reject(JSON.stringify({ code: 'locked', message: 'Locked.' })) } });
    const failure = clients.record(1);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'locked' });
    expect(locked).toHaveBeenCalledOnce();
  });

  it('refuses a malformed reply rather than showing it', async () => {
    goSide({ Clients: { Record: async () => 'not a record' } });
    await expect(clients.record(1)).rejects.toMatchObject({ code: 'internal' });
  });
});
