import { DIFFUSE_CHROME_EXTENSION_ID, DIFFUSE_GECKO_ID } from './extension-id';

/**
 * The native-messaging host manifest of the companion and where each browser looks for it (user level, Linux):
 * the pure part of `npm run companion:install` (scripts/companion-install.ts).
 * Firefox: ~/.mozilla/native-messaging-hosts/, `allowed_extensions` (gecko ids). Chromium and Chrome:
 * ~/.config/chromium|google-chrome/NativeMessagingHosts/, `allowed_origins` (chrome-extension://ID/).
 */

/** The host's name: what the extension passes to runtime.connectNative, and the manifest's file name. */
export const COMPANION_HOST_NAME = 'diffuse_companion';

export const HOST_BROWSERS = ['firefox', 'chromium', 'chrome'] as const;
export type HostBrowser = (typeof HOST_BROWSERS)[number];

export function isHostBrowser(value: unknown): value is HostBrowser {
  return (HOST_BROWSERS as readonly unknown[]).includes(value);
}

export interface HostManifest {
  name: string;
  description: string;
  path: string;
  type: 'stdio';
  allowed_extensions?: string[];
  allowed_origins?: string[];
}

/** The manifest for `browser`, whose `path` is the launcher (an absolute path: browsers refuse relative ones on Linux). */
export function hostManifest(browser: HostBrowser, launcherPath: string, chromeExtensionId = DIFFUSE_CHROME_EXTENSION_ID): HostManifest {
  if (!launcherPath.startsWith('/')) throw new Error(`The launcher path must be absolute, not ${launcherPath}.`);
  const base = { name: COMPANION_HOST_NAME, description: 'Diffuse companion: spreads the browser\'s own DNS lookups over independent resolvers', path: launcherPath, type: 'stdio' as const };
  return browser === 'firefox' ? { ...base, allowed_extensions: [DIFFUSE_GECKO_ID] } : { ...base, allowed_origins: [`chrome-extension://${chromeExtensionId}/`] };
}

/** The folder each browser reads user-level host manifests from, under `home`. */
export function hostManifestDir(browser: HostBrowser, home: string): string {
  const root = home.replace(/\/+$/, '');
  switch (browser) {
    case 'firefox':
      return `${root}/.mozilla/native-messaging-hosts`;
    case 'chromium':
      return `${root}/.config/chromium/NativeMessagingHosts`;
    case 'chrome':
      return `${root}/.config/google-chrome/NativeMessagingHosts`;
  }
}

export function hostManifestPath(browser: HostBrowser, home: string): string {
  return `${hostManifestDir(browser, home)}/${COMPANION_HOST_NAME}.json`;
}

/** Where the launcher goes: one for every browser (each manifest points at it). */
export function launcherPath(home: string): string {
  return `${home.replace(/\/+$/, '')}/.local/share/diffuse/diffuse-companion`;
}

/** The launcher: runs the built companion with the Node that ran the installer (the browser's PATH may have none). */
export function launcherScript(nodePath: string, companionPath: string): string {
  return `#!/bin/sh\n# Written by npm run companion:install (Diffuse). Started by the browser for native messaging.\nexec ${shellQuote(nodePath)} ${shellQuote(companionPath)} "$@"\n`;
}

/** Parses `--browser NAME [--home DIR]`; the problem says what is wrong. */
export function parseInstallArgs(args: readonly string[], defaultHome: string): { ok: true; browser: HostBrowser; home: string } | { ok: false; problem: string } {
  let browser: string | undefined;
  let home = defaultHome;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? args[++i];
    if (flag === '--browser') browser = value;
    else if (flag === '--home') home = value ?? '';
    else return { ok: false, problem: `Unknown argument ${arg}.` };
  }
  if (!isHostBrowser(browser)) return { ok: false, problem: `--browser must be one of ${HOST_BROWSERS.join(', ')}.` };
  if (!home.startsWith('/')) return { ok: false, problem: '--home must be an absolute folder.' };
  return { ok: true, browser, home };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
