import type { PageLoad } from '../pageload/model';
import type { PageReport } from '../report/page-report';
import type { PrivacySettingId, PrivacySettingView } from '../privacy/setting-types';
import type { PolicyEdit, PolicyView } from '../rules/policy-edits';

/** What the popup shows for one tab: its current page load and the report built from its contacts. */
export interface TabView {
  pageLoad: PageLoad;
  report: PageReport;
}

/**
 * The one typed contract between the UI (popup, dashboard) and the background. Each entry names a
 * request's payload and its answer; the background's router and the UI's client are both checked against it.
 */
export interface Contract {
  'pageLoad.get': { request: { tabId: number }; response: TabView | null };
  /** A site's protection policy (site = registrable domain). */
  'policy.get': { request: { site: string }; response: PolicyView };
  /** Changes a site's mode or one company's choice there; applies to the next load. */
  'policy.edit': { request: { site: string; edit: PolicyEdit }; response: PolicyView };
  /** Reloads a tab so a policy change takes effect. */
  'tab.reload': { request: { tabId: number }; response: null };
  /** Every managed browser privacy setting with its state. */
  'privacy.list': { request: Record<string, never>; response: PrivacySettingView[] };
  /** Switch one on (protective value) or off (put back the user's value from before); answers the new list. */
  'privacy.set': { request: { id: PrivacySettingId; enabled: boolean }; response: PrivacySettingView[] };
}

export type MessageType = keyof Contract;
export type Message<T extends MessageType = MessageType> = { type: T } & Contract[T]['request'];
export type Response<T extends MessageType> = Contract[T]['response'];

/** Every answer travels wrapped so a failure in the background reaches the UI as a message, not a hang. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers = { [T in MessageType]: (request: Contract[T]['request']) => Promise<Response<T>> };

const TYPES: Record<MessageType, true> = {
  'pageLoad.get': true,
  'policy.get': true,
  'policy.edit': true,
  'tab.reload': true,
  'privacy.list': true,
  'privacy.set': true,
};

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(TYPES, type);
}

/** Runs the handler a message names and wraps its answer or its error. */
export async function dispatch(handlers: Handlers, message: Message): Promise<Envelope<unknown>> {
  try {
    const handler = handlers[message.type] as (request: Message) => Promise<unknown>;
    return { ok: true, value: await handler(message) };
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
