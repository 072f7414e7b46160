import { describe, expect, it } from 'vitest';
import { createAttributor } from './company-lookup';
import { brandOf, carriesBrand, firstPartyReason, isThirdParty } from './first-party';
import { realTable } from '../../tests/support/attribution-fixtures';

const attribute = createAttributor(realTable());

describe('isThirdParty', () => {
  it('treats the same registrable domain as first party', () => {
    expect(firstPartyReason('www.example.co.uk', 'static.example.co.uk', attribute)).toBe('site');
  });

  it('treats the same company as first party: youtube.com loading i.ytimg.com', () => {
    expect(firstPartyReason('www.youtube.com', 'i.ytimg.com', attribute)).toBe('owner');
    expect(isThirdParty('www.instagram.com', 'static.xx.fbcdn.net', attribute)).toBe(false);
  });

  it('treats another company, or an unknown owner, as third party', () => {
    expect(isThirdParty('www.youtube.com', 'connect.facebook.net', attribute)).toBe(true);
    expect(isThirdParty('news.example.org', 'www.google-analytics.com', attribute)).toBe(true);
    expect(isThirdParty('news.example.org', 'cdn.other-host.net', attribute)).toBe(true);
  });

  it('keeps a vendor on its parent\'s namespace a third party: amazon.com loading The Trade Desk from cloudfront.net', () => {
    expect(isThirdParty('www.amazon.com', 'd1eoo1tco6rr5e.cloudfront.net', attribute)).toBe(true);
  });

  it('does not call two customers of one shared host first party (alice.github.io → bob.github.io)', () => {
    expect(attribute('alice.github.io')?.organization).toBe(attribute('bob.github.io')?.organization);
    expect(isThirdParty('alice.github.io', 'bob.github.io', attribute)).toBe(true);
    expect(isThirdParty('alice.github.io', 'cdn.alice.github.io', attribute)).toBe(false);
    expect(isThirdParty('alice-blog.github.io', 'alice-blog-cdn.com', attribute)).toBe(true);
  });
});

describe('a site\'s own domains', () => {
  it('by the site-owner lists (DuckDuckGo\'s entity map): a publisher\'s other domains', () => {
    // Condé Nast lists arstechnica.com and its image CDN condecdn.net, Schibsted aftonbladet.se and bn-static.com;
    // no tracker table knows either.
    expect(attribute('media.condecdn.net')).toBeNull();
    expect(firstPartyReason('arstechnica.com', 'media.condecdn.net', attribute)).toBe('owner');
    expect(firstPartyReason('www.aftonbladet.se', 'images.bn-static.com', attribute)).toBe('owner');
    expect(firstPartyReason('www.aftonbladet.se', 'media.condecdn.net', attribute)).toBeNull();
  });

  it('by the brand rule: the site\'s name as a whole token of an unknown domain', () => {
    expect(firstPartyReason('www.diffuse-news.com', 'img.diffuse-news-cdn.com', attribute)).toBe('brand');
    expect(firstPartyReason('www.mobilia.se', 'static.mobilia-cdn.se', attribute)).toBe('brand');
    expect(firstPartyReason('www.mobilia.se', 'cdn-mobilia.se', attribute)).toBe('brand');
    expect(firstPartyReason('www.mobilia.de', 'assets.mobilia.com', attribute)).toBe('brand');
    expect(firstPartyReason('www.mobilia.co.uk', 'media.my-mobilia-static.net', attribute)).toBe('brand');
    // Not a whole token: another name that merely contains the site's.
    expect(firstPartyReason('www.mobilia.se', 'mobiliacdn.se', attribute)).toBeNull();
    expect(firstPartyReason('www.mobilia.se', 'automobilia.se', attribute)).toBeNull();
  });

  it('never lets the brand rule claim a host the tracker table knows under another owner', () => {
    // google-analytics.com carries "google" but is known: it stays with its real owner's decision.
    expect(firstPartyReason('www.analytics.com', 'www.google-analytics.com', attribute)).toBeNull();
    expect(firstPartyReason('www.facebook-fans.com', 'connect.facebook.net', attribute)).toBeNull();
  });

  it('ignores names too short to be a brand', () => {
    expect(brandOf('o2.co.uk')).toBeNull();
    expect(brandOf('www.diffuse-news.co.uk')).toBe('diffuse-news');
    expect(carriesBrand('cdn-o2.com', 'o2')).toBe(true);
    expect(firstPartyReason('www.o2.co.uk', 'cdn-o2.com', attribute)).toBeNull();
  });

  it('by the user\'s choice: a domain marked as the site\'s own', () => {
    expect(firstPartyReason('www.telecom-shop.de', 'tcs-assets.net', attribute, ['tcs-assets.net'])).toBe('chosen');
    expect(firstPartyReason('www.telecom-shop.de', 'img.tcs-assets.net', attribute, ['tcs-assets.net'])).toBe('chosen');
    expect(firstPartyReason('www.telecom-shop.de', 'tcs-assets.net', attribute)).toBeNull();
  });
});
