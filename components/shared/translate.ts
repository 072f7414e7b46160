/** Looks a string up in `_locales` (browser.i18n.getMessage in the extension); passed in so components stay testable. */
export type Translate = (key: string, substitutions?: string[]) => string;
