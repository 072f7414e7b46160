import { describe, expect, it } from 'vitest';
import { zeroCounters, type Counters, type PageLoad } from '../pageload/page-load';
import { addToRow, countersAt, rollupDeltas, rollUpContacts } from './rollup';

const day = (ms: number) => (ms < 100 ? 'd1' : 'd2');
const load = (id: string, site: string, startedAt: number): PageLoad => ({ id, tabId: 1, url: '', site, startedAt });
const c = (x: Partial<Counters>): Counters => ({ ...zeroCounters(), ...x });

describe('daily roll-up', () => {
  it('regroups a batch by (day, site): new page loads counted, counts of one site and day merged, unknown loads skipped', () => {
    const loads = new Map([['a', load('a', 's.test', 1)], ['b', load('b', 's.test', 2)], ['c', load('c', 's.test', 500)]]);
    const deltas = new Map([
      ['a', new Map([['x.test', c({ requests: 2 })]])],
      ['b', new Map([['x.test', c({ requests: 1, blocked: 1 })]])],
      ['c', new Map([['x.test', c({ requests: 4 })]])],
      ['gone', new Map([['x.test', c({ requests: 9 })]])],
    ]);
    expect(rollupDeltas([load('b', 's.test', 2)], deltas, (id) => loads.get(id), day)).toEqual([
      { day: 'd1', site: 's.test', pageLoads: 1, hosts: new Map([['x.test', c({ requests: 3, blocked: 1 })]]) },
      { day: 'd2', site: 's.test', pageLoads: 0, hosts: new Map([['x.test', c({ requests: 4 })]]) },
    ]);
  });

  it('adds to a stored row: hosts appended, counters that stay zero for every host left out', () => {
    const row = addToRow(undefined, { day: 'd1', site: 's', pageLoads: 1, hosts: new Map([['h', c({ requests: 1, blocked: 1 })]]) });
    expect(row).toEqual({ day: 'd1', site: 's', pageLoads: 1, hosts: ['h'], counters: { requests: [1], blocked: [1] } });
    const next = addToRow(row, { day: 'd1', site: 's', pageLoads: 0, hosts: new Map([['h', c({ requests: 2 })], ['k', c({ requests: 1, clear: 1 })]]) });
    expect(next).toEqual({ day: 'd1', site: 's', pageLoads: 1, hosts: ['h', 'k'], counters: { requests: [3, 1], blocked: [1, 0], clear: [0, 1] } });
    expect(countersAt(next, 1)).toEqual(c({ requests: 1, clear: 1 }));
  });

  it('builds rows from stored loads and contacts (the v3 migration), a page load without contacts included', () => {
    expect(rollUpContacts([load('a', 's.test', 1), load('b', 't.test', 1)], [{ pageLoadId: 'a', host: 'h', requests: 2 }, { pageLoadId: 'z', host: 'h', requests: 1 }], day)).toEqual([
      { day: 'd1', site: 's.test', pageLoads: 1, hosts: ['h'], counters: { requests: [2] } },
      { day: 'd1', site: 't.test', pageLoads: 1, hosts: [], counters: { requests: [] } },
    ]);
  });
});
