import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/utils/messages/contract';
import { createTranslate } from '@/utils/i18n/translator';
import { PopupApp } from './PopupApp';

/** `popup.html?tabId=N` shows tab N (so the popup can be opened as a page); otherwise the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// bench/popup-render.ts measures from here (the popup's code starts) to its first full render.
performance.mark('diffuse:script');
const call = createClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('app');
// Keys are checked against _locales by WXT's generated types; components take plain strings.
type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
const t = createTranslate((key, subs) => browser.i18n.getMessage(key as MessageKey, subs), browser.i18n.getUILanguage());
// The options page's DNS section explains how to turn the browser's Secure DNS on.
const dnsSettingsUrl = `${browser.runtime.getURL('/options.html')}#dns`;
const tabId = targetTabId();
// `hosts`: every contact too, once a list of hosts is open (page-messages.ts, TabReport).
const loadView = (hosts: boolean) => tabId.then((id) => (id === null ? null : call('pageLoad.get', hosts ? { tabId: id, hosts } : { tabId: id })));
// Asked first, so the background builds the view while Preact renders the empty popup: asked from the first effect,
// the request left 10–28 ms after the script started (bench:popup page, 5 hosts).
const firstView = loadView(false);
if (root) render(<PopupApp tabId={tabId} loadView={loadView} firstView={firstView} call={call} t={t} dnsSettingsUrl={dnsSettingsUrl} />, root);
