import { describe, expect, it } from 'vitest';
import { PageInsights, type HostInsight } from './host-insights';

const insight = (host: string, error?: string): HostInsight =>
  ({ host, cnameChain: [], addresses: [], infra: null, cloak: null, via: 'pool', resolvers: [], ...(error ? { error } : {}) }) as HostInsight;

describe('PageInsights', () => {
  it('looks a host up once per page load; a failed lookup is retried once, the next time the host is seen', async () => {
    const insights = new PageInsights();
    let calls = 0;
    const failing = async () => (calls++, insight('a.test', 'the resolver timed out'));
    await insights.lookup('L1', 'a.test', failing).done;
    await insights.lookup('L1', 'a.test', failing).done; // the retry
    await insights.lookup('L1', 'a.test', failing).done; // no more
    expect(calls).toBe(2);

    let ok = 0;
    const answering = async () => (ok++, insight('b.test'));
    await insights.lookup('L1', 'b.test', answering).done;
    await insights.lookup('L1', 'b.test', answering).done;
    expect(ok).toBe(1);
    expect(insights.of('L1').get('b.test')?.error).toBeUndefined();
  });
});
