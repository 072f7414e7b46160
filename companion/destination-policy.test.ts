import { describe, expect, it } from 'vitest';
import { destinationPolicy, localKind } from './destination-policy';

describe('localKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.53.0.9', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'local-network'],
    ['172.16.0.1', 'local-network'],
    ['192.168.1.1', 'local-network'],
    ['100.64.0.1', 'local-network'],
    ['169.254.169.254', 'local-network'],
    ['fe80::1', 'local-network'],
    ['fe80::1%eth0', 'local-network'],
    ['fd12:3456::1', 'local-network'],
    ['::ffff:192.168.0.1', 'local-network'],
    ['not an address', 'local-network'],
    ['93.184.215.14', null],
    ['2606:4700::1111', null],
    ['172.32.0.1', null],
  ])('%s → %s', (ip, kind) => {
    expect(localKind(ip)).toBe(kind);
  });
});

describe('destinationPolicy', () => {
  it('refuses this machine and its network by default', () => {
    const allowed = destinationPolicy(false);
    expect(['127.0.0.1', '::1', '192.168.0.1', 'fd00::1'].map(allowed)).toEqual([false, false, false, false]);
    expect(allowed('1.1.1.1')).toBe(true);
  });

  it('lets loopback through for tests, never the local network', () => {
    const allowed = destinationPolicy(true);
    expect(['127.0.0.1', '::1', '192.168.0.1', 'fd00::1'].map(allowed)).toEqual([true, true, false, false]);
  });
});
