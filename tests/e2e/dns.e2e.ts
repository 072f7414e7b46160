import { afterAll, beforeAll, expect, it } from 'vitest';
import { DohServer, type ZoneRecord } from '../support/doh-server';
import type { DnsAnswerView, DnsConfigureResult, DnsStatus } from '../../utils/messages/dns-messages';
import type { ExtensionPage } from './harness/extension-browser';
import { addResolverUrl, ask, chooseOption, dnsSectionText, readResolverCards, readUrlError } from './harness/dns-actions';
import { click, evaluate } from './harness/dashboard-actions';
import { describeInBothBrowsers } from './harness/in-both-browsers';

/** Twelve sites: with three resolvers, all landing on one would be a 1-in-59 000 chance (3 · 3⁻¹²). */
const SITES = Array.from({ length: 12 }, (_, i) => `site${i + 1}.test`);
/** The names one page load of a site looks up: two of its own, one third party behind a CNAME chain. */
const namesOf = (site: string, i: number) => [`www.${site}`, `static.${site}`, `t${i + 1}.tracker.test`];
const ZONE: ZoneRecord[] = [
  ...SITES.flatMap((site, i): ZoneRecord[] => [{ name: `*.${site}`, type: 'A', data: `198.51.100.${i + 1}` }]),
  { name: '*.tracker.test', type: 'CNAME', data: 'edge.cdn.test' },
  { name: 'edge.cdn.test', type: 'CNAME', data: 'pop1.cdn.test' },
  { name: 'pop1.cdn.test', type: 'A', data: '192.0.2.7' },
  { name: 'pop1.cdn.test', type: 'AAAA', data: '2001:db8::7' },
];

