import type { Translate } from './translator';

/**
 * Counts in sentences: a message with a count has one variant per plural category of its language
 * (`<key>_one`, `<key>_other`, and `_few`, `_many`, `_two`, `_zero` where a language has them; CLDR plural
 * rules through Intl.PluralRules), so no message says "host(s)". Numbers are formatted for the locale
 * (Intl.NumberFormat: 1,234 in English, 1.234 in German).
 */

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The locales of the messages Diffuse ships (any region, no other variant) where whole numbers need no ICU: below 1,000 they are written in ASCII digits,
 * and 1 is "one", every other whole number "other" (CLDR; plural.test.ts checks both against Intl). A popup page
 * otherwise builds an Intl.NumberFormat and an Intl.PluralRules each time it opens, ~5 ms of a 500-host popup's
 * first render (CPU profile of bench:popup's page). Other locales, fractions and larger numbers go to Intl.
 */
const SIMPLE_LOCALE = /^(?:en|de)(?:-(?:[A-Z]{2}|\d{3}))?$/;
const simple = (locale: string): boolean => SIMPLE_LOCALE.test(locale);

function cached<T>(map: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make(locale)));
  return value;
}

/** The plural category of `count` in `locale` ("one", "other", …). */
export function pluralCategory(count: number, locale = 'en'): Intl.LDMLPluralRule {
  if (simple(locale) && Number.isInteger(count)) return count === 1 ? 'one' : 'other';
  return cached(pluralRules, locale, (l) => new Intl.PluralRules(l)).select(count);
}

/** `count` written for the locale of `t`'s messages. */
export function formatNumber(count: number, t: Pick<Translate, 'locale'>): string {
  const locale = t.locale ?? 'en';
  if (simple(locale) && Number.isInteger(count) && count >= 0 && count < 1000) return String(count);
  return cached(numberFormats, locale, (l) => new Intl.NumberFormat(l)).format(count);
}

/** The key of the variant for `count`: `<key>_<category>`. */
export function pluralKey(key: string, count: number, locale = 'en'): string {
  return `${key}_${pluralCategory(count, locale)}`;
}

/**
 * The message `<key>_<category>` for `count`, its first placeholder the formatted count, then `more`. A language
 * whose messages lack a category (a translation made for fewer forms) falls back to `<key>_other`.
 */
export function counted(t: Translate, key: string, count: number, more: string[] = []): string {
  const substitutions = [formatNumber(count, t), ...more];
  return t(pluralKey(key, count, t.locale)) ? t(pluralKey(key, count, t.locale), substitutions) : t(`${key}_other`, substitutions);
}
