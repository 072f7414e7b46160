/**
 * One category vocabulary for both datasets: trackerdb's ids, because trackerdb answers first and its
 * categories are the ones the popup localises. third-party-web's categories are mapped onto them.
 */

/** English labels (from trackerdb's category names), for reports; the popup uses _locales keyed by id. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  advertising: 'Advertising',
  audio_video_player: 'Audio/Video Player',
  consent: 'Consent Management',
  customer_interaction: 'Customer Interaction',
  extensions: 'Extensions',
  hosting: 'Hosting',
  misc: 'Misc',
  pornvertising: 'Adult Advertising',
  site_analytics: 'Site Analytics',
  social_media: 'Social Media',
  utilities: 'Utilities',
};

/**
 * third-party-web category → trackerdb id. Choices follow where trackerdb itself files the same
 * services: Google Tag Manager is "utilities", HubSpot/Drift-style marketing tools are analytics or
 * customer interaction (we pick customer_interaction: they are widgets and forms), CDNs are "hosting".
 * "content" (publishers, embeds of other sites) and "other" have no equivalent and become "misc".
 */
const FROM_THIRD_PARTY_WEB: Readonly<Record<string, string>> = {
  ad: 'advertising',
  analytics: 'site_analytics',
  social: 'social_media',
  video: 'audio_video_player',
  cdn: 'hosting',
  hosting: 'hosting',
  utility: 'utilities',
  'tag-manager': 'utilities',
  'customer-success': 'customer_interaction',
  marketing: 'customer_interaction',
  'consent-provider': 'consent',
  content: 'misc',
  other: 'misc',
};

export function categoryFromThirdPartyWeb(category: string): string {
  return FROM_THIRD_PARTY_WEB[category] ?? 'misc';
}

/** English label for a category id; the id itself for ids this build does not know. */
export function categoryLabel(id: string): string {
  return CATEGORY_LABELS[id] ?? id;
}
