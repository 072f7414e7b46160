import type { FailureReason } from '../wire/errors';
import type { HealthState } from './health';

/**
 * Resolver health across background restarts. Chrome stops an idle MV3 worker after 30 s and starts it again on the
 * next event; with health in memory only, every start would forget that a resolver is dead, and the next three
 * lookups of its sites would each wait up to the full 1.5 s timeout before the circuit opened again. Kept in
 * storage.session (memory only, cleared when the browser closes: a resolver's health is not worth keeping
 * longer, and nothing of it goes to disk). Times are on the Date.now clock, which a restart keeps.
 */
export type StoredHealth = [resolver: string, state: HealthState][];

/** Every reason, checked by the compiler against FailureReason (`satisfies`): a new reason cannot be missed here. */
const REASONS: Record<string, true> = {
  network: true, timeout: true, 'http-status': true, 'content-type': true, 'too-large': true, unparsable: true,
  'question-mismatch': true, 'server-failure': true, rcode: true,
} satisfies Record<FailureReason, true>;

/** The states that read back whole; anything else is dropped (health is re-learnt from the next lookups). */
export function parseStoredHealth(stored: unknown, resolvers: readonly string[]): StoredHealth {
  if (!Array.isArray(stored)) return [];
  const out: StoredHealth = [];
  for (const entry of stored) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !resolvers.includes(entry[0])) continue;
    const state = readState(entry[1]);
    if (state) out.push([entry[0], state]);
  }
  return out;
}

function readState(value: unknown): HealthState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const count = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
  const time = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0);
  const ok =
    time(v.srtt) && typeof v.rttvar === 'number' && Number.isFinite(v.rttvar) && v.rttvar >= 0 &&
    count(v.successes) && count(v.failures) && count(v.consecutive) && count(v.opens) && time(v.openUntil) &&
    (v.lastError === null || typeof v.lastError === 'string') &&
    (v.lastReason === null || (typeof v.lastReason === 'string' && Object.hasOwn(REASONS, v.lastReason)));
  if (!ok) return null;
  return {
    srtt: v.srtt as number | null,
    rttvar: v.rttvar as number,
    successes: v.successes as number,
    failures: v.failures as number,
    consecutive: v.consecutive as number,
    opens: v.opens as number,
    openUntil: v.openUntil as number | null,
    probeSince: null,
    lastError: v.lastError as string | null,
    lastReason: v.lastReason as FailureReason | null,
  };
}
