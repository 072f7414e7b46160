import { describe, expect, it } from 'vitest';
import { useBackgroundTestBed } from '@/tests/support/background-test-bed';
import { PolicyStore } from '../store/policy-store';
import { createProtectionCapability } from '.';

const bed = useBackgroundTestBed('protection-handlers-test');

/** The capability's handlers over a fleet's policy as storage.managed answers it. */
function handlers(policy: unknown) {
  return createProtectionCapability({ store: new PolicyStore(bed.db()), ruleTable: async () => ({ version: 1, rules: {}, companies: {} }), managed: { recent: async () => policy } }).handlers;
}

describe('policy.categories', () => {
  it("answers the tracker categories a fleet's policy sets, as managed/ reads them to switch the rulesets", async () => {
    expect(await handlers({ protectionCategories: ['advertising', 'social_media'] })['policy.categories']({})).toEqual({ managed: ['advertising', 'social_media'] });
    expect(await handlers({ protectionCategories: [] })['policy.categories']({})).toEqual({ managed: [] });
  });

  it('answers null when the policy sets none, or sets a list managed/ leaves out (an unknown category)', async () => {
    expect(await handlers({ historyOff: true })['policy.categories']({})).toEqual({ managed: null });
    expect(await handlers({ protectionCategories: ['advertising', 'crypto'] })['policy.categories']({})).toEqual({ managed: null });
    expect(await handlers(undefined)['policy.categories']({})).toEqual({ managed: null });
  });
});
