/**
 * npm run -s report -- FILE.har [--format json|csv|html] [--out FILE] [--resolve [--resolver URL]... [--ca FILE]...]
 * Who the pages of a HAR contacted, by company: the same attribution and report code as the extension.
 * --resolve looks every host up through the resolver pool (as the resolve CLI does) and adds `cname` and
 * `operator` (who serves the host) to each contact (scripts/cli/har-resolve.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAttributor } from '../utils/attribution/company-lookup';
import { contactsCsv } from '../utils/report/report-csv';
import { buildHarReport, HarError, parseHarJson, type HarReport } from '../utils/report/har';
import { renderHtmlReport } from '../utils/report/html';
import { REPORT_SCHEMA } from '../utils/report/page-report';
import { attributionTable, compiledRules, infraTables } from './data/datasets';
import { buildCloakTargets } from '../utils/cname/cloak-targets';
import { DEFAULT_BLOCKED_CATEGORIES } from '../utils/rules/category-decisions';
import { validateResolverUrl } from '../utils/dns/settings/resolvers';
import { createInfraAttributor } from '../utils/infra/operator-lookup';
import { resolveHarReport, resolvedContactsCsv, type ResolvedHarReport } from './cli/har-resolve';
import { createNodePool, readCaFiles } from './cli/node-pool';

const FORMATS = ['json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'usage: npm run -s report -- FILE.har [--format json|csv|html] [--out FILE] [--resolve [--resolver URL]... [--ca FILE]...]';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: {
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        resolve: { type: 'boolean', default: false },
        resolver: { type: 'string', multiple: true, default: [] },
        ca: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  const [file, ...extra] = args.positionals;
  const format = args.values.format as Format;
  if (!file || extra.length) return fail(USAGE);
  if (!FORMATS.includes(format)) return fail(`Unknown format "${format}": use json, csv or html.`);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let report: HarReport;
  try {
    report = buildHarReport(parseHarJson(text), createAttributor(attributionTable()));
  } catch (error) {
    if (error instanceof HarError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  let csv: () => string = () => contactsCsv(report.pages);
  if (args.values.resolve) {
    const resolved = await withDns(report, args.values.resolver, args.values.ca);
    if (typeof resolved === 'string') return fail(resolved);
    report = resolved;
    csv = () => resolvedContactsCsv(resolved.pages);
  } else if (args.values.resolver.length || args.values.ca.length) {
    return fail('--resolver and --ca go with --resolve.');
  }
  const output =
    format === 'json' ? `${JSON.stringify({ schema: REPORT_SCHEMA, ...report }, null, 2)}\n` : format === 'csv' ? csv() : renderHtmlReport(report);
  if (args.values.out) await writeFile(args.values.out, output);
  else process.stdout.write(output);
  return 0;
}

/** --resolve: the pool over Node's fetch (HTTP/2 where offered, extra CAs), a fresh secret per run as in the resolve CLI. */
async function withDns(report: HarReport, resolvers: string[], caFiles: string[]): Promise<ResolvedHarReport | string> {
  for (const url of resolvers) {
    const check = validateResolverUrl(url);
    if (!check.ok) return `--resolver ${url}: ${check.error}`;
  }
  const ca = await readCaFiles(caFiles);
  if (!ca.ok) return ca.error.replace(/^cannot/, 'Cannot');
  const { pool, close } = createNodePool({ resolvers, extraCa: ca.pems });
  const { asn, suffixes } = infraTables();
  try {
    const uncloak = { targets: buildCloakTargets(compiledRules().sideTable, DEFAULT_BLOCKED_CATEGORIES), attribute: createAttributor(attributionTable()) };
    return await resolveHarReport(report, pool, createInfraAttributor(asn, suffixes), (message) => process.stderr.write(`report: ${message}\n`), undefined, uncloak);
  } finally {
    close();
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
