/**
 * Looks a string up in `_locales` (browser.i18n.getMessage in the extension, the messages files in tests and
 * reports); passed in so components and reports stay testable. `locale` is the language the messages are in
 * (their own `messagesLocale` key): plural rules and number formats follow it. Absent, English.
 */
export interface Translate {
  (key: string, substitutions?: string[]): string;
  readonly locale?: string;
}

/**
 * The locale numbers are formatted for: the browser's UI language where it is a variant of the language the
 * messages are in (en-GB, de-AT), else the messages' language itself, so a French browser that falls back to
 * English messages reads English numbers and plurals, never a French number in an English sentence.
 */
export function messagesLocale(messagesLanguage: string, uiLanguage: string): string {
  const language = (messagesLanguage || 'en').replace('_', '-');
  const ui = uiLanguage.replace('_', '-');
  const primary = (tag: string) => tag.split('-')[0]?.toLowerCase();
  try {
    if (primary(ui) === primary(language)) return Intl.getCanonicalLocales(ui)[0] ?? language;
  } catch {
    // An odd UI tag: the messages' own language is always a valid one.
  }
  return language;
}

/** A Translate over `getMessage` (browser.i18n.getMessage), its locale from the messages and the UI language. */
export function createTranslate(getMessage: (key: string, substitutions?: string[]) => string, uiLanguage: string): Translate {
  const t = (key: string, substitutions?: string[]) => getMessage(key, substitutions);
  return Object.assign(t, { locale: messagesLocale(getMessage('messagesLocale'), uiLanguage) });
}
