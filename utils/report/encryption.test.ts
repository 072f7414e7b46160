import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../../tests/support/locale-messages';
import { encryptionLine, summarizeEncryption, type EncryptionSummary } from './encryption';

/** The English strings as browser.i18n.getMessage would fill them. */
const t = localeTranslate('en');

const summary = (over: Partial<EncryptionSummary>): EncryptionSummary => ({
  requests: 0, clear: 0, secured: 0, tls13: 0, ech: 0, privateDns: 0, connectionDetails: true, clearByCompany: [], ...over,
});

describe('encryption summary line', () => {
  it('Firefox, all encrypted: TLS 1.3, ECH and private DNS counted over the described connections', () => {
    expect(encryptionLine(summary({ requests: 42, secured: 42, tls13: 38, ech: 12, privateDns: 0 }), t)).toBe(
      'All 42 requests encrypted; 38 over TLS 1.3; 12 hid the site name with ECH; DNS for 0 of 42 connections was private.',
    );
  });

  it('singular and zero cases read as sentences', () => {
    expect(encryptionLine(summary({}), t)).toBe('No requests recorded yet.');
    expect(encryptionLine(summary({ requests: 1, secured: 1, tls13: 1, ech: 1, privateDns: 1 }), t)).toBe(
      'The one request was encrypted; 1 over TLS 1.3; 1 hid the site name with ECH; DNS for 1 of 1 connection was private.',
    );
    expect(encryptionLine(summary({ requests: 1, clear: 1 }), t)).toBe('The one request went in clear text.');
  });

  it('clear text first; Chrome (no connection details) stops after the scheme count', () => {
    expect(encryptionLine(summary({ requests: 10, clear: 3, connectionDetails: false }), t)).toBe('3 of 10 requests in clear text.');
    expect(encryptionLine(summary({ requests: 10, clear: 3, secured: 7, tls13: 5, ech: 0, privateDns: 7 }), t)).toBe(
      '3 of 10 requests in clear text; 5 over TLS 1.3; 0 hid the site name with ECH; DNS for 7 of 7 connections was private.',
    );
  });
});

describe('summarizeEncryption', () => {
  it('adds up the counters and groups clear-text requests by company, unknown owners last', () => {
    const attribute = (host: string) => (host.endsWith('google-analytics.com') ? { organization: 'Google' } : null) as never;
    const s = summarizeEncryption(
      [
        { host: 'www.shop.test', requests: 3, clear: 3 },
        { host: 'www.google-analytics.com', requests: 2, clear: 2 },
        { host: 'cdn.test', requests: 4, secured: 4, tls13: 4, ech: 1 },
      ],
      attribute,
      true,
    );
    expect(s).toMatchObject({ requests: 9, clear: 5, secured: 4, tls13: 4, ech: 1, privateDns: 0 });
    expect(s.clearByCompany).toEqual([
      { company: 'Google', requests: 2, hosts: [{ host: 'www.google-analytics.com', requests: 2 }] },
      { company: null, requests: 3, hosts: [{ host: 'www.shop.test', requests: 3 }] },
    ]);
  });
});
