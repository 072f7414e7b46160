import type { Strategy } from '../dns/pool/selection';

/**
 * The native-messaging protocol between the extension and the companion (`diffuse_companion`), the extension's
 * side: what it sends, and runtime checks of everything the companion sends back. The companion is another
 * program: nothing it says is trusted until checked here.
 */

/** Extension → companion: the resolvers and the keyed selection to spread the browser's own lookups with. */
export interface ConfigureMessage {
  type: 'configure';
  resolvers: string[];
  strategy: Strategy;
  /** The DNS install secret as 64 lowercase hex digits (the same keyed selection as the extension's pool). */
  secret: string;
  rekeyDays: number;
  /** 'password': SOCKS5 username/password (Firefox sends the top-level site as username); 'none': Chrome, which has no SOCKS auth. */
  auth: 'password' | 'none';
}

/** Companion → extension, first and once: listening on 127.0.0.1:port, with the password SOCKS clients must give. */
export interface ReadyMessage {
  type: 'ready';
  version: 1;
  port: number;
  password: string;
}

/** Companion → extension, per SOCKS CONNECT: which resolver was sent the name, and where the connection went. */
export interface LookupMessage {
  type: 'lookup';
  /** The top-level site the request was made for (the SOCKS username), or the name's own registrable domain. */
  site: string;
  name: string;
  /** The resolver sent the name, or null when none was (an IP literal, a cached answer). */
  resolver: string | null;
  addresses: string[];
  /** The address connected to, or null when no connection was made. */
  connected: string | null;
  error?: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/**
 * Extension → companion: look `name` up for `site` through the companion's pool. Uncloaking asks this way while the
 * companion relays, so the CONNECT that follows finds the answer in the companion's cache: one lookup, not two.
 */
export interface ResolveMessage {
  type: 'resolve';
  id: number;
  name: string;
  site: string;
}

/** Companion → extension: the answer to `resolve` `id` (pool resolvers sent the name; every one tried on failure). */
export interface AnswerMessage {
  type: 'answer';
  id: number;
  cnameChain: string[];
  addresses: string[];
  ttl: number;
  resolvers: string[];
  error?: string;
}

export interface CompanionErrorMessage {
  type: 'error';
  message: string;
}

export type CompanionMessage = ReadyMessage | LookupMessage | AnswerMessage | CompanionErrorMessage;

/** The only protocol version this extension speaks. */
export const PROTOCOL_VERSION = 1;

export type CompanionCheck = { ok: true; message: CompanionMessage } | { ok: false; problem: string };

const SECRET_HEX = /^[0-9a-f]{64}$/;
/** Bounds that keep a confused or hostile companion from filling memory through the per-page record. */
const MAX_NAME = 253;
const MAX_TEXT = 2048;
const MAX_ADDRESSES = 64;

export function configureMessage(input: { resolvers: readonly string[]; strategy: Strategy; secret: Uint8Array; rekeyDays: number; auth: 'password' | 'none' }): ConfigureMessage {
  const secret = Array.from(input.secret, (b) => b.toString(16).padStart(2, '0')).join('');
  if (!SECRET_HEX.test(secret)) throw new Error('The DNS secret must be 32 bytes.');
  return { type: 'configure', resolvers: [...input.resolvers], strategy: input.strategy, secret, rekeyDays: input.rekeyDays, auth: input.auth };
}

/** Checks one message from the companion; the problem names the field at fault. Unknown fields are ignored. */
export function checkCompanionMessage(value: unknown): CompanionCheck {
  if (!isRecord(value)) return fail('a companion message must be an object');
  switch (value.type) {
    case 'ready': {
      if (value.version !== PROTOCOL_VERSION) return fail(`the companion speaks protocol version ${JSON.stringify(value.version)}; this extension speaks ${PROTOCOL_VERSION}`);
      if (!isPort(value.port)) return fail('ready.port must be a TCP port (1-65535)');
      if (typeof value.password !== 'string' || value.password === '' || value.password.length > 255) return fail('ready.password must be a string of 1 to 255 characters');
      return { ok: true, message: { type: 'ready', version: 1, port: value.port, password: value.password } };
    }
    case 'lookup': {
      if (!isText(value.site, MAX_NAME) || value.site === '') return fail('lookup.site must be a name');
      if (!isText(value.name, MAX_NAME) || value.name === '') return fail('lookup.name must be a name');
      if (value.resolver !== null && (!isText(value.resolver, MAX_TEXT) || value.resolver === '')) return fail('lookup.resolver must be a resolver URL or null');
      if (!Array.isArray(value.addresses) || !value.addresses.every((a) => isText(a, 64))) return fail('lookup.addresses must be a list of addresses');
      if (value.connected !== null && !isText(value.connected, 64)) return fail('lookup.connected must be an address or null');
      if (value.error !== undefined && !isText(value.error, MAX_TEXT)) return fail('lookup.error must be a string when present');
      if (typeof value.at !== 'number' || !Number.isFinite(value.at) || value.at < 0) return fail('lookup.at must be a time in ms');
      const message: LookupMessage = {
        type: 'lookup',
        site: value.site.toLowerCase(),
        name: value.name.toLowerCase(),
        resolver: value.resolver as string | null,
        // A long answer is kept in part: nothing here reads past the first few.
        addresses: (value.addresses as string[]).slice(0, MAX_ADDRESSES),
        connected: value.connected as string | null,
        at: value.at,
      };
      if (value.error !== undefined) message.error = value.error as string;
      return { ok: true, message };
    }
    case 'answer': {
      if (typeof value.id !== 'number' || !Number.isSafeInteger(value.id)) return fail('answer.id must be a whole number');
      const names = (list: unknown, max: number) => Array.isArray(list) && list.length <= max && list.every((n) => isText(n, MAX_TEXT));
      if (!names(value.cnameChain, 16)) return fail('answer.cnameChain must be a list of names');
      if (!Array.isArray(value.addresses) || !value.addresses.every((a) => isText(a, 64))) return fail('answer.addresses must be a list of addresses');
      if (typeof value.ttl !== 'number' || !Number.isFinite(value.ttl) || value.ttl < 0) return fail('answer.ttl must be seconds');
      if (!names(value.resolvers, 16)) return fail('answer.resolvers must be a list of resolver URLs');
      if (value.error !== undefined && !isText(value.error, MAX_TEXT)) return fail('answer.error must be a string when present');
      const message: AnswerMessage = {
        type: 'answer',
        id: value.id,
        cnameChain: (value.cnameChain as string[]).map((n) => n.toLowerCase()),
        addresses: (value.addresses as string[]).slice(0, MAX_ADDRESSES),
        ttl: value.ttl,
        resolvers: value.resolvers as string[],
      };
      if (value.error !== undefined) message.error = value.error as string;
      return { ok: true, message };
    }
    case 'error':
      if (!isText(value.message, MAX_TEXT)) return fail('error.message must be a string');
      return { ok: true, message: { type: 'error', message: value.message } };
    default:
      return fail(`unknown companion message type ${JSON.stringify(value.type) ?? 'undefined'}`);
  }
}

function fail(problem: string): CompanionCheck {
  return { ok: false, problem };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}
