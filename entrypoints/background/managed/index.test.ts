import { describe, expect, it, vi } from 'vitest';
import { useBackgroundTestBed } from '@/tests/support/background-test-bed';
import { sampleTrackerDb } from '@/tests/support/sample-trackerdb';
import { compileRules } from '@/utils/rules/tracker-compiler';
import type { CompanionService } from '../companion/companion-service';
import type { DnsService } from '../dns/dns-service';
import { PolicyService } from '../protection/policy-service';
import { PolicyStore } from '../store/policy-store';
import { createManagedCapability } from '.';

const { sideTable } = compileRules(sampleTrackerDb());

const bed = useBackgroundTestBed('managed-test');

/** The capability over a real PolicyService; the fleet's policy is read when `read` is called, as storage.managed answers. */
function setup() {
  const policies = new PolicyService(new PolicyStore(bed.db()), async () => sideTable);
  const reads: ((policy: unknown) => void)[] = [];
  let changed = () => {};
  const setCategories = vi.fn(async () => {});
  const dns = { setManaged: vi.fn(async (policy: unknown) => void (await policy)) };
  const companion = { setManaged: vi.fn(async (policy: unknown) => void (await policy)) };
  const capability = createManagedCapability({
    store: { load: () => new Promise((resolve) => reads.push(resolve)), onChange: (listener) => void (changed = listener) },
    dns: dns as unknown as DnsService,
    companion: companion as unknown as CompanionService,
    policies,
    setCategories,
    applyHistory: vi.fn(async () => {}),
  });
  return { capability, policies, setCategories, dns, companion, read: (policy: unknown) => reads.shift()?.(policy), change: () => changed() };
}

describe('managed/: applying a fleet\'s policy', () => {
  it('a worker woken by the popup answers its first policy.get and policy.edit only once the policy is read', async () => {
    const { capability, policies, read } = setup();
    capability.start();
    // The popup's messages arrive before storage.managed has answered.
    const view = policies.view('intranet.example');
    const edit = policies.edit('intranet.example', { mode: 'strict' });
    const refused = expect(edit).rejects.toThrow('Set by your organization'); // handled at once: it may be refused before the view answers
    read({ policies: [{ site: 'intranet.example', mode: 'off' }] });
    expect(await view).toMatchObject({ mode: 'off', managed: true });
    await refused;
  });

  it('hands DNS and the companion the policy still being read in the first turn, so their changes wait for it too', async () => {
    const { capability, dns, companion, read } = setup();
    capability.start();
    expect(dns.setManaged).toHaveBeenCalledTimes(1); // before storage.managed has answered
    expect(companion.setManaged).toHaveBeenCalledTimes(1);
    read({ strategy: 'name', companion: false });
    expect(await dns.setManaged.mock.calls[0]![0]).toEqual({ strategy: 'name' });
    expect(await companion.setManaged.mock.calls[0]![0]).toBe(false);
  });

  it('a list naming an unknown company is left out and locks nothing; the rest still applies; a change is applied again', async () => {
    const { capability, policies, setCategories, read, change } = setup();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    capability.start();
    read({ policies: [{ site: 'intranet.example', mode: 'off', companies: { nobody: 'block' } }], protectionCategories: ['advertising'] });
    await vi.waitFor(() => expect(setCategories).toHaveBeenCalledWith(['advertising']));
    expect(await policies.view('intranet.example')).toMatchObject({ mode: 'default', managed: false });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('Diffuse: the managed per-site policies are not in force:', expect.stringContaining('nobody')));

    change();
    read({ policies: [{ site: 'intranet.example', mode: 'off' }] });
    await vi.waitFor(() => expect(setCategories).toHaveBeenLastCalledWith(undefined));
    expect(await policies.view('intranet.example')).toMatchObject({ mode: 'off', managed: true });
  });
});
