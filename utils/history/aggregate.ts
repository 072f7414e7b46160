/**
 * The dashboard of one range, from the stored roll-up: each site's contacts summed over the range go through
 * the same per-page report builder as the popup and the HAR CLI (utils/report/page-report.ts), so a site's
 * companies, third parties and concentration are counted exactly as there; companies' reach and the daily
 * trend are built on those reports.
 */
import type { Attributor } from '../attribution/table-types';
import { round4 } from '../report/concentration';
import { buildPageReport } from '../report/page-report';
import { daysFrom } from './days';
import type { HistorySlice } from './stored-history';
import { encryptionHistory } from './encryption-history';
import type { CompanyReach, HistoryView, OperatorReach, SitePageReport, SiteRow, TrendDay } from './history-view';

export function buildHistory(slice: HistorySlice, attribute: Attributor, operatorOf: (host: string) => string | null = () => null): HistoryView {
  const bySite = new Map<string, { pageLoads: number; contacts: Map<string, { host: string; requests: number; blocked: number }> }>();
  for (const row of slice.days) {
    const site = bySite.get(row.site) ?? { pageLoads: 0, contacts: new Map() };
    site.pageLoads += row.pageLoads;
    row.hosts.forEach((host, i) => {
      const c = site.contacts.get(host) ?? { host, requests: 0, blocked: 0 };
      c.requests += row.counters.requests?.[i] ?? 0;
      c.blocked += row.counters.blocked?.[i] ?? 0;
      site.contacts.set(host, c);
    });
    bySite.set(row.site, site);
  }

  const pages: SitePageReport[] = [...bySite]
    .map(([site, s]) => ({ ...buildPageReport({ site, contacts: [...s.contacts.values()] }, attribute), pageLoads: s.pageLoads }))
    .sort((a, b) => b.pageLoads - a.pageLoads || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));

  const siteRows = pages.map(siteRow);
  const companies = reachOf(pages);
  const sum = (f: (s: SiteRow) => number) => siteRows.reduce((n, s) => n + f(s), 0);
  return {
    pages,
    summary: {
      range: { ...slice.range, from: slice.range.from ?? firstDay(slice) },
      totals: {
        pageLoads: sum((s) => s.pageLoads),
        sites: siteRows.length,
        requests: sum((s) => s.requests),
        thirdPartyRequests: sum((s) => s.thirdPartyRequests),
        blocked: sum((s) => s.blocked),
        companies: companies.length,
      },
      companies,
      sites: siteRows,
      trend: trendOf(slice, pages),
      encryption: encryptionHistory(slice, attribute),
      operators: operatorsOf(pages, operatorOf),
    },
  };
}

function siteRow(p: SitePageReport): SiteRow {
  return {
    site: p.site,
    pageLoads: p.pageLoads,
    companies: p.summary.companies,
    thirdPartyHosts: p.summary.thirdPartyHosts,
    thirdPartyRequests: p.summary.thirdPartyRequests,
    requests: p.contacts.reduce((n, c) => n + c.requests, 0),
    blocked: p.contacts.reduce((n, c) => n + c.blocked, 0),
    concentration: p.concentration,
    topCompany: p.summary.topCompany,
  };
}

/** Per company: on how many of the sites visited it appeared as a third party, and what it received there. */
function reachOf(pages: readonly SitePageReport[]): CompanyReach[] {
  const groups = new Map<string, { sites: number; requests: number; blocked: number; categories: Map<string, number> }>();
  for (const page of pages) {
    for (const o of page.organizations) {
      const g = groups.get(o.name) ?? { sites: 0, requests: 0, blocked: 0, categories: new Map<string, number>() };
      g.sites++;
      g.requests += o.requests;
      g.blocked += o.blocked;
      groups.set(o.name, g);
    }
    for (const c of page.contacts) {
      if (!c.thirdParty || c.organization === null || c.category === null) continue;
      const g = groups.get(c.organization);
      g?.categories.set(c.category, (g.categories.get(c.category) ?? 0) + c.requests);
    }
  }
  const visited = pages.length;
  return [...groups]
    .map(([name, g]) => ({
      name,
      sites: g.sites,
      reach: visited > 0 ? round4(g.sites / visited) : 0,
      requests: g.requests,
      blocked: g.blocked,
      categories: [...g.categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c),
    }))
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Third-party requests and blocked requests per day; third party as each site's report decided it. */
function trendOf(slice: HistorySlice, pages: readonly SitePageReport[]): TrendDay[] {
  const thirdParty = new Map<string, Set<string>>();
  for (const p of pages) thirdParty.set(p.site, new Set(p.contacts.filter((c) => c.thirdParty).map((c) => c.host)));
  const from = slice.range.from ?? firstDay(slice);
  const days = new Map<string, TrendDay>();
  for (const day of from === null ? [] : daysFrom(from, slice.range.to)) days.set(day, { day, pageLoads: 0, thirdPartyRequests: 0, blocked: 0 });
  for (const row of slice.days) {
    const d = days.get(row.day);
    if (!d) continue;
    d.pageLoads += row.pageLoads;
    const third = thirdParty.get(row.site);
    row.hosts.forEach((host, i) => {
      if (third?.has(host)) d.thirdPartyRequests += row.counters.requests?.[i] ?? 0;
      d.blocked += row.counters.blocked?.[i] ?? 0;
    });
  }
  return [...days.values()];
}

function firstDay(slice: HistorySlice): string | null {
  let first: string | null = null;
  for (const { day } of slice.days) if (first === null || day < first) first = day;
  return first;
}

/** Per operator: the sites (first party included) where it served at least one host, and those hosts' requests. */
function operatorsOf(pages: readonly SitePageReport[], operatorOf: (host: string) => string | null): OperatorReach[] {
  const groups = new Map<string, { sites: number; requests: number }>();
  for (const page of pages) {
    const here = new Map<string, number>();
    for (const c of page.contacts) {
      const operator = operatorOf(c.host);
      if (operator) here.set(operator, (here.get(operator) ?? 0) + c.requests);
    }
    for (const [name, requests] of here) {
      const g = groups.get(name) ?? { sites: 0, requests: 0 };
      g.sites++;
      g.requests += requests;
      groups.set(name, g);
    }
  }
  return [...groups]
    .map(([name, g]) => ({ name, sites: g.sites, reach: pages.length ? round4(g.sites / pages.length) : 0, requests: g.requests }))
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || (a.name < b.name ? -1 : 1));
}
