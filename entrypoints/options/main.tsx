import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/utils/messages/contract';
import { createTranslate } from '@/utils/i18n/translator';
import { OptionsApp } from './OptionsApp';

const call = createClient((message) => browser.runtime.sendMessage(message));
// Keys are checked against _locales by WXT's generated types; components take plain strings.
type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
const t = createTranslate((key, subs) => browser.i18n.getMessage(key as MessageKey, subs), browser.i18n.getUILanguage());
document.title = t('optionsTitle');
/**
 * The companion's optional permissions, as the manifest lists them for this browser (Firefox: proxy and
 * nativeMessaging; Chrome: nativeMessaging, its proxy permission being required). Called in the click itself.
 */
const requestCompanionPermissions = () =>
  browser.permissions.request({ permissions: (browser.runtime.getManifest().optional_permissions ?? []) as Parameters<typeof browser.permissions.request>[0]['permissions'] });
const root = document.getElementById('app');
if (root) render(<OptionsApp call={call} t={t} requestCompanionPermissions={requestCompanionPermissions} />, root);
