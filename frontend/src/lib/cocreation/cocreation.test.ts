import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '$lib/api';
import { emptyHealth } from '$lib/api/medicine-models';

const api = vi.hoisted(() => ({
  enter: vi.fn(),
  preview: vi.fn(),
  view: vi.fn(),
  addPlanItem: vi.fn(),
  revisePlanItem: vi.fn(),
  addPowerMapEntry: vi.fn(),
  confirmAgreement: vi.fn(),
  leave: vi.fn(),
}));
const therapist = vi.hoisted(() => ({ record: vi.fn(), list: vi.fn(), reflections: vi.fn() }));

vi.mock('$lib/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('$lib/api')>();
  return { ...original, coCreation: { ...original.coCreation, ...api }, clients: { ...original.clients, ...therapist } };
});

const { CoCreationStore, TEXT_SIZES } = await import('./cocreation.svelte');
const { ApiError, emptyClient } = await import('$lib/api');

const view = (name: string): ClientRecord => ({
  client: { ...emptyClient(), id: 4, chosenName: name },
  powerMap: [],
  therapistPositionality: { text: '', dated: '' },
    health: emptyHealth(),
  plan: [],
  agreements: [],
  reflections: [],
  history: [],
});

beforeEach(() => {
  for (const fn of [...Object.values(api), ...Object.values(therapist)]) fn.mockReset();
});

describe('CoCreationStore', () => {
  it('enters with the client writing, and never asks for therapist-only data', async () => {
    api.enter.mockResolvedValue(view('Zoë'));
    const store = new CoCreationStore();
    store.writer = 'together';
    await store.enter(4);
    expect(store.view?.client.chosenName).toBe('Zoë');
    expect(store.writer).toBe('client');
    expect(therapist.record).not.toHaveBeenCalled();
    expect(therapist.list).not.toHaveBeenCalled();
    expect(therapist.reflections).not.toHaveBeenCalled();
  });

  it('writes as whoever the switch names, then reads the view again', async () => {
    api.view.mockResolvedValue(view('Zoë'));
    api.addPlanItem.mockResolvedValue({});
    api.revisePlanItem.mockResolvedValue({});
    api.addPowerMapEntry.mockResolvedValue({});
    const store = new CoCreationStore();
    await store.addPlanItem('goal', 'To rest');
    expect(api.addPlanItem).toHaveBeenCalledWith('goal', 'To rest', 'client');
    store.writer = 'together';
    await store.revisePlanItem(7, 'To rest well', '');
    expect(api.revisePlanItem).toHaveBeenCalledWith(7, 'To rest well', '', 'together');
    await store.addPowerMapEntry({
      id: 99,
      clientId: 1,
      writtenOn: '',
      difference: 'x',
      showsUp: '',
      agreed: '',
      visibility: 'private',
      author: 'therapist',
      updated: '',
    });
    expect(api.addPowerMapEntry).toHaveBeenCalledWith(
      expect.objectContaining({ id: 0, author: 'together', visibility: 'shared' }),
    );
    expect(api.view).toHaveBeenCalledTimes(3);
  });

  it('stays in the mode when the secret is wrong, and forgets the view when leaving', async () => {
    api.enter.mockResolvedValue(view('Zoë'));
    api.leave.mockRejectedValueOnce(new ApiError('wrong_secret', 'No.', 'secret')).mockResolvedValueOnce(undefined);
    const store = new CoCreationStore();
    await store.enter(4);
    await expect(store.leave('guess')).rejects.toMatchObject({ code: 'wrong_secret' });
    expect(store.view).not.toBeNull();
    await store.leave('violet harbour copper kettle');
    expect(store.view).toBeNull();
  });

  it('ignores a view that arrives after clear', async () => {
    let resolve!: (v: ClientRecord) => void;
    api.view.mockReturnValue(new Promise<ClientRecord>((r) => (resolve = r)));
    const store = new CoCreationStore();
    const loading = store.load();
    store.clear();
    resolve(view('Zoë'));
    await loading;
    expect(store.view).toBeNull();
  });

  it('makes the text larger and smaller a step at a time, within its sizes, and starts again at the first', () => {
    const store = new CoCreationStore();
    expect(store.textSize).toBe(TEXT_SIZES[0]);
    store.resizeText(-1);
    expect(store.textSize).toBe(TEXT_SIZES[0]);
    for (const _ of TEXT_SIZES) store.resizeText(1);
    expect(store.textSize).toBe(TEXT_SIZES[TEXT_SIZES.length - 1]);
    store.resizeText(-1);
    expect(store.textSize).toBe(TEXT_SIZES[TEXT_SIZES.length - 2]);
    store.clear();
    expect(store.textSize).toBe(TEXT_SIZES[0]);
  });

  it('previews through the preview call, says so, and forgets it on clear', async () => {
    api.preview.mockResolvedValue(view('Zoë'));
    const store = new CoCreationStore();
    await store.enter(4, true);
    expect(api.preview).toHaveBeenCalledWith(4);
    expect(api.enter).not.toHaveBeenCalled();
    expect(store.preview).toBe(true);
    store.clear();
    expect(store.preview).toBe(false);
  });
});
