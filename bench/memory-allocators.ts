/**
 * Where an extension process's memory goes, by allocator (v8, malloc, partition_alloc, blink_gc…): one
 * memory-infra dump of a Chromium started with --remote-debugging-port, as chrome://tracing records it
 * (https://chromium.googlesource.com/chromium/src/+/main/docs/memory-infra/README.md). Used by bench:memory
 * --allocators. The dump's process_totals.private_footprint_bytes is the task manager's figure.
 */
import puppeteer from 'puppeteer-core';

interface TraceEvent {
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } };
}

/** Sizes (MB) of the top-level allocators of process `pid`, and of V8's worker heaps apart. */
export async function allocatorSizes(port: number, pid: number): Promise<Record<string, number>> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const session = await browser.target().createCDPSession();
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (data: { value: TraceEvent[] }) => events.push(...data.value));
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.start', {
      // No periodic dumps, only the one asked for (the protocol's type says strings; Chromium reads a list here).
      traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } as unknown as Record<string, string> },
      transferMode: 'ReportEvents',
    });
    const { success } = await session.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
    await session.send('Tracing.end');
    await complete;
    if (!success) throw new Error('Chromium did not take the memory dump');
    const sizes: Record<string, number> = {};
    for (const event of events) {
      if (event.ph !== 'v' || event.pid !== pid) continue;
      for (const [name, dump] of Object.entries(event.args?.dumps?.allocators ?? {})) {
        if (!/^[^/]+$|^v8\/workers$|^partition_alloc\/partitions\/[^/]+$/.test(name)) continue;
        sizes[name] = parseInt(dump.attrs?.size?.value ?? '0', 16) / 2 ** 20;
      }
    }
    return sizes;
  } finally {
    await browser.disconnect();
  }
}
