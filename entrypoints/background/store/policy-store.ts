import type { DiffuseDb } from './db';
import { isDefaultPolicy, type SitePolicy } from '@/utils/rules/site-policy';

/** Per-site policies; a policy back at `default` with no company choice and no own domain is deleted rather than kept. */
export class PolicyStore {
  constructor(private readonly db: DiffuseDb) {}

  all(): Promise<SitePolicy[]> {
    return this.db.policies.toArray();
  }

  async get(site: string): Promise<SitePolicy> {
    return (await this.db.policies.get(site)) ?? { site, mode: 'default', companies: {} };
  }

  /** The whole list at once (a settings import): the old one goes in the same transaction; defaults are not stored. */
  async replaceAll(policies: readonly SitePolicy[]): Promise<void> {
    const kept = policies.filter((p) => !isDefaultPolicy(p));
    await this.db.transaction('rw', this.db.policies, async () => {
      await this.db.policies.clear();
      await this.db.policies.bulkPut(kept);
    });
  }

  async put(policy: SitePolicy): Promise<void> {
    if (isDefaultPolicy(policy)) await this.db.policies.delete(policy.site);
    else await this.db.policies.put(policy);
  }
}
