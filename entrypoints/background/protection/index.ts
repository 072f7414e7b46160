import type { PolicyMessages } from '@/utils/messages/policy-messages';
import type { SideTable } from '@/utils/rules/side-table';
import { parseManagedConfig } from '@/utils/settings/managed-config';
import type { Capability } from '../platform/capability';
import type { ManagedStore } from '../store/managed-store';
import type { PolicyStore } from '../store/policy-store';
import { applyCategoryRulesets } from './category-rulesets';
import { applyGpc } from './gpc-switch';
import { createProtectionHandlers } from './handlers';
import { PolicyService } from './policy-service';

export interface ProtectionCapability extends Capability<keyof PolicyMessages> {
  /** Lent to names/ (may a cloak be blocked on this site?) and settings/ (import and export). */
  policies: PolicyService;
  /** Lent to managed/: exactly these tracker categories blocked (a fleet's policy), or the defaults when undefined. */
  setCategories(categories: readonly string[] | undefined): Promise<void>;
}

/**
 * Tracker blocking beyond the static rulesets the manifest turns on: per-site policies mirrored into dynamic
 * rules (rebuilt from storage at every start, which repairs drift) and Global Privacy Control (docs/protection.md).
 */
export function createProtectionCapability(deps: {
  store: PolicyStore;
  ruleTable: () => Promise<SideTable>;
  /**
   * The fleet's policy (store/managed-store.ts): its tracker categories are read from it when asked, as managed/
   * reads them to switch the rulesets, so a worker just woken answers them before managed/ has run. Only shown,
   * so the recent answer will do.
   */
  managed?: Pick<ManagedStore, 'recent'>;
}): ProtectionCapability {
  const policies = new PolicyService(deps.store, deps.ruleTable);
  const managedCategories = async () => parseManagedConfig(await deps.managed?.recent()).protectionCategories;
  return {
    policies,
    setCategories: applyCategoryRulesets,
    handlers: createProtectionHandlers(policies, managedCategories),
    start() {
      void policies.resync();
      void applyGpc(true).catch((error) => console.error('Diffuse: could not turn Global Privacy Control on', error));
    },
  };
}
