/**
 * Where the bars of the dashboard's two charts go, shared by the Preact dashboard and the HTML export so the
 * charts look the same in both. Pure numbers: each caller draws its own SVG (JSX or an escaped string).
 */
import type { TrendDay } from '../history/history-view';

/** Companies by reach: one row per company, label on the left, bar, then the figures. */
export const REACH_CHART = { row: 28, labelWidth: 170, barWidth: 300, width: 760 } as const;

export function reachBars(reaches: readonly number[]): { y: number; width: number }[] {
  return reaches.map((reach, i) => ({
    y: i * REACH_CHART.row,
    // A company on any site gets a visible sliver; nothing rounds down to an empty bar.
    width: reach > 0 ? Math.max(2, Math.round(reach * REACH_CHART.barWidth)) : 0,
  }));
}

export function reachChartHeight(rows: number): number {
  return rows * REACH_CHART.row + 4;
}

export interface TrendBar {
  day: string;
  /** Left edge of the day's slot; the requests bar, then the blocked bar beside it. */
  x: number;
  barWidth: number;
  requestsY: number;
  requestsHeight: number;
  blockedX: number;
  blockedY: number;
  blockedHeight: number;
}

export interface TrendGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  /** Horizontal grid lines with their values, bottom up. */
  ticks: { value: number; y: number }[];
  bars: TrendBar[];
  /** The days that get a label under the axis (at most ~8, evenly spaced) and where. */
  labels: { day: string; x: number }[];
}

/** 1, 2, 5 × 10^k: the smallest such round number at or above `n`, so grid lines read as round values. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

export function trendGeometry(trend: readonly TrendDay[], size = { width: 760, height: 240 }): TrendGeometry {
  const plot = { left: 56, top: 10, width: size.width - 66, height: size.height - 40 };
  const max = niceCeiling(Math.max(0, ...trend.map((d) => Math.max(d.thirdPartyRequests, d.blocked))));
  const slot = trend.length > 0 ? plot.width / trend.length : plot.width;
  const barWidth = Math.max(0.5, (slot * 0.8) / 2);
  const yOf = (value: number) => plot.top + plot.height - (value / max) * plot.height;
  const bars = trend.map((d, i): TrendBar => {
    const x = plot.left + i * slot + slot * 0.1;
    return {
      day: d.day,
      x,
      barWidth,
      requestsY: yOf(d.thirdPartyRequests),
      requestsHeight: plot.top + plot.height - yOf(d.thirdPartyRequests),
      blockedX: x + barWidth,
      blockedY: yOf(d.blocked),
      blockedHeight: plot.top + plot.height - yOf(d.blocked),
    };
  });
  const every = Math.max(1, Math.ceil(trend.length / 8));
  return {
    width: size.width,
    height: size.height,
    plot,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({ value: Math.round(max * f), y: yOf(max * f) })),
    bars,
    labels: bars.filter((_, i) => i % every === 0).map((b) => ({ day: b.day, x: b.x + barWidth })),
  };
}
