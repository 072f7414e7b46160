/** Test-only: a small week of history (four sites, two days) for the aggregation and export tests. */
import { rangeOf } from '../../utils/history/days';
import type { DailySite, HistorySlice } from '../../utils/history/stored-history';

export const NOW = new Date(2026, 0, 31, 12).getTime();

/** A roll-up row from host → [requests, blocked]. */
export function dailySite(day: string, site: string, pageLoads: number, hosts: Record<string, [number, number]>): DailySite {
  const entries = Object.entries(hosts);
  const blocked = entries.map(([, [, b]]) => b);
  return {
    day, site, pageLoads, hosts: entries.map(([h]) => h),
    counters: { requests: entries.map(([, [r]]) => r), ...(blocked.some((b) => b > 0) ? { blocked } : {}) },
  };
}

/** Four sites over two days: Google on three of them, Meta on one, jsDelivr on two. */
export const SLICE: HistorySlice = {
  range: rangeOf('7d', NOW),
  days: [
    dailySite('2026-01-30', 'news.test', 2, { 'www.news.test': [2, 0], 'www.google-analytics.com': [4, 4], 'connect.facebook.net': [2, 2], 'cdn.jsdelivr.net': [2, 0] }),
    dailySite('2026-01-31', 'shop.test', 1, { 'www.shop.test': [1, 0], 'i.ytimg.com': [3, 0], 'cdn.jsdelivr.net': [1, 0] }),
    dailySite('2026-01-31', 'blog.test', 1, { 'www.google-analytics.com': [1, 1] }),
    dailySite('2026-01-31', 'plain.test', 1, { 'www.plain.test': [1, 0] }),
  ],
};
