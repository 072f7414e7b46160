import { describe, expect, it } from 'vitest';
import { RULE_TABLE } from '../rules/priorities';
import { CloakBook } from './cloak-book';
import { buildCloakRules, CLOAK_BOOK_OPTIONS, MAX_CLOAK_RULES } from './cloak-rules';
import type { CloakFinding } from './detect-cloak';

const finding = (host: string, site = 'shop.example'): CloakFinding => ({
  site, host, organization: 'Adobe', organizationId: 'adobe', category: 'site_analytics', target: `${host}.sc.omtrdc.net`, cnameChain: [`${host}.sc.omtrdc.net`],
});
const small = { capacity: 2, firstId: 50_000, lastId: 50_009 };

describe('CloakBook', () => {
  it('learns a cloak once with a rule id from the cloak range; a later sighting refreshes its TTL and recency only', () => {
    const book = new CloakBook(CLOAK_BOOK_OPTIONS);
    const first = book.learn(finding('metrics.shop.example'), 300, 1_000);
    expect(first).toMatchObject({ rulesChanged: true, evicted: [], entry: { ruleId: RULE_TABLE.cnameCloak.firstId, expiresAt: 301_000, lastSeen: 1_000 } });
    const again = book.learn(finding('metrics.shop.example'), 60, 5_000);
    expect(again).toMatchObject({ rulesChanged: false, entry: { ruleId: first.entry.ruleId, learnedAt: 1_000, checkedAt: 5_000, expiresAt: 65_000 } });
    expect(book.size).toBe(1);
  });

  it('is bounded: the least recently seen goes first, evictions are counted and named, freed ids are reused', () => {
    const book = new CloakBook(small);
    book.learn(finding('a.shop.example'), 60, 1);
    book.learn(finding('b.shop.example'), 60, 2);
    book.learn(finding('a.shop.example'), 60, 3); // a seen again: b is now the oldest
    const third = book.learn(finding('c.shop.example'), 60, 4);
    expect(third.evicted.map((e) => e.host)).toEqual(['b.shop.example']);
    expect(third.entry.ruleId).toBe(50_001); // b's id, free again
    expect(book.entries().map((e) => e.host)).toEqual(['a.shop.example', 'c.shop.example']);
    expect(book.evictions).toEqual({ total: 1, lastAt: 4, recent: [{ site: 'shop.example', host: 'b.shop.example' }] });
  });

  it('forgets a host whose chain no longer reaches a tracker, and prunes entries idle since a date', () => {
    const book = new CloakBook(small);
    book.learn(finding('a.shop.example'), 60, 1);
    book.learn(finding('b.shop.example', 'other.example'), 60, 10);
    expect(book.forget('shop.example', 'b.shop.example')).toBe(false); // another site's
    expect(book.forget('shop.example', 'a.shop.example')).toBe(true);
    expect(book.pruneIdle(11)).toBe(true);
    expect(book.size).toBe(0);
  });

  it('forgets a whole site (its cloaks and its name in the eviction log) and clears everything for "delete all"', () => {
    const book = new CloakBook(small);
    book.learn(finding('a.shop.example'), 60, 1);
    book.learn(finding('b.shop.example'), 60, 2);
    book.learn(finding('c.news.example', 'news.example'), 60, 3); // evicts a.shop.example
    expect(book.forgetSite('shop.example')).toBe(true);
    expect(book.entries().map((e) => e.host)).toEqual(['c.news.example']);
    expect(book.evictions).toEqual({ total: 1, lastAt: 3, recent: [] });
    expect(book.forgetSite('shop.example')).toBe(false);
    expect(book.clear()).toBe(true);
    expect(book.size).toBe(0);
    expect(book.evictions).toEqual({ total: 0, lastAt: null, recent: [] });
    expect(book.clear()).toBe(false);
  });

  it('round-trips through JSON; a stored book that does not fit is cut to the most recent, bad rows dropped', () => {
    const book = new CloakBook(small);
    book.learn(finding('a.shop.example'), 60, 1);
    book.learn(finding('b.shop.example'), 60, 2);
    const json = JSON.parse(JSON.stringify(book.toJSON()));
    expect(CloakBook.fromJSON(json, small).entries()).toEqual(book.entries());
    const tighter = CloakBook.fromJSON(json, { ...small, capacity: 1 });
    expect(tighter.entries().map((e) => e.host)).toEqual(['b.shop.example']);
    expect(CloakBook.fromJSON({ version: 1, entries: [{ host: 'x' }, null] }, small).size).toBe(0);
    expect(CloakBook.fromJSON('garbage', small).size).toBe(0);
  });
});

describe('cloak rules', () => {
  it('block that host when the site’s documents request it, at the static tracker priority, ids in the cloak range', () => {
    const book = new CloakBook(CLOAK_BOOK_OPTIONS);
    book.learn(finding('metrics.shop.example'), 60, 1);
    expect(buildCloakRules(book.entries())).toEqual([
      { id: 50_000, priority: 3, action: { type: 'block' }, condition: { requestDomains: ['metrics.shop.example'], initiatorDomains: ['shop.example'] } },
    ]);
    expect(RULE_TABLE.cnameCloak.priority).toBe(RULE_TABLE.trackerBlock.priority);
    expect(MAX_CLOAK_RULES).toBeLessThanOrEqual(RULE_TABLE.cnameCloak.lastId - RULE_TABLE.cnameCloak.firstId + 1);
  });
});
