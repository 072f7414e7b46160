/**
 * The real @ip-location-db/asn and trackerdb data, compiled once for the file. Expected operators are checked
 * against the CSV's own rows (read here with Number and BigInt, independently of the compiler's parsers), not
 * taken from memory.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileAsnTable } from './compile-asn-table';
import { compileInfraSuffixes } from './compile-suffixes';
import { createInfraAttributor } from './operator-lookup';
import { INFRA_OPERATORS } from './operators';
import { ASN_CSV_FILES, readAsnCsv, readTrackerDbHosting } from '../../tests/support/infra-fixtures';

const csv = readAsnCsv();
const table = compileAsnTable(csv);
const trackerdb = readTrackerDbHosting();
const attribute = createInfraAttributor(table, compileInfraSuffixes(trackerdb));
const operatorOf = new Map(INFRA_OPERATORS.flatMap((o) => o.asns.map((asn) => [asn, o.name] as const)));

interface Row<N> { start: N; end: N; asn: number }
/** AS number → AS name, from both files; filled while reading rows. */
const asNames = new Map<number, string>();
/** Rows of a numeric CSV. indexOf and slices rather than split: half a million rows, read once per test run. */
function readRows<N>(text: string, toNumber: (field: string) => N): Row<N>[] {
  const rows: Row<N>[] = [];
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const c1 = text.indexOf(',', pos);
    const c2 = text.indexOf(',', c1 + 1);
    const c3 = text.indexOf(',', c2 + 1);
    const asn = Number(text.slice(c2 + 1, c3));
    rows.push({ start: toNumber(text.slice(pos, c1)), end: toNumber(text.slice(c1 + 1, c2)), asn });
    if (!asNames.has(asn)) asNames.set(asn, text.slice(c3 + 1, eol).replace(/^"|"$/g, ''));
    pos = eol + 1;
  }
  return rows;
}
const v4Rows = readRows(csv.ipv4, Number);
const v6Rows = readRows(readFileSync(ASN_CSV_FILES.ipv6.replace('asn-ipv6.csv', 'asn-ipv6-num.csv'), 'utf8'), BigInt);

const v4Text = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const v6Text = (n: bigint): string => [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((n >> s) & 0xffffn).toString(16)).join(':');
/** Reference IPv6 reader for the test's own addresses ("::" expanded by splitting), independent of ip-parse.ts. */
function v6Value(text: string): bigint {
  const [head = '', tail = ''] = text.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = text.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.reduce((acc, g) => acc * 0x10000n + BigInt(`0x${g}`), 0n);
}
const at = (address: string) => attribute({ host: '', cnameChain: [], addresses: [address] })?.operator ?? null;

describe('real data: addresses', () => {
  it.each([
    ['8.8.8.8', 'Google'],
    ['1.1.1.1', 'Cloudflare'],
    ['13.32.0.1', 'Amazon'], // CloudFront
    ['151.101.1.1', 'Fastly'],
    ['157.240.0.1', 'Meta'],
    ['17.253.144.10', 'Apple'],
    ['2606:4700::1', 'Cloudflare'],
    ['2a03:2880::1', 'Meta'],
    ['2001:4860:4860::8888', 'Google'],
  ])('%s → %s, as the CSV row holding it says', (address, operator) => {
    const holding = <N extends number | bigint>(rows: Row<N>[], n: N) => rows.find((r) => r.start <= n && n <= r.end);
    const row = address.includes(':')
      ? holding(v6Rows, v6Value(address))
      : holding(v4Rows, address.split('.').reduce((acc, o) => acc * 256 + Number(o), 0));
    expect(row && operatorOf.get(row.asn)).toBe(operator);
    expect(at(address)).toBe(operator);
  });

  it('attributes every IPv4 row of a listed ASN (start, end) to its operator, and no other row’s start', () => {
    const wrong = v4Rows.filter((r) => {
      const expected = operatorOf.get(r.asn) ?? null;
      const ends = expected === null ? [r.start] : [r.start, r.end];
      // The dataset's one overlap (two DoD rows) is no operator's; the lower row owns it.
      return ends.some((n) => at(v4Text(n)) !== expected);
    });
    expect(wrong.map((r) => `${v4Text(r.start)} AS${r.asn}`)).toEqual([]);
  });

  it('attributes IPv6 rows per /64 the same way wherever a whole /64 is the row’s own', () => {
    const low = (1n << 64n) - 1n;
    const wrong = v6Rows.filter((r) => {
      const probe = (r.start & low) === 0n ? r.start : (r.end & low) === low ? r.end : null;
      return probe !== null && at(v6Text(probe)) !== (operatorOf.get(r.asn) ?? null);
    });
    expect(wrong.map((r) => `${v6Text(r.start)} AS${r.asn}`)).toEqual([]);
  });
});

describe('real data: operators.ts against the dataset', () => {
  it.each(INFRA_OPERATORS.map((o) => [o.name, o] as const))('every ASN of %s exists and is registered to it', (_, operator) => {
    const mismatched = operator.asns.filter((asn) => !operator.asName.test(asNames.get(asn) ?? '')).map((asn) => `AS${asn}: ${asNames.get(asn) ?? 'absent'}`);
    expect(mismatched).toEqual([]);
  });

  it('every claimed trackerdb pattern still exists in the hosting category', () => {
    const claimed = INFRA_OPERATORS.flatMap((o) => o.trackerdbHosting ?? []);
    expect(claimed.filter((id) => trackerdb.patterns[id]?.category !== 'hosting')).toEqual([]);
  });

  it('ships within budget: at most 500 KB of JSON', () => {
    expect(JSON.stringify(table).length).toBeLessThanOrEqual(500_000);
  });
});

describe('real data: names', () => {
  it.each([
    ['d3abc123.cloudfront.net', 'Amazon'],
    ['e1234.a.akamaiedge.net', 'Akamai'],
    ['www.example.com.edgekey.net.', 'Akamai'],
    ['dualstack.j.sni.global.fastly.net', 'Fastly'],
    ['example.azureedge.net', 'Microsoft'],
    ['ghs.googlehosted.com', 'Google'],
    ['www.example.com.cdn.cloudflare.net', 'Cloudflare'],
    ['cs123.wpc.edgecastcdn.net', 'Edgio'],
    ['cname.vercel-dns.com', 'Vercel'],
    ['example.b-cdn.net', 'Bunny'],
  ])('CNAME %s → %s', (target, operator) => {
    expect(attribute({ host: 'metrics.shop.example', cnameChain: [target], addresses: [] })).toMatchObject({ operator, via: 'cname' });
  });

  it('completes the suffixes from trackerdb (its akamaized.net, cloudflarestream.com, awsstatic.com)', () => {
    for (const [host, operator] of [['x.akamaized.net', 'Akamai'], ['videodelivery.cloudflarestream.com', 'Cloudflare'], ['a0.awsstatic.com', 'Amazon']]) {
      expect(attribute({ host: host!, cnameChain: [], addresses: [] })).toMatchObject({ operator, via: 'host' });
    }
  });
});
