import { describe, expect, it } from 'vitest';
import { concentrationLevel, concentrationWords, hhi, measureConcentration, shares } from './concentration';

describe('shares', () => {
  it('divides by the sum by default: 60/30/10 → 0.6/0.3/0.1', () => {
    expect(shares([60, 30, 10])).toEqual([0.6, 0.3, 0.1]);
  });
  it('divides by a larger total when some requests have no known company: 50 of 200 → 0.25', () => {
    expect(shares([50, 50], 200)).toEqual([0.25, 0.25]);
  });
  it('gives zeros, not NaN, when nothing was requested', () => {
    expect(shares([0, 0])).toEqual([0, 0]);
    expect(shares([])).toEqual([]);
  });
});

describe('hhi', () => {
  it('is 10,000 for a single company with everything', () => {
    expect(hhi([1])).toBe(10_000);
  });
  it('is 10,000/n for n equal companies: 4 → 2,500, 10 → 1,000', () => {
    expect(hhi([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2500, 9);
    expect(hhi(Array(10).fill(0.1))).toBeCloseTo(1000, 9);
  });
  it('squares percentage shares: 60/30/10 → 3600 + 900 + 100 = 4,600', () => {
    expect(hhi([0.6, 0.3, 0.1])).toBeCloseTo(4600, 9);
  });
});

describe('concentrationLevel (2010 DOJ/FTC bands)', () => {
  it('puts 1,499 in "spread", 1,500 and 2,500 in "moderate", 2,501 in "high"', () => {
    expect(concentrationLevel(1499, true)).toBe('spread');
    expect(concentrationLevel(1500, true)).toBe('moderate');
    expect(concentrationLevel(2500, true)).toBe('moderate');
    expect(concentrationLevel(2501, true)).toBe('high');
  });
  it('is "none" when no company received a request', () => {
    expect(concentrationLevel(0, false)).toBe('none');
  });
});

describe('measureConcentration', () => {
  it('reports HHI, top share and label for 48/20/20/12 requests', () => {
    // 48² + 20² + 20² + 12² = 2304 + 400 + 400 + 144 = 3,248
    expect(measureConcentration([48, 20, 20, 12])).toEqual({ hhi: 3248, topShare: 0.48, level: 'high', label: 'highly concentrated' });
  });
  it('counts unknown-owner requests in the denominator only: 30 + 30 known of 100 → HHI 1,800', () => {
    expect(measureConcentration([30, 30], 100)).toEqual({ hhi: 1800, topShare: 0.3, level: 'moderate', label: 'moderately concentrated' });
  });
  it('claims no level when unknown owners took half of the requests or more: 81 % unknown is not "spread out"', () => {
    // A news page: 19 of 100 third-party requests to 10 known companies, 81 to owners nobody knows.
    const known = [3, 2, 2, 2, 2, 2, 2, 2, 1, 1];
    expect(measureConcentration(known, 100, 0.81)).toMatchObject({ level: 'unknown', label: 'not measured: most requests went to owners we do not know' });
    expect(measureConcentration([30, 20], 100, 0.5).level).toBe('unknown');
    expect(measureConcentration([31, 20], 100, 0.49).level).toBe('spread'); // 31² + 20² = 1,361
  });
  it('reports "spread out" for ten equal companies and "none" for no companies', () => {
    expect(measureConcentration(Array(10).fill(5))).toMatchObject({ hhi: 1000, topShare: 0.1, label: 'spread out' });
    expect(measureConcentration([], 12)).toEqual({ hhi: 0, topShare: 0, level: 'none', label: 'no known companies' });
  });
});

describe('concentration in words', () => {
  it('says one company when it received half the requests or more, else how few companies got most', () => {
    expect(concentrationWords(measureConcentration([]))).toBe('none');
    expect(concentrationWords(measureConcentration([5, 5]))).toBe('one-company');
    expect(concentrationWords(measureConcentration([45, 40, 15]))).toBe('very-few');
    // The popup's e2e page: 3, 3, 1, 1 of 9 requests, HHI 2,469.
    expect(concentrationWords(measureConcentration([3, 3, 1, 1], 9))).toBe('a-few');
    expect(concentrationWords(measureConcentration([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]))).toBe('many');
  });
});
