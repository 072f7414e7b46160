import { describe, expect, it } from 'vitest';
import { percent } from './format';

/** Echoes the key and its substitutions, so the tests read which string was chosen. */
const t = (key: string, subs?: string[]) => (subs ? `${key}(${subs.join(',')})` : key);

describe('percent', () => {
  it('words the shared rounding rule through _locales', () => {
    expect(percent(0.4812, t)).toBe('percent(48)');
    expect(percent(0, t)).toBe('percent(0)');
    expect(percent(0.001, t)).toBe('percentUnderOne');
    expect(percent(0.996, t)).toBe('percent(100)');
  });
});
