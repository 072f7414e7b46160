import { describe, expect, it } from 'vitest';
import type { HealthSnapshot } from '../pool/health';
import { DEFAULT_RESOLVERS, PRESET_RESOLVERS } from '../settings/resolvers';
import { buildDnsStatus } from './status-view';

const QUAD9 = 'https://dns.quad9.net/dns-query{?dns}';
const LOCAL = 'http://127.0.0.1:8053/dns-query';
const GONE = 'https://gone.test/dns-query';
const health = (resolver: string): HealthSnapshot => ({
  resolver, state: 'closed', latencyMs: 12, timeoutMs: 400, successes: 3, failures: 0, consecutiveFailures: 0, lastError: null, lastReason: null, retryAt: null,
});

describe('buildDnsStatus', () => {
  const status = buildDnsStatus({
    resolvers: [QUAD9, LOCAL],
    health: [health(QUAD9), health(LOCAL)],
    exposure: [
      { resolver: QUAD9, queries: 9, sites: 2, names: 5, siteShare: 0.5, nameShare: 0.625 },
      { resolver: GONE, queries: 4, sites: 2, names: 3, siteShare: 0.5, nameShare: 0.375 },
    ],
    strategy: 'site',
    rekeyDays: 7,
    preferFast: true,
    lookupsVia: 'pool',
    speedTiers: { [LOCAL]: 4, [GONE]: 1 },
    problems: ['stored ledger unreadable'],
    now: 42,
  });

  it('names a known resolver’s operator, country and policy; a typed-in one has none', () => {
    const [quad9, local] = status.resolvers;
    expect(quad9).toMatchObject({ url: QUAD9, label: 'dns.quad9.net', info: { operator: 'Quad9 Foundation', country: 'CH' }, health: { latencyMs: 12 } });
    expect(quad9?.info?.policy).toMatch(/No client IP/);
    expect(local).toMatchObject({ url: LOCAL, label: '127.0.0.1:8053', info: null });
  });

  it('gives each resolver its exposure (zero when it was sent nothing) and keeps removed resolvers apart', () => {
    expect(status.resolvers.map((r) => r.exposure)).toEqual([
      { queries: 9, sites: 2, names: 5, siteShare: 0.5, nameShare: 0.625 },
      { queries: 0, sites: 0, names: 0, siteShare: 0, nameShare: 0 },
    ]);
    expect(status.formerResolvers).toEqual([{ url: GONE, label: 'gone.test', queries: 4, sites: 2, names: 3, siteShare: 0.5, nameShare: 0.375 }]);
  });

  it('gives each resolver its weight from its speed tier, 1 while its speed is unknown', () => {
    expect(status.resolvers.map((r) => r.weight)).toEqual([1, 1 / 16]);
  });

  it('offers as presets every known resolver not in the list, defaults included', () => {
    const all = [...DEFAULT_RESOLVERS, ...PRESET_RESOLVERS].map((r) => r.url);
    expect(status.presets.map((p) => p.url)).toEqual(all.filter((url) => url !== QUAD9));
    expect(status).toMatchObject({ strategy: 'site', rekeyDays: 7, preferFast: true, problems: ['stored ledger unreadable'], takenAt: 42 });
  });
});
