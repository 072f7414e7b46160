import { describe, expect, it } from 'vitest';
import { useBackgroundTestBed } from '@/tests/support/background-test-bed';
import { sampleTrackerDb } from '@/tests/support/sample-trackerdb';
import { isInRange } from '@/utils/rules/priorities';
import type { SitePolicy } from '@/utils/rules/site-policy';
import { compileRules } from '@/utils/rules/tracker-compiler';
import { PolicyStore } from '../store/policy-store';
import { PolicyService } from './policy-service';

const { sideTable } = compileRules(sampleTrackerDb());
const REFUSAL = 'Set by your organization: per-site policies cannot be changed here.';

const bed = useBackgroundTestBed('policy-service-test');

function service() {
  const store = new PolicyStore(bed.db());
  return { policies: new PolicyService(store, async () => sideTable), store };
}

/** Sites each kind of policy rule is in force for, as the browser has them. */
function inForce() {
  const sites = (kind: 'siteOff' | 'siteStrict' | 'companyAllow' | 'companyBlock', field: 'requestDomains' | 'initiatorDomains') =>
    [...new Set(bed.dnr().installed.filter((r) => isInRange(kind, r.id)).flatMap((r) => r.condition[field] ?? []))].sort();
  return { off: sites('siteOff', 'requestDomains'), strict: sites('siteStrict', 'initiatorDomains'), allow: sites('companyAllow', 'initiatorDomains') };
}

const userOwn: SitePolicy[] = [
  { site: 'news.example', mode: 'strict', companies: {} },
  { site: 'shop.example', mode: 'default', companies: { google: 'allow' } },
];
const fleet: SitePolicy[] = [{ site: 'intranet.example', mode: 'off', companies: {} }];

describe("PolicyService: a fleet's per-site policies (setManaged)", () => {
  it("win over the user's: the user's list is replaced in storage and in the browser's rules, and every site shows locked", async () => {
    const { policies, store } = service();
    await policies.replaceAll(userOwn);
    expect(inForce()).toEqual({ off: [], strict: ['news.example'], allow: ['shop.example'] });

    expect(await policies.setManaged(fleet)).toBeNull();
    expect(await store.all()).toEqual(fleet);
    expect(inForce()).toEqual({ off: ['intranet.example'], strict: [], allow: [] });
    expect(await policies.view('intranet.example')).toMatchObject({ mode: 'off', managed: true, error: null });
    // A site the fleet's list leaves out is at the default, and locked too: the list sets every site.
    expect(await policies.view('news.example')).toMatchObject({ mode: 'default', managed: true });
  });

  it("refuses the user's edits, of a site the list names or any other, with a sentence, and changes nothing", async () => {
    const { policies, store } = service();
    await policies.setManaged(fleet);
    const rules = structuredClone(bed.dnr().installed);
    await expect(policies.edit('intranet.example', { mode: 'strict' })).rejects.toThrow(REFUSAL);
    await expect(policies.edit('news.example', { mode: 'strict' })).rejects.toThrow(REFUSAL);
    await expect(policies.edit('shop.example', { company: 'Google', choice: 'block' })).rejects.toThrow(REFUSAL);
    await expect(policies.edit('intranet.example', { ownDomain: 'intranet-cdn.example', belongs: true })).rejects.toThrow(REFUSAL);
    // A settings file's policies are refused the same way.
    await expect(policies.replaceAll(userOwn)).rejects.toThrow(REFUSAL);
    expect(await store.all()).toEqual(fleet);
    expect(bed.dnr().installed).toEqual(rules);
    // The queue is not stuck behind a refusal.
    expect(await policies.view('intranet.example')).toMatchObject({ mode: 'off', managed: true });
  });

  it('a changed list replaces the one before; cleared, the last list stays in force and the user can change it again', async () => {
    const { policies, store } = service();
    await policies.replaceAll(userOwn);
    await policies.setManaged(fleet);
    const next: SitePolicy[] = [{ site: 'news.example', mode: 'strict', companies: { google: 'allow' } }];
    await policies.setManaged(next);
    expect(await store.all()).toEqual(next);
    expect(inForce()).toEqual({ off: [], strict: ['news.example'], allow: ['news.example'] });

    // The policy goes (docs/managed.md): nothing is deleted or put back, the lock is lifted.
    expect(await policies.setManaged(undefined)).toBeNull();
    expect(await store.all()).toEqual(next);
    expect(inForce()).toEqual({ off: [], strict: ['news.example'], allow: ['news.example'] });
    expect(await policies.view('news.example')).toMatchObject({ mode: 'strict', managed: false });
    expect(await policies.edit('news.example', { mode: 'off' })).toMatchObject({ mode: 'off', managed: false });
    expect(inForce()).toEqual({ off: ['news.example'], strict: [], allow: ['news.example'] });
    expect(await policies.replaceAll(userOwn)).toBeNull();
    expect(await store.all()).toEqual(userOwn);
  });

  it('a list the rule table refuses (an unknown company) is left out whole: nothing replaced, nothing locked', async () => {
    const { policies, store } = service();
    await policies.replaceAll(userOwn);
    await expect(policies.setManaged([...fleet, { site: 'shop.example', mode: 'default', companies: { nobody: 'block' } }])).rejects.toThrow(/nobody/);
    expect(await store.all()).toEqual(userOwn);
    expect(inForce()).toEqual({ off: [], strict: ['news.example'], allow: ['shop.example'] });
    expect(await policies.view('news.example')).toMatchObject({ managed: false });
  });

  it("the browser refusing the rules is answered and shown; the list is still stored and locked, and the next start installs it", async () => {
    const { policies, store } = service();
    bed.dnr().refuse = 'too many rules';
    expect(await policies.setManaged(fleet)).toBe('The browser refused the protection rules: too many rules');
    expect(await store.all()).toEqual(fleet);
    expect(await policies.view('intranet.example')).toMatchObject({ managed: true, error: 'The browser refused the protection rules: too many rules' });
    await expect(policies.edit('intranet.example', { mode: 'strict' })).rejects.toThrow(REFUSAL);
    bed.dnr().refuse = null;
    await policies.resync();
    expect(inForce().off).toEqual(['intranet.example']);
  });

  it('a list still being read holds views and edits back: a woken worker never answers "not managed" before the policy is read', async () => {
    const { policies, store } = service();
    await policies.replaceAll(userOwn);
    let read!: (list: SitePolicy[] | undefined) => void;
    void policies.setManaged(new Promise((resolve) => (read = resolve)));
    const view = policies.view('news.example');
    const edit = policies.edit('news.example', { mode: 'off' });
    const refused = expect(edit).rejects.toThrow(REFUSAL); // handled at once: it may be refused before the view answers
    read(fleet);
    expect(await view).toMatchObject({ mode: 'default', managed: true });
    await refused;
    expect(await store.all()).toEqual(fleet);
  });

  it('a list whose read takes seconds (Chromium just started) does not hold the popup: the view answers the last known state, an edit waits', async () => {
    const { policies, store } = service();
    await policies.replaceAll(userOwn);
    let read!: (list: SitePolicy[] | undefined) => void;
    void policies.setManaged(new Promise((resolve) => (read = resolve)));
    let edited = false;
    const edit = policies.edit('news.example', { mode: 'off' }).then(() => (edited = true));
    const refused = expect(edit).rejects.toThrow(REFUSAL);
    expect(await policies.view('news.example')).toMatchObject({ managed: false });
    expect(edited).toBe(false);
    read(fleet);
    await refused;
    expect(await store.all()).toEqual(fleet);
  });
});
