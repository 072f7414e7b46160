import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from './within';

describe('within: a bounded wait', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers the value when it comes first, and leaves no timer behind', async () => {
    expect(await within(Promise.resolve(7), 250)).toBe(7);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers undefined at the bound, and undefined for a rejection (a failed lookup decides nothing)', async () => {
    const late = within(new Promise<number>(() => {}), 250);
    await vi.advanceTimersByTimeAsync(249);
    let settled = false;
    void late.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await late).toBeUndefined();
    expect(await within(Promise.reject(new Error('no resolver answered')), 250)).toBeUndefined();
  });
});
