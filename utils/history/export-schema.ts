/**
 * Checks a parsed JSON value against `diffuse-history/1` (docs/report-schema.md), throwing a FieldError that
 * names the first wrong field. Used by the tests (unit and e2e) on what the export writes, and usable by anyone
 * reading these files; it also checks that the totals add up to the pages.
 */
import { RANGE_IDS } from './days';
import { HISTORY_SCHEMA, PAGE_SCHEMA } from './export-json';
import { at, boolean, FieldError, list, nullable, number, object, oneOf, string } from '../validate/fields';

const count = (v: unknown, path: string) => number(v, path, { min: 0, integer: true });
const fraction = (v: unknown, path: string) => number(v, path, { min: 0, max: 1 });
const day = (v: unknown, path: string): string => {
  const text = string(v, path);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new FieldError(path, `expected a day as YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return text;
};
const strings = (v: unknown, path: string) => list(v, path).map((s, i) => string(s, at(path, i)));
const fields = (v: unknown, path: string, spec: Record<string, (v: unknown, path: string) => unknown>) => {
  const o = object(v, path);
  for (const [key, check] of Object.entries(spec)) check(o[key], at(path, key));
  return o;
};
const items = (v: unknown, path: string, check: (v: unknown, path: string) => unknown) => list(v, path).forEach((x, i) => check(x, at(path, i)));

function page(v: unknown, path: string): number {
  const p = fields(v, path, {
    site: string,
    pageLoads: count,
    contacts: (c, cp) => items(c, cp, (x, xp) => fields(x, xp, {
      host: string, organization: (o, op) => nullable(o, op, string), product: (o, op) => nullable(o, op, string),
      category: (o, op) => nullable(o, op, string), requests: count, blocked: count, thirdParty: boolean,
    })),
    organizations: (o, op) => items(o, op, (x, xp) => fields(x, xp, { name: string, requests: count, share: fraction, categories: strings, blocked: count, hosts: strings })),
    unknown: (u, up) => fields(u, up, { hosts: count, requests: count, blocked: count, share: fraction }),
    firstParty: (f, fp) => fields(f, fp, { hosts: count, requests: count, blocked: count }),
    concentration: (c, cp) => fields(c, cp, {
      hhi: (h, hp) => number(h, hp, { min: 0, max: 10_000, integer: true }), topShare: fraction,
      level: (l, lp) => oneOf(l, ['none', 'unknown', 'spread', 'moderate', 'high'], lp), label: string,
    }),
    summary: (s, sp) => fields(s, sp, {
      thirdPartyHosts: count, thirdPartyRequests: count, companies: count, unknownHosts: count,
      topCompany: (t, tp) => nullable(t, tp, (x, xp) => fields(x, xp, { name: string, share: fraction })),
    }),
  });
  return p.pageLoads as number;
}

export function validateHistoryExport(value: unknown): void {
  const doc = fields(value, '', {
    schema: (v, p) => oneOf(v, [HISTORY_SCHEMA], p),
    pageSchema: (v, p) => oneOf(v, [PAGE_SCHEMA], p),
    generatedAt: (v, p) => {
      if (Number.isNaN(Date.parse(string(v, p)))) throw new FieldError(p, 'expected an ISO 8601 time');
    },
    range: (v, p) => fields(v, p, { id: (x, xp) => oneOf(x, RANGE_IDS, xp), from: (x, xp) => nullable(x, xp, day), to: day }),
    credits: string,
    totals: (v, p) => fields(v, p, { pageLoads: count, sites: count, requests: count, thirdPartyRequests: count, blocked: count, companies: count }),
    companies: (v, p) => items(v, p, (x, xp) => fields(x, xp, { name: string, sites: count, reach: fraction, requests: count, blocked: count, categories: strings })),
    trend: (v, p) => items(v, p, (x, xp) => fields(x, xp, { day, pageLoads: count, thirdPartyRequests: count, blocked: count })),
    encryption: (v, p) => fields(v, p, {
      requests: count, clear: count, connections: count, privateDnsShare: fraction, echShare: fraction, tls13Share: fraction,
      byCompany: (x, xp) => items(x, xp, (c, cp) => fields(c, cp, { company: (n, np) => nullable(n, np, string), requests: count, clear: count, clearShare: fraction })),
      perDay: (x, xp) => items(x, xp, (d, dp) => fields(d, dp, { day, requests: count, clear: count })),
    }),
    operators: (v, p) => items(v, p, (x, xp) => fields(x, xp, { name: string, sites: count, reach: fraction, requests: count })),
    pages: (v, p) => items(v, p, page),
  });
  const totals = doc.totals as Record<string, number>;
  const pages = doc.pages as { pageLoads: number }[];
  const loads = pages.reduce((n, p) => n + p.pageLoads, 0);
  if (totals.pageLoads !== loads) throw new FieldError('totals.pageLoads', `is ${totals.pageLoads}, but the pages sum to ${loads}`);
  if (totals.sites !== pages.length) throw new FieldError('totals.sites', `is ${totals.sites}, but there are ${pages.length} pages`);
  if (totals.companies !== (doc.companies as unknown[]).length) throw new FieldError('totals.companies', 'does not match the companies listed');
}
