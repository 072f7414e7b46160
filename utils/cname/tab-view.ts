import type { PageLookupsView } from '../dns/views/page-lookups';
import type { InfrastructureView } from '../infra/page-infrastructure';
import type { Evictions } from './cloak-book';
import type { CloakFinding } from './detect-cloak';

/** What the popup gets from CNAME uncloaking and infrastructure attribution for one page load. */
export interface CnameTabView {
  /** Hosts of the page found to be a tracker behind a CNAME (blocked from then on). */
  cloaks: CloakFinding[];
  /** Who serves the page's hosts, the first party included. */
  infrastructure: InfrastructureView;
  /** Which resolvers Diffuse's own lookups for this page load went to. */
  lookups: PageLookupsView;
  /** Learned cloak rules evicted to stay within the limit; null when none ever was. */
  cloakEvictions: Evictions | null;
}
