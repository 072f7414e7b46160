/** The HAR report's CSVs (long format, per contact and per company), written by the generic CSV writer. */
import { toCsv, type CsvCell } from '../writers/csv';
import type { PageReport } from './page-report';

type ReportPage = PageReport & { page?: { url: string } };

/** One row per host per page: the long format researchers pivot on. */
export function contactsCsv(pages: readonly ReportPage[]): string {
  const rows: CsvCell[][] = [['site', 'page_url', 'host', 'organization', 'product', 'category', 'requests', 'blocked', 'third_party']];
  for (const p of pages) {
    for (const c of p.contacts) {
      rows.push([p.site, p.page?.url, c.host, c.organization, c.product, c.category, c.requests, c.blocked, c.thirdParty]);
    }
  }
  return toCsv(rows);
}

/** One row per company per page, with its share of the page's third-party requests. */
export function organizationsCsv(pages: readonly ReportPage[]): string {
  const rows: CsvCell[][] = [['site', 'page_url', 'organization', 'requests', 'share', 'blocked', 'categories', 'hosts', 'page_hhi']];
  for (const p of pages) {
    for (const o of p.organizations) {
      rows.push([p.site, p.page?.url, o.name, o.requests, o.share, o.blocked, o.categories.join('; '), o.hosts.join(' '), p.concentration.hhi]);
    }
  }
  return toCsv(rows);
}
