import { describe, expect, it } from 'vitest';
import { decodeRanges, type AsnTable } from './asn-table-format';
import { compileAsnTable } from './compile-asn-table';
import { FIXTURE_CSV, FIXTURE_OPERATORS } from '../../tests/support/infra-fixtures';

const v4Text = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const hex = (hi: number, lo: number): string =>
  [hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff].map((g) => g.toString(16)).join(':');

/** The decoded table as readable rows, to compare with what the fixture's comments promise. */
function rows(table: AsnTable): { v4: string[]; v6: string[] } {
  const v4 = decodeRanges(table.ipv4, 2, table.operators.length);
  const v6 = decodeRanges(table.ipv6, 4, table.operators.length);
  return {
    v4: [...v4.operators].map((op, i) => `${v4Text(v4.words[i * 2]!)}-${v4Text(v4.words[i * 2 + 1]!)} ${table.operators[op]}`),
    v6: [...v6.operators].map((op, i) => {
      const w = v6.words.subarray(i * 4, i * 4 + 4);
      return `${hex(w[0]!, w[1]!)}-${hex(w[2]!, w[3]!)} ${table.operators[op]}`;
    }),
  };
}

describe('compileAsnTable (fixture CSV)', () => {
  const table = compileAsnTable(FIXTURE_CSV, FIXTURE_OPERATORS);

  it('keeps only the operators’ rows, merges touching ranges of one operator, never across a gap or another AS', () => {
    expect(rows(table).v4).toEqual([
      '0.0.0.0-0.0.0.255 Alpha',
      '1.0.0.0-1.0.1.255 Alpha',
      '1.0.3.0-1.0.3.255 Alpha',
      '1.0.4.0-1.0.4.255 Beta',
      '1.0.6.0-1.0.6.255 Beta',
      '3.0.0.0-3.0.0.255 Alpha',
      '3.0.1.0-3.0.1.255 Beta',
      '255.255.255.0-255.255.255.255 Beta',
    ]);
  });

  it('cuts IPv6 to /64 prefixes: merged across ASNs of one operator, a shared /64 kept by the lower row', () => {
    expect(rows(table).v6).toEqual([
      '2001:db8:0:0-2001:db8:1:ffff Alpha',
      '2001:db8:2:0-2001:db8:2:0 Beta',
      'ffff:ffff:ffff:ffff-ffff:ffff:ffff:ffff Beta',
    ]);
  });

  it('lists every operator name, with or without address space, in the given order', () => {
    expect(table.operators).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(table.version).toBe(1);
  });

  it('reads the numeric IPv4 file the same as the dotted one', () => {
    const numeric = FIXTURE_CSV.ipv4.replace(/\d+\.\d+\.\d+\.\d+/g, (ip) =>
      String(ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)),
    );
    expect(compileAsnTable({ ...FIXTURE_CSV, ipv4: numeric }, FIXTURE_OPERATORS)).toEqual(table);
  });

  it('accepts CRLF line ends and a trailing newline', () => {
    const crlf = { ipv4: `${FIXTURE_CSV.ipv4.replaceAll('\n', '\r\n')}\r\n`, ipv6: `${FIXTURE_CSV.ipv6}\n` };
    expect(compileAsnTable(crlf, FIXTURE_OPERATORS)).toEqual(table);
  });

  it('refuses the 128-bit numeric IPv6 file and unreadable operator rows, naming the line', () => {
    const numericV6 = '42540766411282592856903984951653826560,42540766411282592875350729025363378175,100,Alpha';
    expect(() => compileAsnTable({ ipv4: '', ipv6: numericV6 }, FIXTURE_OPERATORS)).toThrow(/IPv6 CSV line 1/);
    expect(() => compileAsnTable({ ipv4: '1.0.0.0,1.0.0.255,999,x\n1.0.1.9,1.0.1.0,100,y', ipv6: '' }, FIXTURE_OPERATORS)).toThrow(
      /IPv4 CSV line 2/,
    );
  });

  it('ignores rows of other ASes whatever they hold, and lines that are not rows', () => {
    const noise = { ipv4: 'start,end,asn,name\ngarbage\n9.9.9.9,nonsense,999,x\n', ipv6: ',,,\n' };
    expect(rows(compileAsnTable(noise, FIXTURE_OPERATORS))).toEqual({ v4: [], v6: [] });
  });

  it('refuses an ASN listed for two operators', () => {
    const twice = [...FIXTURE_OPERATORS, { ...FIXTURE_OPERATORS[1]!, name: 'Delta', asns: [101] }];
    expect(() => compileAsnTable(FIXTURE_CSV, twice)).toThrow(/AS101 listed for both Alpha and Delta/);
  });
});
