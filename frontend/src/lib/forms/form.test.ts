// The form kit: values and what is saved, messages placed by ApiError.field, focus, busy, refusals.
// (ondirty runs in an effect, which the server build Vitest compiles to does not run: the
// unsaved-changes dialogs of the e2e tests cover it.)
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api';
import { FORM, Form, failureMessage, isRefusal } from './form.svelte';

interface Profile {
  name: string;
  email: string;
}

const profile = (name = 'Ada', email = ''): Profile => ({ name, email });

/** A stand-in for a <form> holding inputs marked data-field, in this order. */
function fakeForm(...fields: string[]) {
  const inputs = fields.map((field) => ({ dataset: { field }, focus: vi.fn(), select: vi.fn() }));
  const form = { querySelectorAll: () => inputs };
  const event = { preventDefault: vi.fn(), currentTarget: form } as unknown as Event;
  const input = (field: string) => inputs.find((i) => i.dataset.field === field)!;
  return { event, input };
}

const refused = (code: 'locked' | 'cocreation' | 'cancelled') => new ApiError(code, 'refused');

describe('Form values', () => {
  it('starts saved as given, turns dirty when edited and clean again when seeded', () => {
    const form = new Form({ values: profile(), save: vi.fn() });
    expect(form.dirty).toBe(false);
    form.values.name = 'Ada Lovelace';
    expect(form.dirty).toBe(true);
    form.seed(profile('Grace'));
    expect(form.values.name).toBe('Grace');
    expect(form.saved?.name).toBe('Grace');
    expect(form.dirty).toBe(false);
  });

  it('is never dirty while what is saved is still being read', () => {
    const form = new Form({ values: profile(), saved: null, save: vi.fn() });
    form.values.name = 'Typed before the record came';
    expect(form.dirty).toBe(false);
  });

  it('keeps its own copy of the values it was given', () => {
    const given = profile();
    const form = new Form({ values: given, save: vi.fn() });
    form.values.name = 'Changed';
    expect(given.name).toBe('Ada');
  });
});

describe('Form submit', () => {
  it('saves a plain copy, then what was sent is saved and onsaved has the result', async () => {
    const save = vi.fn().mockResolvedValue({ id: 7 });
    const onsaved = vi.fn();
    const form = new Form({ values: profile(), save, onsaved });
    form.values.name = 'Ada Lovelace';
    const { event } = fakeForm();
    expect(await form.submit(event)).toBe(true);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(save).toHaveBeenCalledWith({ name: 'Ada Lovelace', email: '' });
    expect(onsaved).toHaveBeenCalledWith({ id: 7 });
    expect(form.dirty).toBe(false);
    expect(form.justSaved).toBe(true);
    form.values.name = 'Someone else';
    expect(form.justSaved).toBe(false);
  });

  it('sends nothing when check finds a problem, and focuses that field', async () => {
    const save = vi.fn();
    const form = new Form({
      values: profile(''),
      save,
      check: (v) => (v.name.trim() === '' ? { name: 'Type a name.' } : undefined),
    });
    const { event, input } = fakeForm('email', 'name');
    expect(await form.submit(event)).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(form.error('name')).toBe('Type a name.');
    expect(input('name').focus).toHaveBeenCalled();
    expect(input('email').focus).not.toHaveBeenCalled();
  });

  it('focuses the first field with a problem in the order of the form', async () => {
    const form = new Form({ values: profile(), save: vi.fn(), check: () => ({ name: 'a', email: 'b' }) });
    const { event, input } = fakeForm('email', 'name');
    await form.submit(event);
    expect(input('email').focus).toHaveBeenCalled();
    expect(input('name').focus).not.toHaveBeenCalled();
  });

  it('places a refused save beside the field ApiError.field names, or on the form', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError('invalid', 'Not an address.', 'email'));
    const form = new Form({ values: profile(), save, fields: ['name', 'email'], id: 'p1' });
    const { event, input } = fakeForm('name', 'email');
    await form.submit(event);
    expect(form.error('email')).toBe('Not an address.');
    expect(form.formError).toBe('');
    expect(input('email').focus).toHaveBeenCalled();
    expect(form.input('email', 'p1-email-hint')).toEqual({
      'data-field': 'email',
      'aria-invalid': 'true',
      'aria-describedby': 'p1-email-hint p1-email-error',
    });
    expect(form.input('name')).toEqual({ 'data-field': 'name', 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(form.message('email')).toEqual({ id: 'p1-email-error', message: 'Not an address.' });

    save.mockRejectedValueOnce(new ApiError('invalid', 'Something about the practice.', 'practiceId'));
    await form.submit(event);
    expect(form.error('email')).toBeUndefined();
    expect(form.formError).toBe('Something about the practice.');
    expect(form.error(FORM)).toBe('Something about the practice.');
  });

  it('lets a function name the field and other words replace the message', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError('wrong_secret', 'Go words.'));
    const form = new Form({
      values: { passphrase: 'typo' },
      save,
      fields: (error) => (error.code === 'wrong_secret' ? 'passphrase' : undefined),
      message: (error) => (error.code === 'wrong_secret' ? 'That passphrase does not open this vault.' : error.message),
      select: ['passphrase'],
    });
    const { event, input } = fakeForm('passphrase');
    await form.submit(event);
    expect(form.problems).toEqual({ passphrase: 'That passphrase does not open this vault.' });
    expect(input('passphrase').focus).toHaveBeenCalled();
    expect(input('passphrase').select).toHaveBeenCalled();
  });

  it.each(['locked', 'cocreation', 'cancelled'] as const)('shows nothing for a %s refusal: the app state handles it', async (code) => {
    const form = new Form({ values: profile(), save: vi.fn().mockRejectedValue(refused(code)), fields: ['name'] });
    expect(await form.submit()).toBe(false);
    expect(form.problems).toEqual({});
    expect(form.busy).toBe(false);
  });

  it('is busy while saving and ignores a second submit meanwhile', async () => {
    let finish: (value: unknown) => void = () => {};
    const save = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const form = new Form({ values: profile(), save });
    const first = form.submit();
    expect(form.busy).toBe(true);
    expect(await form.submit()).toBe(false);
    finish({});
    expect(await first).toBe(true);
    expect(form.busy).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('clears the messages of the last attempt when submitted again', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError('internal', 'Try again.')).mockResolvedValueOnce({});
    const form = new Form({ values: profile(), save });
    await form.submit();
    expect(form.formError).toBe('Try again.');
    await form.submit();
    expect(form.formError).toBe('');
  });
});

