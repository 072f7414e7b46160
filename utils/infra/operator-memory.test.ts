import { describe, expect, it } from 'vitest';
import { OperatorMemory, SEEN_RESOLUTION_MS } from './operator-memory';

const DAY = 86_400_000;

describe('OperatorMemory', () => {
  it('remembers, updates and forgets hosts; the least recently seen goes first past the limit', () => {
    const m = new OperatorMemory(2);
    expect(m.remember('a.test', 'Cloudflare', 0)).toBe(true);
    expect(m.remember('a.test', 'Cloudflare', 1)).toBe(false); // seen again a moment later: not worth a write
    expect(m.remember('a.test', 'Cloudflare', SEEN_RESOLUTION_MS + 1)).toBe(true); // an hour later: it is
    m.remember('b.test', 'Fastly', 2);
    m.remember('a.test', 'Cloudflare', 3); // a.test seen again: b.test is now the oldest
    m.remember('c.test', 'Akamai', 4);
    expect([m.operatorOf('a.test'), m.operatorOf('b.test'), m.operatorOf('c.test')]).toEqual(['Cloudflare', null, 'Akamai']);
    expect(m.remember('a.test', null, 5)).toBe(true);
    expect(m.operatorOf('a.test')).toBeNull();
  });

  it('follows history: pruned by last-seen time, a site’s own hosts forgotten, emptied', () => {
    const m = new OperatorMemory();
    m.remember('old.test', 'Fastly', 1 * DAY);
    m.remember('www.site.test', 'Cloudflare', 5 * DAY);
    m.remember('img.site.test', 'Cloudflare', 5 * DAY);
    m.remember('cdn.other.test', 'Akamai', 5 * DAY);
    expect(m.pruneBefore(2 * DAY)).toBe(1);
    expect(m.operatorOf('old.test')).toBeNull();
    expect(m.forgetHosts((host) => host.endsWith('.site.test'))).toBe(2);
    expect(m.toJSON()).toEqual([['cdn.other.test', 'Akamai', 5 * DAY]]);
    expect(m.clear()).toBe(1);
    expect(m.toJSON()).toEqual([]);
  });

  it('round-trips through JSON; entries stored without times count as seen at load; corrupt values are skipped', () => {
    const m = new OperatorMemory();
    m.remember('a.test', 'Cloudflare', 7);
    expect(OperatorMemory.fromJSON(JSON.parse(JSON.stringify(m)), 99).toJSON()).toEqual([['a.test', 'Cloudflare', 7]]);
    expect(OperatorMemory.fromJSON([['old.test', 'Fastly']], 99).toJSON()).toEqual([['old.test', 'Fastly', 99]]);
    expect(OperatorMemory.fromJSON('garbage', 0).toJSON()).toEqual([]);
    expect(OperatorMemory.fromJSON([['x.test', 3], 'y', ['z.test', 'Fastly', 'when']], 5).toJSON()).toEqual([['z.test', 'Fastly', 5]]);
  });
});
