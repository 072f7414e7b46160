import { describe, expect, it } from 'vitest';
import { lockedChanges } from '../dns/settings/dns-settings';
import { lockedDnsFields, parseManagedConfig } from './managed-config';

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
});
