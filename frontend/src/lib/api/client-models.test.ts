import { describe, expect, it } from 'vitest';
import { toClient, toClientRecord, toSharedStatement } from './client-models';

describe('the shared positionality statement', () => {
  it('reads as empty when the record has none', () => {
    expect(toSharedStatement(null)).toEqual({ text: '', dated: '' });
    expect(toClientRecord({ client: { id: 3 } }).therapistPositionality).toEqual({ text: '', dated: '' });
  });

  it('keeps the text and date the Go side sends', () => {
    const record = toClientRecord({ client: { id: 3, sharePositionality: true }, therapistPositionality: { text: 'Where I stand.', dated: '2026-02-14' } });
    expect(record.therapistPositionality).toEqual({ text: 'Where I stand.', dated: '2026-02-14' });
    expect(record.client.sharePositionality).toBe(true);
  });

  it('is not shared unless the Go side says exactly true', () => {
    expect(toClient({ id: 1, sharePositionality: 'yes' }).sharePositionality).toBe(false);
  });
});
