import { PAGE_MESSAGES, type PageMessages } from './page-messages';
import { POLICY_MESSAGES, type PolicyMessages } from './policy-messages';
import { PRIVACY_MESSAGES, type PrivacyMessages } from './privacy-messages';
import { DNS_MESSAGES, type DnsMessages } from './dns-messages';
import { HISTORY_MESSAGES, type HistoryMessages } from './history-messages';
import { SETTINGS_MESSAGES, type SettingsMessages } from './settings-messages';
import { COMPANION_MESSAGES, type CompanionMessages } from './companion-messages';

export type { TabView } from './page-messages';

/**
 * The one typed contract between the UI (popup, options/dashboard) and the background, composed of one file
 * per domain (`*-messages.ts`). Each entry names a request's payload and its answer; the background's router
 * and the UI's client are both checked against it.
 */
export interface Contract extends PageMessages, PolicyMessages, PrivacyMessages, DnsMessages, HistoryMessages, SettingsMessages, CompanionMessages {}

/** Every message type, so the router can refuse anything else. */
const TYPES: Record<keyof Contract, true> = { ...PAGE_MESSAGES, ...POLICY_MESSAGES, ...PRIVACY_MESSAGES, ...DNS_MESSAGES, ...HISTORY_MESSAGES, ...SETTINGS_MESSAGES, ...COMPANION_MESSAGES };
export const MESSAGE_TYPES = Object.keys(TYPES) as MessageType[];

export type MessageType = keyof Contract;
export type Message<T extends MessageType = MessageType> = { type: T } & Contract[T]['request'];
export type Response<T extends MessageType> = Contract[T]['response'];

/** Every answer travels wrapped so a failure in the background reaches the UI as a message, not a hang. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers = { [T in MessageType]: (request: Contract[T]['request']) => Promise<Response<T>> };

/**
 * One run-time check per message type (request-checks.ts): a message's fields (its `type` taken out) → the
 * request its handler may trust, or a FieldError naming the wrong field. The type checker holds it against the
 * whole contract, so a new message cannot be added without its check.
 */
export type RequestChecks = { [T in MessageType]: (fields: Record<string, unknown>) => Contract[T]['request'] };



export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(TYPES, type);
}

/**
 * Checks a message with its type's check, runs the handler it names and wraps its answer or its error. Messages
 * come from extension pages, which a bug or a compromised page could make send anything: nothing reaches a
 * handler unchecked.
 */
export async function dispatch(handlers: Handlers, checks: RequestChecks, message: Message): Promise<Envelope<unknown>> {
  try {
    const { type, ...fields } = message as { type: MessageType } & Record<string, unknown>;
    const check = checks[type] as (fields: Record<string, unknown>) => unknown;
    const handler = handlers[type] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(check(fields)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The UI side: sends through whatever transport it is given (browser.runtime.sendMessage in the extension). */
export function createClient(send: (message: Message) => Promise<unknown>) {
  return async function call<T extends MessageType>(type: T, request: Contract[T]['request']): Promise<Response<T>> {
    const envelope = (await send({ type, ...request } as Message)) as Envelope<Response<T>> | undefined;
    if (!envelope) throw new Error('The background did not answer.');
    if (!envelope.ok) throw new Error(envelope.error);
    return envelope.value;
  };
}
