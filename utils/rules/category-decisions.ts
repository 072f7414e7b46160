/**
 * Which tracker categories Diffuse blocks out of the box, and why. Category ids are trackerdb's
 * (`categories` in @ghostery/trackerdb). Every category is compiled to its own static ruleset, so a user can
 * switch any of them on or off, and `strict` on a site blocks all of them there (site-policy.ts); this table
 * only decides the default.
 *
 * The rule of thumb: block what exists to follow people across sites and gives the visitor nothing
 * (ads, analytics); do not block by default what a page needs to work or to show what the visitor came for,
 * but still name it, so the dashboard can say who was contacted.
 *
 * `slot` fixes the id range of the category's rules (priorities.ts): never renumber or reuse a slot.
 * A category missing from this table makes the compiler fail, so a new trackerdb category gets a deliberate
 * decision instead of a silent default.
 */

export interface CategoryDecision {
  id: string;
  slot: number;
  blockedByDefault: boolean;
  /** One sentence for docs and the dashboard. */
  reason: string;
}

export const CATEGORY_DECISIONS: readonly CategoryDecision[] = [
  {
    id: 'advertising', slot: 0, blockedByDefault: true,
    reason: 'Ad networks, exchanges and retargeting build cross-site profiles; pages work without them.',
  },
  {
    id: 'site_analytics', slot: 1, blockedByDefault: true,
    reason: 'Analytics and session recording report the visit to a third party; the page does not need them to work.',
  },
  {
    id: 'pornvertising', slot: 2, blockedByDefault: true,
    reason: 'Adult ad networks: advertising, with more sensitive data; blocked for the same reasons.',
  },
  {
    // Not by default: in trackerdb this category is the social platforms' embeds and widgets (embedded
    // posts, timelines, avatars such as gravatar.com, images on staticflickr.com, giphy.com), which are
    // content the visitor came for. The platforms' tracking pixels are filed under advertising or
    // site_analytics (Meta Pixel on facebook.net, X/Twitter ads, LinkedIn Insight, TikTok/Pinterest
    // conversion tags) and are blocked there.
    id: 'social_media', slot: 3, blockedByDefault: false,
    reason: 'Social embeds and widgets are page content; the platforms\' tracking pixels are blocked as advertising or analytics.',
  },
  {
    // "Different types of unclassified trackers": it holds retailers, travel sites, blog hosts
    // (blogspot.com), Firebase (firebaseio.com) and image hosts; blocking them would break many sites.
    id: 'misc', slot: 4, blockedByDefault: false,
    reason: 'Unclassified services, many of them the hosts pages load content from; blocking them breaks sites.',
  },
  {
    // Requests that other software (antivirus, shopping assistants, also some adware) makes from pages.
    // Much of it is software the user installed on purpose (kaspersky-labs.com, adguard.com,
    // joinhoney.com), which blocking would silently break.
    id: 'extensions', slot: 5, blockedByDefault: false,
    reason: 'Mostly software the user installed (antivirus, shopping assistants); blocking it would break it silently.',
  },
  {
    id: 'customer_interaction', slot: 6, blockedByDefault: false,
    reason: 'Chat, support and recommendation widgets are features of the page the visitor may be using.',
  },
  {
    id: 'audio_video_player', slot: 7, blockedByDefault: false,
    reason: 'Embedded players (YouTube, Vimeo, ...) are the content itself.',
  },
  {
    id: 'hosting', slot: 8, blockedByDefault: false,
    reason: 'CDNs and hosting serve the page\'s own files; they see the request but blocking them breaks the page.',
  },
  {
    // Tag managers, maps, reCAPTCHA, fonts pickers: trackerdb itself calls them "critical to website
    // functionality".
    id: 'utilities', slot: 9, blockedByDefault: false,
    reason: 'Maps, CAPTCHAs and other functional services pages depend on.',
  },
  {
    // Blocking a consent manager leaves the consent wall up (or the page blank) on many sites, and it is
    // where the visitor refuses tracking; GPC carries that refusal anyway.
    id: 'consent', slot: 10, blockedByDefault: false,
    reason: 'Consent managers are where refusal happens; blocking them leaves pages stuck behind the banner.',
  },
];

export function categoryDecision(id: string): CategoryDecision | undefined {
  return CATEGORY_DECISIONS.find((decision) => decision.id === id);
}

export const DEFAULT_BLOCKED_CATEGORIES: readonly string[] = CATEGORY_DECISIONS
  .filter((decision) => decision.blockedByDefault)
  .map((decision) => decision.id);
