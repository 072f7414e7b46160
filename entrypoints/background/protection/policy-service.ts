import { editPolicy, viewOf, type PolicyEdit, type PolicyView } from '@/utils/rules/policy-edits';
import type { SideTable } from '@/utils/rules/side-table';
import { PolicyError, validatePolicies, type SitePolicy } from '@/utils/rules/site-policy';
import type { PolicyStore } from '../store/policy-store';
import { syncPolicyRules } from './policy-rules';

const EMPTY_TABLE: SideTable = { version: 1, rules: {}, companies: {} };

/**
 * Per-site policies: stored first, then mirrored into dynamic rules. Edits run one at a time so two quick
 * clicks cannot interleave their rule updates. A rule update the browser refuses is kept as `error` and shown
 * by the popup; the stored choice stays, and the next start-up or edit tries again.
 */
export class PolicyService {
  private queue: Promise<unknown> = Promise.resolve();
  private lastError: string | null = null;

  constructor(
    private readonly store: PolicyStore,
    private readonly table: () => Promise<SideTable>,
  ) {}

  /** Rebuilds the rules from storage (start-up, after an update). */
  resync(): Promise<void> {
    return this.serial(() => this.sync());
  }

  async view(site: string): Promise<PolicyView> {
    await this.queue;
    return viewOf(await this.store.get(site), await this.table(), this.lastError);
  }

  edit(site: string, edit: PolicyEdit): Promise<PolicyView> {
    return this.serial(async () => {
      const table = await this.table();
      const next = editPolicy(await this.store.get(site), edit, table);
      await this.store.put(next);
      await this.sync();
      return viewOf(next, table, this.lastError);
    });
  }

  /** Other registrable domains the user said belong to `site` (its reports count them as first party). */
  async ownDomains(site: string): Promise<string[]> {
    return (await this.store.get(site)).ownDomains ?? [];
  }

  /** Every stored policy (the settings export). */
  list(): Promise<SitePolicy[]> {
    return this.serial(() => this.store.all());
  }

  /**
   * Replaces every stored policy with `policies` (a settings import) and rebuilds the rules. An invalid list is
   * refused whole before anything is stored. Answers the browser's refusal of the rules, or null.
   */
  replaceAll(policies: readonly SitePolicy[]): Promise<string | null> {
    return this.serial(async () => {
      const issues = validatePolicies(policies, await this.table());
      if (issues.length) throw new PolicyError(issues);
      await this.store.replaceAll(policies);
      await this.sync();
      return this.lastError;
    });
  }

  private async sync(): Promise<void> {
    try {
      const all = await this.store.all();
      // With no policy the wanted rule set is empty: no need to read the (large) rule table at every start.
      await syncPolicyRules(all, all.length ? await this.table() : EMPTY_TABLE);
      this.lastError = null;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      console.error('Diffuse:', this.lastError);
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
