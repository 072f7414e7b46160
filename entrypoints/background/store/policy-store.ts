import type { DiffuseDb } from './db';
import type { SitePolicy } from '@/utils/rules/site-policy';

/** Per-site policies; a policy back at `default` with no company choice is deleted rather than kept. */
export class PolicyStore {
  constructor(private readonly db: DiffuseDb) {}

  all(): Promise<SitePolicy[]> {
    return this.db.policies.toArray();
  }

  async get(site: string): Promise<SitePolicy> {
    return (await this.db.policies.get(site)) ?? { site, mode: 'default', companies: {} };
  }

  async put(policy: SitePolicy): Promise<void> {
    if (policy.mode === 'default' && Object.keys(policy.companies).length === 0) await this.db.policies.delete(policy.site);
    else await this.db.policies.put(policy);
  }
}
