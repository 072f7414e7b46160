/**
 * Test- and bench-only: the real datasets read from node_modules. Not imported by app code (the build reads
 * the same files and passes their text to the pure compilers).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AsnCsvText } from '../../utils/infra/compile-asn-table';
import type { TrackerDbHosting } from '../../utils/infra/compile-suffixes';
import type { InfraOperator } from '../../utils/infra/operators';

const modules = fileURLToPath(new URL('../../node_modules/', import.meta.url));

export const ASN_CSV_FILES = {
  ipv4: `${modules}@ip-location-db/asn/asn-ipv4-num.csv`,
  ipv6: `${modules}@ip-location-db/asn/asn-ipv6.csv`,
} as const;

export function readAsnCsv(): AsnCsvText {
  return { ipv4: readFileSync(ASN_CSV_FILES.ipv4, 'utf8'), ipv6: readFileSync(ASN_CSV_FILES.ipv6, 'utf8') };
}

export function readTrackerDbHosting(): TrackerDbHosting {
  return JSON.parse(readFileSync(`${modules}@ghostery/trackerdb/dist/trackerdb.json`, 'utf8')) as TrackerDbHosting;
}

/** Three operators shaped to exercise merging and suffix precedence; ASN 999 belongs to none of them. */
export const FIXTURE_OPERATORS: InfraOperator[] = [
  { name: 'Alpha', asns: [100, 101], asName: /^Alpha/, suffixes: ['alpha-cdn.net'], source: 'fixture' },
  { name: 'Beta', asns: [200], asName: /^Beta/, suffixes: ['eu.alpha-cdn.net', 'beta.example'], source: 'fixture' },
  { name: 'Gamma', asns: [], asName: /^Gamma/, suffixes: ['gamma.app'], trackerdbHosting: ['gamma_hosting'], source: 'fixture' },
];

/** Each row's comment says what the compiler must do with it. */
export const FIXTURE_CSV: AsnCsvText = {
  ipv4: [
    '0.0.0.0,0.0.0.255,100,"Alpha, Inc."', // the lowest address: a boundary
    '1.0.0.0,1.0.0.255,100,"Alpha, Inc."',
    '1.0.1.0,1.0.1.255,101,Alpha Two', // another ASN of Alpha, adjacent: merged into 1.0.0.0-1.0.1.255
    '1.0.2.0,1.0.2.255,999,"Someone, Else"',
    '1.0.3.0,1.0.3.255,100,"Alpha, Inc."', // someone else in between: a range of its own
    '1.0.4.0,1.0.4.255,200,Beta', // adjacent to Alpha but another operator: not merged
    '1.0.6.0,1.0.6.255,200,Beta', // no row for 1.0.5.x: the gap is not guessed, not merged
    '3.0.0.0,3.0.0.255,100,Alpha',
    '3.0.0.128,3.0.1.255,200,Beta', // overlaps Alpha: the lower row keeps 3.0.0.128-255
    '255.255.255.0,255.255.255.255,200,Beta', // the highest address: a boundary
  ].join('\n'),
  ipv6: [
    '2001:db8::,2001:db8:0:ffff:ffff:ffff:ffff:ffff,100,Alpha',
    '2001:db8:1::,2001:db8:1:ffff:ffff:ffff:ffff:ffff,101,Alpha Two', // merged with the row above
    '2001:db8:2::,2001:db8:2::ff,200,Beta', // narrower than a /64: stands for all of 2001:db8:2::/64
    '2001:db8:2::100,2001:db8:2::1ff,100,Alpha', // same /64 as Beta's row above: Beta keeps it
    '2001:db8:3::,2001:db8:3::ffff,999,Other',
    'ffff:ffff:ffff:ffff::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,200,Beta', // the highest prefix
  ].join('\n'),
};
