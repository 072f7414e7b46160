import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerSaver } from './ledger-saver';

describe('LedgerSaver', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('saves once, at most the delay after the first change, however many changes follow', async () => {
    const save = vi.fn(async () => undefined);
    const saver = new LedgerSaver({ save, delayMs: 1000, onError: () => undefined });
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    saver.changed(); // does not push the save back
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    saver.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('flush saves a pending change now; a failed save is reported and the next one still runs', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const saver = new LedgerSaver({
      save: async () => {
        if (++calls === 1) throw new Error('quota');
      },
      delayMs: 1000,
      onError: (e) => errors.push(e),
    });
    await saver.flush(); // nothing due: no save
    expect(calls).toBe(0);
    saver.changed();
    await saver.flush();
    expect(calls).toBe(1);
    expect(errors).toEqual([new Error('quota')]);
    saver.changed();
    await saver.flush();
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toBe(2); // the flushed timer does not fire later
  });
});
