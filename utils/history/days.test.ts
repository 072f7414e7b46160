import { describe, expect, it } from 'vitest';
import { addDays, dayKey, daysFrom, rangeBounds, rangeOf, startOfDay } from './days';
import { afterSettingsChange, firstKeptDay, parseHistorySettings } from './retention';

const NOW = new Date(2026, 2, 1, 9, 30).getTime(); // 1 March 2026, local time

describe('days and ranges', () => {
  it('names local days and steps over month ends', () => {
    expect(dayKey(NOW)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysFrom('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('ranges count today in: 7 days is today and the six before', () => {
    expect(rangeOf('today', NOW)).toEqual({ id: 'today', from: '2026-03-01', to: '2026-03-01' });
    expect(rangeOf('7d', NOW)).toEqual({ id: '7d', from: '2026-02-23', to: '2026-03-01' });
    expect(rangeOf('30d', NOW).from).toBe('2026-01-31');
    expect(rangeOf('all', NOW).from).toBeNull();
  });

  it('bounds a range in milliseconds, end excluded', () => {
    const { start, end } = rangeBounds(rangeOf('today', NOW));
    expect(start).toBe(startOfDay('2026-03-01'));
    expect(end).toBe(startOfDay('2026-03-02'));
    expect(rangeBounds(rangeOf('all', NOW)).start).toBe(-Infinity);
    expect(() => startOfDay('yesterday')).toThrow(RangeError);
  });

  it('retention: 30 days keeps today and the 30 days before; forever keeps everything; bad stored values fall back', () => {
    expect(firstKeptDay(NOW, 30)).toBe('2026-01-30');
    expect(firstKeptDay(NOW, null)).toBeNull();
    expect(parseHistorySettings(undefined)).toEqual({ retentionDays: 30, off: false });
    expect(parseHistorySettings({ retentionDays: null })).toEqual({ retentionDays: null, off: false }); // stored before "keep no history"
    expect(parseHistorySettings({ retentionDays: -3, off: true })).toEqual({ retentionDays: 30, off: true });
    expect(parseHistorySettings({ retentionDays: 7, off: 'yes' })).toEqual({ retentionDays: 7, off: false });
    expect(afterSettingsChange({ retentionDays: 7, off: false }, { retentionDays: 7, off: true })).toBe('delete-all');
    expect(afterSettingsChange({ retentionDays: 7, off: true }, { retentionDays: 7, off: true })).toBe('prune');
    expect(afterSettingsChange({ retentionDays: 7, off: true }, { retentionDays: 30, off: false })).toBe('prune');
  });
});
