import { describe, expect, it } from 'vitest';
import { toAgreement } from '$lib/api/client-models';
import { confirmedAgreement, newestAgreement } from './agreements';

describe('confirmedAgreement', () => {
  it('is the newest of its kind, only while its wording in force is confirmed', () => {
    const older = toAgreement({ id: 1, kind: 'touch', confirmedName: 'Sam' });
    const newer = toAgreement({ id: 2, kind: 'touch', confirmedName: '' });
    expect(confirmedAgreement([older], 'touch')?.id).toBe(1);
    expect(confirmedAgreement([newer, older], 'touch')).toBeUndefined();
    expect(confirmedAgreement([older], 'safety')).toBeUndefined();
    expect(newestAgreement([older, newer], 'touch')?.id).toBe(2);
  });
});
