import type { ExtensionPage } from './extension-browser';

/**
 * What the DNS e2e test does in an extension page: messages to the background through the typed contract's
 * wire format, and readings of the options page's DNS section. Functions run in the page are built with
 * `new Function` so the test runner's transforms cannot add helpers (`__name`) the page lacks.
 */
function inPage<T>(page: ExtensionPage, body: string): Promise<T> {
  return page.evaluate(new Function(`return (async () => { const api = globalThis.browser ?? globalThis.chrome; ${body} })();`) as () => Promise<T>);
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Sends one contract message (`{ type, ...request }`) and answers the background's envelope as is. It leaves
 * the page as JSON text: WebDriver BiDi sends an object met twice in a result (three resolvers sharing one
 * empty exposure) as a bare reference, which puppeteer reads back as undefined.
 */
export async function send<T>(page: ExtensionPage, message: Record<string, unknown>): Promise<Envelope<T>> {
  return JSON.parse(await inPage<string>(page, `return JSON.stringify(await api.runtime.sendMessage(${JSON.stringify(message)}));`)) as Envelope<T>;
}

/** Sends a message the background must answer; its error otherwise becomes the test's. */
export async function ask<T>(page: ExtensionPage, message: Record<string, unknown>): Promise<T> {
  const envelope = await send<T>(page, message);
  if (!envelope.ok) throw new Error(`${String(message.type)}: ${envelope.error}`);
  return envelope.value;
}

export interface ResolverCard {
  url: string;
  state: string;
  latency: string;
  successes: number;
  failures: number;
  sites: number;
  names: number;
  text: string;
}

/** The resolver cards of the options page's DNS section, as rendered. */
export function readResolverCards(page: ExtensionPage): Promise<ResolverCard[]> {
  return inPage(
    page,
    `return [...document.querySelectorAll('.dns-resolvers > li[data-resolver]')].map((li) => ({
       url: li.dataset.resolver,
       state: li.dataset.state,
       latency: li.dataset.latency,
       successes: Number(li.dataset.successes),
       failures: Number(li.dataset.failures),
       sites: Number(li.dataset.sites),
       names: Number(li.dataset.names),
       text: li.textContent,
     }));`,
  );
}

/** Types a URL into the "DoH address" field and presses its Add button, as a user would. */
export function addResolverUrl(page: ExtensionPage, url: string): Promise<void> {
  return inPage(
    page,
    `const input = document.getElementById('dns-url');
     input.value = ${JSON.stringify(url)};
     input.dispatchEvent(new Event('input', { bubbles: true }));
     await new Promise((r) => setTimeout(r, 50));
     document.querySelector('[data-testid="dns-add-url"]').click();`,
  );
}

/** The message under the address field, and whether the field is marked invalid and points at it. */
export function readUrlError(page: ExtensionPage): Promise<{ text: string | null; invalid: boolean; describedBy: string }> {
  return inPage(
    page,
    `const input = document.getElementById('dns-url');
     const error = document.querySelector('[data-testid="dns-url-error"]');
     return { text: error ? error.textContent : null, invalid: input.getAttribute('aria-invalid') === 'true', describedBy: input.getAttribute('aria-describedby') ?? '' };`,
  );
}

/** Any text of the DNS section (explanations, notices), to check what it tells the user. */
export function dnsSectionText(page: ExtensionPage): Promise<string> {
  return inPage(page, `const s = document.querySelector('section.dns'); return s ? s.textContent : '';`);
}

/** Picks an option of a select of the DNS section by keyboard-equivalent means: value set, change fired. */
export function chooseOption(page: ExtensionPage, selectId: string, value: string): Promise<void> {
  return inPage(
    page,
    `const select = document.getElementById(${JSON.stringify(selectId)});
     select.value = ${JSON.stringify(value)};
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
}
