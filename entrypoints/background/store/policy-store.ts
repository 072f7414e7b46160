import type { DiffuseDb } from './db';
import { isDefaultPolicy, type SitePolicy } from '@/utils/rules/site-policy';

/**
 * Per-site policies; a policy back at `default` with no company choice and no own domain is deleted rather than kept.
 *
 * Read once per worker and kept: the popup asks for its site's policy at every opening (and reports read the site's
 * own domains), and an IndexedDB read in a busy worker took 7–39 ms of the popup's wait (bench:popup, 500 hosts).
 * Every write goes through this class, after IndexedDB took it, so the copy is what is stored. Callers get the
 * stored objects: they build changed copies (utils/rules/policy-edits.ts), never edit them.
 */
export class PolicyStore {
  private copy: Promise<Map<string, SitePolicy>> | undefined;

  constructor(private readonly db: DiffuseDb) {}

  /** In site order, as IndexedDB gives them by key. */
  async all(): Promise<SitePolicy[]> {
    return [...(await this.stored()).values()].sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  }

  async get(site: string): Promise<SitePolicy> {
    return (await this.stored()).get(site) ?? { site, mode: 'default', companies: {} };
  }

  /** The whole list at once (a settings import): the old one goes in the same transaction; defaults are not stored. */
  async replaceAll(policies: readonly SitePolicy[]): Promise<void> {
    const kept = policies.filter((p) => !isDefaultPolicy(p));
    await this.db.transaction('rw', this.db.policies, async () => {
      await this.db.policies.clear();
      await this.db.policies.bulkPut(kept);
    });
    this.copy = Promise.resolve(new Map(kept.map((p) => [p.site, p])));
  }

  async put(policy: SitePolicy): Promise<void> {
    const gone = isDefaultPolicy(policy);
    if (gone) await this.db.policies.delete(policy.site);
    else await this.db.policies.put(policy);
    const stored = await this.stored();
    if (gone) stored.delete(policy.site);
    else stored.set(policy.site, policy);
  }

  private stored(): Promise<Map<string, SitePolicy>> {
    if (!this.copy) {
      const read = this.db.policies.toArray().then((list) => new Map(list.map((p) => [p.site, p])));
      this.copy = read;
      // A failed read is not kept: the next call reads again (and this one's caller gets the error).
      read.catch(() => {
        if (this.copy === read) this.copy = undefined;
      });
    }
    return this.copy;
  }
}
