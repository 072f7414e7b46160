import type { Handlers } from '@/utils/messages/contract';
import type { PolicyMessages } from '@/utils/messages/policy-messages';
import type { PolicyService } from './policy-service';

/**
 * The popup's per-site protection: the site's policy, and the user's changes to it; and for the options page, the
 * tracker categories a fleet's policy sets (`managedCategories`: as read from the policy, undefined when it sets none).
 */
export function createProtectionHandlers(policies: PolicyService, managedCategories: () => Promise<string[] | undefined>): Pick<Handlers, keyof PolicyMessages> {
  return {
    'policy.get': ({ site }) => policies.view(site),
    'policy.edit': ({ site, edit }) => policies.edit(site, edit),
    'policy.categories': async () => ({ managed: (await managedCategories()) ?? null }),
  };
}
