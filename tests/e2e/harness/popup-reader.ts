import type { ExtensionPage } from './extension-browser';

/**
 * The host rows of the popup's "All hosts" list as `{ host: requests }`. Opens the list as a user would
 * (a click on its summary, then on "Show all" when the list is summarised) and reads the rendered DOM, once the
 * hosts have come (the popup asks for them when a list of hosts opens).
 */
export function popupHosts(popup: ExtensionPage): Promise<Record<string, number>> {
  return popup.evaluate(async () => {
    const details = document.querySelector<HTMLDetailsElement>('details.all-hosts');
    if (details && !details.open) {
      details.querySelector('summary')?.click();
      await new Promise((r) => setTimeout(r, 20));
    }
    // An opened list asks the background for the page's hosts; it shows a busy line until they come (≤ 5 s here).
    for (let i = 0; i < 100 && document.querySelector('details.all-hosts [aria-busy="true"]'); i++) await new Promise((r) => setTimeout(r, 50));
    const more = document.querySelector<HTMLButtonElement>('details.all-hosts [data-testid="more-hosts"][aria-expanded="false"]');
    if (more) {
      more.click();
      await new Promise((r) => setTimeout(r, 20));
    }
    return Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-host]')].map((row) => [row.dataset.host, Number(row.dataset.requests)]),
    );
  });
}

export interface PopupCompany {
  name: string;
  requests: number;
  share: number;
  blocked: number;
  hosts: string[];
}

/** The company rows of the popup, in the order shown, each expanded (by a click) to list its hosts, once they came. */
export function popupCompanies(popup: ExtensionPage): Promise<PopupCompany[]> {
  return popup.evaluate(async () => {
    document.querySelector<HTMLButtonElement>('[data-testid="more-companies"][aria-expanded="false"]')?.click();
    await new Promise((r) => setTimeout(r, 20));
    for (const button of document.querySelectorAll<HTMLButtonElement>('button.company[aria-expanded="false"]')) button.click();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 100 && document.querySelector('[data-company] [aria-busy="true"]'); i++) await new Promise((r) => setTimeout(r, 50));
    return [...document.querySelectorAll<HTMLElement>('[data-company]')].map((row) => ({
      name: row.dataset.company ?? '',
      requests: Number(row.dataset.requests),
      share: Number(row.dataset.share),
      blocked: Number(row.dataset.blocked),
      hosts: [...row.querySelectorAll('.company-hosts li')].map((li) => li.textContent ?? ''),
    }));
  });
}

/** The text of the element with `data-testid`, or null when the popup does not show it. */
export function popupText(popup: ExtensionPage, testId: string): Promise<string | null> {
  return popup.evaluate(new Function(`return document.querySelector('[data-testid="${testId}"]')?.textContent ?? null;`) as () => string | null);
}

/** The popup's list of the site's other own domains, as `{ domain: reason }` ('owner', 'brand' or 'chosen'). */
export function popupSiteDomains(popup: ExtensionPage): Promise<Record<string, string>> {
  return popup.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll<HTMLElement>('[data-testid="site-domains"] > ul > li[data-domain]')]
      .map((li) => [li.dataset.domain ?? '', li.dataset.reason ?? '']),
  ));
}
