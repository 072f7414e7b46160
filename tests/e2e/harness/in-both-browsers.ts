import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchChromium } from './chromium';
import type { ExtensionBrowser } from './extension-browser';
import { launchFirefox } from './firefox';
import { TestServer } from './test-server';

export interface E2eContext {
  browser: ExtensionBrowser;
  server: TestServer;
}

const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox } as const;

/**
 * Declares the same suite once per browser: `body` gets a getter for the running browser and test server,
 * so one set of assertions covers both. DIFFUSE_BROWSERS=chromium (or firefox) narrows the run.
 */
export function describeInBothBrowsers(title: string, body: (ctx: () => E2eContext) => void): void {
  const wanted = (process.env.DIFFUSE_BROWSERS ?? 'chromium,firefox').split(',');
  for (const name of ['chromium', 'firefox'] as const) {
    describe.skipIf(!wanted.includes(name))(`${title} [${name}]`, () => {
      let ctx: E2eContext | undefined;
      let server: TestServer | undefined;
      beforeAll(async () => {
        server = await TestServer.start();
        ctx = { server, browser: await LAUNCHERS[name]() };
      });
      // A test that fails midway leaves its tab open; the next test would find two tabs on the same URL.
      afterEach(() => ctx?.browser.closeTabs());
      afterAll(async () => {
        await ctx?.browser.close();
        await server?.close();
      });
      body(() => {
        if (!ctx) throw new Error(`${name} did not start`);
        return ctx;
      });
    });
  }
}
