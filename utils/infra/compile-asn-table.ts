/**
 * Build-time compiler: @ip-location-db/asn CSV text → the compact IP-range → operator table (asn-table-format.ts).
 *
 * The dataset is ~64 MB for every AS on the Internet; the product names a few dozen operators, so only their
 * rows are kept, merged where one operator's ranges touch, and stored as binary words. Pure: the caller reads
 * the files and passes their text (the build, the bench and the tests each read them their own way).
 */
import { encodeRanges, type AsnTable } from './asn-table-format';
import { parseIpv4, parseIpv6 } from './ip-parse';
import { INFRA_OPERATORS, type InfraOperator } from './operators';

export interface AsnCsvText {
  /** asn-ipv4-num.csv or asn-ipv4.csv (numeric or dotted starts and ends both read). */
  ipv4: string;
  /** asn-ipv6.csv: the text form. The -num form needs 128-bit numbers and is refused. */
  ipv6: string;
}

interface Range {
  start: bigint;
  end: bigint;
  op: number;
}

/** Decimal digits between `from` and `to` → number, or -1. */
function decimal(s: string, from: number, to: number): number {
  if (to <= from || to - from > 10) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Calls `row` for each line whose AS number belongs to an operator. Scans with indexOf instead of split or a
 * CSV parser: the first three fields never hold commas or quotes (only the AS name does), and building half a
 * million row arrays only to drop all but a few thousand would dominate the build's compile time.
 */
function scanOperatorRows(
  text: string,
  operatorOf: ReadonlyMap<number, number>,
  row: (op: number, startFrom: number, startTo: number, endTo: number, line: number) => void,
): void {
  let line = 0;
  for (let pos = 0; pos < text.length; line++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const c1 = text.indexOf(',', pos);
    const c2 = c1 < 0 || c1 > eol ? -1 : text.indexOf(',', c1 + 1);
    const c3 = c2 < 0 || c2 > eol ? -1 : text.indexOf(',', c2 + 1);
    if (c3 > 0 && c3 < eol) {
      const op = operatorOf.get(decimal(text, c2 + 1, c3));
      if (op !== undefined) row(op, pos, c1, c2, line + 1);
    }
    pos = eol + 1;
  }
}

function ipv4Field(text: string, from: number, to: number): number {
  return text.lastIndexOf('.', to) >= from ? parseIpv4(text, from, to) : decimal(text, from, to);
}

const groups = new Uint16Array(8);
/** The upper 64 bits (the /64 prefix) of the IPv6 address between `from` and `to`, or -1n. */
function ipv6Prefix(text: string, from: number, to: number): bigint {
  if (!parseIpv6(text, groups, from, to)) return -1n;
  return (BigInt(groups[0]! * 0x10000 + groups[1]!) << 32n) | BigInt(groups[2]! * 0x10000 + groups[3]!);
}

/**
 * Sorted, disjoint, adjacent ranges of one operator joined. The data is meant to be disjoint already, but it
 * is not always (one IPv4 overlap in 2.3.2026061719) and cutting IPv6 to /64 prefixes makes rows narrower than
 * a /64 share one: the lower row keeps the shared part, so a lookup never sees two answers for one address.
 */
function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.start <= last.end + 1n && (last.op === r.op || r.start <= last.end)) {
      if (last.op === r.op) {
        if (r.end > last.end) last.end = r.end;
        continue;
      }
      const clipped = { ...r, start: last.end + 1n };
      if (clipped.start <= clipped.end) merged.push(clipped);
      continue;
    }
    merged.push({ ...r });
  }
  return merged;
}

function operatorIndex(operators: readonly InfraOperator[]): Map<number, number> {
  if (operators.length > 255) throw new Error('ASN table: at most 255 operators fit the one-byte index');
  const byAsn = new Map<number, number>();
  operators.forEach((operator, i) => {
    for (const asn of operator.asns) {
      const other = byAsn.get(asn);
      if (other !== undefined) throw new Error(`ASN table: AS${asn} listed for both ${operators[other]?.name} and ${operator.name}`);
      byAsn.set(asn, i);
    }
  });
  return byAsn;
}

/** Throws on a listed operator's row it cannot read (a wrong or damaged file), never skips it silently. */
export function compileAsnTable(csv: AsnCsvText, operators: readonly InfraOperator[] = INFRA_OPERATORS): AsnTable {
  const byAsn = operatorIndex(operators);
  const fail = (file: string, line: number): never => {
    throw new Error(`ASN table: ${file} line ${line} is not a readable range (is it the right file?)`);
  };

  const v4: Range[] = [];
  scanOperatorRows(csv.ipv4, byAsn, (op, from, c1, c2, line) => {
    const start = ipv4Field(csv.ipv4, from, c1);
    const end = ipv4Field(csv.ipv4, c1 + 1, c2);
    if (start < 0 || end < start || end > 0xffffffff) fail('IPv4 CSV', line);
    v4.push({ start: BigInt(start), end: BigInt(end), op });
  });

  const v6: Range[] = [];
  scanOperatorRows(csv.ipv6, byAsn, (op, from, c1, c2, line) => {
    const start = ipv6Prefix(csv.ipv6, from, c1);
    const end = ipv6Prefix(csv.ipv6, c1 + 1, c2);
    if (start < 0n || end < start) fail('IPv6 CSV', line);
    v6.push({ start, end, op });
  });

  const ipv4 = mergeRanges(v4);
  const ipv6 = mergeRanges(v6);
  const hi = (x: bigint): number => Number(x >> 32n);
  const lo = (x: bigint): number => Number(x & 0xffffffffn);
  return {
    version: 1,
    operators: operators.map((o) => o.name),
    ipv4: encodeRanges(ipv4.flatMap((r) => [Number(r.start), Number(r.end)]), ipv4.map((r) => r.op)),
    ipv6: encodeRanges(ipv6.flatMap((r) => [hi(r.start), lo(r.start), hi(r.end), lo(r.end)]), ipv6.map((r) => r.op)),
  };
}
