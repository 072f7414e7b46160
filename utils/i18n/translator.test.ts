import { describe, expect, it } from 'vitest';
import { createTranslate, messagesLocale } from './translator';

describe('messages locale', () => {
  it('takes the UI language where it is a variant of the messages’ language, else the messages’ language', () => {
    expect(messagesLocale('en', 'en-GB')).toBe('en-GB');
    expect(messagesLocale('de', 'de_AT')).toBe('de-AT');
    // A French browser reading English messages (no fr locale) gets English plurals and numbers.
    expect(messagesLocale('en', 'fr')).toBe('en');
    expect(messagesLocale('', 'fr-FR')).toBe('en');
    expect(messagesLocale('de', 'not a tag!')).toBe('de');
  });

  it('builds a Translate over getMessage that knows its locale', () => {
    const getMessage = (key: string, subs?: string[]) => (key === 'messagesLocale' ? 'de' : `${key}:${(subs ?? []).join('|')}`);
    const t = createTranslate(getMessage, 'de-CH');
    expect(t.locale).toBe('de-CH');
    expect(t('percent', ['5'])).toBe('percent:5');
  });
});
