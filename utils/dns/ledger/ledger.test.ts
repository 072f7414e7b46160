import { describe, expect, it } from 'vitest';
import { ExposureLedger, LedgerFormatError } from './ledger';

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const R1 = 'https://r1.test/dns-query';
const R2 = 'https://r2.test/dns-query';

function ledger(clock = { t: 1000 }) {
  return new ExposureLedger({ secret: SECRET, now: () => clock.t });
}

function filled() {
  const l = ledger();
  l.record(R1, 'news.example', 'www.news.example');
  l.record(R1, 'news.example', 'cdn.tracker.test');
  l.record(R1, 'news.example', 'cdn.tracker.test');
  l.record(R1, 'shop.example', 'cdn.tracker.test');
  l.record(R2, 'mail.example', 'mail.example');
  return l;
}

describe('ExposureLedger', () => {
  it('counts distinct sites and names per resolver and each resolver’s share of all sites', () => {
    const summary = filled().summary();
    expect(summary).toEqual([
      { resolver: R1, queries: 4, sites: 2, names: 2, siteShare: 2 / 3, nameShare: 2 / 3 },
      { resolver: R2, queries: 1, sites: 1, names: 1, siteShare: 1 / 3, nameShare: 1 / 3 },
    ]);
  });

  it('stores only keyed hashes: the JSON holds no site or name in clear', () => {
    const text = JSON.stringify(filled().toJSON());
    for (const clear of ['news', 'shop', 'mail.example', 'tracker']) expect(text).not.toContain(clear);
    expect(text).toMatch(/"[0-9a-f]{32}"/);
  });

  it('gives other hashes under another secret, so the stored ledger cannot be tested for a site without it', () => {
    const a = ledger();
    const b = new ExposureLedger({ secret: new Uint8Array(32).fill(1), now: () => 0 });
    a.record(R1, 'news.example', 'www.news.example');
    b.record(R1, 'news.example', 'www.news.example');
    expect(a.toJSON().resolvers[0]?.sites[0]?.[0]).not.toBe(b.toJSON().resolvers[0]?.sites[0]?.[0]);
  });

  it('round-trips through toJSON → JSON text → fromJSON and keeps counting the same sites', () => {
    const original = filled();
    const restored = ExposureLedger.fromJSON(JSON.stringify(original.toJSON()), { secret: SECRET, now: () => 2000 });
    expect(restored.summary()).toEqual(original.summary());
    restored.record(R1, 'news.example', 'www.news.example');
    expect(restored.summary()[0]).toMatchObject({ queries: 5, sites: 2, names: 2 });
  });

  it.each([
    ['not JSON', '{oops', 'not valid JSON'],
    ['an array', [], 'must be an object'],
    ['another version', { version: 2, resolvers: [] }, 'Unsupported exposure ledger version 2'],
    ['resolvers not an array', { version: 1, resolvers: {} }, 'ledger.resolvers must be an array'],
    ['a resolver without URL', { version: 1, resolvers: [{ queries: 0, sites: [], names: [] }] }, 'ledger.resolvers[0].resolver'],
    ['a negative query count', { version: 1, resolvers: [{ resolver: R1, queries: -1, sites: [], names: [] }] }, 'ledger.resolvers[0].queries'],
    ['a hash in clear text', { version: 1, resolvers: [{ resolver: R1, queries: 1, sites: [['news.example', 1, 0]], names: [] }] }, 'ledger.resolvers[0].sites[0] hash'],
    ['a zero count', { version: 1, resolvers: [{ resolver: R1, queries: 1, sites: [['0'.repeat(32), 0, 0]], names: [] }] }, 'sites[0] count'],
    ['a bad lastSeen', { version: 1, resolvers: [{ resolver: R1, queries: 1, sites: [], names: [['a'.repeat(32), 1, 'x']] }] }, 'names[0] lastSeen'],
    ['a repeated resolver', { version: 1, resolvers: [{ resolver: R1, queries: 0, sites: [], names: [] }, { resolver: R1, queries: 0, sites: [], names: [] }] }, 'repeats'],
    ['null', null, 'must be an object'],
  ])('fromJSON rejects %s with LedgerFormatError saying where', (_, input, message) => {
    expect(() => ExposureLedger.fromJSON(input, { secret: SECRET, now: () => 0 })).toThrow(LedgerFormatError);
    expect(() => ExposureLedger.fromJSON(input, { secret: SECRET, now: () => 0 })).toThrow(message);
  });

  it('refuses a secret shorter than 16 bytes when built or restored, not at its first record, and not as a format error', () => {
    const short = { secret: new Uint8Array(15), now: () => 0 };
    expect(() => new ExposureLedger(short)).toThrow('The per-install secret must be at least 16 random bytes.');
    const restore = () => ExposureLedger.fromJSON({ version: 1, resolvers: [] }, short);
    expect(restore).toThrow('The per-install secret must be at least 16 random bytes.');
    expect(restore).not.toThrow(LedgerFormatError); // so restoreLedger does not report it as a corrupt ledger
  });

  it('prunes entries last seen before a time, and forgets one site everywhere', () => {
    const clock = { t: 1000 };
    const l = ledger(clock);
    l.record(R1, 'old.example', 'old.example');
    clock.t = 5000;
    l.record(R1, 'new.example', 'new.example');
    l.record(R2, 'new.example', 'new.example');
    expect(l.pruneBefore(2000)).toBe(2); // old.example as a site and as a name
    expect(l.summary()[0]).toMatchObject({ sites: 1, names: 1 });
    expect(l.pruneBefore(2000)).toBe(0);
    l.forgetSite('new.example');
    expect(l.summary().map((s) => s.sites)).toEqual([0, 0]);
  });

  it('keeps at most maxEntries per resolver, dropping the least recently seen', () => {
    const clock = { t: 0 };
    const l = new ExposureLedger({ secret: SECRET, now: () => clock.t++, maxEntries: 3 });
    for (const site of ['a.test', 'b.test', 'c.test', 'a.test', 'd.test']) l.record(R1, site, site);
    expect(l.summary()[0]).toMatchObject({ sites: 3, queries: 5 });
    l.record(R1, 'a.test', 'a.test'); // still known: a was refreshed, b went
    expect(l.summary()[0]?.sites).toBe(3);
  });
});
