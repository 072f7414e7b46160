/** Test-only: a side table shaped like the compiler's, with trackers of blocked and unblocked categories. */
import type { SideTable } from '../../utils/rules/side-table';

export const CLOAK_SIDE_TABLE: SideTable = {
  version: 1,
  rules: {
    '100000001': {
      category: 'site_analytics', organizationId: 'adobe', organizationName: 'Adobe', patternIds: ['adobe_experience_cloud'],
      domains: { 'omtrdc.net': 'adobe_experience_cloud', '2o7.net': 'adobe_experience_cloud' },
      excludedDomains: ['customer.omtrdc.net'],
    },
    '100000002': {
      category: 'advertising', organizationId: 'eulerian', organizationName: 'Eulerian', patternIds: ['eulerian'], domains: { 'eulerian.net': 'eulerian' },
    },
    // Hosting is attributed, not blocked: a CNAME into a CDN is not a cloak.
    '800000001': { category: 'hosting', organizationId: 'akamai', organizationName: 'Akamai', patternIds: ['akamai'], domains: { 'edgekey.net': 'akamai' } },
    // A URL-filter rule blocks a path, not the host: never a cloak target.
    '100000003': {
      category: 'advertising', organizationId: 'meta', organizationName: 'Meta', patternIds: ['facebook'], domains: { 'facebook.com': 'facebook' }, urlFilter: '||facebook.com/tr',
    },
  },
  companies: {
    adobe: { name: 'Adobe', ownDomains: ['adobe.com', 'omtrdc.net', '2o7.net'] },
    eulerian: { name: 'Eulerian', ownDomains: ['eulerian.net'] },
    akamai: { name: 'Akamai', ownDomains: ['akamai.net', 'edgekey.net'] },
    meta: { name: 'Meta', ownDomains: ['facebook.com'] },
  },
};
