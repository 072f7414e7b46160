import type { CompanionMessages } from '@/utils/messages/companion-messages';
import type { Handlers } from '@/utils/messages/contract';
import type { CompanionService } from './companion-service';

/** The options page's companion switch: its status, and switching it on or off or changing "block instead". */
export function createCompanionHandlers(service: CompanionService): Pick<Handlers, keyof CompanionMessages> {
  return {
    'companion.status': () => service.status(),
    'companion.set': (request) => service.set(request),
  };
}
