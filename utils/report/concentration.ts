/**
 * How concentrated a page's third-party requests are across companies: shares, the top share and the
 * Herfindahl-Hirschman Index (HHI), with a plain-language label.
 *
 * Label thresholds are those of the US DOJ/FTC Horizontal Merger Guidelines (2010), §5.3:
 * below 1,500 unconcentrated, 1,500–2,500 moderately concentrated, above 2,500 highly concentrated.
 * (The 2023 Merger Guidelines lowered "highly concentrated" to above 1,800; we keep the 2010 bands
 * because they have three levels and are the ones most readers have seen quoted.)
 *
 * No level is claimed when owners we do not know took half of the third-party requests or more (`unknown`): the
 * index counts known companies only, and a page sending 81 % of its requests to unknown owners is not "spread out".
 */

export type ConcentrationLevel = 'none' | 'unknown' | 'spread' | 'moderate' | 'high';

/** From this share of third-party requests to unknown owners on, no concentration level is claimed. */
export const UNKNOWN_OWNER_LIMIT = 0.5;

export interface Concentration {
  /** Sum of squared percentage shares, 0–10,000, rounded to an integer. */
  hhi: number;
  /** The largest share, 0–1. */
  topShare: number;
  /** Stable key for localisation ("none" when no company received anything). */
  level: ConcentrationLevel;
  /** English label for reports. */
  label: string;
}

const LABELS: Readonly<Record<ConcentrationLevel, string>> = {
  none: 'no known companies',
  unknown: 'not measured: most requests went to owners we do not know',
  spread: 'spread out',
  moderate: 'moderately concentrated',
  high: 'highly concentrated',
};

/**
 * Each count as a fraction of `total` (default: their sum). A larger total leaves room for requests
 * that belong to no known company, so shares can sum to less than 1. Zero total → all zeros.
 */
export function shares(counts: readonly number[], total = counts.reduce((a, b) => a + b, 0)): number[] {
  if (total <= 0) return counts.map(() => 0);
  return counts.map((c) => c / total);
}

/** Sum of squared percentage shares: one company with everything → 10,000; n equal ones → 10,000/n. */
export function hhi(fractions: readonly number[]): number {
  return fractions.reduce((sum, s) => sum + (s * 100) ** 2, 0);
}

export function concentrationLevel(hhiValue: number, anyCompany: boolean, unknownShare = 0): ConcentrationLevel {
  if (!anyCompany) return 'none';
  if (unknownShare >= UNKNOWN_OWNER_LIMIT) return 'unknown';
  if (hhiValue < 1500) return 'spread';
  if (hhiValue <= 2500) return 'moderate';
  return 'high';
}

export function concentrationLabel(level: ConcentrationLevel): string {
  return LABELS[level];
}

/**
 * Shares and HHI in one go, from per-company request counts. See `shares` for `total`; `unknownShare` is the
 * fraction of `total` that went to unknown owners (no level claimed from UNKNOWN_OWNER_LIMIT on).
 */
export function measureConcentration(counts: readonly number[], total?: number, unknownShare = 0): Concentration {
  const fractions = shares(counts, total);
  // Rounded before labelling, so the label always agrees with the number shown next to it.
  const index = Math.round(hhi(fractions));
  const level = concentrationLevel(index, fractions.some((s) => s > 0), unknownShare);
  return { hhi: index, topShare: round4(Math.max(0, ...fractions)), level, label: LABELS[level] };
}

/** Shares are stored with four decimals (0.4812 = 48.12 %): exact enough, and stable in JSON diffs. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** How a page's concentration reads in plain words, before any index: who received most of the requests. */
export type ConcentrationWords = 'none' | 'one-company' | 'very-few' | 'a-few' | 'many';

/**
 * The plain-words reading of a measure: one company with half the requests or more reads "one company received
 * most requests" whatever the index; otherwise the index's band says how few companies got most of them.
 */
export function concentrationWords(c: Pick<Concentration, 'level' | 'topShare'>): ConcentrationWords {
  if (c.level === 'none') return 'none';
  if (c.topShare >= 0.5) return 'one-company';
  return c.level === 'high' ? 'very-few' : c.level === 'moderate' ? 'a-few' : 'many';
}
