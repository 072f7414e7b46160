import { describe, expect, it } from 'vitest';
import { OperatorMemory } from './operator-memory';

describe('OperatorMemory', () => {
  it('remembers, updates and forgets hosts; the least recently seen goes first past the limit', () => {
    const m = new OperatorMemory(2);
    expect(m.remember('a.test', 'Cloudflare')).toBe(true);
    expect(m.remember('a.test', 'Cloudflare')).toBe(false);
    m.remember('b.test', 'Fastly');
    m.remember('a.test', 'Cloudflare'); // a.test seen again: b.test is now the oldest
    m.remember('c.test', 'Akamai');
    expect([m.operatorOf('a.test'), m.operatorOf('b.test'), m.operatorOf('c.test')]).toEqual(['Cloudflare', null, 'Akamai']);
    expect(m.remember('a.test', null)).toBe(true);
    expect(m.operatorOf('a.test')).toBeNull();
  });

  it('round-trips through JSON; corrupt stored values (not an array, bad entries) are skipped, never thrown', () => {
    const m = new OperatorMemory();
    m.remember('a.test', 'Cloudflare');
    expect(OperatorMemory.fromJSON(JSON.parse(JSON.stringify(m))).operatorOf('a.test')).toBe('Cloudflare');
    expect(OperatorMemory.fromJSON('garbage').toJSON()).toEqual([]);
    expect(OperatorMemory.fromJSON([['x.test', 3], 'y', ['z.test', 'Fastly']]).toJSON()).toEqual([['z.test', 'Fastly']]);
  });
});
