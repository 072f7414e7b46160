import { zeroCounters, type Counters, type PageLoad } from './page-load';
import type { PageLoadSink } from './tracker';

/** One flush worth of changes, applied by the storage module in one transaction. */
export interface PageLoadBatch {
  loads: PageLoad[];
  /** pageLoadId → host → counters to add. */
  deltas: Map<string, Map<string, Counters>>;
  closedTabs: number[];
}

export interface BatchDeps {
  persist: (batch: PageLoadBatch) => Promise<void>;
  /** Schedules a flush; returns nothing because the writer never needs to cancel one. */
  schedule: (run: () => void, delayMs: number) => void;
  onError: (error: unknown) => void;
}

/**
 * Collects the tracker's decisions and writes them at most FLUSH_MS after the first one, so a burst of
 * requests costs one transaction and request handling never waits on storage. A worker stopped by the
 * browser loses at most the changes of the last FLUSH_MS; Chrome stops an idle worker after 30 s, far
 * beyond that.
 */
export class BatchWriter implements PageLoadSink {
  // 1 s rather than 250 ms: each flush is an IndexedDB transaction that reads and rewrites the hosts' counters,
  // the worker's largest cost after event dispatch on a 220-request page (bench/pageload.ts profile); a page's
  // burst of requests now costs one or two transactions. Still far inside the 30 s an idle worker lives.
  static readonly FLUSH_MS = 1_000;
  private batch: PageLoadBatch = emptyBatch();
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: BatchDeps) {}

  beginPageLoad(load: PageLoad): void {
    this.batch.loads.push(load);
    this.kick();
  }

  count(pageLoadId: string, host: string, delta: Partial<Counters>): void {
    add(this.batch.deltas, pageLoadId, host, delta);
    this.kick();
  }

  forgetTab(tabId: number): void {
    this.batch.closedTabs.push(tabId);
    this.kick();
  }

  /** Writes everything collected so far; resolves once it (and any write before it) is stored. */
  flush(): Promise<void> {
    const batch = this.batch;
    this.batch = emptyBatch();
    if (batch.loads.length || batch.deltas.size || batch.closedTabs.length) {
      // Writes run one after another so a page load is stored before the counts that refer to it.
      this.writing = this.writing.then(() =>
        this.deps.persist(batch).catch((error: unknown) => {
          // Keep what failed for the next write (which the next request schedules) rather than drop it;
          // no timer retries on its own, so broken storage cannot spin.
          this.restore(batch);
          this.deps.onError(error);
        }),
      );
    }
    return this.writing;
  }

  private restore(failed: PageLoadBatch): void {
    this.batch.loads.unshift(...failed.loads);
    for (const [id, hosts] of failed.deltas) for (const [host, delta] of hosts) add(this.batch.deltas, id, host, delta);
    this.batch.closedTabs.unshift(...failed.closedTabs);
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(() => {
      this.scheduled = false;
      void this.flush();
    }, BatchWriter.FLUSH_MS);
  }
}

function emptyBatch(): PageLoadBatch {
  return { loads: [], deltas: new Map(), closedTabs: [] };
}

function add(deltas: Map<string, Map<string, Counters>>, pageLoadId: string, host: string, delta: Partial<Counters>): void {
  let hosts = deltas.get(pageLoadId);
  if (!hosts) deltas.set(pageLoadId, (hosts = new Map()));
  let sum = hosts.get(host);
  if (!sum) hosts.set(host, (sum = zeroCounters()));
  for (const [key, n] of Object.entries(delta) as [keyof Counters, number][]) sum[key] += n;
}
