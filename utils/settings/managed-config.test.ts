import { describe, expect, it } from 'vitest';
import { lockedChanges } from '../dns/settings/dns-settings';
import { lockedDnsFields, lockedHistoryFields, parseManagedConfig } from './managed-config';

describe('managed configuration', () => {
  it('takes what passes the options page\'s checks and leaves out the rest, naming it', () => {
    const config = parseManagedConfig({
      resolvers: ['https://dns.quad9.net/dns-query'], strategy: 'fastest', rekeyDays: 7, companion: 'yes', historyRetentionDays: 14, historyOff: true,
    });
    expect(config.dns).toEqual({ resolvers: ['https://dns.quad9.net/dns-query'], rekeyDays: 7 });
    expect(config).toMatchObject({ historyRetentionDays: 14, historyOff: true });
    expect(config.companion).toBeUndefined();
    expect(config.problems).toEqual([expect.stringMatching(/^strategy: Unknown strategy "fastest"/), 'companion: expected true or false.']);
    expect(lockedDnsFields(config)).toEqual(['resolvers', 'rekeyDays']);
    expect(parseManagedConfig(undefined)).toEqual({ dns: {}, problems: [] });
  });

  it('refuses a change to a managed field, not to the others or to the same value', () => {
    const managed = { resolvers: ['https://dns.quad9.net/dns-query'] };
    expect(lockedChanges({ resolvers: ['https://cloudflare-dns.com/dns-query'], strategy: 'name' }, managed)).toEqual({ resolvers: 'Set by your organization: this cannot be changed here.' });
    expect(lockedChanges({ strategy: 'name' }, managed)).toBeNull();
    expect(lockedChanges({ resolvers: ['https://dns.quad9.net/dns-query'] }, managed)).toBeNull();
  });

  it('per-site policies: the whole list with the settings file\'s checks, or none of it, named', () => {
    const policies = [{ site: 'diffuse-shop.com', mode: 'strict' }, { site: 'diffuse-news.com', mode: 'default', companies: { google: 'block' } }];
    expect(parseManagedConfig({ policies }).policies).toEqual([
      { site: 'diffuse-shop.com', mode: 'strict', companies: {} },
      { site: 'diffuse-news.com', mode: 'default', companies: { google: 'block' } },
    ]);
    const bad = parseManagedConfig({ policies: [...policies, { site: 'diffuse-shop.com', mode: 'sometimes' }], historyOff: false });
    expect(bad.policies).toBeUndefined();
    expect(bad.problems).toEqual([expect.stringMatching(/^policies\[2\]\.mode: /)]);
    expect(parseManagedConfig({ policies: [policies[0], policies[0]] }).problems).toEqual(['policies: a site is named twice; keep one policy per site']);
    expect(parseManagedConfig({ policies: 'all' }).problems).toEqual([expect.stringMatching(/^policies: /)]);
  });

  it('locks the history settings the policy sets', () => {
    expect(lockedHistoryFields(parseManagedConfig({ historyOff: false }))).toEqual(['off']);
    expect(lockedHistoryFields(parseManagedConfig({ historyRetentionDays: 7, historyOff: true }))).toEqual(['retentionDays', 'off']);
    expect(lockedHistoryFields(parseManagedConfig({}))).toEqual([]);
  });
});
