/**
 * Where one CONNECT goes: the name looked up through the pool on behalf of its site, the addresses checked
 * against the destination policy, the first that accepts connected, and the lookup reported to the extension.
 * The site is the SOCKS username under `password` auth (Firefox names the tab's top-level site there); under
 * `none` (Chrome) there is none, and the pool groups by the name's own registrable domain (selection.ts siteGroup).
 */
import { isIP } from 'node:net';
import type { ResolverPool } from '../utils/dns/pool/pool';
import { siteGroup } from '../utils/dns/pool/selection';
import { lookUp } from '../utils/dns/views/answer-view';
import { whyNeverSent } from '../utils/site/private-names';
import type { AuthMode, LookupMessage } from './protocol';
import type { ConnectResult } from './relay';
import type { RouteResult } from './socks-server';
import { REPLY, type ConnectRequest } from './socks5';

export interface RouteDeps {
  /** The configured pool and auth mode, or undefined before the first `configure`. */
  current: () => { pool: Pick<ResolverPool, 'resolve'>; auth: AuthMode } | undefined;
  /** Whether the relay may connect to this address (destination-policy.ts). */
  allowed: (ip: string) => boolean;
  connect: (addresses: readonly string[], port: number) => Promise<ConnectResult>;
  report: (lookup: LookupMessage) => void;
  now: () => number;
}

export function createRoute(deps: RouteDeps): (request: ConnectRequest) => Promise<RouteResult> {
  return async (request) => {
    const current = deps.current();
    // Before configure there is no pool to ask: RFC 1928's general failure, and the browser retries later.
    if (!current) return { ok: false, reply: REPLY.generalFailure };
    const { host, port } = request.destination;
    if (request.destination.kind !== 'domain' || isIP(host) !== 0) return connectTo([host], port, deps);

    const name = host;
    const site = current.auth === 'password' && request.username ? request.username : undefined;
    const report = (fields: Omit<LookupMessage, 'type' | 'name' | 'at'>) => deps.report({ type: 'lookup', name, ...fields, at: deps.now() });
    const group = safeGroup(name, site);
    // Names that mean something only on this machine or network are never sent to a public resolver (the
    // extension proxies them DIRECT; one that arrives anyway is refused here rather than leaked).
    const never = whyNeverSent(name);
    if (never !== null) {
      report({ site: group, resolver: null, addresses: [], connected: null, error: `not sent to any resolver (${never})` });
      return { ok: false, reply: REPLY.hostUnreachable };
    }
    let answer;
    try {
      answer = await lookUp(current.pool, name, undefined, site);
    } catch (error) {
      report({ site: group, resolver: null, addresses: [], connected: null, error: (error as Error).message });
      return { ok: false, reply: REPLY.hostUnreachable };
    }
    const base = { site: answer.site, resolver: answer.resolver, addresses: answer.addresses };
    if (answer.addresses.length === 0) {
      report({ ...base, connected: null, error: answer.rcode === 'NXDOMAIN' ? 'no such name (NXDOMAIN)' : 'no address' });
      return { ok: false, reply: REPLY.hostUnreachable };
    }
    // DNS rebinding: a public name that answers a local address is refused like the address itself.
    const permitted = answer.addresses.filter(deps.allowed);
    if (permitted.length === 0) {
      report({ ...base, connected: null, error: 'every address is on this machine or its network: refused' });
      return { ok: false, reply: REPLY.notAllowed };
    }
    const result = await deps.connect(permitted, port);
    report({ ...base, connected: result.ok ? result.address : null, ...(result.ok ? {} : { error: result.message }) });
    return result.ok ? { ok: true, socket: result.socket } : { ok: false, reply: replyForError(result.code) };
  };
}

async function connectTo(addresses: string[], port: number, deps: RouteDeps): Promise<RouteResult> {
  if (!addresses.every(deps.allowed)) return { ok: false, reply: REPLY.notAllowed };
  const result = await deps.connect(addresses, port);
  return result.ok ? { ok: true, socket: result.socket } : { ok: false, reply: replyForError(result.code) };
}

/** RFC 1928 §6 reply for a failed connect, from the system's error code. */
export function replyForError(code: string): number {
  switch (code) {
    case 'ECONNREFUSED':
      return REPLY.connectionRefused;
    case 'ENETUNREACH':
      return REPLY.networkUnreachable;
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return REPLY.hostUnreachable;
    default:
      return REPLY.generalFailure;
  }
}

/** The routing group, or the name itself when tldts cannot make one (the report still says something). */
function safeGroup(name: string, site: string | undefined): string {
  try {
    return siteGroup(name, site);
  } catch {
    return name;
  }
}
