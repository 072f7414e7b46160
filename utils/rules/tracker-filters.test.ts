import { describe, expect, it } from 'vitest';
import { parseHostFilter } from './tracker-filters';

describe('parseHostFilter', () => {
  it('reads whole-host filters, with or without the third-party option', () => {
    // Tried: `||host^$3p`, `||host^$third-party`, bare `||host^`.
    for (const filter of ['||mmtro.com^$3p', '||mmtro.com^$third-party', '||mmtro.com^']) {
      expect(parseHostFilter(filter)).toEqual({ filter, host: 'mmtro.com', whole: true, urlFilter: '||mmtro.com^' });
    }
  });

  it('keeps path filters as DNR urlFilters and maps type options to resource types', () => {
    // Tried: a path filter, a path with a wildcard, a typed filter.
    expect(parseHostFilter('||facebook.com/tr')).toMatchObject({ host: 'facebook.com', whole: false, urlFilter: '||facebook.com/tr' });
    expect(parseHostFilter('||static.ak.connect.facebook.com/*.js.php^$3p')).toMatchObject({
      host: 'static.ak.connect.facebook.com', urlFilter: '||static.ak.connect.facebook.com/*.js.php^',
    });
    expect(parseHostFilter('||typed.example/ads.js$script,xhr,3p')).toMatchObject({
      urlFilter: '||typed.example/ads.js', resourceTypes: ['script', 'xmlhttprequest'],
    });
  });

  it('leaves out what DNR rules here cannot express faithfully', () => {
    // Tried: generic path, regex, cosmetic, exception, $domain=, $1p, wildcard host, host without a dot.
    for (const filter of ['/mbox.js', '/\\.2mdn\\.net\\/ads/', '##.ad', '@@||x.com^', '||x.com^$domain=a.com',
      '||x.com^$1p', '||ucoz.*/main/', '||adbutler', '||*.x.com^', '||x.com*foo']) {
      expect(parseHostFilter(filter), filter).toBeNull();
    }
  });
});
