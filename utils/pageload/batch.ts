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
  /**
   * Where what failed to be written is kept durably until a write succeeds (a stopped worker must not lose
   * it): `park` holds everything pending after a failed write, `clear` follows the first write that succeeds.
   */
  failures?: { park(batch: PageLoadBatch, error: unknown): Promise<void>; clear(): Promise<void> };
}

/** The wait before the n-th retry of a failed write (n ≥ 1): 1 s, doubling, at most 5 minutes. */
export function retryDelay(attempt: number): number {
  return Math.min(1_000 * 2 ** (attempt - 1), 300_000);
}

/**
 * Collects the tracker's decisions and writes them at most FLUSH_MS after the first one, so a burst of
 * requests costs one transaction and request handling never waits on storage. A worker stopped by the
 * browser loses at most the changes of the last FLUSH_MS; Chrome stops an idle worker after 30 s, far
 * beyond that.
 */
export class BatchWriter implements PageLoadSink {
  // 250 ms: a stopped worker loses at most this much. Tried 1 s for fewer IndexedDB transactions per page (issue 16):
  // a worker stopped right after a page load then lost it (page-loads e2e in CI), so the bound stays short.
  static readonly FLUSH_MS = 250;
  private batch: PageLoadBatch = emptyBatch();
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();
  /** Failed writes in a row; while above 0 only the retry timer (or a caller's flush) writes, so broken storage cannot spin. */
  private failures = 0;
  /** Whether what is pending holds parked history (a failed write's, or an earlier worker's): its first successful write clears the park. */
  private unsaved = false;

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

  /** Writes everything collected so far; resolves once it (and any write before it) is stored or has failed. */
  flush(): Promise<void> {
    const batch = this.batch;
    this.batch = emptyBatch();
    if (batch.loads.length || batch.deltas.size || batch.closedTabs.length) {
      const carriesUnsaved = this.unsaved;
      this.unsaved = false;
      // Writes run one after another so a page load is stored before the counts that refer to it.
      this.writing = this.writing.then(() =>
        this.deps.persist(batch).then(
          () => {
            this.failures = 0;
            if (carriesUnsaved && !this.unsaved) return this.deps.failures?.clear().catch(this.deps.onError);
          },
          (error: unknown) => {
            // Keep what failed, durably, and retry after a growing wait rather than drop it.
            this.unsaved = true;
            this.restore(batch);
            this.deps.onError(error);
            this.deps.schedule(() => void this.flush(), retryDelay(++this.failures));
            return this.deps.failures?.park(this.pending(), error).catch(this.deps.onError);
          },
        ),
      );
    }
    return this.writing;
  }

  /** Adds a batch that an earlier worker could not write (parked), to be written with the next flush. */
  adopt(parked: PageLoadBatch): void {
    this.unsaved = true;
    this.restore(parked);
    this.kick();
  }

  /** Everything not yet written, as one batch (a copy). */
  private pending(): PageLoadBatch {
    const copy = emptyBatch();
    copy.loads.push(...this.batch.loads);
    copy.closedTabs.push(...this.batch.closedTabs);
    for (const [id, hosts] of this.batch.deltas) for (const [host, delta] of hosts) add(copy.deltas, id, host, delta);
    return copy;
  }

  private restore(failed: PageLoadBatch): void {
    this.batch.loads.unshift(...failed.loads);
    for (const [id, hosts] of failed.deltas) for (const [host, delta] of hosts) add(this.batch.deltas, id, host, delta);
    this.batch.closedTabs.unshift(...failed.closedTabs);
  }

  private kick(): void {
    // While writes fail, the retry timer writes (with the growing wait), not every new request.
    if (this.scheduled || this.failures > 0) return;
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

/** A batch as JSON (Maps become entries), to be kept in storage.local while it cannot be written. */
export type BatchJson = { loads: PageLoad[]; deltas: [string, [string, Counters][]][]; closedTabs: number[] };

export function batchToJson(batch: PageLoadBatch): BatchJson {
  return { loads: batch.loads, deltas: [...batch.deltas].map(([id, hosts]) => [id, [...hosts]]), closedTabs: batch.closedTabs };
}

/** The batch a BatchJson holds; anything else (a foreign or damaged value) reads as undefined. */
export function batchFromJson(value: unknown): PageLoadBatch | undefined {
  const json = value as Partial<BatchJson> | undefined;
  if (!json || !Array.isArray(json.loads) || !Array.isArray(json.deltas) || !Array.isArray(json.closedTabs)) return undefined;
  const deltas = new Map<string, Map<string, Counters>>();
  for (const [id, hosts] of json.deltas) for (const [host, delta] of hosts) add(deltas, id, host, delta);
  return { loads: json.loads, deltas, closedTabs: json.closedTabs };
}
