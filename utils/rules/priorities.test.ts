import { describe, expect, it } from 'vitest';
import { CATEGORY_DECISIONS } from './category-decisions';
import {
  RULE_TABLE, TRACKER_SLOT_COUNT, hashedIds, isInRange, kindOfRuleId, sequentialIds, trackerSlotRange, type RuleKind,
} from './priorities';

const kinds = Object.keys(RULE_TABLE) as RuleKind[];

describe('the priority and id table', () => {
  it('is pinned: changing a priority or a range is a deliberate, reviewed edit', () => {
    // Tried: the whole table against its literal values.
    expect(RULE_TABLE).toEqual({
      trackingParams: { priority: 1, action: 'redirect', scope: 'static', firstId: 1, lastId: 799 },
      trackingParamsScoped: { priority: 2, action: 'redirect', scope: 'static', firstId: 800, lastId: 899 },
      trackingParamsException: { priority: 2, action: 'allow', scope: 'static', firstId: 900, lastId: 999 },
      gpc: { priority: 100, action: 'modifyHeaders', scope: 'static', firstId: 1000, lastId: 1009 },
      siteOff: { priority: 20, action: 'allowAllRequests', scope: 'dynamic', firstId: 10000, lastId: 10999 },
      siteStrict: { priority: 10, action: 'block', scope: 'dynamic', firstId: 20000, lastId: 29999 },
      companyAllow: { priority: 30, action: 'allow', scope: 'dynamic', firstId: 30000, lastId: 39999 },
      companyBlock: { priority: 40, action: 'block', scope: 'dynamic', firstId: 40000, lastId: 49999 },
      cnameCloak: { priority: 3, action: 'block', scope: 'dynamic', firstId: 50000, lastId: 59999 },
      surrogate: { priority: 11, action: 'redirect', scope: 'static', firstId: 2000, lastId: 2099 },
      trackerBlock: { priority: 3, action: 'block', scope: 'static', firstId: 100000000, lastId: 1699999999 },
    });
  });

  it('has ranges that do not overlap and fit a positive int32', () => {
    // Tried: every pair of ranges, and the bounds.
    for (const a of kinds) {
      const ra = RULE_TABLE[a];
      expect(ra.firstId).toBeGreaterThanOrEqual(1);
      expect(ra.lastId).toBeGreaterThanOrEqual(ra.firstId);
      expect(ra.lastId).toBeLessThanOrEqual(2 ** 31 - 1);
      for (const b of kinds) {
        if (a === b) continue;
        const rb = RULE_TABLE[b];
        expect(ra.lastId < rb.firstId || rb.lastId < ra.firstId, `${a} overlaps ${b}`).toBe(true);
      }
    }
  });

  it('orders priorities so each feature wins where it should', () => {
    // Tried: the interplay rules the table comment promises.
    const p = (kind: RuleKind) => RULE_TABLE[kind].priority;
    const allows = kinds.filter((k) => ['allow', 'allowAllRequests'].includes(RULE_TABLE[k].action));
    for (const allow of allows) expect(p('gpc'), `GPC must out-rank ${allow}`).toBeGreaterThan(p(allow));
    // Parameter-stripping redirects may change nothing (then the request goes on as is), so they stay below
    // every block; a surrogate always replaces the request, and stands in for the blocks below it.
    const redirects = kinds.filter((k) => RULE_TABLE[k].action === 'redirect' && k !== 'surrogate');
    const blocks = kinds.filter((k) => RULE_TABLE[k].action === 'block');
    for (const redirect of redirects) {
      for (const block of blocks) expect(p(redirect), `${redirect} must not pre-empt ${block}`).toBeLessThan(p(block));
    }
    expect(p('trackingParamsException')).toBeGreaterThanOrEqual(p('trackingParamsScoped'));
    expect(p('siteOff')).toBeGreaterThan(Math.max(p('trackerBlock'), p('cnameCloak'), p('siteStrict'), p('trackingParamsScoped')));
    expect(p('companyAllow')).toBeGreaterThan(Math.max(p('trackerBlock'), p('cnameCloak'), p('siteStrict')));
    expect(p('companyBlock')).toBeGreaterThan(p('siteOff'));
    expect(p('surrogate')).toBeGreaterThan(Math.max(p('trackerBlock'), p('cnameCloak'), p('siteStrict')));
    expect(p('surrogate')).toBeLessThan(Math.min(p('siteOff'), p('companyAllow'), p('companyBlock')));
  });

  it('gives every category its own tracker slot inside the trackerBlock range', () => {
    // Tried: the slot of each category decision, and an out-of-range slot.
    const slots = CATEGORY_DECISIONS.map((c) => c.slot);
    expect(new Set(slots).size).toBe(slots.length);
    for (const slot of slots) {
      const { firstId, lastId } = trackerSlotRange(slot);
      expect(isInRange('trackerBlock', firstId) && isInRange('trackerBlock', lastId)).toBe(true);
    }
    expect(() => trackerSlotRange(TRACKER_SLOT_COUNT)).toThrow(RangeError);
  });
});

describe('id helpers', () => {
  it('hands out sequential ids and refuses to leave the range', () => {
    // Tried: draining the 10-id gpc range.
    const next = sequentialIds('gpc');
    const ids = Array.from({ length: 10 }, next);
    expect(ids).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009]);
    expect(next).toThrow(/exhausted/);
  });

  it('names the kind of an id', () => {
    // Tried: one id per range and one outside all of them.
    expect(kindOfRuleId(10_000)).toBe('siteOff');
    expect(kindOfRuleId(123_456_789)).toBe('trackerBlock');
    expect(kindOfRuleId(5_000)).toBeUndefined();
  });

  it('keeps hashed ids when keys are added, and resolves collisions inside the range', () => {
    // Tried: 500 keys, then the same plus 50 more; then 10 keys in a 10-id range (collisions certain).
    const before = hashedIds(Array.from({ length: 500 }, (_, i) => `key-${i}`), 1, 1_000_000);
    const after = hashedIds([...before.keys(), ...Array.from({ length: 50 }, (_, i) => `new-${i}`)], 1, 1_000_000);
    for (const [key, id] of before) expect(after.get(key)).toBe(id);
    const tight = hashedIds(Array.from({ length: 10 }, (_, i) => `k${i}`), 5, 14);
    expect([...tight.values()].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(() => hashedIds(['a', 'b'], 1, 1)).toThrow(RangeError);
  });
});
