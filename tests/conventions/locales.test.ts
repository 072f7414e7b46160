import { describe, expect, it } from 'vitest';
import { localeMessages, shippedLocales, type LocaleMessage } from '../support/locale-messages';

/**
 * Every shipped locale says everything English says, with the same placeholders, and in its own plural forms.
 * English (default_locale) is the reference: a key added to en without a translation fails here, named.
 */
const REFERENCE = 'en';

/** What a message fills in: each $NAME$ it uses with the substitution ($1, $2…) it takes. */
function placeholders(entry: LocaleMessage): string[] {
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
  return [...new Set(used)].map((name) => `$${name.toUpperCase()}$=${entry.placeholders?.[name]?.content ?? 'undeclared'}`).sort();
}

const reference = localeMessages(REFERENCE);
const others = shippedLocales().filter((l) => l !== REFERENCE);

describe('locales', () => {
  it('ships English and at least one more complete locale', () => {
    expect(shippedLocales()).toContain(REFERENCE);
    expect(others.length).toBeGreaterThan(0);
  });

  it.each(shippedLocales())('%s: every placeholder a message uses is declared, and no message says "(s)"', (locale) => {
    const messages = localeMessages(locale);
    const undeclared = Object.entries(messages).filter(([, e]) => placeholders(e).some((p) => p.endsWith('=undeclared'))).map(([k]) => k);
    expect(undeclared, `${locale}: messages using an undeclared $NAME$`).toEqual([]);
    const parenthesisedPlurals = Object.entries(messages).filter(([, e]) => /\w\((?:s|e|en|n|es)\)/.test(e.message)).map(([k]) => k);
    expect(parenthesisedPlurals, `${locale}: counts must use <key>_one/_other variants (utils/i18n/plural.ts), not "(s)"`).toEqual([]);
  });

  it.each(others)('%s has every key of en, and nothing else', (locale) => {
    const messages = localeMessages(locale);
    const missing = Object.keys(reference).filter((k) => !(k in messages));
    const extra = Object.keys(messages).filter((k) => !(k in reference));
    expect(missing, `public/_locales/${locale}/messages.json lacks keys that en has (${missing.length}); translate: ${missing.join(', ')}`).toEqual([]);
    expect(extra, `public/_locales/${locale}/messages.json has keys en does not: ${extra.join(', ')}`).toEqual([]);
  });

  it.each(others)('%s fills in the same placeholders as en, from the same substitutions', (locale) => {
    const messages = localeMessages(locale);
    const differing = Object.keys(reference)
      .filter((k) => k in messages)
      .flatMap((k) => {
        const want = placeholders(reference[k] as LocaleMessage).join(' ');
        const got = placeholders(messages[k] as LocaleMessage).join(' ');
        return want === got ? [] : [`${k}: en ${want || '(none)'}, ${locale} ${got || '(none)'}`];
      });
    expect(differing, `${locale}: placeholders differ from en`).toEqual([]);
  });

  it.each(shippedLocales())('%s names its own language and has each count in every plural form that language uses', (locale) => {
    const messages = localeMessages(locale);
    const language = messages.messagesLocale?.message ?? '';
    expect(language.split('-')[0], `${locale}: messagesLocale`).toBe(locale.split('_')[0]);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const counted = Object.keys(messages).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
    const lacking = counted.flatMap((base) => categories.filter((c) => !(`${base}_${c}` in messages)).map((c) => `${base}_${c}`));
    expect(lacking, `${locale} (${language}) plural forms: ${categories.join(', ')}`).toEqual([]);
  });
});
