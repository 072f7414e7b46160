import { describe, expect, it } from 'vitest';
import { compileAsnTable } from './compile-asn-table';
import { compileInfraSuffixes } from './compile-suffixes';
import { createInfraAttributor, type InfraInput } from './operator-lookup';
import { FIXTURE_CSV, FIXTURE_OPERATORS } from '../../tests/support/infra-fixtures';

const table = compileAsnTable(FIXTURE_CSV, FIXTURE_OPERATORS);
const attribute = createInfraAttributor(table, compileInfraSuffixes(null, FIXTURE_OPERATORS));
const at = (...addresses: string[]) => attribute({ host: '', cnameChain: [], addresses })?.operator ?? null;
const input = (over: Partial<InfraInput>): InfraInput => ({ host: 'www.shop.example', cnameChain: [], addresses: [], ...over });

describe('createInfraAttributor: addresses (fixture table)', () => {
  it.each([
    ['0.0.0.0', 'Alpha'], // lowest address
    ['1.0.0.0', 'Alpha'],
    ['1.0.1.255', 'Alpha'], // end of the merged range
    ['1.0.2.0', null], // the other AS right after it
    ['0.0.1.0', null], // right after the first range
    ['0.255.255.255', null], // right before a range
    ['1.0.3.255', 'Alpha'],
    ['1.0.4.0', 'Beta'], // adjacent ranges of two operators: each keeps its own
    ['1.0.5.128', null], // a gap with no data
    ['3.0.0.200', 'Alpha'], // the overlap stays with the lower row
    ['3.0.1.0', 'Beta'],
    ['255.255.255.255', 'Beta'], // highest address
    ['255.255.254.255', null],
  ])('IPv4 %s → %s', (address, operator) => expect(at(address)).toBe(operator));

  it.each([
    ['2001:db8::', 'Alpha'],
    ['2001:db8:1:ffff:ffff:ffff:ffff:ffff', 'Alpha'],
    ['2001:db8:2::1ff', 'Beta'], // attribution is per /64: Beta's row stands for its whole /64
    ['2001:db8:2:1::', null],
    ['2001:db8:3::1', null],
    ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', null],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'Beta'],
    ['::', null],
    ['::ffff:1.0.0.1', 'Alpha'], // IPv4-mapped
    ['64:ff9b::1.0.4.1', 'Beta'], // NAT64
  ])('IPv6 %s → %s', (address, operator) => expect(at(address)).toBe(operator));

  it('answers the first address that belongs to an operator, skipping unknown and malformed ones', () => {
    expect(attribute(input({ addresses: ['9.9.9.9', 'not an address', '1.0.4.1', '1.0.0.1'] }))).toEqual({
      operator: 'Beta',
      via: 'address',
      evidence: '1.0.4.1',
    });
  });

  it('returns null, never throws, for malformed addresses', () => {
    for (const bad of ['', '1.0.0', '1.0.0.256', '01.0.0.1', '2001:db8::g', '[2001:db8::1]', '2001:db8::1%eth0', '💥', ' 1.0.0.1']) {
      expect(at(bad), bad).toBeNull();
    }
  });

  it('reads an IP-literal host as its own address, brackets included', () => {
    expect(attribute(input({ host: '1.0.0.9' }))).toEqual({ operator: 'Alpha', via: 'address', evidence: '1.0.0.9' });
    expect(attribute(input({ host: '[2001:db8::1]' }))).toEqual({ operator: 'Alpha', via: 'address', evidence: '2001:db8::1' });
  });
});

describe('createInfraAttributor: names (fixture suffixes)', () => {
  it('names the operator of the last CNAME target first: it is what the serving infrastructure answers for', () => {
    const chain = ['shop.beta.example', 'x.alpha-cdn.net.'];
    expect(attribute(input({ cnameChain: chain, addresses: ['1.0.4.1'] }))).toEqual({ operator: 'Alpha', via: 'cname', evidence: 'x.alpha-cdn.net' });
    expect(attribute(input({ cnameChain: ['shop.beta.example', 'edge.unknown.example'] }))).toMatchObject({ operator: 'Beta', via: 'cname' });
  });

  it('takes the longest listed suffix by labels', () => {
    expect(attribute(input({ cnameChain: ['a.eu.alpha-cdn.net'] }))?.operator).toBe('Beta');
    expect(attribute(input({ cnameChain: ['a.us.alpha-cdn.net'] }))?.operator).toBe('Alpha');
    expect(attribute(input({ cnameChain: ['eu.alpha-cdn.net'] }))?.operator).toBe('Beta');
    // A suffix matches whole labels only.
    expect(attribute(input({ cnameChain: ['notalpha-cdn.net'] }))).toBeNull();
  });

  it('then the host’s own name, then the addresses', () => {
    expect(attribute(input({ host: 'Site.GAMMA.app.', addresses: ['1.0.0.1'] }))).toEqual({ operator: 'Gamma', via: 'host', evidence: 'site.gamma.app' });
    expect(attribute(input({ cnameChain: ['x.unknown.example'], addresses: ['1.0.0.1'] }))).toMatchObject({ via: 'address', operator: 'Alpha' });
  });

  it('returns null when nothing is known, instead of guessing', () => {
    expect(attribute(input({ cnameChain: ['a.b.example'], addresses: ['9.9.9.9', '2001:db9::1'] }))).toBeNull();
    expect(attribute({ host: '', cnameChain: [], addresses: [] })).toBeNull();
    expect(attribute(input({ host: '.', cnameChain: ['', '.', 'net', 'alpha-cdn'] }))).toBeNull();
  });
});

describe('createInfraAttributor: table checks', () => {
  it('refuses a table of another version or with inconsistent data', () => {
    expect(() => createInfraAttributor({ ...table, version: 2 as 1 }, {})).toThrow(/version 2/);
    expect(() => createInfraAttributor({ ...table, ipv4: { ...table.ipv4, count: table.ipv4.count + 1 } }, {})).toThrow(/count/);
    expect(() => createInfraAttributor({ ...table, operators: ['Alpha'] }, {})).toThrow(/outside the operator list/);
  });
});
