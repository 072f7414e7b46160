import { describe, expect, it } from 'vitest';
import { CompanionLookupMemory, companionPageView } from './companion-lookups';

const Q9 = 'https://dns.quad9.net/dns-query{?dns}';
const OTHER = 'https://doh.example.net/dns-query';

describe('CompanionLookupMemory', () => {
  it('counts the page\'s distinct names per resolver since it started', () => {
    const memory = new CompanionLookupMemory();
    memory.add({ site: 'example.com', name: 'www.example.com', resolver: Q9, at: 50 }); // before the page
    memory.add({ site: 'example.com', name: 'www.example.com', resolver: Q9, at: 100 });
    memory.add({ site: 'example.com', name: 'www.example.com', resolver: Q9, at: 120 });
    memory.add({ site: 'example.com', name: 'cdn.other.net', resolver: OTHER, at: 130 });
    memory.add({ site: 'example.com', name: 'img.example.com', resolver: null, at: 140 });
    memory.add({ site: 'elsewhere.org', name: 'www.elsewhere.org', resolver: Q9, at: 150 });
    const page = memory.forPage({ site: 'example.com', startedAt: 100, hosts: [] });
    expect(page.names).toBe(3);
    expect(page.unsent).toBe(1);
    expect(Object.fromEntries(page.byResolver)).toEqual({ [Q9]: 1, [OTHER]: 1 });
    const view = companionPageView({ state: 'connected', error: 'ignored', onLoss: 'direct' }, page);
    expect(view.error).toBeNull();
    expect(view.resolvers.map((r) => [r.label, r.operator, r.names])).toEqual([
      ['dns.quad9.net', 'Quad9 Foundation', 1],
      ['doh.example.net', null, 1],
    ]);
  });
  it('finds Chrome\'s lookups by the page\'s hosts (Chrome names no top-level site)', () => {
    const memory = new CompanionLookupMemory();
    memory.add({ site: 'tracker.com', name: 'px.tracker.com', resolver: OTHER, at: 10 });
    expect(memory.forPage({ site: 'example.com', startedAt: 0, hosts: ['PX.tracker.com'] }).names).toBe(1);
  });
  it('keeps at most its bound, oldest out', () => {
    const memory = new CompanionLookupMemory(2);
    for (const at of [1, 2, 3]) memory.add({ site: 's.com', name: `n${at}.s.com`, resolver: null, at });
    expect(memory.size).toBe(2);
    expect(memory.forPage({ site: 's.com', startedAt: 0, hosts: [] }).names).toBe(2);
  });
  it('passes the error only when lost', () => {
    const empty = new CompanionLookupMemory().forPage({ site: 'x.com', startedAt: 0, hosts: [] });
    expect(companionPageView({ state: 'lost', error: 'exited', onLoss: 'block' }, empty)).toEqual({ state: 'lost', error: 'exited', onLoss: 'block', names: 0, unsent: 0, resolvers: [] });
  });
});
