import { readdirSync, readFileSync } from 'node:fs';
import type { Translate } from '../../utils/i18n/translator';

/** One entry of a `_locales/<locale>/messages.json` (chrome.i18n's format). */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const LOCALES = new URL('../../public/_locales/', import.meta.url);

/** The locales the extension ships (the folders of public/_locales). */
export function shippedLocales(): string[] {
  return readdirSync(LOCALES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The messages of one shipped locale. */
export function localeMessages(locale: string): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES), 'utf8')) as Record<string, LocaleMessage>;
}

/**
 * A Translate over one locale's messages as browser.i18n.getMessage fills them ($NAME$ → its placeholder's
 * $n substitution), with the locale's own `messagesLocale`. A missing key fails the test instead of showing
 * nothing; `lenient` answers "" as the browser does (for code that probes a plural variant).
 */
export function localeTranslate(locale = 'en', lenient = false): Translate {
  const messages = localeMessages(locale);
  const t = (key: string, subs: string[] = []) => {
    const entry = messages[key];
    if (!entry) {
      if (lenient) return '';
      throw new Error(`no _locales/${locale} string ${key}`);
    }
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
      const index = Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1;
      return subs[index] ?? '';
    });
  };
  return Object.assign(t, { locale: messages.messagesLocale?.message ?? locale });
}
