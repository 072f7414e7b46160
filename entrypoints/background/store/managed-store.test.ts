import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createManagedStore, MANAGED_VIEW_WAIT_MS } from './managed-store';

const POLICY = { history: { retentionDays: 7 } };

/** storage.managed answering each read when the test says so, as Chromium does, seconds late at times. */
function slowManaged() {
  const pending: ((policy: unknown) => void)[] = [];
  const get = vi.fn(() => new Promise<unknown>((resolve) => pending.push(resolve)));
  (fakeBrowser.storage as unknown as { managed: { get: typeof get } }).managed.get = get;
  return { get, answer: (policy: unknown) => pending.splice(0).forEach((resolve) => resolve(policy)) };
}

describe('managed store (storage.managed, with a copy for views)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('a view does not wait for a late browser: it takes the last answer kept, then the fresh one once it came', async () => {
    const first = slowManaged();
    const earlier = createManagedStore(); // an earlier worker, whose answer was kept
    const read = earlier.load();
    first.answer(POLICY);
    expect(await read).toEqual(POLICY);

    const late = slowManaged();
    const store = createManagedStore();
    const view = store.recent();
    await vi.advanceTimersByTimeAsync(MANAGED_VIEW_WAIT_MS);
    expect(await view).toEqual(POLICY); // the copy, though the browser has not answered
    const change = store.load(); // an edit waits for the answer itself
    late.answer({});
    expect(await change).toEqual({});
    expect(await store.recent()).toEqual({});
    expect(late.get).toHaveBeenCalledTimes(1); // read once per worker, shared by views and edits
  });

  it('with no answer kept yet, a late view shows no policy rather than waiting', async () => {
    slowManaged();
    const view = createManagedStore().recent();
    await vi.advanceTimersByTimeAsync(MANAGED_VIEW_WAIT_MS);
    expect(await view).toEqual({});
  });

  it('reads again after an administrator changes the policy, and a failed read is no policy', async () => {
    const managed = slowManaged();
    const store = createManagedStore();
    const changed = vi.fn();
    store.onChange(changed);
    const first = store.load();
    managed.answer(POLICY);
    expect(await first).toEqual(POLICY);
    await fakeBrowser.storage.onChanged.trigger({ history: { newValue: {} } }, 'managed');
    expect(changed).toHaveBeenCalledTimes(1);
    managed.get.mockImplementationOnce(() => Promise.reject(new Error('Managed storage manifest not found')));
    expect(await store.load()).toEqual({});
    expect(managed.get).toHaveBeenCalledTimes(2);
  });
});
