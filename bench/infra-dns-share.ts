/**
 * npx tsx bench/infra-dns-share.ts — how much DNS adds to infrastructure attribution: the share of a host list
 * attributed to an operator from the names alone, and with each host's CNAME chain and addresses from the
 * resolver pool (a local plain-HTTP DoH server; no real network). The zone is written from what these kinds of
 * hosts typically resolve to (a customer's name CNAMEd into a CDN, an apex on a cloud address): it shows the
 * mechanism on a realistic mix, it is not a measurement of the web.
 */
import { DohServer, type ZoneRecord } from '../tests/support/doh-server';
import { lookUp } from '../utils/dns/views/answer-view';
import { ResolverPool } from '../utils/dns/pool/pool';
import { createInfraAttributor } from '../utils/infra/operator-lookup';
import { infraTables } from '../scripts/data/datasets';

const cname = (name: string, data: string): ZoneRecord => ({ name, type: 'CNAME', data });
const a = (name: string, data: string): ZoneRecord => ({ name, type: 'A', data });
/** [host, its records]; hosts without records answer NXDOMAIN (a name nobody serves, e.g. gone). */
const HOSTS: [string, ZoneRecord[]][] = [
  ['www.news.example', [cname('www.news.example', 'www.news.example.edgekey.net'), a('www.news.example.edgekey.net', '23.45.1.1')]],
  ['img.news.example', [cname('img.news.example', 'd111111abcdef8.cloudfront.net'), a('d111111abcdef8.cloudfront.net', '13.32.0.1')]],
  ['static.news.example', [a('static.news.example', '151.101.1.1')]],
  ['api.news.example', [a('api.news.example', '34.120.0.1')]],
  ['news.example', [a('news.example', '104.16.132.229')]],
  ['www.shop.example', [cname('www.shop.example', 'shops.myshopify.com'), a('shops.myshopify.com', '23.227.38.65')]],
  ['blog.shop.example', [cname('blog.shop.example', 'shop.ghost.io'), a('shop.ghost.io', '178.128.137.126')]],
  ['docs.shop.example', [cname('docs.shop.example', 'cname.vercel-dns.com'), a('cname.vercel-dns.com', '76.76.21.21')]],
  ['www.bank.example', [a('www.bank.example', '203.0.113.7')]],
  ['media.bank.example', [cname('media.bank.example', 'bank.azureedge.net'), a('bank.azureedge.net', '13.107.246.1')]],
  ['fonts.gstatic.com', [a('fonts.gstatic.com', '142.250.74.3')]],
  ['cdn.jsdelivr.net', [cname('cdn.jsdelivr.net', 'jsdelivr.map.fastly.net'), a('jsdelivr.map.fastly.net', '151.101.2.229')]],
  ['www.google-analytics.com', [a('www.google-analytics.com', '142.250.74.14')]],
  ['connect.facebook.net', [cname('connect.facebook.net', 'scontent.xx.fbcdn.net'), a('scontent.xx.fbcdn.net', '157.240.0.1')]],
  ['cdn.shopify.com', [a('cdn.shopify.com', '23.227.60.200')]],
  ['js.stripe.com', [a('js.stripe.com', '54.187.216.72')]],
  ['www.recipes.example', [cname('www.recipes.example', 'recipes.netlify.app'), a('recipes.netlify.app', '75.2.60.5')]],
  ['assets.recipes.example', [a('assets.recipes.example', '185.199.108.153')]],
  ['tracker.ads.example', [a('tracker.ads.example', '198.51.100.20')]],
  ['old.gone.example', []],
];

const doh = await DohServer.start({ plain: true, zone: HOSTS.flatMap(([, records]) => records) });
const pool = new ResolverPool({ fetch: (u, i) => fetch(u, i), now: Date.now, random: Math.random, secret: new Uint8Array(32).fill(5), resolvers: [doh.template] });
const { asn, suffixes } = infraTables();
const attribute = createInfraAttributor(asn, suffixes);

let byName = 0;
let withDns = 0;
const rows: string[] = [];
for (const [host] of HOSTS) {
  const nameOnly = attribute({ host, cnameChain: [], addresses: [] });
  const answer = await lookUp(pool, host, undefined, host);
  const full = attribute({ host, cnameChain: answer.cnameChain, addresses: answer.addresses });
  if (nameOnly) byName++;
  if (full) withDns++;
  rows.push(`${host.padEnd(26)} ${(nameOnly?.operator ?? '—').padEnd(12)} ${(full ? `${full.operator} (${full.via})` : '—')}`);
}
console.log(`${'host'.padEnd(26)} ${'name only'.padEnd(12)} with DNS`);
for (const row of rows) console.log(row);
const pct = (n: number) => `${((n / HOSTS.length) * 100).toFixed(0)} %`;
console.log(`\nattributed: name only ${byName}/${HOSTS.length} (${pct(byName)}), with DNS ${withDns}/${HOSTS.length} (${pct(withDns)}); ${doh.log.length} DoH queries`);
await doh.close();
