import { describe, expect, it } from 'vitest';
import { fakeDoh, rr } from '../../tests/support/fake-doh';
import { ResolverPool } from '../dns/pool/pool';
import { DEFAULT_BLOCKED_CATEGORIES } from '../rules/category-decisions';
import { buildCloakTargets } from './cloak-targets';
import { detectCloak } from './detect-cloak';
import { CLOAK_SIDE_TABLE } from '../../tests/support/cname-fixtures';

const targets = buildCloakTargets(CLOAK_SIDE_TABLE, DEFAULT_BLOCKED_CATEGORIES);

/** A pool whose one resolver answers from real DoH wire messages carrying CNAME chains. */
function poolAnswering(chains: Record<string, string[]>) {
  const fetch = fakeDoh((seen) => {
    const chain = chains[seen.name] ?? [];
    const names = [seen.name, ...chain];
    const cnames = chain.map((target, i) => rr.cname(names[i]!, target, 300));
    const last = names[names.length - 1]!;
    return { answers: [...cnames, seen.type === 'A' ? rr.a(last, '192.0.2.9', 60) : rr.aaaa(last, '2001:db8::9', 60)] };
  });
  return new ResolverPool({ fetch, now: () => 0, random: () => 0.5, secret: new Uint8Array(32).fill(7), resolvers: ['https://r1.test/dns-query{?dns}'] });
}

describe('CNAME cloak detection', () => {
  it('finds a first-party subdomain whose DoH answer chains into a blocked tracker, with company, category and chain', async () => {
    const pool = poolAnswering({ 'metrics.shop.example': ['shop.example.sc.omtrdc.net', 'sc.omtrdc.net.edgekey.net'] });
    const answer = await pool.resolve('metrics.shop.example', 'A', { site: 'shop.example' });
    expect(answer.cnameChain).toEqual(['shop.example.sc.omtrdc.net', 'sc.omtrdc.net.edgekey.net']);
    expect(detectCloak({ site: 'shop.example', host: 'metrics.shop.example', cnameChain: answer.cnameChain }, targets)).toEqual({
      site: 'shop.example',
      host: 'metrics.shop.example',
      organization: 'Adobe',
      organizationId: 'adobe',
      category: 'site_analytics',
      target: 'shop.example.sc.omtrdc.net',
      cnameChain: ['shop.example.sc.omtrdc.net', 'sc.omtrdc.net.edgekey.net'],
    });
  });

  it('finds the tracker anywhere in a long chain (an advertising target behind the site’s own alias)', async () => {
    const pool = poolAnswering({ 'ea.shop.example': ['alias.shop.example', 'shop.eulerian.net.'] });
    const { cnameChain } = await pool.resolve('ea.shop.example', 'A', { site: 'shop.example' });
    expect(detectCloak({ site: 'shop.example', host: 'ea.shop.example', cnameChain }, targets)).toMatchObject({ organization: 'Eulerian', category: 'advertising', target: 'shop.eulerian.net' });
  });

  it('is not a cloak: no chain, a CDN (hosting, not blocked), a URL-filter-only domain, an excluded subdomain', () => {
    const at = (cnameChain: string[]) => detectCloak({ site: 'shop.example', host: 'www.shop.example', cnameChain }, targets);
    expect(at([])).toBeNull();
    expect(at(['www.shop.example.edgekey.net'])).toBeNull();
    expect(at(['www.facebook.com'])).toBeNull();
    expect(at(['x.customer.omtrdc.net'])).toBeNull();
  });

  it('is not a cloak on the tracker company’s own site, nor for a host listed as that tracker under its own name', () => {
    expect(detectCloak({ site: 'adobe.com', host: 'metrics.adobe.com', cnameChain: ['adobe.com.sc.omtrdc.net'] }, targets)).toBeNull();
    expect(detectCloak({ site: 'shop.example', host: 'shop.sc.omtrdc.net', cnameChain: ['edge.omtrdc.net'] }, targets)).toBeNull();
  });

  it('a third-party host of another company that chains into the tracker is a cloak too', () => {
    expect(detectCloak({ site: 'shop.example', host: 'stats.other.example', cnameChain: ['a.2o7.net'] }, targets)).toMatchObject({ organization: 'Adobe', target: 'a.2o7.net' });
  });

  it('only the categories asked for are targets', () => {
    const onlyAds = buildCloakTargets(CLOAK_SIDE_TABLE, ['advertising']);
    expect(onlyAds.match('x.omtrdc.net')).toBeNull();
    expect(onlyAds.match('x.eulerian.net')).toMatchObject({ organization: 'Eulerian' });
  });
});
