import { describe, expect, it } from 'vitest';
import { ALL_PRIVACY_SETTING_IDS } from '@/utils/privacy/settings';
import { PRIVACY_ERRORS } from '@/utils/privacy/manager';
import { localeTranslate } from '@/tests/support/locale-messages';
import { controlText, errorText, managedCategoriesText, settingHelp, settingName, valueText } from './setting-text';

/** Like browser.i18n.getMessage, except that a missing key fails the test instead of showing nothing. */
const t = localeTranslate('en');

describe('privacy setting text', () => {
  it('has a name and a one-line explanation for every setting', () => {
    for (const id of ALL_PRIVACY_SETTING_IDS) {
      expect(settingName(id, t)).not.toBe('');
      expect(settingHelp(id, t)).not.toBe('');
    }
  });

  it('says in Firefox that cookies are partitioned already and that blocking them can break sites', () => {
    // Tried: the cookie switch's text in each browser.
    expect(settingHelp('thirdPartyCookies', t, true)).toMatch(/Total Cookie Protection.*break/);
    expect(settingHelp('thirdPartyCookies', t, false)).toMatch(/Chrome's third-party cookies off/);
    expect(settingName('thirdPartyCookies', t, true)).toBe('Block third-party cookies');
    expect(settingName('topics', t, true)).toBe(settingName('topics', t, false));
  });

  it('words every level of control and every error code', () => {
    for (const level of ['not_controllable', 'controlled_by_other_extensions', 'controllable_by_this_extension', 'controlled_by_this_extension'] as const) {
      expect(controlText({ id: 'topics', available: true, protective: true, value: false, levelOfControl: level, enabled: true }, t)).not.toBe('');
    }
    for (const code of Object.values(PRIVACY_ERRORS)) expect(errorText(code, t)).not.toContain(code);
    expect(errorText('Setting is not writable.', t)).toContain('Setting is not writable.');
  });

  it('shows policy values and hides booleans the badge already states', () => {
    expect(valueText(false)).toBeNull();
    expect(valueText('default_public_interface_only')).toBe('default_public_interface_only');
    expect(valueText({ behavior: 'reject_trackers_and_partition_foreign', nonPersistentCookies: false })).toBe('reject_trackers_and_partition_foreign');
  });

  it("names a fleet's tracker categories in the page's language, as a list, and says when it blocks none", () => {
    expect(managedCategoriesText(['advertising', 'social_media'], t)).toBe(
      'Set by your organization: the tracker categories Diffuse blocks on every site are Advertising and Social media. This cannot be changed here.',
    );
    expect(managedCategoriesText(['advertising', 'site_analytics', 'social_media'], localeTranslate('de'))).toBe(
      'Von Ihrer Organisation festgelegt: Auf jeder Website blockiert Diffuse die Tracker-Kategorien Werbung, Website-Analyse und Soziale Medien. Das lässt sich hier nicht ändern.',
    );
    expect(managedCategoriesText([], t)).toBe('Set by your organization: no tracker category is blocked on every site. This cannot be changed here.');
  });
});
