import { describe, expect, it } from 'vitest';
import { encryptionHistory } from './encryption-history';
import type { HistorySlice } from './stored-history';

const attribute = ((host: string) => (host.endsWith('jquery.com') ? { organization: 'JS Foundation' } : host.endsWith('google.com') ? { organization: 'Google' } : null)) as never;
const range = { id: '7d' as const, from: '2026-11-20', to: '2026-11-26' };

describe('encryption over a range', () => {
  it('clear-text share by company (unknown owners last) and per day; Firefox connection shares', () => {
    const slice: HistorySlice = {
      range,
      days: [
        { day: '2026-11-20', site: 'a.test', pageLoads: 1, hosts: ['code.jquery.com', 'www.a.test', 'www.google.com'], counters: { requests: [4, 2, 5], clear: [1, 2, 0], secured: [3, 0, 5], privateDns: [3, 0, 1], ech: [0, 0, 2], tls13: [3, 0, 5] } },
        { day: '2026-11-21', site: 'a.test', pageLoads: 1, hosts: ['code.jquery.com'], counters: { requests: [2], clear: [2] } },
      ],
    };
    const e = encryptionHistory(slice, attribute);
    expect(e.byCompany).toEqual([
      { company: 'JS Foundation', requests: 6, clear: 3, clearShare: 0.5 },
      { company: null, requests: 2, clear: 2, clearShare: 1 },
    ]);
    expect(e.perDay).toEqual([
      { day: '2026-11-20', requests: 11, clear: 3 },
      { day: '2026-11-21', requests: 2, clear: 2 },
    ]);
    expect(e).toMatchObject({ requests: 13, clear: 5, connections: 8, privateDnsShare: 0.5, echShare: 0.25, tls13Share: 1 });
  });

  it('no connection details (Chrome) and no records give zero shares, not NaN', () => {
    const e = encryptionHistory({ range, days: [{ day: '2026-11-20', site: 'a.test', pageLoads: 1, hosts: ['x.test'], counters: { requests: [3] } }] }, attribute);
    expect(e).toMatchObject({ requests: 3, clear: 0, connections: 0, privateDnsShare: 0, echShare: 0, byCompany: [] });
    expect(encryptionHistory({ range, days: [] }, attribute)).toMatchObject({ requests: 0, perDay: [], byCompany: [] });
  });
});
