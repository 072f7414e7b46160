import { describe, expect, it } from 'vitest';
import { HealthTracker } from './health';
import { parseStoredHealth } from './health-state';

const A = 'https://a.test/dns-query';
const B = 'https://b.test/dns-query';

describe('resolver health across restarts', () => {
  it('a restarted background keeps a dead resolver out of service until its back-off ends, and keeps latencies', () => {
    const clock = { t: 1_000_000 };
    const before = new HealthTracker({ now: () => clock.t });
    before.recordSuccess(A, 40);
    for (let i = 0; i < 3; i++) before.recordFailure(B, 'network', 'b.test: could not reach the resolver');
    expect(before.state(B)).toBe('open');
    const stored: unknown = JSON.parse(JSON.stringify(before.exportStates())); // as storage.session hands it back

    const after = new HealthTracker({ now: () => clock.t });
    after.importStates(parseStoredHealth(stored, [A, B]));
    expect(after.snapshot(B)).toEqual(before.snapshot(B));
    expect(after.snapshot(A)).toMatchObject({ latencyMs: 40, successes: 1, state: 'closed' });
    expect(after.isAvailable(B)).toBe(false);
    clock.t += 10_000;
    expect(after.state(B)).toBe('half-open'); // the back-off still ends when it would have
  });

  it('drops what does not read back whole, and resolvers no longer in the list', () => {
    const good = { srtt: 12, rttvar: 3, successes: 2, failures: 0, consecutive: 0, opens: 0, openUntil: null, probeSince: 5, lastError: null, lastReason: null };
    expect(parseStoredHealth([[A, good]], [A])).toEqual([[A, { ...good, probeSince: null }]]); // a probe in flight is not carried over
    expect(parseStoredHealth([[A, good]], [B])).toEqual([]);
    for (const junk of [undefined, 'x', {}, [[A]], [[A, { ...good, successes: -1 }]], [[A, { ...good, lastReason: 'bored' }]], [[A, { ...good, srtt: 'fast' }]]]) {
      expect(parseStoredHealth(junk, [A])).toEqual([]);
    }
  });
});
