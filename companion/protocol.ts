/**
 * The messages between the extension and the companion over the native-messaging port, and the checks of what
 * arrives. Framing (native-messaging.ts): a 32-bit length in the machine's byte order, then that many octets of
 * UTF-8 JSON, both ways; the browser takes at most 1 MB per message from a host (Chrome's and Firefox's
 * native-messaging documentation). Everything that arrives crosses a process boundary, so nothing about its
 * shape is trusted.
 */
import { checkDnsConfig, DEFAULT_DNS_SETTINGS } from '../utils/dns/settings/dns-settings';
import type { AnswerMessage, CompanionErrorMessage, ConfigureMessage, LookupMessage, ReadyMessage, ResolveMessage } from '../utils/companion/native-messages';

/** The browsers' limit on one message from a host to the extension: 1 MB (1024 × 1024 octets). */
export const MAX_MESSAGE_TO_EXTENSION = 1024 * 1024;

/**
 * Our own limit on one message from the extension. The browsers allow more (Chrome 64 MiB, Firefox 4 GiB), but a
 * `configure` is a few hundred octets; a longer frame is a bug or not our extension, and is skipped unread.
 */
export const MAX_MESSAGE_FROM_EXTENSION = 1024 * 1024;

// The message shapes are the extension's and the companion's one contract, written once in
// utils/companion/native-messages.ts; this file adds the companion's side: limits and the check of what arrives.
export type { AnswerMessage, ConfigureMessage, LookupMessage, ReadyMessage, ResolveMessage } from '../utils/companion/native-messages';
export { PROTOCOL_VERSION } from '../utils/companion/native-messages';

/**
 * How the SOCKS5 client says which site a connection is for: `password` (Firefox): RFC 1929 username = the
 * top-level site, password = the session password of `ready`; `none` (Chrome, whose SOCKS5 has no
 * authentication, Chromium net/docs/proxy.md): no credentials, and the site is the name's registrable domain.
 */
export type AuthMode = ConfigureMessage['auth'];

export type IncomingMessage = ConfigureMessage | ResolveMessage;
export type OutgoingMessage = ReadyMessage | LookupMessage | AnswerMessage | CompanionErrorMessage;

export type IncomingCheck = { ok: true; message: IncomingMessage } | { ok: false; error: string };

const SECRET_HEX = /^[0-9a-f]{64}$/i;

/** A parsed JSON value from the extension, checked whole: either a usable message or one sentence saying why not. */
export function checkIncoming(value: unknown): IncomingCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'A message must be a JSON object with a "type".' };
  const fields = value as Record<string, unknown>;
  if (fields.type === 'resolve') {
    if (typeof fields.id !== 'number' || !Number.isSafeInteger(fields.id)) return { ok: false, error: 'resolve: "id" must be a whole number.' };
    if (typeof fields.name !== 'string' || fields.name === '' || fields.name.length > 253) return { ok: false, error: 'resolve: "name" must be a host name.' };
    if (typeof fields.site !== 'string' || fields.site.length > 253) return { ok: false, error: 'resolve: "site" must be a site name.' };
    return { ok: true, message: { type: 'resolve', id: fields.id, name: fields.name.toLowerCase(), site: fields.site.toLowerCase() } };
  }
  if (fields.type !== 'configure') return { ok: false, error: `Unknown message type ${JSON.stringify(fields.type)}: the companion understands "configure" and "resolve".` };
  for (const key of ['resolvers', 'strategy', 'secret', 'rekeyDays', 'auth'] as const) {
    if (fields[key] === undefined) return { ok: false, error: `configure: "${key}" is missing.` };
  }
  // The extension's own checks of the same settings, so both sides accept and normalise alike.
  const check = checkDnsConfig({ resolvers: fields.resolvers, strategy: fields.strategy, rekeyDays: fields.rekeyDays }, DEFAULT_DNS_SETTINGS);
  if (!check.ok) return { ok: false, error: `configure: ${Object.values(check.errors).join(' ')}` };
  if (typeof fields.secret !== 'string' || !SECRET_HEX.test(fields.secret)) return { ok: false, error: 'configure: "secret" must be 64 hexadecimal digits (32 octets).' };
  if (fields.auth !== 'password' && fields.auth !== 'none') return { ok: false, error: 'configure: "auth" must be "password" (Firefox) or "none" (Chrome).' };
  const { resolvers, strategy, rekeyDays } = check.settings;
  return { ok: true, message: { type: 'configure', resolvers, strategy, secret: fields.secret.toLowerCase(), rekeyDays, auth: fields.auth } };
}

/** The 64 hex digits of a checked secret as its 32 octets. */
export function secretBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}
