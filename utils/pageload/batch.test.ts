import { describe, expect, it, vi } from 'vitest';
import { batchFromJson, batchToJson, BatchWriter, retryDelay, type PageLoadBatch } from './batch';

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

  it('a failed write is parked durably and retried after a growing wait, not on every request; success clears the park', async () => {
    let fail = true;
    const timers: [() => void, number][] = [];
    const parked: PageLoadBatch[] = [];
    let cleared = 0;
    const writer = new BatchWriter({
      persist: async () => {
        if (fail) throw new DOMException('disk full', 'QuotaExceededError');
      },
      schedule: (run, ms) => timers.push([run, ms]),
      onError: () => undefined,
      failures: { park: async (b) => void parked.push(b), clear: async () => void cleared++ },
    });
    writer.beginPageLoad(load);
    writer.count('L1', 'a.test', { requests: 2 });
    await writer.flush();
    expect(parked.at(-1)?.loads).toEqual([load]);
    expect(timers.map(([, ms]) => ms)).toEqual([BatchWriter.FLUSH_MS, 1_000]);
    writer.count('L1', 'a.test', { requests: 1 }); // no new timer while failing
    expect(timers).toHaveLength(2);
    timers[1]?.[0]();
    await writer.flush();
    expect(timers.at(-1)?.[1]).toBe(2_000);
    expect(parked.at(-1)?.deltas.get('L1')?.get('a.test')?.requests).toBe(3);
    fail = false;
    timers.at(-1)?.[0]();
    await writer.flush();
    expect(cleared).toBe(1);
    expect([retryDelay(1), retryDelay(4), retryDelay(30)]).toEqual([1_000, 8_000, 300_000]);
  });

  it('a parked batch survives JSON (storage.local) and is adopted by the next worker: written once, then the park is cleared', async () => {
    const batches: PageLoadBatch[] = [];
    let cleared = 0;
    const timers: (() => void)[] = [];
    const writer = new BatchWriter({
      persist: async (b) => void batches.push(b),
      schedule: (run) => timers.push(run),
      onError: () => undefined,
      failures: { park: async () => undefined, clear: async () => void cleared++ },
    });
    const parked: PageLoadBatch = { loads: [load], deltas: new Map([['L1', new Map([['a.test', { requests: 4, blocked: 1, clear: 0, secured: 0, tls13: 0, tls12: 0, tlsOld: 0, ech: 0, privateDns: 0, hsts: 0 }]])]]), closedTabs: [3] };
    const json = JSON.parse(JSON.stringify(batchToJson(parked)));
    writer.adopt(batchFromJson(json)!);
    writer.count('L1', 'a.test', { requests: 1 });
    timers[0]?.();
    await writer.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.deltas.get('L1')?.get('a.test')).toMatchObject({ requests: 5, blocked: 1 });
    expect(batches[0]?.closedTabs).toEqual([3]);
    expect(cleared).toBe(1);
    expect(batchFromJson({ loads: 'x' })).toBeUndefined();
  });
});
