/**
 * What the dashboard shows for one range (and what the exports are made from): the types only, built by
 * aggregate.ts from the stored roll-up.
 */
import type { Concentration } from '../report/concentration';
import type { PageReport } from '../report/page-report';
import type { DayRange } from './days';
import type { EncryptionHistory } from './encryption-history';

export interface CompanyReach {
  name: string;
  /** Distinct sites visited in the range where the company was contacted as a third party. */
  sites: number;
  /** `sites` over the distinct sites visited in the range (0–1, four decimals): "on 81 % of the sites you visited". */
  reach: number;
  requests: number;
  blocked: number;
  /** Its category ids, most requested first. */
  categories: string[];
}

export interface SiteRow {
  site: string;
  pageLoads: number;
  companies: number;
  thirdPartyHosts: number;
  thirdPartyRequests: number;
  /** Every request, first party included; `blocked` is how many of them were blocked. */
  requests: number;
  blocked: number;
  concentration: Concentration;
  topCompany: { name: string; share: number } | null;
}

/** An infrastructure operator's reach: on how many of the sites visited it served at least one host. */
export interface OperatorReach {
  name: string;
  sites: number;
  reach: number;
  requests: number;
}

export interface TrendDay {
  day: string;
  pageLoads: number;
  thirdPartyRequests: number;
  blocked: number;
}

export interface HistoryTotals {
  pageLoads: number;
  sites: number;
  requests: number;
  thirdPartyRequests: number;
  blocked: number;
  companies: number;
}

export interface HistorySummary {
  /** For "all", `from` is the first day with a record (null when there is none). */
  range: DayRange;
  totals: HistoryTotals;
  /** Most reach first, then most requests. */
  companies: CompanyReach[];
  /** Most page loads first. */
  sites: SiteRow[];
  /** One entry per day of the range, days without browsing included. */
  trend: TrendDay[];
  /** Clear text by company and per day; Firefox's private-DNS and ECH shares. */
  encryption: EncryptionHistory;
  /** Infrastructure operators by reach (first parties included), from the hosts' last lookups. */
  operators: OperatorReach[];
}

/** A site over the whole range: a `diffuse-report/2` page plus how many page loads it sums. */
export type SitePageReport = PageReport & { pageLoads: number };

export interface HistoryView {
  summary: HistorySummary;
  pages: SitePageReport[];
}
