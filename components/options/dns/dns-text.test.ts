import { describe, expect, it } from 'vitest';
import type { HealthSnapshot } from '@/utils/dns/pool/health';
import { STRATEGIES } from '@/utils/dns/pool/selection';
import { DEFAULT_DNS_SETTINGS, LOOKUPS_VIA } from '@/utils/dns/settings/dns-settings';
import { countryName, healthText, latencyText, LOOKUPS_VIA_ORDER, lookupsViaText, rekeyText, weightText, STRATEGY_ORDER, strategyText } from './dns-text';

/** Echoes the key and its substitutions, so the tests read which string was chosen. */
const t = (key: string, subs?: string[]) => (subs ? `${key}(${subs.join(',')})` : key);
const health = (over: Partial<HealthSnapshot>): HealthSnapshot => ({
  resolver: 'r', state: 'closed', latencyMs: null, timeoutMs: 1500, successes: 0, failures: 0, consecutiveFailures: 0, lastError: null, lastReason: null, retryAt: null, ...over,
});

describe('DNS settings text', () => {
  it('offers every strategy once, each with its own string key', () => {
    expect([...STRATEGY_ORDER].sort()).toEqual([...STRATEGIES].sort());
    expect(strategyText('round-robin', t)).toBe('dnsStrategy_round_robin');
  });

  it('offers where Firefox’s cloaking checks go, each once, the default (its own resolver) first', () => {
    expect([...LOOKUPS_VIA_ORDER].sort()).toEqual([...LOOKUPS_VIA].sort());
    expect(LOOKUPS_VIA_ORDER[0]).toBe(DEFAULT_DNS_SETTINGS.lookupsVia);
    expect(LOOKUPS_VIA_ORDER.map((via) => lookupsViaText(via, t))).toEqual(['dnsLookupsVia_browser', 'dnsLookupsVia_pool']);
  });

  it('says when an open circuit lets the resolver be tried again, in whole seconds', () => {
    expect(healthText(health({}), 0, t)).toBe('dnsStateClosed');
    expect(healthText(health({ state: 'open', retryAt: 10_200 }), 1_000, t)).toBe('dnsStateOpen(10)');
    expect(healthText(health({ state: 'half-open', retryAt: 500 }), 1_000, t)).toBe('dnsStateHalfOpen');
  });

  it('latency, re-keying periods and countries in words', () => {
    expect(latencyText(null, t)).toBe('dnsLatencyNone');
    expect(latencyText(23, t)).toBe('dnsLatencyValue(23)');
    expect([0, 1, 7, 30].map((d) => rekeyText(d, t))).toEqual(['dnsRekeyOff', 'dnsRekeyDaily', 'dnsRekeyWeekly', 'dnsRekeyDays_other(30)']);
    expect(countryName('CH', 'en')).toBe('Switzerland (CH)');
    expect(countryName('EU', 'en')).toBe('European Union (EU)');
    expect(countryName('not a code', 'en')).toBe('not a code');
  });

  it('weights as a fraction of the fastest resolver’s share', () => {
    expect([1, 1 / 2, 1 / 4, 1 / 16, 1 / 64].map((w) => weightText(w, t))).toEqual([
      'dnsWeightFull', 'dnsWeightValue(1/2)', 'dnsWeightValue(1/4)', 'dnsWeightValue(1/16)', 'dnsWeightValue(1/64)',
    ]);
  });
});
