/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) → per-page reports, for the report CLI.
 * Validation is strict about what we read and silent about the rest, so HARs from Chrome, Firefox,
 * Playwright or proxies all load, and a broken one fails with the path of the first bad field.
 */
import { DATA_CREDITS } from '../attribution/data-credits';
import { normalizeHost } from '../attribution/host-names';
import { registrableDomain } from '../site/registrable-domain';
import type { Attributor } from '../attribution/table-types';
import { buildPageReport, type ContactInput, type PageReport } from './page-report';

export class HarError extends Error {
  override readonly name = 'HarError';
  constructor(readonly path: string, readonly problem: string) {
    super(path === '' ? `Invalid HAR: ${problem}` : `Invalid HAR at ${path}: ${problem}`);
  }
}

/** One page of a HAR: its entries' hosts, counted. */
export interface HarPage {
  /** pages[].id, or null for entries without a pageref. */
  id: string | null;
  title: string | null;
  /**
   * The page's URL: pages[].title when it is a URL (Chrome), else its first top-level document request (never a
   * subframe's document: an ad iframe is not the page), else its first request.
   */
  url: string;
  /** Registrable domain of `url`. */
  site: string;
  contacts: ContactInput[];
}

export interface HarPageReport extends PageReport {
  page: { id: string | null; title: string | null; url: string };
}

export interface HarReport {
  credits: string;
  pages: HarPageReport[];
}

/** Only these schemes reach a host; data:, blob:, about: and extension URLs are skipped, not errors. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new HarError(path, `expected an object${path === '' ? ' at the top level' : ''}, got ${kind(v)}`);
  }
  return v as Record<string, unknown>;
}

function optionalString(v: unknown, path: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new HarError(path, `expected a string, got ${kind(v)}`);
  return v;
}

function quoted(s: string): string {
  return JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s);
}

/**
 * JSON text → value, with a HarError instead of a bare SyntaxError. A leading UTF-8 byte-order mark (Fiddler writes
 * one) is not JSON (RFC 8259 §8.1 lets a parser ignore it) and is dropped.
 */
export function parseHarJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    throw new HarError('', `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

interface Group { id: string | null; title: string | null; firstUrl?: string; documentUrl?: string; hosts: Map<string, ContactInput> }

/** Validates a parsed HAR and groups its entries by page. Pages without network entries are left out. */
export function readHar(har: unknown): HarPage[] {
  const log = object(object(har, '').log, 'log');
  const entries = log.entries;
  const declared = log.pages ?? [];
  if (!Array.isArray(entries)) throw new HarError('log.entries', `expected an array, got ${kind(entries)}`);
  if (!Array.isArray(declared)) throw new HarError('log.pages', `expected an array, got ${kind(declared)}`);

  // Declared pages first, in their order; then unknown pagerefs as met; entries without one last.
  const groups = new Map<string | null, Group>();
  declared.forEach((p: unknown, i: number) => {
    const page = object(p, `log.pages[${i}]`);
    const id = optionalString(page.id, `log.pages[${i}].id`);
    if (id === undefined) throw new HarError(`log.pages[${i}].id`, 'missing');
    groups.set(id, { id, title: optionalString(page.title, `log.pages[${i}].title`) ?? null, hosts: new Map() });
  });
  const unpaged: Group = { id: null, title: null, hosts: new Map() };

  entries.forEach((e: unknown, i: number) => {
    const path = `log.entries[${i}]`;
    const entry = object(e, path);
    const request = object(entry.request, `${path}.request`);
    const url = optionalString(request.url, `${path}.request.url`);
    if (url === undefined) throw new HarError(`${path}.request.url`, 'missing');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new HarError(`${path}.request.url`, `not a valid URL: ${quoted(url)}`);
    }
    const pageref = optionalString(entry.pageref, `${path}.pageref`);
    if (!NETWORK_SCHEMES.has(parsed.protocol) || parsed.hostname === '') return;

    let group = pageref === undefined ? unpaged : groups.get(pageref);
    if (group === undefined) groups.set(pageref as string, (group = { id: pageref as string, title: null, hosts: new Map() }));
    group.firstUrl ??= url;
    if (group.documentUrl === undefined && isTopLevelDocument(entry)) group.documentUrl = url;

    const host = normalizeHost(parsed.hostname);
    const contact = group.hosts.get(host) ?? { host, requests: 0, blocked: 0 };
    contact.requests += 1;
    if (wasBlocked(entry)) contact.blocked = (contact.blocked ?? 0) + 1;
    group.hosts.set(host, contact);
  });
  groups.set(null, unpaged);

  const pages: HarPage[] = [];
  for (const g of groups.values()) {
    if (g.hosts.size === 0 || g.firstUrl === undefined) continue;
    const url = (g.title !== null && isWebUrl(g.title) ? g.title : undefined) ?? g.documentUrl ?? g.firstUrl;
    pages.push({ id: g.id, title: g.title, url, site: registrableDomain(normalizeHost(new URL(url).hostname)), contacts: [...g.hosts.values()] });
  }
  return pages;
}

function isWebUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

/**
 * A top-level document request. Browsers say so in the request's Sec-Fetch-Dest header (Fetch Metadata:
 * "document" for a top-level navigation, "iframe"/"frame" for a subframe); without it, Chrome's _initiator tells a
 * navigation ("other") from a frame its parent document loaded ("parser", "script"). What is left is judged by
 * what came back: Chrome's _resourceType, else an HTML response.
 */
function isTopLevelDocument(entry: Record<string, unknown>): boolean {
  const request = entry.request as { headers?: unknown };
  const headers = Array.isArray(request.headers) ? (request.headers as { name?: unknown; value?: unknown }[]) : [];
  const dest = headers.find((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'sec-fetch-dest')?.value;
  if (typeof dest === 'string') return dest.toLowerCase() === 'document';
  const initiator = (entry._initiator as { type?: unknown } | undefined)?.type;
  if (initiator !== undefined && initiator !== 'other') return false;
  if (entry._resourceType !== undefined) return entry._resourceType === 'document';
  const response = entry.response as { content?: { mimeType?: unknown } } | undefined;
  const mime = response?.content?.mimeType;
  return typeof mime === 'string' && /^(text\/html|application\/xhtml\+xml)\b/i.test(mime);
}

/** Chrome's HAR keeps requests an extension blocked, with this error. */
function wasBlocked(entry: Record<string, unknown>): boolean {
  const error = (entry.response as { _error?: unknown } | undefined)?._error;
  return typeof error === 'string' && error.includes('ERR_BLOCKED_BY_CLIENT');
}

/** The CLI's entry point: parsed HAR → one report per page, with the data credits. */
export function buildHarReport(har: unknown, attribute: Attributor): HarReport {
  return {
    credits: DATA_CREDITS,
    pages: readHar(har).map((p) => ({
      page: { id: p.id, title: p.title, url: p.url },
      ...buildPageReport({ site: p.site, contacts: p.contacts }, attribute),
    })),
  };
}
