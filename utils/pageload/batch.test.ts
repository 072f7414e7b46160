import { describe, expect, it, vi } from 'vitest';
import { BatchWriter, type PageLoadBatch } from './batch';

function setup(persist: (b: PageLoadBatch) => Promise<void> = async () => {}) {
  const timers: (() => void)[] = [];
  const batches: PageLoadBatch[] = [];
  const onError = vi.fn();
  const writer = new BatchWriter({
    persist: async (b) => {
      batches.push(b);
      await persist(b);
    },
    schedule: (run) => timers.push(run),
    onError,
  });
  return { writer, timers, batches, onError };
}

const load = { id: 'L1', tabId: 1, url: 'http://a.test/', site: 'a.test', startedAt: 0 };

describe('BatchWriter', () => {
  it('merges a burst of requests into one write, scheduled once', async () => {
    const { writer, timers, batches } = setup();
    writer.beginPageLoad(load);
    for (let i = 0; i < 50; i++) writer.count('L1', i % 2 ? 'a.test' : 'b.test', { requests: 1 });
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await writer.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.loads).toEqual([load]);
    const hosts = batches[0]?.deltas.get('L1');
    expect([hosts?.get('a.test')?.requests, hosts?.get('b.test')?.requests]).toEqual([25, 25]);
  });

  it('flush() writes what is pending now and resolves after it is stored', async () => {
    let stored = false;
    const { writer } = setup(async () => {
      await new Promise((r) => setTimeout(r, 5));
      stored = true;
    });
    writer.count('L1', 'a.test', { requests: 1 });
    await writer.flush();
    expect(stored).toBe(true);
  });

  it('an empty flush writes nothing', async () => {
    const { writer, batches } = setup();
    await writer.flush();
    expect(batches).toHaveLength(0);
  });

  it('writes one after another, so a page load is stored before counts that follow it', async () => {
    const order: string[] = [];
    const { writer } = setup(async (b) => {
      await new Promise((r) => setTimeout(r, b.loads.length ? 10 : 0));
      order.push(b.loads.length ? 'load' : 'count');
    });
    writer.beginPageLoad(load);
    const first = writer.flush();
    writer.count('L1', 'a.test', { requests: 1 });
    await Promise.all([first, writer.flush()]);
    expect(order).toEqual(['load', 'count']);
  });

  it('a failed write (storage full) is reported and kept: the next write carries it, nothing is lost', async () => {
    let fail = true;
    const { writer, onError, batches } = setup(async () => {
      if (fail) throw new Error('QuotaExceededError');
    });
    writer.count('L1', 'a.test', { requests: 1 });
    await writer.flush();
    expect(onError).toHaveBeenCalledOnce();
    fail = false;
    writer.count('L1', 'b.test', { requests: 1, blocked: 1 });
    await writer.flush();
    expect(batches).toHaveLength(2);
    const hosts = batches[1]?.deltas.get('L1');
    expect([hosts?.get('a.test')?.requests, hosts?.get('b.test')?.requests, hosts?.get('b.test')?.blocked]).toEqual([1, 1, 1]);
  });
});
