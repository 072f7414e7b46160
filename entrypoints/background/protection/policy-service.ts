import { editPolicy, viewOf, type PolicyEdit, type PolicyView } from '@/utils/rules/policy-edits';
import type { DnrRule } from '@/utils/rules/dnr-types';
import type { SideTable } from '@/utils/rules/side-table';
import { buildPolicyRules, PolicyError, usablePolicies, validatePolicies, type SitePolicy } from '@/utils/rules/site-policy';
import { within } from '@/utils/async/within';
import { MANAGED_VIEW_WAIT_MS } from '../store/managed-store';
import type { PolicyStore } from '../store/policy-store';
import { installPolicyRules } from './policy-rules';

const EMPTY_TABLE: SideTable = { version: 1, rules: {}, companies: {} };
const MANAGED_REFUSAL = 'Set by your organization: per-site policies cannot be changed here.';

/**
 * Per-site policies: checked and built into rules first, then stored, then mirrored into dynamic rules. A change
 * that is invalid or would need more rules than the browsers allow (utils/rules/policy-limits.ts) is refused
 * with its reason and stores nothing. Edits run one at a time so two quick clicks cannot interleave their rule
 * updates. A rule update the browser refuses is kept as `error` and shown by the popup; the stored choice stays,
 * and the next start-up or edit tries again. A stored policy that cannot be used (stored before these checks)
 * is left out of the rules and named in `error`, so it does not take every other site's rules down with it.
 */
export class PolicyService {
  private queue: Promise<unknown> = Promise.resolve();
  private lastError: string | null = null;
  /** A fleet's policy sets the per-site policies (managed/, docs/managed.md): edits and imports are refused. */
  private managed = false;
  /** Settles once the last managed list given to setManaged is read and in force (or refused). */
  private managedSettled: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PolicyStore,
    private readonly table: () => Promise<SideTable>,
  ) {}

  /** Rebuilds the rules from storage (start-up, after an update). */
  resync(): Promise<void> {
    return this.serial(async () => {
      const all = await this.store.all();
      // With no policy the wanted rule set is empty: no need to read the (large) rule table at every start.
      const table = all.length ? await this.table() : EMPTY_TABLE;
      const { usable, issues } = usablePolicies(all, table);
      let wanted: DnrRule[];
      try {
        wanted = buildPolicyRules(usable, table);
      } catch (error) {
        this.failed(error);
        return;
      }
      await this.install(wanted, issues);
    });
  }

  async view(site: string): Promise<PolicyView> {
    // Chromium can answer storage.managed seconds late (store/managed-store.ts): a view waits for the managed list
    // at most MANAGED_VIEW_WAIT_MS, then shows the last known state. Edits and imports always wait for it, so they
    // are refused if it turns out managed.
    await within(this.managedSettled, MANAGED_VIEW_WAIT_MS);
    await this.queue;
    return viewOf(await this.store.get(site), await this.table(), this.lastError, this.managed);
  }

  edit(site: string, edit: PolicyEdit): Promise<PolicyView> {
    return this.afterManaged(async () => {
      const table = await this.table();
      const next = editPolicy(await this.store.get(site), edit, table);
      const problems = validatePolicies([next], table);
      if (problems.length) throw new PolicyError(problems);
      const { usable, issues } = usablePolicies((await this.store.all()).filter((p) => p.site !== site), table);
      const wanted = buildPolicyRules([...usable, next], table);
      await this.store.put(next);
      await this.install(wanted, issues);
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
   * Replaces every stored policy with `policies` (a settings import) and rebuilds the rules. An invalid list, or
   * one needing more rules than allowed, is refused whole before anything is stored. Answers the browser's
   * refusal of the rules, or null.
   */
  replaceAll(policies: readonly SitePolicy[]): Promise<string | null> {
    return this.afterManaged(() => this.replace(policies));
  }

  /**
   * A fleet's policy sets every site's policy (undefined: it leaves them to the user, who keeps what was last in
   * force). Installed as an import is; then edits and imports are refused while it is set. Answers the browser's
   * refusal of the rules, or null. `policies` may still be being read: edits and imports wait for it, so a worker
   * woken by the popup never takes an edit before the policy is read; views wait for it at most MANAGED_VIEW_WAIT_MS.
   */
  setManaged(policies: PromiseLike<readonly SitePolicy[] | undefined> | readonly SitePolicy[] | undefined): Promise<string | null> {
    const done = Promise.resolve(policies).then((list) =>
      this.serial(async () => {
        this.managed = false;
        if (list === undefined) return null;
        const refused = await this.replace(list);
        this.managed = true;
        return refused;
      }),
    );
    this.managedSettled = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** A change the user asked for: queued after the managed list is known, and refused while managed. */
  private afterManaged<T>(task: () => Promise<T>): Promise<T> {
    return this.managedSettled.then(() =>
      this.serial(async () => {
        if (this.managed) throw new Error(MANAGED_REFUSAL);
        return task();
      }),
    );
  }

  private async replace(policies: readonly SitePolicy[]): Promise<string | null> {
    const table = await this.table();
    const issues = validatePolicies(policies, table);
    if (issues.length) throw new PolicyError(issues);
    const wanted = buildPolicyRules(policies, table);
    await this.store.replaceAll(policies);
    await this.install(wanted, []);
    return this.lastError;
  }

  /** Installs `wanted`; `leftOut` names stored policies that could not be used. */
  private async install(wanted: readonly DnrRule[], leftOut: readonly string[]): Promise<void> {
    try {
      await installPolicyRules(wanted);
      const more = leftOut.length > 3 ? ` (and ${leftOut.length - 3} more)` : '';
      this.lastError = leftOut.length ? `Some stored policies were left out of the rules: ${leftOut.slice(0, 3).join(' ')}${more}` : null;
      if (this.lastError) console.error('Diffuse:', this.lastError);
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    console.error('Diffuse:', this.lastError);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
