import { describe, expect, it } from 'vitest';
import { createClient, dispatch, isMessage, type Handlers } from './contract';
import { REQUEST_CHECKS } from './request-checks';

const unused = async (): Promise<never> => {
  throw new Error('not used in this test');
};
const handlers: Handlers = {
  'pageLoad.get': async ({ tabId }) => {
    if (tabId === 13) throw new Error('storage is corrupt');
    return null;
  },
  'policy.get': unused,
  'policy.edit': unused,
  'policy.categories': unused,
  'tab.reload': unused,
  'privacy.list': unused,
  'privacy.set': unused,
  'dns.status': unused,
  'dns.configure': unused,
  'dns.resolve': unused,
  'dns.clearLedger': unused,
  'history.get': unused,
  'history.export': unused,
  'history.data': unused,
  'history.setRetention': unused,
  'history.setOff': unused,
  'history.deleteAll': unused,
  'history.forgetSite': unused,
  'settings.export': unused,
  'settings.import': unused,
  'companion.status': unused,
  'companion.set': unused,
};

describe('message contract', () => {
  it('recognises only the contract’s message types (rejects null, strings, unknown and inherited keys)', () => {
    expect(isMessage({ type: 'pageLoad.get', tabId: 1 })).toBe(true);
    for (const bad of [null, 'pageLoad.get', { type: 'nope' }, { type: 'toString' }, { type: 1 }]) expect(isMessage(bad)).toBe(false);
  });

  it('a handler’s error reaches the client as an Error with its message, not a hang', async () => {
    const call = createClient((m) => dispatch(handlers, REQUEST_CHECKS, m as never));
    await expect(call('pageLoad.get', { tabId: 13 })).rejects.toThrow('storage is corrupt');
    await expect(call('pageLoad.get', { tabId: 1 })).resolves.toBeNull();
  });

  it('no answer at all (no background listening) is a clear error', async () => {
    const call = createClient(async () => undefined);
    await expect(call('pageLoad.get', { tabId: 1 })).rejects.toThrow('did not answer');
  });
});
