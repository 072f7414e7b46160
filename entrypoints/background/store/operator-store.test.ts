import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allFollowers, type HistoryFollower } from '@/utils/history/history-follower';
import { createOperatorStore } from './operator-store';
import { saveHistorySettings } from './history-settings-store';

const DAY = 86_400_000;
const stored = async () => (await fakeBrowser.storage.local.get('hostOperators')).hostOperators as unknown;

describe('operator store (fakeBrowser storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows history: retention drops hosts last seen before the cut-off, a forgotten site takes its own hosts, delete-all empties it; each stored at once', async () => {
    const clock = { now: 1 * DAY };
    const store = createOperatorStore(() => clock.now);
    store.remember('old.test', 'Fastly');
    clock.now = 10 * DAY;
    for (const host of ['www.site.test', 'img.site.test', 'cdn.other.test']) store.remember(host, 'Cloudflare');
    const memory = await store.memory();
    await store.follower.pruneBefore(5 * DAY);
    expect(memory.operatorOf('old.test')).toBeNull();
    expect(await stored()).toEqual([['www.site.test', 'Cloudflare', 10 * DAY], ['img.site.test', 'Cloudflare', 10 * DAY], ['cdn.other.test', 'Cloudflare', 10 * DAY]]);
    await store.follower.forgetSite('site.test');
    expect(await stored()).toEqual([['cdn.other.test', 'Cloudflare', 10 * DAY]]);
    await store.follower.deleteAll();
    expect(await stored()).toEqual([]);
  });

  it('reads a memory stored before last-seen times (pairs) as seen at start, and corrupt storage as empty', async () => {
    await fakeBrowser.storage.local.set({ hostOperators: [['a.test', 'Akamai']] });
    const store = createOperatorStore(() => 42);
    expect((await store.memory()).toJSON()).toEqual([['a.test', 'Akamai', 42]]);
    await fakeBrowser.storage.local.set({ hostOperators: { not: 'a list' } });
    expect((await createOperatorStore(() => 1).memory()).toJSON()).toEqual([]);
  });

  it('combined followers: a failing one does not stop the others, and its error is reported after', async () => {
    const store = createOperatorStore(() => DAY);
    store.remember('www.site.test', 'Cloudflare');
    const broken: HistoryFollower = {
      pruneBefore: () => Promise.reject(new Error('ledger broken')),
      deleteAll: () => Promise.reject(new Error('ledger broken')),
      forgetSite: () => Promise.reject(new Error('ledger broken')),
    };
    await expect(allFollowers(broken, store.follower).forgetSite('site.test')).rejects.toThrow('ledger broken');
    expect((await store.memory()).operatorOf('www.site.test')).toBeNull();
  });

  it('"keep no history": the memory stays in this worker, nothing is stored, and what was stored goes', async () => {
    await fakeBrowser.storage.local.set({ hostOperators: [['a.test', 'Akamai', 1]] });
    await saveHistorySettings({ retentionDays: 30, off: true });
    const store = createOperatorStore(() => DAY);
    store.remember('www.site.test', 'Cloudflare');
    expect((await store.memory()).operatorOf('www.site.test')).toBe('Cloudflare');
    await store.follower.forgetSite('a.test');
    expect(await stored()).toBeUndefined();
  });
});
