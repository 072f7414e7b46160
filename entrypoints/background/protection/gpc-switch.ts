import { browser } from 'wxt/browser';
import { GPC_RULESET_ID } from '@/utils/rules/gpc-ruleset';

const SCRIPT_ID = 'diffuse-gpc';

/**
 * Puts Global Privacy Control on or off as a whole: the `Sec-GPC: 1` ruleset and the MAIN-world script that
 * sets navigator.globalPrivacyControl. Idempotent, so start-up can call it to repair whatever drifted.
 */
export async function applyGpc(enabled: boolean): Promise<void> {
  await browser.declarativeNetRequest.updateEnabledRulesets(
    enabled ? { enableRulesetIds: [GPC_RULESET_ID] } : { disableRulesetIds: [GPC_RULESET_ID] },
  );
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (enabled && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: ['gpc.js'],
        matches: ['<all_urls>'],
        runAt: 'document_start',
        allFrames: true,
        world: 'MAIN',
        persistAcrossSessions: true,
      } as Parameters<typeof browser.scripting.registerContentScripts>[0][number],
    ]);
  } else if (!enabled && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}
