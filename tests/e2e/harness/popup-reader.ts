import type { ExtensionPage } from './extension-browser';

/** The host rows the popup shows, as `{ host: requests }`; runs against the rendered DOM, as a user reads it. */
export function popupHosts(popup: ExtensionPage): Promise<Record<string, number>> {
  return popup.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-host]')].map((row) => [row.dataset.host, Number(row.dataset.requests)]),
    ),
  );
}