describeInBothBrowsers('DNS through the resolver pool', (ctx) => {
  let servers: DohServer[] = [];
  let page: ExtensionPage;
  /** Which site each looked-up name belongs to, so the servers' logs can be read by site. */
  const siteOfName = new Map<string, string>();
  const serverOf = (url: string) => servers.find((s) => url.startsWith(s.url));
  /** For each server: the sites (by the names it was asked) whose lookups reached it from log entry `from[i]` on; probes left out. */
  const sitesSeen = (from: number[] = []) =>
    servers.map((s, i) => new Set(s.log.slice(from[i] ?? 0).flatMap((q) => (siteOfName.has(q.name) ? [siteOfName.get(q.name)] : []))));
  const namesAsked = (s: DohServer, from = 0) => [...new Set(s.log.slice(from).filter((q) => siteOfName.has(q.name)).map((q) => `${q.name} ${q.type}`))];

  beforeAll(async () => {
    servers = await Promise.all([1, 2, 3].map(() => DohServer.start({ zone: ZONE, plain: true })));
    page = await ctx().browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await page?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('refuses an empty list or a plain-http resolver off this machine, with a message, and changes nothing', async () => {
    const before = await ask<DnsStatus>(page, { type: 'dns.status' });
    expect(before.resolvers.map((r) => r.info?.country)).toEqual(['CH', 'SE', 'EU']);
    const empty = await ask<DnsConfigureResult>(page, { type: 'dns.configure', resolvers: [] });
    expect(empty).toEqual({ ok: false, errors: { resolvers: 'Keep at least one resolver: with none, Diffuse could not look anything up.' } });
    const http = await ask<DnsConfigureResult>(page, { type: 'dns.configure', resolvers: [servers[0]?.template, 'http://dns.example/dns-query'], strategy: 'name' });
    expect(http).toMatchObject({ ok: false, errors: { resolvers: expect.stringContaining('must use https://') } });
    const after = await ask<DnsStatus>(page, { type: 'dns.status' });
    expect({ ...after, takenAt: 0 }).toEqual({ ...before, takenAt: 0 });
    expect(servers.every((s) => s.log.length === 0)).toBe(true);

    // Through the page: a mistyped address is caught as typed; a dead one fails the background's probe.
    await expect.poll(() => readResolverCards(page).then((cards) => cards.length), { timeout: 10_000 }).toBe(3);
    await addResolverUrl(page, 'http://dns.example/dns-query');
    await expect.poll(() => readUrlError(page).then((e) => e.text), { timeout: 5_000 }).toContain('must use https://');
    await addResolverUrl(page, 'http://127.0.0.1:9/dns-query');
    await expect.poll(() => readUrlError(page).then((e) => e.text), { timeout: 10_000 }).toMatch(/^Not added: 127\.0\.0\.1:9: could not reach the resolver/);
    expect(await readUrlError(page)).toMatchObject({ invalid: true, describedBy: 'dns-url-help dns-url-error' });
    expect((await readResolverCards(page)).map((c) => c.url)).toEqual(before.resolvers.map((r) => r.url));
  });

  it('resolves for each site through one resolver only: right answers, no name sent to two resolvers', async () => {
    const configured = await ask<DnsConfigureResult>(page, { type: 'dns.configure', resolvers: servers.map((s) => s.template), strategy: 'site' });
    expect(configured.ok).toBe(true);
    // Each new resolver answered one probe before it was saved, and nothing else yet.
    expect(servers.map((s) => s.log.map((q) => q.name))).toEqual([['example.com'], ['example.com'], ['example.com']]);

    for (const [i, site] of SITES.entries()) {
      const names = namesOf(site, i);
      for (const name of names) siteOfName.set(name, site);
      const answers = await Promise.all(names.map((name) => ask<DnsAnswerView>(page, { type: 'dns.resolve', name, site: `https://www.${site}/` })));
      expect(answers[0]).toMatchObject({ name: `www.${site}`, site, rcode: 'NOERROR', addresses: [`198.51.100.${i + 1}`], cnameChain: [] });
      expect(answers[2]).toMatchObject({ site, rcode: 'NOERROR', addresses: ['192.0.2.7', '2001:db8::7'], cnameChain: ['edge.cdn.test', 'pop1.cdn.test'] });
      expect(new Set(answers.map((a) => a.resolver)).size).toBe(1);
    }
    const nx = await ask<DnsAnswerView>(page, { type: 'dns.resolve', name: 'www.nowhere.example', recordType: 'A' });
    expect(nx).toMatchObject({ rcode: 'NXDOMAIN', addresses: [], site: 'nowhere.example' });
    siteOfName.set('www.nowhere.example', 'nowhere.example');

    const seen = sitesSeen();
    for (const site of [...SITES, 'nowhere.example']) expect(seen.filter((sites) => sites.has(site))).toHaveLength(1);
    const asked = servers.flatMap((s) => namesAsked(s));
    expect(asked.length).toBe(new Set(asked).size); // no query reached two resolvers
    expect(seen.filter((sites) => sites.size > 0).length).toBeGreaterThanOrEqual(2); // spread, not concentrated
  });

  it('a dead resolver’s sites each fail over to exactly one fallback; the other sites do not move', async () => {
    const before = sitesSeen();
    const deadIndex = before.reduce((best, sites, i, all) => (sites.size > (all[best]?.size ?? 0) ? i : best), 0);
    const dead = servers[deadIndex] as DohServer;
    await dead.close();
    const from = servers.map((s) => s.log.length);
    for (const [i, site] of SITES.entries()) {
      siteOfName.set(`fresh.${site}`, site);
      const answer = await ask<DnsAnswerView>(page, { type: 'dns.resolve', name: `fresh.${site}`, site });
      expect(answer.addresses).toEqual([`198.51.100.${i + 1}`]);
      const owner = before.findIndex((sites) => sites.has(site));
      if (owner === deadIndex) expect(serverOf(answer.resolver)).not.toBe(dead);
      else expect(serverOf(answer.resolver)).toBe(servers[owner]); // rendezvous: only the dead one's sites move
    }
    const after = sitesSeen(from);
    for (const site of SITES) expect(after.filter((sites) => sites.has(site))).toHaveLength(1);
    const asked = servers.flatMap((s, i) => namesAsked(s, from[i]));
    expect(asked.length).toBe(new Set(asked).size);
    const status = await ask<DnsStatus>(page, { type: 'dns.status' });
    const deadHealth = status.resolvers.find((r) => r.url === dead.template)?.health;
    expect(deadHealth).toMatchObject({ state: 'open', lastReason: 'network' });
    expect(deadHealth?.failures).toBeGreaterThanOrEqual(3);
  });

  it('the options page shows each resolver’s health and what it was sent, matching what the servers saw', async () => {
    await page.close();
    page = await ctx().browser.openExtensionPage('options.html');
    await expect.poll(() => readResolverCards(page).then((cards) => cards.length), { timeout: 10_000 }).toBe(3);
    const cards = await readResolverCards(page);
    // The ledger counts the whole history: every query of the earlier tests, probes excepted (not the user's).
    const seen = sitesSeen();
    for (const [i, server] of servers.entries()) {
      const card = cards.find((c) => c.url === server.template);
      expect(card?.sites).toBe(seen[i]?.size);
      const names = new Set(server.log.filter((q) => q.name !== 'example.com').map((q) => q.name)).size;
      // A dead resolver was still sent (and counted) a few lookups before its circuit opened; its log never got them.
      if (card?.state === 'closed') expect(card.names).toBe(names);
      else expect(card?.names).toBeGreaterThanOrEqual(names);
    }
    const [dead, ...live] = [...cards].sort((a, b) => b.failures - a.failures);
    expect(dead?.state).not.toBe('closed');
    expect(dead?.failures).toBeGreaterThanOrEqual(3);
    expect(dead?.text).toMatch(/Out of service|Being tried again/);
    expect(dead?.text).toContain('could not reach the resolver');
    for (const card of live) {
      expect(card).toMatchObject({ state: 'closed', failures: 0 });
      expect(card.latency).toMatch(/^\d+$/);
      expect(card.successes).toBeGreaterThan(0);
      expect(card.text).toMatch(/\d+ ms/);
    }
    expect(cards.reduce((sum, c) => sum + c.sites, 0)).toBeGreaterThanOrEqual(SITES.length + 1);
    const text = await dnsSectionText(page);
    expect(text).toContain('Use secure DNS');
    expect(text).toContain('DNS over HTTPS');
  });

  it('Chromium: the settings, the ledger and resolver health survive a stopped service worker', async ({ skip }) => {
    const { browser } = ctx();
    if (!browser.stopWorker) return skip('Firefox’s MV2 background page is not stopped');
    const before = await ask<DnsStatus>(page, { type: 'dns.status' });
    await new Promise((r) => setTimeout(r, 1500)); // the ledger is stored at most 1 s after a lookup
    await browser.stopWorker();
    const after = await ask<DnsStatus>(page, { type: 'dns.status' });
    expect(after.resolvers.map((r) => [r.url, r.exposure])).toEqual(before.resolvers.map((r) => [r.url, r.exposure]));
    expect(after).toMatchObject({ strategy: 'site', rekeyDays: 0, problems: [] });
    // The server killed above is still out of service after the restart (storage.session), with its counts.
    const health = (s: DnsStatus) => s.resolvers.map((r) => [r.url, r.health.state === 'closed' ? 'closed' : 'out', r.health.successes, r.health.failures]);
    expect(health(after)).toEqual(health(before));
    expect(health(after).filter(([, state]) => state === 'out')).toHaveLength(1);
  });

  it('strategy and re-keying period apply from the page; the policy snippet says why it has no http resolver', async () => {
    await chooseOption(page, 'dns-strategy', 'name');
    await expect.poll(() => ask<DnsStatus>(page, { type: 'dns.status' }).then((s) => s.strategy), { timeout: 10_000 }).toBe('name');
    await chooseOption(page, 'dns-rekey', '7');
    await expect.poll(() => ask<DnsStatus>(page, { type: 'dns.status' }).then((s) => s.rekeyDays), { timeout: 10_000 }).toBe(7);
    expect(await dnsSectionText(page)).toContain('browsers accept only https://');
    const refused = await ask<DnsConfigureResult>(page, { type: 'dns.configure', strategy: 'fastest', rekeyDays: -1 });
    expect(refused).toMatchObject({ ok: false, errors: { strategy: expect.stringContaining('Unknown strategy'), rekeyDays: expect.stringContaining('whole number') } });
    expect(await ask<DnsStatus>(page, { type: 'dns.status' })).toMatchObject({ strategy: 'name', rekeyDays: 7 });
  });

  it('deleting all history on the dashboard empties the ledger: both sections show no sites, and it counts afresh', async () => {
    const dashboardSites = () => evaluate<number[]>(page, `[...document.querySelectorAll('.dash-dns [data-resolver]')].map((li) => Number(li.dataset.sites))`);
    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    await expect.poll(() => dashboardSites().then(sum), { timeout: 10_000 }).toBeGreaterThanOrEqual(SITES.length + 1);
    await click(page, '[data-testid="delete-all"]');
    await expect.poll(() => evaluate(page, `!!document.querySelector('[data-testid="delete-confirm"]')`)).toBe(true);
    await click(page, '[data-testid="delete-confirm"]');
    await expect.poll(() => dashboardSites(), { timeout: 10_000 }).toEqual([0, 0, 0]);
    const status = await ask<DnsStatus>(page, { type: 'dns.status' });
    expect(status.resolvers.map((r) => [r.exposure.sites, r.exposure.names])).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(status).toMatchObject({ strategy: 'name', rekeyDays: 7, problems: [] }); // the DNS settings stay

    // Stored at once: a stopped worker (Chromium) or a reopened page reads the empty ledger back.
    await ctx().browser.stopWorker?.();
    await page.close();
    page = await ctx().browser.openExtensionPage('options.html');
    await expect.poll(() => readResolverCards(page).then((cards) => cards.map((c) => c.sites)), { timeout: 10_000 }).toEqual([0, 0, 0]);
    await ask<DnsAnswerView>(page, { type: 'dns.resolve', name: 'again.site1.test', site: 'site1.test' });
    const after = await ask<DnsStatus>(page, { type: 'dns.status' });
    expect(sum(after.resolvers.map((r) => r.exposure.sites))).toBeGreaterThan(0);
  });
  it('prefer faster resolvers, switched on from the page: once speeds are learnt, most new sites go to the fast resolver', async () => {
    const zone: ZoneRecord[] = [{ name: '*.test', type: 'A', data: '192.0.2.9' }];
    const [fast, slow] = await Promise.all([DohServer.start({ zone, plain: true }), DohServer.start({ zone, plain: true, delayMs: 150 })]);
    try {
      const configured = await ask<DnsConfigureResult>(page, { type: 'dns.configure', resolvers: [fast.template, slow.template], strategy: 'site' });
      expect(configured.ok && configured.status.preferFast).toBe(false);
      await expect.poll(() => readResolverCards(page).then((cards) => cards.length), { timeout: 10_000 }).toBe(2);
      await click(page, '#dns-prefer-fast');
      await expect.poll(() => ask<DnsStatus>(page, { type: 'dns.status' }).then((st) => st.preferFast), { timeout: 10_000 }).toBe(true);
      const browse = async (prefix: string, count: number) => {
        for (let i = 0; i < count; i++) await ask<DnsAnswerView>(page, { type: 'dns.resolve', name: `www.${prefix}${i}.test`, site: `${prefix}${i}.test` });
      };
      // Until both have answered 16 times, sites spread evenly (weights 1 and 1): that is how speeds are learnt.
      await browse('learn', 60);
      const status = await ask<DnsStatus>(page, { type: 'dns.status' });
      expect(status.resolvers.map((r) => r.weight)).toEqual([1, expect.any(Number)]);
      expect(status.resolvers[1]?.weight).toBeLessThanOrEqual(1 / 16); // 150 ms against a few: 4 half-octaves or more
      const slowBefore = slow.log.length;
      await browse('after', 40);
      // Weight 1/16 or less: about 2 of 40 sites expected; 10 would mean the weights were not applied.
      expect(slow.log.length - slowBefore).toBeLessThan(10);
      const weights = () => evaluate<string[]>(page, `[...document.querySelectorAll('.dns-resolvers > li[data-resolver]')].map((li) => li.dataset.weight)`);
      await click(page, '[data-testid="dns-refresh"]');
      await expect.poll(() => weights(), { timeout: 10_000 }).toEqual(['1', String(status.resolvers[1]?.weight)]);
      expect(await dnsSectionText(page)).toContain('Prefer faster resolvers');
    } finally {
      await Promise.all([fast.close(), slow.close()]);
    }
  });
});
