/** The stored shape of history and what the dashboard's aggregation reads. Plain data only. */
import type { Counter } from '../pageload/page-load';
import type { DayRange } from './days';

/**
 * The daily roll-up: one row per day and site, with that day's page loads of the site and, for each host they
 * contacted, every counter summed over them. The dashboard and the exports read these instead of every page
 * load's contacts: 30 heavy days are 270,000 contact rows but a few thousand of these, and a browser's
 * IndexedDB spends most of a read on the number of rows, not their size (bench/history.ts).
 *
 * Hosts and their counts are parallel arrays: `counters.requests[i]` belongs to `hosts[i]`. A counter that is
 * zero for every host is left out (reads as 0), as counters absent from contact rows are.
 */
export interface DailySite {
  day: string;
  site: string;
  pageLoads: number;
  hosts: string[];
  counters: Partial<Record<Counter, number[]>>;
}

/** What the store reads for one range; the pure aggregation (aggregate.ts) makes the dashboard of it. */
export interface HistorySlice {
  range: DayRange;
  days: DailySite[];
}
