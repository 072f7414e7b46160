import { describe, expect, it } from 'vitest';
import { KeyedHasher } from './keyed-hash';
import { rendezvousOrder, Selector, siteGroup, type Strategy } from './selection';
import { registrableDomain } from '../../site/registrable-domain';

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const FIVE = ['https://r1.test/dns-query', 'https://r2.test/dns-query', 'https://r3.test/dns-query', 'https://r4.test/dns-query', 'https://r5.test/dns-query'];
const SITES = Array.from({ length: 1000 }, (_, i) => `site${i}.example`);

function selector(strategy: Strategy = 'site', extra: { random?: () => number; now?: () => number; rekeyPeriodMs?: number; secret?: Uint8Array } = {}) {
  return new Selector({ strategy, secret: extra.secret ?? SECRET, random: extra.random ?? Math.random, now: extra.now ?? (() => 0), rekeyPeriodMs: extra.rekeyPeriodMs });
}

function firstChoices(s: Selector, resolvers: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const site of SITES) map.set(site, s.order(site, site, resolvers)[0] ?? '');
  return map;
}

describe('registrable domain', () => {
  it('reduces names to eTLD+1 with the PSL private section, and keeps IPs and single labels as they are', () => {
    expect(registrableDomain('a.b.news.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('192.0.2.1')).toBe('192.0.2.1');
    expect(registrableDomain('localhost')).toBe('localhost');
    expect(registrableDomain('http://192.0.2.1:8080/admin')).toBe('192.0.2.1');
    expect(registrableDomain('https://www.News.example/page?q=1')).toBe('news.example');
    expect(siteGroup('cdn.tracker.test', 'www.news.example')).toBe('news.example');
    expect(siteGroup('img.shop.example', undefined)).toBe('shop.example');
  });
});

describe('site strategy', () => {
  it('sends every name of one site’s page load (first and third party) to one resolver', () => {
    const s = selector();
    const names = ['www.news.example', 'static.news.example', 'cdn.jsdelivr.net', 'www.googletagmanager.com', 'fonts.gstatic.com', 'ads.tracker.test'];
    const picks = new Set(names.map((n) => s.order(n, 'news.example', FIVE)[0]));
    expect(picks.size).toBe(1);
  });

  it('groups a lookup tied to no page by the name’s registrable domain', () => {
    const s = selector();
    expect(s.order('a.shop.example', undefined, FIVE)).toEqual(s.order('b.c.shop.example', undefined, FIVE));
  });

  it('gives each site the same full preference order on every call, so its fallback (second choice) is fixed', () => {
    const s = selector();
    const first = s.order('x.test', 'news.example', FIVE);
    expect(new Set(first).size).toBe(5);
    for (let i = 0; i < 5; i++) expect(selector().order('y.test', 'news.example', FIVE)).toEqual(first);
  });

  it('spreads 1000 sites over 5 resolvers evenly (each 200 ± 60)', () => {
    const counts = new Map<string, number>();
    for (const r of firstChoices(selector(), FIVE).values()) counts.set(r, (counts.get(r) ?? 0) + 1);
    expect(counts.size).toBe(5);
    for (const n of counts.values()) expect(Math.abs(n - 200)).toBeLessThan(60);
  });

  it('removing one resolver of 5 moves only the sites that were on it, each to its old second choice', () => {
    const s = selector();
    const removed = FIVE[2] ?? '';
    const before = new Map<string, readonly string[]>();
    for (const site of SITES) before.set(site, s.order(site, site, FIVE));
    const after = firstChoices(s, FIVE.filter((r) => r !== removed));
    let moved = 0;
    for (const site of SITES) {
      const [first, second] = before.get(site) ?? [];
      if (first === removed) {
        moved++;
        expect(after.get(site)).toBe(second);
      } else expect(after.get(site)).toBe(first);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('adding a sixth resolver moves sites only onto the new one (about 1/6 of them)', () => {
    const s = selector();
    const before = firstChoices(s, FIVE);
    const added = 'https://r6.test/dns-query';
    const after = firstChoices(s, [...FIVE, added]);
    let moved = 0;
    for (const site of SITES) {
      if (after.get(site) !== before.get(site)) {
        moved++;
        expect(after.get(site)).toBe(added);
      }
    }
    expect(moved).toBeGreaterThan(100);
    expect(moved).toBeLessThan(240);
  });

  it('maps sites differently under another per-install secret (the mapping is not predictable)', () => {
    const a = firstChoices(selector(), FIVE);
    const b = firstChoices(selector('site', { secret: new Uint8Array(32).fill(9) }), FIVE);
    const same = SITES.filter((site) => a.get(site) === b.get(site)).length;
    expect(same).toBeLessThan(300); // about 1/5 by chance
  });

  it('keeps the mapping forever without a re-keying period, and changes it each period with one', () => {
    const clock = { t: 0 };
    const fixed = selector('site', { now: () => clock.t });
    const rekeyed = selector('site', { now: () => clock.t, rekeyPeriodMs: 86_400_000 });
    const fixedBefore = firstChoices(fixed, FIVE);
    const rekeyedBefore = firstChoices(rekeyed, FIVE);
    clock.t = 86_400_000 - 1;
    expect(firstChoices(rekeyed, FIVE)).toEqual(rekeyedBefore);
    clock.t = 86_400_000 * 3;
    expect(firstChoices(fixed, FIVE)).toEqual(fixedBefore);
    const rekeyedAfter = firstChoices(rekeyed, FIVE);
    const moved = SITES.filter((site) => rekeyedAfter.get(site) !== rekeyedBefore.get(site)).length;
    expect(moved).toBeGreaterThan(700); // about 4/5
  });
});

describe('other strategies', () => {
  it('name: ignores the site and keys on the name’s registrable domain', () => {
    const s = selector('name');
    expect(s.order('x.shop.example', 'news.example', FIVE)).toEqual(s.order('y.shop.example', 'other.example', FIVE));
  });

  it('round-robin: successive lookups start at successive resolvers', () => {
    const s = selector('round-robin');
    const firsts = [];
    for (let i = 0; i < 6; i++) firsts.push(s.order('a.test', undefined, FIVE)[0]);
    expect(firsts).toEqual([...FIVE, FIVE[0]]);
  });

  it('random: starts where random() points and keeps the list order after it', () => {
    expect(selector('random', { random: () => 0.65 }).order('a.test', undefined, FIVE)).toEqual([FIVE[3], FIVE[4], FIVE[0], FIVE[1], FIVE[2]]);
    expect(selector('random', { random: () => 0.9999999 }).order('a.test', undefined, FIVE)[0]).toBe(FIVE[4]);
  });

  it('single: the user’s order, first resolver first', () => {
    expect(selector('single').order('a.test', 'news.example', FIVE)).toEqual(FIVE);
  });
});

describe('keyed hash', () => {
  it('refuses a secret shorter than 16 bytes with a clear message, and so does a selector built on it', () => {
    expect(() => KeyedHasher.create(new Uint8Array(8))).toThrow(/at least 16 random bytes/);
    expect(() => selector('single', { secret: new Uint8Array(15) })).toThrow(/at least 16 random bytes/);
  });

  it('computes the very HMAC-SHA-256 WebCrypto does (RFC 4231 case 2, and ours), so ledgers stored before stay valid', async () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?" (the key is short, so the digest is taken raw).
    const { hmac } = await import('@noble/hashes/hmac.js');
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const rfc = hmac(sha256, new TextEncoder().encode('Jefe'), new TextEncoder().encode('what do ya want for nothing?'));
    expect(Buffer.from(rfc).toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const hasher = KeyedHasher.create(SECRET);
    const key = await crypto.subtle.importKey('raw', SECRET, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    for (const [purpose, text] of [['ledger site', 'news.example'], ['rendezvous', 'shop.test\u0000https://r1.test/dns-query'], ['derive', 'selection epoch 3']]) {
      const webCrypto = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${purpose}\u0000${text}`)));
      expect(hasher.digest(purpose as string, text as string)).toEqual(webCrypto);
    }
  });

  it('orders resolvers by HMAC weight independently of the input order', () => {
    const hasher = KeyedHasher.create(SECRET);
    const a = rendezvousOrder(hasher, 'news.example', FIVE);
    expect(rendezvousOrder(hasher, 'news.example', [...FIVE].reverse())).toEqual(a);
  });
});

describe('weighted rendezvous (prefer faster resolvers)', () => {
  const THREE = FIVE.slice(0, 3);
  const [fast, middle, slow] = THREE as [string, string, string];
  const shares = (picks: Map<string, string>) => THREE.map((r) => [...picks.values()].filter((p) => p === r).length / picks.size);

  it('with equal weights ranks every site exactly as the unweighted hash, so switching it on moves nobody', () => {
    const plain = firstChoices(selector(), FIVE);
    const weighted = selector();
    weighted.setWeights(Object.fromEntries(FIVE.map((r) => [r, 0.5])));
    expect(firstChoices(weighted, FIVE)).toEqual(plain);
  });

  it('gives each resolver about w/Σw of the sites (weights 1, ¼, ⅛: 72.7 %, 18.2 %, 9.1 %)', () => {
    const s = selector();
    s.setWeights({ [fast]: 1, [middle]: 0.25, [slow]: 0.125 });
    const [a, b, c] = shares(firstChoices(s, THREE));
    expect(a).toBeCloseTo(0.727, 1);
    expect(b).toBeCloseTo(0.182, 1);
    expect(c).toBeCloseTo(0.091, 1);
  });

  it('when one weight rises, the only sites that move are those moving to that resolver', () => {
    const s = selector();
    s.setWeights({ [fast]: 1, [middle]: 0.25, [slow]: 0.125 });
    const before = firstChoices(s, THREE);
    s.setWeights({ [fast]: 1, [middle]: 0.25, [slow]: 0.5 });
    const after = firstChoices(s, THREE);
    const moved = SITES.filter((site) => before.get(site) !== after.get(site));
    expect(moved.length).toBeGreaterThan(50);
    for (const site of moved) expect(after.get(site)).toBe(slow);
  });

  it('leaves round-robin, random and single alone', () => {
    for (const strategy of ['round-robin', 'random', 'single'] as const) {
      const plain = selector(strategy, { random: () => 0.4 });
      const weighted = selector(strategy, { random: () => 0.4 });
      weighted.setWeights({ [fast]: 1, [middle]: 0.0625, [slow]: 0.0625 });
      for (let i = 0; i < 5; i++) expect(weighted.order('a.test', 'a.test', THREE)).toEqual(plain.order('a.test', 'a.test', THREE));
    }
  });
});
