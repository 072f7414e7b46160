import type { NameAnswer } from '@/utils/cname/name-answer';
import type { CompanionPageView } from '@/utils/companion/companion-lookups';
import type { CompanionMessages } from '@/utils/messages/companion-messages';
import type { PageLoadView } from '@/utils/pageload/page-load';
import type { DnsService } from '../dns/dns-service';
import type { Capability } from '../platform/capability';
import type { CompanionStore } from '../store/companion-store';
import { CompanionService, type CompanionPlatform } from './companion-service';
import { createCompanionHandlers } from './handlers';
import { chromePlatform, firefoxPlatform } from './proxy-routing';

export interface CompanionCapability extends Capability<keyof CompanionMessages> {
  /** The popup's line about the browser's own lookups of a page load (pageload's tab view); undefined while off. */
  tabView(view: PageLoadView): CompanionPageView | undefined;
  /** While the browser's own lookups go through the companion: a lookup through it (uncloaking's), else null. */
  relay(): ((name: string, site: string) => Promise<NameAnswer>) | null;
  /** Lent to settings/: the switch, exported and imported with the settings file. */
  service: CompanionService;
}

export interface CompanionDeps {
  store: CompanionStore;
  /** The pool's settings and secret for the companion, and the exposure ledger its reports go into. */
  dns: DnsService;
  /** Firefox routes per request (proxy.onRequest); Chrome sets one proxy setting. */
  firefox: boolean;
  /** Each address the companion connected to, by host name (names/ attributes operators from it). */
  onConnected?: (host: string, address: string) => void;
  /** Tests hand in a fake browser side. */
  platform?: (route: () => ReturnType<CompanionService['route']>) => CompanionPlatform;
}

/**
 * The companion (docs/companion.md): a native program that resolves the browser's own lookups over the user's
 * resolvers, reached by native messaging and used as a SOCKS5 proxy on 127.0.0.1. Off by default.
 */
export function createCompanionCapability(deps: CompanionDeps): CompanionCapability {
  // The platform reads the service's route per request, and the service drives the platform: one late-bound side.
  const holder: { service?: CompanionService } = {};
  const platform = (deps.platform ?? (deps.firefox ? firefoxPlatform : () => chromePlatform()))(() => holder.service?.route() ?? { kind: 'off' });
  const built = (holder.service = new CompanionService({
    store: deps.store,
    dns: deps.dns,
    platform,
    ...(deps.onConnected ? { onConnected: deps.onConnected } : {}),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  }));
  return {
    service: built,
    handlers: createCompanionHandlers(built),
    tabView: (view) => built.pageView(view),
    relay: () => (built.route().kind === 'relay' ? (name, site) => built.resolve(name, site) : null),
    start() {
      platform.register();
      void built.start().catch((error: unknown) => console.error('Diffuse: could not start the companion', error));
    },
  };
}
