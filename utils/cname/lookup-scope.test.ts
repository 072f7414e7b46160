import { describe, expect, it } from 'vitest';
import { lookupScope, type ScopeInput } from './lookup-scope';

const page = { pageHost: 'www.shop.example.com', site: 'example.com', pagePrivate: false, knownTracker: false };
const scope = (host: string, overrides: Partial<ScopeInput> = {}) => lookupScope({ ...page, host, ...overrides });

describe('lookupScope: uncloaking asks only first-party subdomains', () => {
  it('asks a first-party subdomain other than the page host', () => {
    expect(scope('metrics.example.com')).toEqual({ ask: true });
    expect(scope('cdn.shop.example.com')).toEqual({ ask: true });
    // The bare registrable domain is under the site too.
    expect(scope('example.com')).toEqual({ ask: true });
  });

  it('never-sent: private names, with the rule that keeps them', () => {
    expect(scope('printer.local')).toEqual({ ask: false, reason: 'never-sent', why: 'special-use' });
    expect(scope('intranet')).toEqual({ ask: false, reason: 'never-sent', why: 'single-label' });
    expect(scope('192.168.1.1')).toEqual({ ask: false, reason: 'never-sent', why: 'ip-literal' });
    expect(scope('server.corp')).toEqual({ ask: false, reason: 'never-sent', why: 'not-icann' });
    // Also on a page of a special-use site, where the names are "first party".
    const nas = { pageHost: 'nas.home.arpa', site: 'nas.home.arpa' };
    expect(scope('media.nas.home.arpa', nas)).toEqual({ ask: false, reason: 'never-sent', why: 'special-use' });
  });

  it('private-page: nothing of an intranet page under a public domain, its own subdomains included', () => {
    const intranet = { pageHost: 'wiki.acme.com', site: 'acme.com', pagePrivate: true };
    expect(scope('jira.acme.com', intranet)).toEqual({ ask: false, reason: 'private-page' });
    expect(scope('fonts.googleapis.com', intranet)).toEqual({ ask: false, reason: 'private-page' });
    // A private name on it still reports the name's own reason first.
    expect(scope('printer.local', intranet)).toEqual({ ask: false, reason: 'never-sent', why: 'special-use' });
  });

  it('third-party: hosts of other sites, private-section sites included', () => {
    expect(scope('www.googletagmanager.com')).toEqual({ ask: false, reason: 'third-party' });
    expect(scope('d1234abcd.cloudfront.net')).toEqual({ ask: false, reason: 'third-party' });
    expect(scope('example.co.uk')).toEqual({ ask: false, reason: 'third-party' });
    const pages = { pageHost: 'alice.github.io', site: 'alice.github.io' };
    expect(scope('bob.github.io', pages)).toEqual({ ask: false, reason: 'third-party' });
    expect(scope('cdn.alice.github.io', pages)).toEqual({ ask: true });
  });

  it('page-host: the page’s own host, compared without case or trailing dot', () => {
    expect(scope('www.shop.example.com')).toEqual({ ask: false, reason: 'page-host' });
    expect(scope('WWW.Shop.Example.com.')).toEqual({ ask: false, reason: 'page-host' });
  });

  it('known-tracker: a first-party host already known to be a tracker', () => {
    expect(scope('smetrics.example.com', { knownTracker: true })).toEqual({ ask: false, reason: 'known-tracker' });
    // A known third-party tracker is out of scope as a third party in the first place.
    expect(scope('www.google-analytics.com', { knownTracker: true })).toEqual({ ask: false, reason: 'third-party' });
  });
});