describe('Form run', () => {
  it('runs another call as a save runs: busy meanwhile, its failure shown, its result returned', async () => {
    const form = new Form({ values: { key: '' }, save: vi.fn(), fields: () => 'key' });
    expect(await form.run(async () => 'opened')).toBe('opened');
    expect(await form.run(() => Promise.reject(new ApiError('wrong_secret', 'Not this key.')))).toBeUndefined();
    expect(form.error('key')).toBe('Not this key.');
    expect(await form.run(() => Promise.reject(refused('cancelled')))).toBeUndefined();
    expect(form.problems).toEqual({});
    expect(form.busy).toBe(false);
  });
});

describe('Form focus rules', () => {
  it('moves focus only for the problems its rule names', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError('invalid', 'Bad.', 'name'));
    const checks = new Form({ values: profile(), save, fields: ['name'], moveFocus: 'checks' });
    const a = fakeForm('name');
    await checks.submit(a.event);
    expect(checks.error('name')).toBe('Bad.');
    expect(a.input('name').focus).not.toHaveBeenCalled();

    const saves = new Form({ values: profile(''), save, check: () => ({ name: 'Missing.' }), moveFocus: 'saves' });
    const b = fakeForm('name');
    await saves.submit(b.event);
    expect(b.input('name').focus).not.toHaveBeenCalled();

    const custom = vi.fn();
    const own = new Form({ values: profile(), save, fields: ['name'], focus: custom });
    await own.submit();
    expect(custom).toHaveBeenCalledWith('name');
  });

  it('does not move focus for a message about the whole form', async () => {
    const focus = vi.fn();
    const form = new Form({ values: profile(), save: vi.fn().mockRejectedValue(new ApiError('internal', 'Oops.')), focus });
    await form.submit();
    expect(form.formError).toBe('Oops.');
    expect(focus).not.toHaveBeenCalled();
  });
});

describe('Form clearOnEdit', () => {
  it('drops a message once its field is edited, and only that one', async () => {
    const form = new Form({
      values: { passphrase: 'short', note: '' },
      save: vi.fn(),
      clearOnEdit: ['passphrase'],
    });
    await form.show({ passphrase: 'Too weak.', note: 'Too long.', [FORM]: 'And this.' }, false);
    expect(form.error('passphrase')).toBe('Too weak.');
    form.values.passphrase = 'shorter';
    form.values.note = 'edited';
    expect(form.error('passphrase')).toBeUndefined();
    expect(form.input('passphrase')['aria-invalid']).toBeUndefined();
    expect(form.error('note')).toBe('Too long.');
    expect(form.formError).toBe('And this.');
  });
});

describe('refusals', () => {
  it('are the locked vault, co-creation mode and a closed dialog', () => {
    expect(isRefusal(refused('locked'))).toBe(true);
    expect(isRefusal(refused('cocreation'))).toBe(true);
    expect(isRefusal(refused('cancelled'))).toBe(true);
    expect(isRefusal(new ApiError('invalid', 'No.'))).toBe(false);
    expect(isRefusal('{"code":"locked","message":"Locked."}')).toBe(true);
  });

  it('say nothing where an action failed; other failures say their message', () => {
    expect(failureMessage(refused('locked'))).toBe('');
    expect(failureMessage(new ApiError('not_found', 'That client is gone.'))).toBe('That client is gone.');
  });
});
