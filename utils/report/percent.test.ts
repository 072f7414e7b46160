import { describe, expect, it } from 'vitest';
import { UNDER_ONE_PERCENT, wholePercent } from './percent';
import { formatPercent } from './summary-sentence';

describe('wholePercent', () => {
  it('rounds a share to whole percent: 0.4812 → 48, 1 → 100', () => {
    expect(wholePercent(0.4812)).toBe(48);
    expect(wholePercent(1)).toBe(100);
  });
  it('gives 0 for a share of exactly 0', () => {
    expect(wholePercent(0)).toBe(0);
  });
  it('never gives 0 for a share above zero: tiny shares are under one percent', () => {
    expect(wholePercent(1e-9)).toBe(UNDER_ONE_PERCENT);
    expect(wholePercent(0.0049)).toBe(UNDER_ONE_PERCENT);
  });
  it('rounds the half up at the 0.5 % boundary: 0.005 → 1, 0.015 → 2', () => {
    expect(wholePercent(0.005)).toBe(1);
    expect(wholePercent(0.015)).toBe(2);
  });
  it('rounds up to 100 near the top: 0.996 and 0.995 → 100, 0.9949 → 99', () => {
    expect(wholePercent(0.996)).toBe(100);
    expect(wholePercent(0.995)).toBe(100);
    expect(wholePercent(0.9949)).toBe(99);
  });
});

describe('formatPercent', () => {
  it('words the rule in English', () => {
    expect(formatPercent(0.4812)).toBe('48 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.001)).toBe('less than 1 %');
  });
});
