/**
 * npm run -s report -- FILE.har [--format json|csv|html] [--out FILE]
 * Who the pages of a HAR contacted, by company: the same attribution and report code as the extension.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAttributor } from '../utils/attribution/lookup';
import { contactsCsv } from '../utils/report/csv';
import { buildHarReport, HarError, parseHarJson } from '../utils/report/har';
import { renderHtmlReport } from '../utils/report/html';
import { attributionTable } from './data/datasets';

const FORMATS = ['json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'usage: npm run -s report -- FILE.har [--format json|csv|html] [--out FILE]';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
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
  let report;
  try {
    report = buildHarReport(parseHarJson(text), createAttributor(attributionTable()));
  } catch (error) {
    if (error instanceof HarError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  const output =
    format === 'json' ? `${JSON.stringify({ schema: 'diffuse-report/1', ...report }, null, 2)}\n` : format === 'csv' ? contactsCsv(report.pages) : renderHtmlReport(report);
  if (args.values.out) await writeFile(args.values.out, output);
  else process.stdout.write(output);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
