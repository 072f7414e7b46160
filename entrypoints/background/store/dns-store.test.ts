import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDnsStore } from './dns-store';
import { saveHistorySettings } from './history-settings-store';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i + 1);

describe('DNS store (storage.local)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('draws the secret once, stores it as hex, and reads the same bytes back afterwards', async () => {
    const store = createDnsStore();
    const first = await store.load(bytes);
    expect(first).toEqual({ settings: undefined, ledger: undefined, secret: bytes(32), secretCreated: true });
    const again = await createDnsStore().load(() => {
      throw new Error('must not draw a second secret');
    });
    expect(again).toMatchObject({ secret: bytes(32), secretCreated: false });
  });

  it('an unreadable secret is replaced (and said so), and the settings and ledger come back as stored', async () => {
    await fakeBrowser.storage.local.set({ dnsSecret: 'not hex', dnsSettings: { strategy: 'name' }, dnsLedger: { version: 1, resolvers: [] } });
    const loaded = await createDnsStore().load(bytes);
    expect(loaded).toEqual({ settings: { strategy: 'name' }, ledger: { version: 1, resolvers: [] }, secret: bytes(32), secretCreated: true });
    expect((await fakeBrowser.storage.local.get('dnsSecret')).dnsSecret).toBe('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20');
  });

  it('"keep no history": the ledger is not written, and what was stored goes', async () => {
    const store = createDnsStore();
    const ledger = { version: 1, resolvers: [] } as unknown as Parameters<typeof store.saveLedger>[0];
    await store.saveLedger(ledger);
    expect((await fakeBrowser.storage.local.get('dnsLedger')).dnsLedger).toEqual(ledger);
    await saveHistorySettings({ retentionDays: 30, off: true });
    await store.saveLedger(ledger);
    expect(await fakeBrowser.storage.local.get('dnsLedger')).toEqual({});
  });
});
