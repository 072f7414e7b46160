import { describe, expect, it } from 'vitest';
import { CHROME_BYPASS, chromeProxyValue, decideProxy, staysLocal, topLevelSite, type CompanionRoute } from './proxy-decision';

const relay: CompanionRoute = { kind: 'relay', port: 40123, password: 'secret' };
/** Firefox's SOCKS4a form: the session password and the site in the user id (utils/companion/socks-user-id.ts). */
const socks = (site: string) => ({ type: 'socks4', host: '127.0.0.1', port: 40123, username: `secret:${site}`, proxyDNS: true });

describe('decideProxy', () => {
  it('relays a top-level load under its own site', () => {
    expect(decideProxy({ url: 'https://www.news.example.co.uk/a', type: 'main_frame' }, relay)).toEqual(socks('example.co.uk'));
  });
  it('relays a subresource under the top-level document\'s site', () => {
    expect(decideProxy({ url: 'https://cdn.tracker.com/x.js', type: 'script', documentUrl: 'https://shop.example.com/' }, relay)).toEqual(socks('example.com'));
  });
  it('takes the top frame from frameAncestors inside frames', () => {
    const details = { url: 'https://ads.net/px', type: 'image', documentUrl: 'https://widget.com/frame', frameAncestors: [{ url: 'https://widget.com/frame' }, { url: 'https://top.example.org/' }] };
    expect(decideProxy(details, relay)).toEqual(socks('example.org'));
  });
  it('counts a request with no web page above it as its own site', () => {
    expect(decideProxy({ url: 'https://dns.quad9.net/dns-query', type: 'xmlhttprequest', documentUrl: 'moz-extension://abc/background.html' }, relay)).toEqual(socks('quad9.net'));
    expect(decideProxy({ url: 'wss://push.services.mozilla.com/', type: 'websocket' }, relay)).toEqual(socks('mozilla.com'));
  });
  it.each(['http://localhost:3000/', 'http://printer.local/', 'http://nas.home.arpa/', 'http://intranet/', 'http://wiki.corp/', 'http://127.0.0.1/', 'http://[::1]:8080/', 'http://192.168.1.1/', 'http://10.0.0.2/', 'http://[fe80::1]/', 'http://0.0.0.0/', 'http://[::ffff:127.0.0.1]/', 'http://x.test/', 'http://abc.onion/'])(
    'sends %s directly, never to the companion',
    (url) => {
      expect(decideProxy({ url, type: 'main_frame' }, relay)).toEqual({ type: 'direct' });
      expect(decideProxy({ url, type: 'main_frame' }, { kind: 'down', onLoss: 'block' })).toEqual({ type: 'direct' });
    },
  );
  it('uses SOCKS5 with the password apart where the SOCKS4a user id would be longer than Firefox sends', () => {
    // A site is a registrable domain (a 63-octet label at most, then its suffix), so only a long password gets here.
    const longPassword: CompanionRoute = { kind: 'relay', port: 40123, password: 'p'.repeat(250) };
    expect(decideProxy({ url: 'https://www.example.com/', type: 'main_frame' }, longPassword)).toEqual({ type: 'socks', host: '127.0.0.1', port: 40123, username: 'example.com', password: 'p'.repeat(250), proxyDNS: true });
  });
  it('relays a public IP literal (no lookup, one path)', () => {
    expect(decideProxy({ url: 'https://9.9.9.9/', type: 'main_frame' }, relay)).toEqual(socks('9.9.9.9'));
  });
  it('leaves other schemes alone', () => {
    for (const url of ['ftp://ftp.example.com/', 'data:text/plain,x', 'moz-extension://abc/x', 'not a url']) expect(decideProxy({ url, type: 'other' }, relay)).toEqual({ type: 'direct' });
  });
  it('goes direct when off, and direct or blocked when the companion is down, as the user chose', () => {
    const request = { url: 'https://example.com/', type: 'main_frame' };
    expect(decideProxy(request, { kind: 'off' })).toEqual({ type: 'direct' });
    expect(decideProxy(request, { kind: 'down', onLoss: 'direct' })).toEqual({ type: 'direct' });
    expect(decideProxy(request, { kind: 'down', onLoss: 'block' })).toEqual({ type: 'block' });
  });
});

describe('topLevelSite', () => {
  it('prefers frame ancestors, then the document, then the origin', () => {
    expect(topLevelSite({ url: 'https://a.com/', type: 'script', originUrl: 'https://b.example.com/' })).toBe('example.com');
    expect(topLevelSite({ url: 'https://a.com/', type: 'script', frameAncestors: [], documentUrl: 'https://c.example.net/' })).toBe('example.net');
  });
});

describe('staysLocal', () => {
  it('keeps public names and addresses off the list', () => {
    expect(staysLocal('www.example.com')).toBe(false);
    expect(staysLocal('1.1.1.1')).toBe(false);
    expect(staysLocal('[2606:4700::1111]')).toBe(false);
    expect(staysLocal('172.20.0.1')).toBe(true);
  });
});

describe('chromeProxyValue', () => {
  it('points Chrome at the companion with the local bypass list', () => {
    expect(chromeProxyValue(40123)).toEqual({ mode: 'fixed_servers', rules: { singleProxy: { scheme: 'socks5', host: '127.0.0.1', port: 40123 }, bypassList: [...CHROME_BYPASS] } });
    expect(CHROME_BYPASS).toContain('<local>');
    expect(CHROME_BYPASS).toContain('fe80::/10');
  });
});
