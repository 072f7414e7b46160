import { describe, expect, it } from 'vitest';
import { FieldError } from '../validate/fields';
import { createClient, dispatch, MESSAGE_TYPES, type Handlers, type Message, type MessageType } from './contract';
import { REQUEST_CHECKS } from './request-checks';

/** One request of each type as the UI sends it. */
const GOOD: { [T in MessageType]: Record<string, unknown> } = {
  'pageLoad.get': { tabId: 4, hosts: true },
  'tab.reload': { tabId: 4 },
  'policy.get': { site: '127.0.0.1' },
  'policy.edit': { site: 'diffuse-shop.com', edit: { company: 'Google', choice: 'allow' } },
  'policy.categories': {},
  'privacy.list': {},
  'privacy.set': { id: 'topics', enabled: false },
  'dns.status': {},
  'dns.configure': { strategy: 'site', rekeyDays: 7 },
  'dns.resolve': { name: 'www.diffuse-shop.com', recordType: 'AAAA' },
  'dns.clearLedger': {},
  'history.get': { range: '7d' },
  'history.export': { range: 'all', format: 'csv' },
  'history.data': {},
  'history.setRetention': { retentionDays: null },
  'history.setOff': { off: true },
  'history.deleteAll': {},
  'history.forgetSite': { site: 'diffuse-shop.com' },
  'settings.export': {},
  'settings.import': { text: '{}' },
  'companion.status': {},
  'companion.set': { enabled: true },
};

const refusal = (type: MessageType, fields: Record<string, unknown>): string => {
  try {
    REQUEST_CHECKS[type](fields);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return (error as Error).message;
  }
};

describe('request checks', () => {
  it('accept every message as the UI sends it, unchanged', () => {
    for (const type of MESSAGE_TYPES) expect(REQUEST_CHECKS[type](GOOD[type]), type).toEqual(GOOD[type]);
  });

  it('refuse a field no message of that type has, for every type', () => {
    for (const type of MESSAGE_TYPES) expect(refusal(type, { ...GOOD[type], surplus: 1 }), type).toMatch(/^surplus: unknown field/);
  });

  it('refuse a bad policy.edit with the same words as a settings file: mode, choice, company, site', () => {
    expect(refusal('policy.edit', { site: 'diffuse-shop.com', edit: { mode: 'bogus' } })).toBe('edit.mode: expected one of "default", "off", "strict", got "bogus"');
    expect(refusal('policy.edit', { site: 'diffuse-shop.com', edit: { company: 'Google', choice: 'maybe' } })).toBe(
      'edit.choice: expected one of "allow", "block", "default", got "maybe"',
    );
    expect(refusal('policy.edit', { site: 'diffuse-shop.com', edit: { company: 7, choice: 'allow' } })).toBe('edit.company: expected text, got 7');
    expect(refusal('policy.edit', { site: 'diffuse-shop.com', edit: { mode: 'off', company: 'Google' } })).toMatch(/^edit\.company: unknown field/);
    expect(refusal('policy.edit', { site: 'diffuse-shop.com', edit: null })).toBe('edit: expected an object, got null');
    expect(refusal('policy.edit', { site: 'www.diffuse-shop.com', edit: { mode: 'off' } })).toMatch(/^site: .*use "diffuse-shop\.com"/);
  });

  it('refuse wrong types and values elsewhere, naming the field', () => {
    expect(refusal('pageLoad.get', { tabId: '4' })).toBe('tabId: expected a number, got "4"');
    expect(refusal('pageLoad.get', { tabId: 4, hosts: 'yes' })).toBe('hosts: expected true or false, got "yes"');
    expect(refusal('pageLoad.get', { tabId: 4 })).toBe('accepted'); // the popup's first screen asks without hosts
    expect(refusal('history.setRetention', { retentionDays: 0 })).toMatch(/^retentionDays: expected a whole number of days from 1 to 3650/);
    expect(refusal('history.setOff', { off: 'no' })).toBe('off: expected true or false, got "no"');
    expect(refusal('history.export', { range: '7d', format: 'xlsx' })).toMatch(/^format: expected one of "json", "csv", "html"/);
    expect(refusal('privacy.set', { id: 'cookies', enabled: true })).toMatch(/^id: expected one of/);
    expect(refusal('companion.set', { onLoss: 'drop' })).toBe('onLoss: expected one of "direct", "block", got "drop"');
    expect(refusal('settings.import', { text: 5 })).toBe('text: expected text, got 5');
    expect(refusal('dns.resolve', { name: 'a.com', recordType: 'TXT' })).toBe('recordType: expected one of "A", "AAAA", got "TXT"');
  });

  it('run before the handler: a refused message never reaches it, and the UI gets the sentence', async () => {
    const reached: unknown[] = [];
    const handlers = new Proxy({} as Handlers, { get: () => async (request: unknown) => (reached.push(request), null) });
    const call = createClient((message) => dispatch(handlers, REQUEST_CHECKS, message as Message));
    await expect(call('policy.edit', { site: 'diffuse-shop.com', edit: { mode: 'bogus' as 'off' } })).rejects.toThrow('edit.mode: expected one of');
    expect(reached).toEqual([]);
    await call('policy.edit', { site: 'diffuse-shop.com', edit: { mode: 'off' } });
    expect(reached).toEqual([{ site: 'diffuse-shop.com', edit: { mode: 'off' } }]);
  });
});
