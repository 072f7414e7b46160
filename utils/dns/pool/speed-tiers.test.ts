import { describe, expect, it } from 'vitest';
import { MIN_DWELL_MS, MIN_SAMPLES, parseStoredSpeedTiers, SpeedPreference, updateSpeedTiers, weightOfTier, type SpeedTiers } from './speed-tiers';

/** Typical latencies (ms) by resolver, as SpeedPreference hands them over. */
const typical = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('updateSpeedTiers', () => {
  it('tiers count half-octaves of slowness (2·log₂ of the ratio, rounded, at most 6); weight 2^-tier ≈ ratio⁻²', () => {
    const tiers = updateSpeedTiers({}, typical({ a: 10, b: 20, c: 29, d: 40, e: 80, f: 1000 }), ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(tiers).toEqual({ a: 0, b: 2, c: 3, d: 4, e: 6, f: 6 });
    expect([0, 2, 4, 6].map(weightOfTier)).toEqual([1, 1 / 4, 1 / 16, 1 / 64]);
  });

  it('gives no first tiers while a resolver has no reading, unless told the set is complete (it then weighs as the fastest)', () => {
    expect(updateSpeedTiers({}, typical({ a: 10 }), ['a', 'b'])).toEqual({});
    const tiers = updateSpeedTiers({}, typical({ a: 10 }), ['a', 'b'], { complete: true });
    expect(tiers).toEqual({ a: 0 });
    expect(weightOfTier(tiers.b)).toBe(1);
  });

  it('does not move a tier on a wobble around a boundary, only on a lasting difference (hysteresis 1)', () => {
    const list = ['a', 'b'];
    const start = updateSpeedTiers({}, typical({ a: 10, b: 20 }), list);
    expect(start).toEqual({ a: 0, b: 2 });
    const wobble = updateSpeedTiers(start, typical({ a: 10, b: 25 }), list); // 2·log₂ 2.5 = 2.64: would round to 3
    expect(wobble).toBe(start); // unchanged: the same object, so nothing is persisted or re-ranked
    expect(updateSpeedTiers(start, typical({ a: 10, b: 28 }), list)).toBe(start); // 2.97: still within 1 of tier 2
    expect(updateSpeedTiers(start, typical({ a: 10, b: 30 }), list)).toEqual({ a: 0, b: 3 }); // 3.17
    expect(updateSpeedTiers(start, typical({ a: 10, b: 13 }), list)).toEqual({ a: 0, b: 1 }); // 0.76
    expect(updateSpeedTiers(start, typical({ a: 10, b: 30 }), list, { mayChange: () => false })).toBe(start);
  });

  it('counts latencies under 5 ms as 5 ms, so two resolvers on the local network are equally fast', () => {
    expect(updateSpeedTiers({}, typical({ a: 1, b: 3, c: 10 }), ['a', 'b', 'c'])).toEqual({ a: 0, b: 0, c: 2 });
  });

  it('drops a resolver that left the list, and keeps the tier of one that has no new reading', () => {
    const start: SpeedTiers = { a: 0, b: 4, gone: 2 };
    expect(updateSpeedTiers(start, typical({ a: 10 }), ['a', 'b'])).toEqual({ a: 0, b: 4 });
  });
});

describe('parseStoredSpeedTiers', () => {
  it('reads what was stored and says what it could not read, keeping the rest', () => {
    expect(parseStoredSpeedTiers(undefined)).toEqual({ tiers: {}, problem: null });
    expect(parseStoredSpeedTiers({ a: 0, b: 6 })).toEqual({ tiers: { a: 0, b: 6 }, problem: null });
    const mixed = parseStoredSpeedTiers({ a: 1, b: 7, c: 'fast', d: 1.5, e: -1 });
    expect(mixed.tiers).toEqual({ a: 1 });
    expect(mixed.problem).toBe('The stored speed tiers of b, c, d, e could not be read; they will be measured again.');
    for (const junk of [null, 'x', [1, 2], 42]) expect(parseStoredSpeedTiers(junk)).toMatchObject({ tiers: {}, problem: expect.stringContaining('not an object') });
  });
});

describe('SpeedPreference', () => {
  function preference(enabled: boolean, tiers: SpeedTiers = {}) {
    const weights: (Record<string, number> | null)[] = [];
    const changes: SpeedTiers[] = [];
    const pref = new SpeedPreference({ enabled, tiers, setWeights: (w) => weights.push(w), onChange: (t) => changes.push(t) });
    const clock = { t: 0 };
    const answer = (id: string, ms: number, times = 1, list = ['a', 'b']) => {
      for (let i = 0; i < times; i++) pref.observe(id, ms, list, clock.t);
    };
    return { pref, weights, changes, answer, clock };
  }

  it('hands weights to the selector only while on, and reports a change of tiers once', () => {
    const { pref, weights, changes, answer, clock } = preference(false, { a: 0, b: 4 });
    expect(weights).toEqual([null]);
    pref.enabled = true;
    expect(weights.at(-1)).toEqual({ a: 1, b: 1 / 16 });
    answer('a', 10, MIN_SAMPLES);
    answer('b', 40, MIN_SAMPLES); // still tier 4: no change, no report
    expect(changes).toEqual([]);
    answer('b', 10, 16); // b got faster for good, but restored tiers first wait out their dwell time
    expect(changes).toEqual([]);
    clock.t += MIN_DWELL_MS;
    answer('b', 10);
    expect(changes).toEqual([{ a: 0, b: 0 }]);
    expect(weights.at(-1)).toEqual({ a: 1, b: 1 });
    pref.enabled = false;
    expect(weights.at(-1)).toBeNull();
    expect(pref.tiers).toEqual({ a: 0, b: 0 });
  });

  it('waits for MIN_SAMPLES answers, and reads the median, so a slow first answer (connection set-up) does not count', () => {
    const { pref, answer } = preference(true);
    answer('a', 10, MIN_SAMPLES);
    answer('b', 300); // TLS and HTTP/2 set-up
    answer('b', 11, MIN_SAMPLES - 2);
    expect(pref.tiers).toEqual({}); // b not measured yet, so nobody is tiered
    answer('b', 11);
    expect(pref.tiers).toEqual({ a: 0, b: 0 });
  });

  it('gives first tiers only once every resolver is measured, so a slow one measured first is not taken for the fastest', () => {
    const { pref, answer } = preference(true);
    answer('b', 80, MIN_SAMPLES);
    expect(pref.tiers).toEqual({});
    answer('a', 10, MIN_SAMPLES);
    expect(pref.tiers).toEqual({ a: 0, b: 6 });
  });

  it('does not wait forever for a resolver that never answers', () => {
    const { pref, answer } = preference(true);
    answer('a', 10, 4 * MIN_SAMPLES * 2 - 1);
    expect(pref.tiers).toEqual({});
    answer('a', 10);
    expect(pref.tiers).toEqual({ a: 0 });
  });

  it('changes a tier at most once per dwell time, however much the latencies swing', () => {
    const { pref, answer, clock, changes } = preference(true);
    answer('a', 10, 16);
    answer('b', 40, 16);
    expect(pref.tiers).toEqual({ a: 0, b: 4 });
    clock.t += MIN_DWELL_MS / 2;
    answer('b', 10, 16); // as fast as a now, but its tier was set 5 minutes ago
    expect(pref.tiers).toEqual({ a: 0, b: 4 });
    clock.t += MIN_DWELL_MS / 2;
    answer('b', 10);
    expect(pref.tiers).toEqual({ a: 0, b: 0 });
    expect(changes).toHaveLength(2);
  });

  it('ignores latencies that are not numbers of milliseconds', () => {
    const { pref, answer } = preference(true);
    for (const bad of [NaN, -1, Infinity]) answer('a', bad, MIN_SAMPLES);
    expect(pref.tiers).toEqual({});
  });
});
