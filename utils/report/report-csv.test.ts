import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { contactsCsv, organizationsCsv } from './report-csv';
import { buildPageReport } from './page-report';

describe('report CSVs', () => {
  const report = buildPageReport({
    site: 'example.org',
    contacts: [{ host: 'www.example.org', requests: 2 }, { host: 'connect.facebook.net', requests: 3, blocked: 1 }],
  }, createAttributor(realTable()));

  it('writes one row per contact with a header, CRLF line ends', () => {
    expect(contactsCsv([{ ...report, page: { url: 'https://example.org/?q=a,b' } }])).toBe(
      'site,page_url,host,organization,product,category,requests,blocked,third_party\r\n' +
      'example.org,"https://example.org/?q=a,b",connect.facebook.net,Meta,Facebook,advertising,3,1,true\r\n' +
      'example.org,"https://example.org/?q=a,b",www.example.org,,,,2,0,false\r\n',
    );
  });

  it('writes one row per company with share and the page HHI', () => {
    expect(organizationsCsv([report]).split('\r\n')[1]).toBe('example.org,,Meta,3,1,1,advertising,connect.facebook.net,10000');
  });
});
