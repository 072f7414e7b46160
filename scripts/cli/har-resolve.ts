/**
 * `--resolve` of the HAR report CLI: each page's hosts looked up through the resolver pool on behalf of the
 * page's site (as the extension does), then attributed to the operator that serves them. Adds `cname` and
 * `operator` to each contact; the report without --resolve is unchanged. A first-party host whose CNAME chain
 * reaches a tracker (detect-cloak.ts, the targets the extension's uncloaking uses) is attributed to that tracker's
 * company and marked `cloaked`, as the popup does; the page's shares are then counted again with it.
 */
import type { ResolverPool } from '../../utils/dns/pool/pool';
import type { InfraAttributor } from '../../utils/infra/operator-lookup';
import type { HarReport } from '../../utils/report/har';
import { toCsv, type CsvCell } from '../../utils/writers/csv';
import { lookupName } from './lookup-name';
import type { Attribution, Attributor } from '../../utils/attribution/table-types';
import type { CloakTargets } from '../../utils/cname/cloak-targets';
import { detectCloak } from '../../utils/cname/detect-cloak';
import { buildPageReport, type ContactReport } from '../../utils/report/page-report';

export interface ResolvedColumns {
  /** CNAME targets in order; null when no resolver answered for the host. */
  cname: string[] | null;
  /** Who serves the host (by CNAME, name or address); null when no listed operator matched. */
  operator: string | null;
}

export type ResolvedContact = ContactReport & ResolvedColumns;
export type ResolvedHarReport = HarReport & { pages: (HarReport['pages'][number] & { contacts: ResolvedContact[] })[] };

/** Lookups in flight at once: enough to be quick, few enough not to look like a flood to a public resolver. */
const PARALLEL = 8;

/** Adds the columns to every contact of every page; failures are reported through `warn` and leave `cname` null. */
export async function resolveHarReport(
  report: HarReport,
  pool: ResolverPool,
  infra: InfraAttributor,
  warn: (message: string) => void,
  now: () => number = () => performance.now(),
  uncloak?: { targets: CloakTargets; attribute: Attributor },
): Promise<ResolvedHarReport> {
  const pages = [];
  for (const page of report.pages) {
    const contacts: ResolvedContact[] = new Array<ResolvedContact>(page.contacts.length);
    let next = 0;
    const worker = async () => {
      while (next < page.contacts.length) {
        const i = next++;
        const contact = page.contacts[i]!;
        contacts[i] = { ...contact, ...(await columnsFor(contact.host, page.site, pool, infra, warn, now)) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, page.contacts.length) }, worker));
    pages.push(uncloak ? withCloaks({ ...page, contacts }, uncloak.targets, uncloak.attribute) : { ...page, contacts });
  }
  return { ...report, pages };
}

async function columnsFor(host: string, site: string, pool: ResolverPool, infra: InfraAttributor, warn: (m: string) => void, now: () => number): Promise<ResolvedColumns> {
  const outcome = await lookupName(pool, host, site, now);
  if (!outcome.ok) {
    warn(outcome.message);
    return { cname: null, operator: infra({ host, cnameChain: [], addresses: [] })?.operator ?? null };
  }
  const { cname, addresses } = outcome.line;
  return { cname, operator: infra({ host, cnameChain: cname, addresses })?.operator ?? null };
}

type ResolvedPage = ResolvedHarReport['pages'][number];

/** The page counted again with its cloaked first-party hosts given to their trackers (unchanged when there is none). */
function withCloaks(page: ResolvedPage, targets: CloakTargets, attribute: Attributor): ResolvedPage {
  const cloaks = new Map<string, Attribution>();
  for (const c of page.contacts) {
    if (c.thirdParty || c.cname === null || c.cname.length === 0) continue;
    const found = detectCloak({ site: page.site, host: c.host, cnameChain: c.cname }, targets);
    if (found) cloaks.set(c.host, { organization: found.organization, product: found.organization, category: found.category, source: 'trackerdb', domain: found.target });
  }
  if (cloaks.size === 0) return page;
  const columns = new Map<string, ResolvedColumns>(page.contacts.map((c: ResolvedContact) => [c.host, { cname: c.cname, operator: c.operator }]));
  const recount = buildPageReport({ site: page.site, contacts: page.contacts, cloaks }, attribute);
  return { ...page, ...recount, contacts: recount.contacts.map((c) => ({ ...c, ...columns.get(c.host)! })) };
}

/** The CSV of `contactsCsv` with two more columns: `cname` (targets separated by spaces) and `operator`. */
export function resolvedContactsCsv(pages: readonly { site: string; page?: { url: string }; contacts: readonly ResolvedContact[] }[]): string {
  const rows: CsvCell[][] = [['site', 'page_url', 'host', 'organization', 'product', 'category', 'requests', 'blocked', 'third_party', 'cname', 'operator']];
  for (const p of pages) {
    for (const c of p.contacts) {
      rows.push([p.site, p.page?.url, c.host, c.organization, c.product, c.category, c.requests, c.blocked, c.thirdParty, c.cname?.join(' '), c.operator]);
    }
  }
  return toCsv(rows);
}
