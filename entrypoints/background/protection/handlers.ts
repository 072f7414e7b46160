import type { Handlers } from '@/utils/messages/contract';
import type { PolicyMessages } from '@/utils/messages/policy-messages';
import type { PolicyService } from './policy-service';

/** The popup's per-site protection: the site's policy, and the user's changes to it. */
export function createProtectionHandlers(policies: PolicyService): Pick<Handlers, keyof PolicyMessages> {
  return {
    'policy.get': ({ site }) => policies.view(site),
    'policy.edit': ({ site, edit }) => policies.edit(site, edit),
  };
}
