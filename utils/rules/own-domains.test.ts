import { describe, expect, it } from 'vitest';
import { editPolicy, viewOf } from './policy-edits';
import { isDefaultPolicy, validatePolicies, type SitePolicy } from './site-policy';
import type { SideTable } from './side-table';

const table: SideTable = { version: 1, rules: {}, companies: {} };
const start: SitePolicy = { site: 'telecom-shop.de', mode: 'default', companies: {} };

describe('"this domain belongs to the site"', () => {
  it('stores the registrable domain of the host given, and undoes it', () => {
    const marked = editPolicy(start, { ownDomain: 'img.tcs-assets.net', belongs: true }, table);
    expect(marked.ownDomains).toEqual(['tcs-assets.net']);
    expect(isDefaultPolicy(marked)).toBe(false);
    expect(viewOf(marked, table, null).ownDomains).toEqual(['tcs-assets.net']);
    const twice = editPolicy(marked, { ownDomain: 'tcs-assets.net', belongs: true }, table);
    expect(twice.ownDomains).toEqual(['tcs-assets.net']);
    const undone = editPolicy(twice, { ownDomain: 'tcs-assets.net', belongs: false }, table);
    expect(undone).toEqual(start);
    expect(isDefaultPolicy(undone)).toBe(true);
  });

  it('refuses the site itself and names that are no domain', () => {
    expect(() => editPolicy(start, { ownDomain: 'www.telecom-shop.de', belongs: true }, table)).toThrow(/the site itself/);
    expect(() => editPolicy(start, { ownDomain: '192.168.1.1', belongs: true }, table)).toThrow(/registrable domain/);
    expect(validatePolicies([{ ...start, ownDomains: ['telecom-shop.de', 'co.uk'] }], table)).toEqual([
      '"telecom-shop.de" is the site itself; list only its other domains.',
      expect.stringMatching(/^A domain given to "telecom-shop.de": .*registrable domain/),
    ]);
  });
});
