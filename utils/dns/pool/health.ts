import { countsAgainstResolver, type FailureReason } from '../wire/errors';
import { MAX_TIMEOUT_MS } from './doh-client';

/**
 * Per-resolver health: a latency moving average, failure counts, a circuit breaker and an adaptive timeout.
 * A resolver out of service (circuit open) is skipped by the pool exactly as if it had been removed from the
 * list, so with rendezvous hashing only its own sites move, each to its second choice.
 */
export interface HealthOptions {
  /** Milliseconds clock. */
  now: () => number;
  /** Consecutive failures that open the circuit; default 3. */
  failureThreshold?: number;
  /** First back-off; doubles with each failed probe (default 10 s). */
  baseBackoffMs?: number;
  /** Longest back-off (default 5 min). */
  maxBackoffMs?: number;
  /** Shortest timeout, however fast the resolver has been (default 400 ms): jitter must not look like failure. */
  minTimeoutMs?: number;
  /** Longest timeout; never above MAX_TIMEOUT_MS (Firefox TRR's 1.5 s). */
  maxTimeoutMs?: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface HealthSnapshot {
  resolver: string;
  state: CircuitState;
  /** Smoothed latency (ms), null before the first answer. */
  latencyMs: number | null;
  timeoutMs: number;
  successes: number;
  failures: number;
  consecutiveFailures: number;
  lastError: string | null;
  lastReason: FailureReason | null;
  /** When an open circuit lets a probe through (ms clock), else null. */
  retryAt: number | null;
}

export interface HealthState {
  srtt: number | null;
  rttvar: number;
  successes: number;
  failures: number;
  consecutive: number;
  opens: number;
  openUntil: number | null;
  probeSince: number | null;
  lastError: string | null;
  lastReason: FailureReason | null;
}

export class HealthTracker {
  private readonly states = new Map<string, HealthState>();
  private readonly now: () => number;
  private readonly threshold: number;
  private readonly baseBackoff: number;
  private readonly maxBackoff: number;
  private readonly minTimeout: number;
  private readonly maxTimeout: number;

  constructor(options: HealthOptions) {
    this.now = options.now;
    this.threshold = Math.max(1, options.failureThreshold ?? 3);
    this.baseBackoff = options.baseBackoffMs ?? 10_000;
    this.maxBackoff = options.maxBackoffMs ?? 300_000;
    this.maxTimeout = Math.min(MAX_TIMEOUT_MS, options.maxTimeoutMs ?? MAX_TIMEOUT_MS);
    this.minTimeout = Math.min(this.maxTimeout, options.minTimeoutMs ?? 400);
  }

  state(id: string): CircuitState {
    const s = this.states.get(id);
    if (!s || s.openUntil === null) return 'closed';
    return this.now() < s.openUntil ? 'open' : 'half-open';
  }

  /** Whether a query may go to `id` now: closed, or half-open with no probe under way. */
  isAvailable(id: string): boolean {
    const state = this.state(id);
    if (state !== 'half-open') return state === 'closed';
    const since = this.get(id).probeSince;
    // A probe lasts at most one timeout; a lease twice that long covers a caller that never reported back.
    return since === null || this.now() - since > 2 * this.maxTimeout;
  }

  /** Call synchronously right before sending; in half-open state this query becomes the one probe. */
  beginAttempt(id: string): void {
    if (this.state(id) === 'half-open') this.get(id).probeSince = this.now();
  }

  recordSuccess(id: string, latencyMs: number): void {
    const s = this.get(id);
    s.successes++;
    s.consecutive = 0;
    s.opens = 0;
    s.openUntil = null;
    s.probeSince = null;
    this.sample(s, latencyMs);
  }

  /** `latencyMs` when known: for a timeout pass the timeout, as a failure costs the caller that long. */
  recordFailure(id: string, reason: FailureReason, message: string, latencyMs?: number): void {
    const s = this.get(id);
    const probing = s.probeSince !== null;
    s.failures++;
    s.lastError = message;
    s.lastReason = reason;
    s.probeSince = null;
    if (latencyMs !== undefined) this.sample(s, latencyMs);
    if (!countsAgainstResolver(reason)) {
      // The resolver answered in time (e.g. SERVFAIL for a broken domain): as a probe, that proves it is back.
      if (probing) Object.assign(s, { consecutive: 0, opens: 0, openUntil: null });
      return;
    }
    s.consecutive++;
    // Late failures of queries sent before the circuit opened do not lengthen the back-off; a failed probe does.
    if (probing || (s.openUntil === null && s.consecutive >= this.threshold)) {
      s.opens++;
      s.openUntil = this.now() + Math.min(this.maxBackoff, this.baseBackoff * 2 ** (s.opens - 1));
    }
  }

  /**
   * RFC 6298 §2 retransmission timeout (SRTT + 4·RTTVAR), bounded to [minTimeout, maxTimeout]. Before any
   * sample the maximum, as Firefox's TRR would wait. The adaptive value exists to hand a slow query to the
   * fallback early; a query with no fallback left (`lastChance`) gets the maximum, since cutting it short
   * only turns a slow answer into a failure (Firefox likewise waits longest in TRR-only mode, where nothing
   * follows: network.trr.request_timeout_mode_trronly_ms).
   */
  timeoutFor(id: string, lastChance = false): number {
    const s = this.states.get(id);
    if (lastChance || !s || s.srtt === null) return this.maxTimeout;
    return Math.round(Math.min(this.maxTimeout, Math.max(this.minTimeout, s.srtt + 4 * s.rttvar)));
  }

  snapshot(id: string): HealthSnapshot {
    const s = this.get(id);
    const state = this.state(id);
    return {
      resolver: id,
      state,
      latencyMs: s.srtt === null ? null : Math.round(s.srtt),
      timeoutMs: this.timeoutFor(id),
      successes: s.successes,
      failures: s.failures,
      consecutiveFailures: s.consecutive,
      lastError: s.lastError,
      lastReason: s.lastReason,
      retryAt: state === 'closed' ? null : s.openUntil,
    };
  }

  forget(id: string): void {
    this.states.delete(id);
  }

  /** What a restarted background needs to keep a dead resolver out and its timeout tuned (health-state.ts). */
  exportStates(): [string, Readonly<HealthState>][] {
    return [...this.states].map(([id, s]) => [id, { ...s, probeSince: null }]);
  }

  /** Puts back states from exportStates (already checked by the caller); a probe in flight is not carried over. */
  importStates(states: readonly [string, HealthState][]): void {
    for (const [id, s] of states) this.states.set(id, { ...s, probeSince: null });
  }

  /** RFC 6298 §2.2-2.3: α = 1/8 for the mean (the EWMA shown as latency), β = 1/4 for the deviation. */
  private sample(s: HealthState, rtt: number): void {
    if (!(rtt >= 0) || !Number.isFinite(rtt)) return;
    if (s.srtt === null) {
      s.srtt = rtt;
      s.rttvar = rtt / 2;
      return;
    }
    s.rttvar = 0.75 * s.rttvar + 0.25 * Math.abs(s.srtt - rtt);
    s.srtt = 0.875 * s.srtt + 0.125 * rtt;
  }

  private get(id: string): HealthState {
    let s = this.states.get(id);
    if (!s) {
      s = { srtt: null, rttvar: 0, successes: 0, failures: 0, consecutive: 0, opens: 0, openUntil: null, probeSince: null, lastError: null, lastReason: null };
      this.states.set(id, s);
    }
    return s;
  }
}
