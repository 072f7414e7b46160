/**
 * Loads the npm data packages Diffuse compiles at build time. The one place that knows where they live, for
 * the build (wxt.config.ts), the CLIs and tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileAttributionTable } from '../../utils/attribution/compile-table';
import type { AttributionTable, ThirdPartyWebEntity, TrackerDbData } from '../../utils/attribution/table-types';

const modules = fileURLToPath(new URL('../../node_modules/', import.meta.url));

export function loadTrackerDb(): TrackerDbData {
  return JSON.parse(readFileSync(`${modules}@ghostery/trackerdb/dist/trackerdb.json`, 'utf8')) as TrackerDbData;
}

export function loadThirdPartyWeb(): ThirdPartyWebEntity[] {
  return JSON.parse(readFileSync(`${modules}third-party-web/dist/entities.json`, 'utf8')) as ThirdPartyWebEntity[];
}

let table: AttributionTable | undefined;
/** host → company table from TrackerDB completed with third-party-web; compiled once per process. */
export function attributionTable(): AttributionTable {
  table ??= compileAttributionTable(loadTrackerDb(), loadThirdPartyWeb());
  return table;
}

/** Where the extension finds the table at run time (a generated public file, never committed). */
export const ATTRIBUTION_ASSET = 'data/attribution.json';
