import { describe, expect, it } from 'vitest';
import { categoryRulesetChanges, managedCategories } from './managed-categories';

const RESOURCES = [
  { id: 'trackers_advertising', enabled: true },
  { id: 'trackers_site_analytics', enabled: true },
  { id: 'trackers_social_media', enabled: false },
  { id: 'tracking_params', enabled: true },
];

describe('managed protection categories', () => {
  it('switches on exactly the listed categories\' rulesets, and leaves the other rulesets alone', () => {
    expect(categoryRulesetChanges(RESOURCES, ['social_media', 'advertising'])).toEqual({
      enableRulesetIds: ['trackers_advertising', 'trackers_social_media'], disableRulesetIds: ['trackers_site_analytics'],
    });
    expect(categoryRulesetChanges(RESOURCES, [])).toEqual({ enableRulesetIds: [], disableRulesetIds: ['trackers_advertising', 'trackers_site_analytics', 'trackers_social_media'] });
  });

  it('without a managed list, puts the manifest\'s defaults back', () => {
    expect(categoryRulesetChanges(RESOURCES, undefined)).toEqual({ enableRulesetIds: ['trackers_advertising', 'trackers_site_analytics'], disableRulesetIds: ['trackers_social_media'] });
  });

  it('takes known category ids only, naming the first unknown', () => {
    expect(managedCategories(['advertising', 'advertising', 'consent'])).toEqual(['advertising', 'consent']);
    expect(() => managedCategories(['advertising', 'ads'])).toThrow('protectionCategories: no tracker category "ads".');
    expect(() => managedCategories('advertising')).toThrow('protectionCategories: expected a list of category ids.');
  });
});
