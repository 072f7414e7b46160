import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../../tests/support/locale-messages';
import { counted, formatNumber, pluralCategory, pluralKey } from './plural';
import type { Translate } from './translator';

/** Echoes the key and its substitutions, in a given locale, with only the keys listed present. */
function echo(locale: string, keys: string[]): Translate {
  const t = (key: string, subs?: string[]) => (keys.includes(key) ? `${key}(${(subs ?? []).join(',')})` : '');
  return Object.assign(t, { locale });
}

describe('plural variants', () => {
  it('chooses the CLDR category of the count in the messages’ language', () => {
    expect([0, 1, 2, 21].map((n) => pluralKey('hostCount', n, 'en'))).toEqual(['hostCount_other', 'hostCount_one', 'hostCount_other', 'hostCount_other']);
    expect(pluralCategory(1, 'de')).toBe('one');
    // Languages with more forms get theirs: Polish says "2 hosty" (few) but "5 hostów" (many).
    expect([1, 2, 5, 22].map((n) => pluralCategory(n, 'pl'))).toEqual(['one', 'few', 'many', 'few']);
    // French counts 0 as singular.
    expect(pluralCategory(0, 'fr')).toBe('one');
  });

  it('fills the count formatted for the locale first, then the other substitutions', () => {
    const t = echo('en', ['hostCount_one', 'hostCount_other']);
    expect(counted(t, 'hostCount', 1)).toBe('hostCount_one(1)');
    expect(counted(t, 'hostCount', 12345, ['shop.com'])).toBe('hostCount_other(12,345,shop.com)');
    expect(counted(echo('de', ['hostCount_other']), 'hostCount', 12345)).toBe('hostCount_other(12.345)');
  });

  it('falls back to the _other variant when a translation lacks a category', () => {
    expect(counted(echo('pl', ['hostCount_one', 'hostCount_other']), 'hostCount', 5)).toBe('hostCount_other(5)');
  });

  it('formats plain numbers for the locale, English when none is given', () => {
    expect(formatNumber(1821, {})).toBe('1,821');
    expect(formatNumber(1821, { locale: 'de' })).toBe('1.821');
  });

  it('answers as Intl does in every shipped locale, for the whole numbers it writes without ICU and beyond', () => {
    // The shipped languages' whole numbers skip Intl (plural.ts SIMPLE_LOCALE), in whatever region the browser's UI
    // names (translator.ts messagesLocale); this is what keeps that exact. en-IN groups by lakh above 999.
    for (const locale of ['en', 'de', 'en-US', 'en-GB', 'en-IN', 'en-150', 'de-DE', 'de-AT', 'de-CH']) {
      const format = new Intl.NumberFormat(locale);
      const rules = new Intl.PluralRules(locale);
      for (const n of [...Array.from({ length: 1001 }, (_, i) => i), 1234, 1e6, 2.5, -3]) {
        expect(formatNumber(n, { locale })).toBe(format.format(n));
        expect(pluralCategory(n, locale)).toBe(rules.select(n));
      }
    }
  });

  it('reads as sentences in the shipped messages: no "(s)"', () => {
    const en = localeTranslate('en', true);
    expect(counted(en, 'infraUnattributed', 1)).toBe('1 host is served by an operator not in the list.');
    expect(counted(en, 'infraUnattributed', 16)).toBe('16 hosts are served by operators not in the list.');
    expect(counted(en, 'lookupsFailed', 19)).toBe('19 names got no answer; they stay unattributed.');
    expect(counted(en, 'summaryHosts', 1)).toBe('Contacted 1 third-party host');
    expect(counted(en, 'summaryHosts', 1200)).toBe('Contacted 1,200 third-party hosts');
  });
});
